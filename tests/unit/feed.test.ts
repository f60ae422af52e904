import { describe, expect, it } from 'vitest';
import { escapeXml, newestRecaps, toFeedItems } from '../../src/lib/feed.ts';
import { buildRoadshow } from './helpers.ts';

const siteUrl = 'https://recaps.example.com/';
const site = buildRoadshow();
const rendered = new Map([
	[
		'sample-town-2026',
		'<p>Hello from <a href="/recaps/">Sample Town</a></p><img src="photos/hall.jpg" alt="The hall">',
	],
	['example-city-2026', '<p>Hello &amp; welcome to <a href="#opening">Example City</a></p>'],
]);

describe('newestRecaps', () => {
	it('keeps the newest by publication date, newest first, whatever the order given', () => {
		const ids = (limit: number) =>
			newestRecaps(site.recaps.toReversed(), limit).map((recap) => recap.id);
		expect(ids(1)).toEqual(['sample-town-2026']);
		expect(ids(2)).toEqual(['sample-town-2026', 'example-city-2026']);
		expect(ids(20)).toEqual(['sample-town-2026', 'example-city-2026']);
	});

	it('breaks a tie in publication date by id, so the cut is the same on every build', () => {
		const [a, b] = site.recaps;
		if (!a || !b) throw new Error('the roadshow fixture has two recaps');
		const sameDay = [
			{ ...b, id: 'z-town-2026', publishDate: '2026-05-01' },
			{ ...a, id: 'a-town-2026', publishDate: '2026-05-01' },
		];
		expect(newestRecaps(sameDay, 1).map((recap) => recap.id)).toEqual(['a-town-2026']);
	});
});

describe('toFeedItems', () => {
	const items = toFeedItems(site.recaps, rendered, siteUrl);

	it('has one item per recap, in the order given (newest first)', () => {
		expect(items.map((item) => item.title)).toEqual([
			'Example Roadshow in Sample Town',
			'Example Roadshow in Example City: what we learned',
		]);
	});

	it('links each item to its recap with an absolute URL', () => {
		expect(items.map((item) => item.link)).toEqual([
			'https://recaps.example.com/recaps/sample-town-2026/',
			'https://recaps.example.com/recaps/example-city-2026/',
		]);
	});

	it('dates each item by its publishDate, at midnight UTC', () => {
		expect(items.map((item) => item.pubDate.toISOString())).toEqual([
			'2026-04-15T00:00:00.000Z',
			'2026-03-20T00:00:00.000Z',
		]);
	});

	it('categorises by series, city and topic names, unique and sorted', () => {
		// Example City has two talks on embeddings: the category appears once.
		expect(items.map((item) => item.categories)).toEqual([
			['Batch inference', 'Example Roadshow 2026', 'Sample Town', 'Vector search'],
			['Embeddings', 'Example City', 'Example Roadshow 2026', 'Vector search'],
		]);
	});

	it('makes the content URLs absolute against the recap, keeping fragments and entities', () => {
		expect(items.map((item) => item.content)).toEqual([
			'<p>Hello from <a href="https://recaps.example.com/recaps/">Sample Town</a></p><img src="https://recaps.example.com/recaps/sample-town-2026/photos/hall.jpg" alt="The hall">',
			'<p>Hello &amp; welcome to <a href="#opening">Example City</a></p>',
		]);
	});

	it('carries the description and the byline (the default author when none is given)', () => {
		expect(items.map((item) => [item.description, item.authors])).toEqual([
			['Three sessions on scaling search, told by the people who built it.', ['Richard Miles']],
			[
				'Three sessions on scaling search, told by the people who built it.',
				['The Example Roadshow team'],
			],
		]);
	});

	it('throws when a recap has no rendered content', () => {
		const onlyOne = new Map([['sample-town-2026', '<p>x</p>']]);
		expect(() => toFeedItems(site.recaps, onlyOne, siteUrl)).toThrowErrorMatchingInlineSnapshot(
			`[Error: No rendered content for recap "example-city-2026"]`,
		);
	});

	it('gives no items for no recaps', () => {
		expect(toFeedItems([], new Map(), siteUrl)).toEqual([]);
	});
});

describe('escapeXml', () => {
	it.each([
		['R&D', 'R&amp;D'],
		['A < B > C', 'A &lt; B &gt; C'],
		['"quoted"', '&quot;quoted&quot;'],
		["it's", 'it&apos;s'],
		['&amp;', '&amp;amp;'],
		['<script>alert("x")</script>', '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'],
		['東京 🚀', '東京 🚀'],
		['', ''],
	])('%j -> %j', (text, escaped) => {
		expect(escapeXml(text)).toBe(escaped);
	});
});
