/**
 * Tells the site which command is running, explicitly. `import.meta.env.DEV` is not safe for
 * this: it is true in an `astro build` whenever NODE_ENV is not "production" or a variable named
 * DEV is set (both happen under test runners and some CI setups), and that would publish drafts.
 * The value is decided by Astro's own command: only `astro dev` shows unpublished recaps.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export function buildMode(): AstroIntegration {
	return {
		name: 'recap:build-mode',
		hooks: {
			'astro:config:setup': ({ command, config, updateConfig }) => {
				updateConfig({
					vite: {
						define: {
							'import.meta.env.RECAP_SHOW_UNPUBLISHED': JSON.stringify(command === 'dev'),
							// Whether every page is about to be rendered, so work for all of them (drawing
							// every preview card) can start early; under `astro dev` pages come one by one.
							'import.meta.env.RECAP_WHOLE_BUILD': JSON.stringify(command === 'build'),
							// Astro's cache folder (`cacheDir`), absolute, for src/image-service.ts.
							'import.meta.env.RECAP_CACHE_DIR_PATH': JSON.stringify(
								fileURLToPath(config.cacheDir),
							),
						},
					},
				});
			},
		},
	};
}
