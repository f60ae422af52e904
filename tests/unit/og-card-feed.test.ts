/**
 * Preview cards in the feeds: `toFeedItems` turns a card's byte length into the item's image and
 * enclosure, and both feed formats carry them (issue 6, item 6).
 */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { toFeedItems } from '../../src/lib/feed.ts';
import { rssResponse, toJsonFeed, type FeedChannel } from '../../src/lib/feeds.ts';
import { buildRoadshow } from './helpers.ts';

const siteUrl = 'https://recaps.example.com/';
const channel: FeedChannel = {
	title: 'Example Roadshow recaps',
	description: 'Recaps of the Example Roadshow, city by city.',
	pageUrl: siteUrl,
	selfUrl: `${siteUrl}rss.xml`,
	lang: 'en',
};
const site = buildRoadshow();
const rendered = new Map(site.recaps.map((recap) => [recap.id, `<p>${recap.city}</p>`]));
// Only Sample Town's card is known: Example City's item must go without one.
const items = toFeedItems(site.recaps, rendered, siteUrl, new Map([['sample-town-2026', 48_213]]));

describe('feed items with preview cards', () => {
	it("use the card as the item's image and enclosure, with its length in bytes", () => {
		expect(items.map((item) => [item.image, item.enclosure])).toEqual([
			[
				'https://recaps.example.com/og/recaps/sample-town-2026.png',
				{
					url: 'https://recaps.example.com/og/recaps/sample-town-2026.png',
					length: 48_213,
					type: 'image/png',
				},
			],
			[undefined, undefined],
		]);
	});

	it('have no image nor enclosure when no card lengths are given', () => {
		const plain = toFeedItems(site.recaps, rendered, siteUrl);
		expect(plain.every((item) => !('image' in item) && !('enclosure' in item))).toBe(true);
	});

	it('keep their categories', () => {
		expect(items[0]?.categories).toEqual([
			'Batch inference',
			'Example Roadshow 2026',
			'Sample Town',
			'Vector search',
		]);
	});
});

describe('the feeds', () => {
	it('enclose the card in RSS, and only for items that have one', async () => {
		const xml = await (await rssResponse(channel, items)).text();
		const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' });
		const rss = parser.parse(xml) as {
			rss: { channel: { item: { enclosure?: Record<string, string> }[] } };
		};
		expect(rss.rss.channel.item.map((item) => item.enclosure)).toEqual([
			{
				'@_url': 'https://recaps.example.com/og/recaps/sample-town-2026.png',
				'@_length': '48213',
				'@_type': 'image/png',
			},
			undefined,
		]);
	});

	it('give JSON Feed items the card as their image', () => {
		expect(toJsonFeed(channel, items).items.map((item) => item.image)).toEqual([
			'https://recaps.example.com/og/recaps/sample-town-2026.png',
			undefined,
		]);
	});
});
