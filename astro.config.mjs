// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { folderSettings } from './src/build-folders.ts';
import { buildMode } from './src/integrations/build-mode.ts';
import { checkContentIntegration } from './src/integrations/check-content.ts';
import { finishBuild } from './src/integrations/finish-build.ts';
import { photoOriginals } from './src/integrations/photo-originals.ts';
import { photosAhead } from './src/integrations/photos-ahead.ts';
import { portraitsAhead } from './src/integrations/portraits-ahead.ts';
import { imageEncoders } from './src/image.config.ts';
import { siteConfig } from './src/site.config.ts';

// Test and benchmark builds read and write elsewhere (src/build-folders.ts).
const { outDir, cacheDir } = folderSettings();
// Astro's sharp service, encoding a photo's variants side by side, and reading photos the bundle
// holds only as stubs (src/integrations/photo-originals.ts).
const imageService = './src/image-service.ts';

export default defineConfig({
	site: siteConfig.url,
	outDir,
	// Outside node_modules, so `npm ci` keeps the image cache (see README, "Caching builds").
	cacheDir,
	trailingSlash: 'always',
	build: {
		format: 'directory',
		// Every page's CSS is inlined: first paint needs the HTML and nothing else but the LCP image.
		inlineStylesheets: 'always',
		// Routes rendered at once. A preview card's route waits for its card, drawn in sharp's
		// threads (src/lib/og-cache.ts); with one route at a time every page behind it waited too.
		// Page phase of the 100-recap benchmark site: 17.5-18.9 s with 1, 16.7 s with 4, 15.5-17.4 s
		// with 16. Peak memory of the 1000-recap site: 3862 MiB with 4, 4022 MiB with 16.
		concurrency: 4,
	},
	// As the build starts: the speakers' card portraits are cut on an idle core, a helper waits to
	// encode event photos ahead on it as pages record them, and the content is checked. After it: prune assets and index the pages for search side by side, then write
	// _headers (its CSP hashes every inline style of the final output).
	// Photos stay out of the bundle, which holds a stub for each (src/integrations/photo-originals.ts).
	integrations: [
		portraitsAhead(),
		photosAhead(),
		checkContentIntegration(),
		mdx(),
		buildMode(),
		photoOriginals({ imageService }),
		finishBuild(),
	],
	image: {
		// Responsive widths used by every photo on the site.
		breakpoints: [320, 480, 640, 800, 1200, 1600],
		// With encoder settings chosen by npm run bench (src/image.config.ts).
		service: { entrypoint: imageService, config: imageEncoders },
	},
	markdown: {
		shikiConfig: {
			themes: { light: 'github-light', dark: 'github-dark-default' },
		},
	},
	devToolbar: { enabled: false },
});
