/** Feed items, shaped once for every feed the site publishes. */
import { calendarDateToUtc } from './dates.ts';
import { absolutizeHtml } from './html.ts';
import { recapCardPath } from './og-card.ts';
import type { Recap } from './site.ts';
import { absoluteUrl, recapPath } from './urls.ts';

export interface FeedItem {
	title: string;
	/** Absolute URL of the recap; also the item's guid. */
	link: string;
	pubDate: Date;
	description: string;
	/** The full recap as HTML, every URL absolute. */
	content: string;
	categories: string[];
	/** The byline, for `dc:creator`. */
	authors: readonly string[];
	/** Absolute URL of the item's lead image, when the caller knows it. */
	image?: string | undefined;
	/** The item's preview card as an RSS `<enclosure>`, when the caller knows its size. */
	enclosure?: FeedEnclosure | undefined;
}

/** A file attached to an item; RSS requires its exact length in bytes. */
export interface FeedEnclosure {
	/** Absolute URL of the file. */
	url: string;
	length: number;
	type: string;
}

/**
 * The recaps a feed carries: the newest `limit` by publication date, newest first. A feed is for
 * keeping up, not an archive: readers fetch it every few hours, and every item carries a whole
 * recap, so a series of a hundred cities would otherwise ship megabytes on every poll.
 */
export function newestRecaps(recaps: readonly Recap[], limit: number): Recap[] {
	return recaps.toSorted(byPublication).slice(0, Math.max(0, limit));
}

function byPublication(a: Recap, b: Recap): number {
	return b.publishDate.localeCompare(a.publishDate) || a.id.localeCompare(b.id);
}

/**
 * One feed item per recap, newest publication first (feed readers order by `pubDate`; a recap
 * published late for an early event is news when it is published). `renderedHtml` maps a recap
 * id to its full rendered body; `cardBytes` maps it to the byte length of its preview card
 * (src/lib/og-cache.ts), which becomes the item's image and enclosure.
 */
export function toFeedItems(
	recaps: readonly Recap[],
	renderedHtml: ReadonlyMap<string, string>,
	siteUrl: string,
	cardBytes: ReadonlyMap<string, number> = new Map(),
): FeedItem[] {
	return recaps.toSorted(byPublication).map((recap) => {
		const link = absoluteUrl(recapPath(recap.id), siteUrl);
		const html = renderedHtml.get(recap.id);
		if (html === undefined) throw new Error(`No rendered content for recap "${recap.id}"`);
		const cardLength = cardBytes.get(recap.id);
		const card = absoluteUrl(recapCardPath(recap.id), siteUrl);
		return {
			title: recap.title,
			link,
			pubDate: calendarDateToUtc(recap.publishDate),
			description: recap.description,
			content: absolutizeHtml(html, link),
			categories: uniqueSorted([
				recap.seriesName,
				recap.city,
				...recap.talks.flatMap((talk) => talk.topics.map((topic) => topic.name)),
			]),
			authors: recap.authors,
			...(cardLength === undefined
				? {}
				: { image: card, enclosure: { url: card, length: cardLength, type: 'image/png' } }),
		};
	});
}

/** Escapes text for use inside XML elements and attributes. */
export function escapeXml(text: string): string {
	return text
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&apos;');
}

function uniqueSorted(values: readonly string[]): string[] {
	return [...new Set(values)].toSorted((a, b) => a.localeCompare(b, 'en'));
}
