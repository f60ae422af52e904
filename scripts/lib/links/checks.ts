/**
 * Step 2 of the link check: the rules one link must pass. Each check looks at one link on one
 * page and returns what is wrong with it, or `undefined`. Add a rule by adding a row to
 * {@link LINK_CHECKS}.
 */
import { siteUrlOfPath } from '../site-files.ts';
import { schemeOf, urlSyntaxProblem } from '../url-syntax.ts';
import type { LinkPage, PageLink } from './page.ts';
import { siteUrlProblem, type SiteIndex } from './targets.ts';

/** A link in context: its page, the URL it resolves to, and the site. */
export interface LinkContext {
	page: LinkPage;
	/** The link resolved against the page's URL; `undefined` when it does not parse. */
	url: URL | undefined;
	/** The link points at the site's host (http or https). */
	internal: boolean;
	site: SiteIndex;
}

/** One rule for links. */
export interface LinkCheck {
	/** Short name, for documentation. */
	name: string;
	check: (link: PageLink, context: LinkContext) => string | undefined;
}

/** Pages a static host serves at URLs other than their own, where relative links break. */
const SERVED_ANYWHERE = new Set(['/404.html']);

/** The rules, in the order their problems are reported for one link. */
export const LINK_CHECKS: readonly LinkCheck[] = [
	{ name: 'syntax', check: (link) => urlSyntaxProblem(link.href) },
	{
		name: 'noopener',
		check: (link) =>
			link.targetBlank && !link.rel.includes('noopener')
				? 'target="_blank" without rel="noopener"'
				: undefined,
	},
	{
		name: 'site-scheme',
		check: (link, { url, internal, site }) =>
			internal && url !== undefined && url.protocol !== site.siteUrl.protocol
				? `links to the site over ${url.protocol} (use ${site.siteUrl.protocol})`
				: undefined,
	},
	{
		name: 'target',
		check: (link, { url, internal, site }) =>
			internal && url !== undefined && urlSyntaxProblem(link.href) === undefined
				? siteUrlProblem(url, site)
				: undefined,
	},
	{
		name: 'relative-on-404',
		check: (link, { page }) =>
			SERVED_ANYWHERE.has(page.path) && isPathRelative(link.href)
				? `relative link on a page served at any URL: write it from the site root (/${link.href})`
				: undefined,
	},
];

/**
 * Resolves a link against its page and tells whether it points into the site.
 *
 * @example resolveLink('../b/', page('/recaps/a/'), site) // { url: https://site/recaps/b/, internal: true }
 */
export function resolveLink(
	href: string,
	page: LinkPage,
	site: SiteIndex,
): Pick<LinkContext, 'url' | 'internal'> {
	let url: URL;
	try {
		url = new URL(href, siteUrlOfPath(page.path, site.siteUrl));
	} catch {
		return { url: undefined, internal: false };
	}
	// Same host counts as internal even outside the base path, so such links are reported.
	const web = url.protocol === 'http:' || url.protocol === 'https:';
	return { url, internal: web && url.host === site.siteUrl.host };
}

/** A URL relative to the current page's folder (`photos/a.jpg`, `../b/`), not the site root. */
function isPathRelative(href: string): boolean {
	return href !== '' && schemeOf(href) === undefined && !/^[/#?]/.test(href);
}
