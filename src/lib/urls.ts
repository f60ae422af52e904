/**
 * Every URL the site links to is built here, so pages, feeds and the link checker agree.
 * Paths are root-relative with a trailing slash (the site uses `trailingSlash: 'always'`).
 */

/** @example recapPath('ray-day-seattle-2026') // '/recaps/ray-day-seattle-2026/' */
export function recapPath(recapId: string): string {
	return `/recaps/${recapId}/`;
}

/**
 * The anchor of a talk's section on its recap page: the talk's file name.
 *
 * @example talkAnchor('ray-day-seattle-2026/notion') // 'notion'
 */
export function talkAnchor(talkId: string): string {
	return talkId.slice(talkId.lastIndexOf('/') + 1);
}

/** @example talkSectionPath('ray-day-seattle-2026/notion') // '/recaps/ray-day-seattle-2026/#notion' */
export function talkSectionPath(talkId: string): string {
	return `${recapPath(recapIdOfTalk(talkId))}#${talkAnchor(talkId)}`;
}

/** The recap a talk belongs to, from its id (`<recap-id>/<talk-id>`). */
export function recapIdOfTalk(talkId: string): string {
	const slash = talkId.indexOf('/');
	return slash === -1 ? talkId : talkId.slice(0, slash);
}

/** Absolute URL of a site path, for canonicals, feeds and preview cards. */
export function absoluteUrl(path: string, siteUrl: string | URL): string {
	return new URL(path, siteUrl).href;
}
