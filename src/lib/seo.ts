/** Longest `<title>` search engines show in full (and html-validate's `long-title` limit). */
export const MAX_TITLE = 70;

/**
 * The document `<title>`: the page title and the site's name when both fit, else the page title
 * alone, shortened at a word boundary with an ellipsis if even that is too long.
 *
 * @example documentTitle('Speakers', 'Example Roadshow') // 'Speakers | Example Roadshow'
 */
export function documentTitle(
	title: string,
	siteTitle: string | undefined,
	max = MAX_TITLE,
): string {
	const withSite = siteTitle ? `${title} | ${siteTitle}` : title;
	if (withSite.length <= max) return withSite;
	if (title.length <= max) return title;
	const cut = title.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,:;–—-]+$/, '')}…`;
}
