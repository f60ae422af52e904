/**
 * Tells the site which command is running, explicitly. `import.meta.env.DEV` is not safe for
 * this: it is true in an `astro build` whenever NODE_ENV is not "production" or a variable named
 * DEV is set (both happen under test runners and some CI setups), and that would publish drafts.
 * The value is decided by Astro's own command: only `astro dev` shows unpublished recaps.
 */
import type { AstroIntegration } from 'astro';

export function buildMode(): AstroIntegration {
	return {
		name: 'recap:build-mode',
		hooks: {
			'astro:config:setup': ({ command, updateConfig }) => {
				updateConfig({
					vite: {
						define: {
							'import.meta.env.RECAP_SHOW_UNPUBLISHED': JSON.stringify(command === 'dev'),
						},
					},
				});
			},
		},
	};
}
