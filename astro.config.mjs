// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { buildMode } from './src/integrations/build-mode.ts';
import { checkContentIntegration } from './src/integrations/check-content.ts';
import { hostingHeaders } from './src/integrations/hosting-headers.ts';
import { pagefindSearch } from './src/integrations/pagefind.ts';
import { pruneAssets } from './src/integrations/prune-assets.ts';
import { imageEncoders } from './src/image.config.ts';
import { siteConfig } from './src/site.config.ts';

// Test and benchmark builds write elsewhere so they never touch the real site's output.
const outDir = process.env.RECAP_OUT_DIR ?? './dist';

export default defineConfig({
	site: siteConfig.url,
	outDir,
	// Outside node_modules, so `npm ci` keeps the image cache (see README, "Caching builds").
	cacheDir: process.env.RECAP_CACHE_DIR ?? './.cache/astro',
	trailingSlash: 'always',
	// Every page's CSS is inlined: first paint needs the HTML and nothing else but the LCP image.
	build: { format: 'directory', inlineStylesheets: 'always' },
	// In this order after the build: prune assets, index the pages for search, then write _headers
	// (its CSP hashes every inline style of the final output).
	integrations: [
		checkContentIntegration(),
		mdx(),
		buildMode(),
		pruneAssets(),
		pagefindSearch(),
		hostingHeaders(),
	],
	image: {
		// Responsive widths used by every photo on the site.
		breakpoints: [320, 480, 640, 800, 1200, 1600],
		// Astro's sharp service, encoding a photo's variants side by side (src/image-service.ts),
		// with encoder settings chosen by npm run bench (src/image.config.ts).
		service: { entrypoint: './src/image-service.ts', config: imageEncoders },
	},
	markdown: {
		shikiConfig: {
			themes: { light: 'github-light', dark: 'github-dark-default' },
		},
	},
	devToolbar: { enabled: false },
});
