/**
 * Renders feeds from feed items: RSS 2.0 (through @astrojs/rss) and JSON Feed 1.1. Every feed the
 * site publishes (the whole site, one series, one topic) goes through these two functions with
 * items from `toFeedItems`, so they can never disagree.
 */
import rss from '@astrojs/rss';
import { escapeXml, type FeedItem } from './feed.ts';

export interface FeedChannel {
	title: string;
	description: string;
	/** Absolute URL of the HTML page the feed belongs to. */
	pageUrl: string;
	/** Absolute URL of the feed itself. */
	selfUrl: string;
	lang: string;
}

/** An RSS 2.0 response with full content, Atom self link and Dublin Core creators. */
export function rssResponse(channel: FeedChannel, items: readonly FeedItem[]): Promise<Response> {
	const newest = items[0]?.pubDate;
	return rss({
		title: channel.title,
		description: channel.description,
		site: channel.pageUrl,
		trailingSlash: true,
		xmlns: {
			atom: 'http://www.w3.org/2005/Atom',
			dc: 'http://purl.org/dc/elements/1.1/',
		},
		customData: [
			`<language>${escapeXml(channel.lang)}</language>`,
			`<atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
			// The newest item's date, not the build's: two builds of the same content are identical.
			newest ? `<lastBuildDate>${newest.toUTCString()}</lastBuildDate>` : '',
		].join(''),
		items: items.map((item) => ({
			title: item.title,
			link: item.link,
			pubDate: item.pubDate,
			description: item.description,
			content: item.content,
			categories: item.categories,
			// The preview card, with its real length in bytes as RSS requires.
			...(item.enclosure ? { enclosure: item.enclosure } : {}),
			customData: item.authors
				.map((author) => `<dc:creator>${escapeXml(author)}</dc:creator>`)
				.join(''),
		})),
	});
}

/** A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1). */
export function toJsonFeed(channel: FeedChannel, items: readonly FeedItem[]) {
	return {
		version: 'https://jsonfeed.org/version/1.1',
		title: channel.title,
		home_page_url: channel.pageUrl,
		feed_url: channel.selfUrl,
		description: channel.description,
		language: channel.lang,
		items: items.map((item) => ({
			id: item.link,
			url: item.link,
			title: item.title,
			summary: item.description,
			content_html: item.content,
			date_published: item.pubDate.toISOString(),
			tags: item.categories,
			authors: item.authors.map((name) => ({ name })),
			...(item.image ? { image: item.image } : {}),
		})),
	};
}
