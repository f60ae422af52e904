/**
 * What the RSS and JSON Feed checks share: the problem shape, the options, and the rule that every
 * URL in a feed is absolute (a feed reader has no page to resolve a relative URL against).
 */

/** One problem in a feed. */
export interface FeedProblem {
	/** Where in the feed, e.g. `channel` or `item 2 "Seattle"`. */
	where: string;
	problem: string;
	/** The item's link, when the problem is in an item (to trace it to its source page). */
	itemLink?: string;
}

/** What a feed is checked against besides its own text. */
export interface FeedCheckOptions {
	/** The URL the feed is served at; its self link (`atom:link`, `feed_url`) must name it. */
	feedUrl?: string;
	/** Checks an absolute URL against the built site; returns a problem or `undefined`. */
	siteUrlProblem?: (url: string) => string | undefined;
}

/**
 * Why `url` is not an absolute http(s) URL, or `undefined` when it is.
 *
 * @example absoluteUrlProblem('/recaps/a/') // '"/recaps/a/" is not an absolute URL (...)'
 */
export function absoluteUrlProblem(url: string): string | undefined {
	try {
		const parsed = new URL(url);
		if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return undefined;
	} catch {
		// Falls through: relative or malformed.
	}
	return `"${url}" is not an absolute URL (feed readers need https://…)`;
}
