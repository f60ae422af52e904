interface ImportMetaEnv {
	/** True under `astro dev` only (src/integrations/build-mode.ts): show drafts and scheduled recaps. */
	readonly RECAP_SHOW_UNPUBLISHED: boolean;
	/** True only in `astro build` (src/integrations/build-mode.ts): work that pays off only for a whole build. */
	readonly RECAP_WHOLE_BUILD: boolean;
	/** Astro's cache folder (`cacheDir`), absolute (src/integrations/build-mode.ts). */
	readonly RECAP_CACHE_DIR_PATH: string;
}
