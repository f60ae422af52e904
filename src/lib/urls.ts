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

/** @example talkPath('ray-day-seattle-2026/notion') // '/recaps/ray-day-seattle-2026/notion/' */
export function talkPath(talkId: string): string {
	return `${recapPath(recapIdOfTalk(talkId))}${talkAnchor(talkId)}/`;
}

/** @example seriesPath('ray-on-the-road-2026') // '/series/ray-on-the-road-2026/' */
export function seriesPath(seriesId: string): string {
	return `/series/${seriesId}/`;
}

/** The speaker index, or one speaker's page. */
export function speakerPath(speakerId?: string): string {
	return speakerId === undefined ? '/speakers/' : `/speakers/${speakerId}/`;
}

/** The company index, or one company's page. */
export function companyPath(companyId?: string): string {
	return companyId === undefined ? '/companies/' : `/companies/${companyId}/`;
}

/** The topic index, or one topic's page. */
export function topicPath(topicId?: string): string {
	return topicId === undefined ? '/topics/' : `/topics/${topicId}/`;
}

/** Every writeup with the talks that cite it. */
export const READING_PATH = '/reading/';

/** The search page (pagefind over recaps, talks and speakers). */
export const SEARCH_PATH = '/search/';

/** The site-wide RSS feed and JSON Feed. */
export const RSS_PATH = '/rss.xml';
export const JSON_FEED_PATH = '/feed.json';

/** The RSS feed of one series or one topic. */
export function feedPath(scope: { series: string } | { topic: string }): string {
	return 'series' in scope
		? `${seriesPath(scope.series)}rss.xml`
		: `${topicPath(scope.topic)}rss.xml`;
}
