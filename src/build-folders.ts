/**
 * Where a build reads its content and writes its output and Astro's cache. Tests and benchmark
 * builds point each elsewhere with `RECAP_CONTENT_DIR`, `RECAP_OUT_DIR` and `RECAP_CACHE_DIR`, so
 * they never touch the real site's folders. The cache lives outside `node_modules` so that
 * `npm ci` keeps it (README, "Caching builds").
 */
import path from 'node:path';

/** The three folders as written in the config: relative to the project root unless absolute. */
export function folderSettings(env: NodeJS.ProcessEnv = process.env) {
	return {
		contentDir: env.RECAP_CONTENT_DIR ?? './content',
		outDir: env.RECAP_OUT_DIR ?? './dist',
		cacheDir: env.RECAP_CACHE_DIR ?? './.cache/astro',
	};
}

/** The project root and the three folders, as absolute paths. */
export interface BuildFolders {
	root: string;
	contentDir: string;
	outDir: string;
	cacheDir: string;
}

export function buildFolders(root: string, env: NodeJS.ProcessEnv = process.env): BuildFolders {
	const settings = folderSettings(env);
	return {
		root: path.resolve(root),
		contentDir: path.resolve(root, settings.contentDir),
		outDir: path.resolve(root, settings.outDir),
		cacheDir: path.resolve(root, settings.cacheDir),
	};
}

/**
 * The preview cards' cache folder: `og/` under Astro's `cacheDir`, which astro.config.mjs takes
 * from `RECAP_CACHE_DIR` (default `./.cache/astro`, relative to the project root the build runs
 * in). Here rather than in src/lib/og-cache.ts, which only the build's bundler can load, because
 * src/integrations/portraits-ahead.ts needs it too.
 */
export function ogCacheDir(cacheDir: string | undefined): string {
	return path.join(cacheDir ?? folderSettings({}).cacheDir, 'og');
}
