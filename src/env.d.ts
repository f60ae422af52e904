interface ImportMetaEnv {
	/** True under `astro dev` only (src/integrations/build-mode.ts): show drafts and scheduled recaps. */
	readonly RECAP_SHOW_UNPUBLISHED: boolean;
}
