/**
 * The two feed formats, from the same feed items: RSS 2.0 (through @astrojs/rss) and JSON Feed
 * 1.1. The items come from `toFeedItems` over the fixture roadshow, so both formats are checked
 * against what the site really publishes.
 */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { toFeedItems, type FeedItem } from '../../src/lib/feed.ts';
import { rssResponse, toJsonFeed, type FeedChannel } from '../../src/lib/feeds.ts';
import { buildRoadshow } from './helpers.ts';

const channel: FeedChannel = {
	title: 'Example Roadshow recaps',
	description: 'Recaps of the Example Roadshow, city by city.',
	pageUrl: 'https://recaps.example.com/',
	selfUrl: 'https://recaps.example.com/rss.xml',
	lang: 'en',
};

const site = buildRoadshow();
const items = toFeedItems(
	site.recaps,
	new Map(site.recaps.map((recap) => [recap.id, `<p>All about ${recap.city} &amp; more</p>`])),
	channel.pageUrl,
);

/** The RSS document as plain objects; repeated elements always come back as arrays. */
async function rssOf(feedItems: readonly FeedItem[], feedChannel = channel) {
	const response = await rssResponse(feedChannel, feedItems);
	const xml = await response.text();
	const parser = new XMLParser({
		ignoreAttributes: false,
		isArray: (name) => ['item', 'category', 'dc:creator'].includes(name),
	});
	// eslint-disable-next-line @typescript-eslint/no-unsafe-member-access -- parsed XML
	return { response, xml, rss: parser.parse(xml).rss as RssDocument };
}

interface RssDocument {
	channel: {
		title: string;
		description: string;
		link: string;
		language: string;
		lastBuildDate?: string;
		'atom:link': Record<string, string>;
		item?: {
			title: string;
			link: string;
			guid: { '#text': string; '@_isPermaLink': string };
			pubDate: string;
			description: string;
			'content:encoded': string;
			category?: string[];
			'dc:creator'?: string[];
		}[];
	};
}

describe('rssResponse', () => {
	it('is an XML response', async () => {
		const { response, xml } = await rssOf(items);
		expect(response.headers.get('content-type')).toBe('application/xml');
		expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?><rss version="2\.0"/);
	});

	it('describes the channel: title, description, page, language and its own address', async () => {
		const { rss } = await rssOf(items);
		expect(rss.channel).toMatchObject({
			title: 'Example Roadshow recaps',
			description: 'Recaps of the Example Roadshow, city by city.',
			link: 'https://recaps.example.com/',
			language: 'en',
			'atom:link': {
				'@_href': 'https://recaps.example.com/rss.xml',
				'@_rel': 'self',
				'@_type': 'application/rss+xml',
			},
		});
	});

	it('dates the channel by its newest item, so two builds of the same content match', async () => {
		const { rss } = await rssOf(items);
		expect(rss.channel.lastBuildDate).toBe('Wed, 15 Apr 2026 00:00:00 GMT');
	});

	it('has one item per feed item, in the order given', async () => {
		const { rss } = await rssOf(items);
		expect(rss.channel.item?.map((item) => item.link)).toEqual([
			'https://recaps.example.com/recaps/sample-town-2026/',
			'https://recaps.example.com/recaps/example-city-2026/',
		]);
	});

	it('gives each item its title, permalink guid, date, summary and full content', async () => {
		const { rss } = await rssOf(items);
		expect(rss.channel.item?.[0]).toMatchObject({
			title: 'Example Roadshow in Sample Town',
			guid: {
				'#text': 'https://recaps.example.com/recaps/sample-town-2026/',
				'@_isPermaLink': 'true',
			},
			pubDate: 'Wed, 15 Apr 2026 00:00:00 GMT',
			description: 'Three sessions on scaling search, told by the people who built it.',
			'content:encoded': '<p>All about Sample Town &amp; more</p>',
		});
	});

	it('lists the categories (topic names included) and one dc:creator per author', async () => {
		const { rss } = await rssOf(items);
		expect(rss.channel.item?.map((item) => [item.category, item['dc:creator']])).toEqual([
			[
				['Batch inference', 'Example Roadshow 2026', 'Sample Town', 'Vector search'],
				['Richard Miles'],
			],
			[
				['Embeddings', 'Example City', 'Example Roadshow 2026', 'Vector search'],
				['The Example Roadshow team'],
			],
		]);
	});

	it('escapes markup characters in text', async () => {
		const [first] = items;
		const tricky: FeedItem = { ...first!, title: 'R&D <at> scale', authors: ['Jane & "Co"'] };
		const { rss, xml } = await rssOf([tricky], { ...channel, title: 'Q&A' });
		expect(xml).toContain('<title>R&amp;D &lt;at&gt; scale</title>');
		expect(rss.channel.title).toBe('Q&A');
		expect(rss.channel.item?.[0]?.['dc:creator']).toEqual(['Jane & "Co"']);
	});

	it('an empty feed has a channel, no items and no lastBuildDate', async () => {
		const { rss } = await rssOf([]);
		expect(rss.channel.title).toBe('Example Roadshow recaps');
		expect(rss.channel.item).toBeUndefined();
		expect(rss.channel.lastBuildDate).toBeUndefined();
	});
});

describe('toJsonFeed', () => {
	const feed = toJsonFeed({ ...channel, selfUrl: 'https://recaps.example.com/feed.json' }, items);

	it('describes the feed as JSON Feed 1.1', () => {
		expect(feed).toMatchObject({
			version: 'https://jsonfeed.org/version/1.1',
			title: 'Example Roadshow recaps',
			home_page_url: 'https://recaps.example.com/',
			feed_url: 'https://recaps.example.com/feed.json',
			description: 'Recaps of the Example Roadshow, city by city.',
			language: 'en',
		});
	});

	it('maps every feed item field, in the order given', () => {
		expect(feed.items[0]).toEqual({
			id: 'https://recaps.example.com/recaps/sample-town-2026/',
			url: 'https://recaps.example.com/recaps/sample-town-2026/',
			title: 'Example Roadshow in Sample Town',
			summary: 'Three sessions on scaling search, told by the people who built it.',
			content_html: '<p>All about Sample Town &amp; more</p>',
			date_published: '2026-04-15T00:00:00.000Z',
			tags: ['Batch inference', 'Example Roadshow 2026', 'Sample Town', 'Vector search'],
			authors: [{ name: 'Richard Miles' }],
		});
		expect(feed.items.map((item) => item.id)).toEqual(items.map((item) => item.link));
	});

	it('has an image only for items that carry one', () => {
		const [first, second] = items;
		const withImage = [{ ...first!, image: 'https://recaps.example.com/hero.jpg' }, second!];
		const images = toJsonFeed(channel, withImage).items.map((item) => item.image);
		expect(images).toEqual(['https://recaps.example.com/hero.jpg', undefined]);
		expect('image' in toJsonFeed(channel, [second!]).items[0]!).toBe(false);
	});

	it('survives a JSON round trip unchanged', () => {
		expect(JSON.parse(JSON.stringify(feed))).toEqual(feed);
	});

	it('an empty feed has no items', () => {
		expect(toJsonFeed(channel, []).items).toEqual([]);
	});
});
