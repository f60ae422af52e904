/**
 * Where an internal URL lands in the built site, judged the way a static host serves it: folder
 * URLs need their trailing slash and an `index.html`, fragments need an element with that id.
 * Pure: works on an index of the site's files and pages. Also used by the feed gate.
 */
import { sitePathOfUrl } from '../site-files.ts';
import { decodeSafely } from '../url-syntax.ts';
import type { LinkPage } from './page.ts';

/** Everything the checks need to know about the built site. */
export interface SiteIndex {
	/** The deployed site's base URL (links to it are internal). */
	siteUrl: URL;
	/** Every file in the site folder, `/`-separated, relative to it. */
	files: ReadonlySet<string>;
	/** Every HTML page, by its file path in the site folder. */
	pages: ReadonlyMap<string, LinkPage>;
}

/** The outcome of looking a site path up in the site folder. */
export type Target =
	| { kind: 'file'; file: string }
	| { kind: 'missing-slash'; redirect: string }
	| { kind: 'not-found'; file: string }
	| { kind: 'bad-encoding' };

/**
 * Finds the file a site path (percent-encoded, relative to the site base) is served from.
 *
 * @example resolveSitePath('/recaps/a/', files) // { kind: 'file', file: 'recaps/a/index.html' }
 * @example resolveSitePath('/recaps/a', files) // { kind: 'missing-slash', redirect: '/recaps/a/' }
 */
export function resolveSitePath(sitePath: string, files: ReadonlySet<string>): Target {
	const decoded = decodeSafely(sitePath);
	if (decoded === undefined) return { kind: 'bad-encoding' };
	const relative = decoded.slice(1);
	if (relative === '' || relative.endsWith('/')) {
		const index = `${relative}index.html`;
		return files.has(index) ? { kind: 'file', file: index } : { kind: 'not-found', file: index };
	}
	if (files.has(relative)) return { kind: 'file', file: relative };
	if (files.has(`${relative}/index.html`))
		return { kind: 'missing-slash', redirect: `${sitePath}/` };
	return { kind: 'not-found', file: relative };
}

/**
 * What is wrong with a URL that points into the site (`url` is absolute, on the site's host), or
 * `undefined` when its file and fragment both exist.
 */
export function siteUrlProblem(url: URL, site: SiteIndex): string | undefined {
	const sitePath = sitePathOfUrl(url, site.siteUrl);
	if (sitePath === undefined) return `outside the site: not below ${site.siteUrl.pathname}`;
	const target = resolveSitePath(sitePath, site.files);
	switch (target.kind) {
		case 'bad-encoding':
			return 'invalid URL: malformed percent-encoding in the path';
		case 'not-found':
			return `not found: the site has no ${target.file}`;
		case 'missing-slash':
			return `missing trailing slash: the host would redirect to ${target.redirect}`;
		case 'file':
			return fragmentProblem(url.hash, target.file, site);
	}
}

function fragmentProblem(hash: string, file: string, site: SiteIndex): string | undefined {
	const page = site.pages.get(file);
	// Fragments of non-HTML files (SVG sprites, PDFs) are not checked.
	if (page === undefined) return undefined;
	// Text fragments (`#:~:text=`) are directives for the browser, not ids.
	const fragment = decodeSafely(hash.slice(1).split(':~:')[0] ?? '');
	if (fragment === undefined) return 'invalid URL: malformed percent-encoding in the fragment';
	// An empty fragment and `#top` scroll to the top of any page (HTML "find a potential indicated element").
	if (fragment === '' || fragment.toLowerCase() === 'top') return undefined;
	if (page.ids.has(fragment)) return undefined;
	return `broken fragment: ${page.path} has no element with id="${fragment}"`;
}
