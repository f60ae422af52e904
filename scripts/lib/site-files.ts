/**
 * The files of a built site and the URL paths they are served at. Shared by the link, feed and
 * HTML gates so that all three name pages the same way.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Lists every file under `siteDir` as a sorted, `/`-separated path relative to it.
 *
 * @example await listSiteFiles('dist') // ['404.html', '_astro/hero.webp', 'index.html', ...]
 */
export async function listSiteFiles(siteDir: string): Promise<string[]> {
	const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) => path.relative(siteDir, path.join(entry.parentPath, entry.name)))
		.map((file) => file.split(path.sep).join('/'))
		.sort();
}

/**
 * The URL path a file in the site folder is served at, relative to the site's base: folder
 * indexes get the trailing slash the static host expects, other files keep their name.
 *
 * @example urlPathOfFile('recaps/seattle/index.html') // '/recaps/seattle/'
 * @example urlPathOfFile('404.html') // '/404.html'
 */
export function urlPathOfFile(file: string): string {
	if (file === 'index.html') return '/';
	if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
	return `/${file}`;
}

/** The absolute URL of a site path (as returned by {@link urlPathOfFile}) on the deployed site. */
export function siteUrlOfPath(urlPath: string, siteUrl: URL): URL {
	return new URL(`.${urlPath}`, siteUrl);
}

/**
 * The site path of an absolute URL on the site (its pathname below the site's base path, still
 * percent-encoded), or `undefined` when the URL is on another origin or outside the base path.
 *
 * @example sitePathOfUrl(new URL('https://x.com/recaps/a/#b'), new URL('https://x.com/')) // '/recaps/a/'
 */
export function sitePathOfUrl(url: URL, siteUrl: URL): string | undefined {
	if (url.host !== siteUrl.host) return undefined;
	if (!url.pathname.startsWith(siteUrl.pathname)) return undefined;
	return `/${url.pathname.slice(siteUrl.pathname.length)}`;
}
