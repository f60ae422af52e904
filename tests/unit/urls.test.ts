import { describe, expect, it } from 'vitest';
import {
	absoluteUrl,
	companyPath,
	feedPath,
	JSON_FEED_PATH,
	READING_PATH,
	recapIdOfTalk,
	recapPath,
	RSS_PATH,
	seriesPath,
	speakerPath,
	talkAnchor,
	talkPath,
	talkSectionPath,
	topicPath,
} from '../../src/lib/urls.ts';

describe('recapPath', () => {
	it.each([
		['example-city-2026', '/recaps/example-city-2026/'],
		['x', '/recaps/x/'],
	])('%s -> %s', (id, path) => {
		expect(recapPath(id)).toBe(path);
	});
});

describe.each([
	// talk id, recap id, anchor, section path, page path
	[
		'example-city-2026/opening',
		'example-city-2026',
		'opening',
		'/recaps/example-city-2026/#opening',
		'/recaps/example-city-2026/opening/',
	],
	[
		'sample-town-2026/q-and-a',
		'sample-town-2026',
		'q-and-a',
		'/recaps/sample-town-2026/#q-and-a',
		'/recaps/sample-town-2026/q-and-a/',
	],
])('talk %s', (talkId, recapId, anchor, sectionPath, pagePath) => {
	it(`belongs to ${recapId}`, () => {
		expect(recapIdOfTalk(talkId)).toBe(recapId);
	});

	it(`has the anchor #${anchor}`, () => {
		expect(talkAnchor(talkId)).toBe(anchor);
	});

	it(`has its section at ${sectionPath}`, () => {
		expect(talkSectionPath(talkId)).toBe(sectionPath);
	});

	it(`has its own page at ${pagePath}, under its recap`, () => {
		expect(talkPath(talkId)).toBe(pagePath);
		expect(talkPath(talkId).startsWith(recapPath(recapId))).toBe(true);
	});
});

describe.each([
	// collection, path function, index page, an id, that id's page
	['speakers', speakerPath, '/speakers/', 'jane-doe', '/speakers/jane-doe/'],
	['companies', companyPath, '/companies/', 'example-corp', '/companies/example-corp/'],
	['topics', topicPath, '/topics/', 'batch-inference', '/topics/batch-inference/'],
])('%s', (_, path, index, id, page) => {
	it(`are listed at ${index}`, () => {
		expect(path()).toBe(index);
	});

	it(`have one page each, e.g. ${page}`, () => {
		expect(path(id)).toBe(page);
	});
});

describe('seriesPath', () => {
	it('gives a series its page', () => {
		expect(seriesPath('example-roadshow-2026')).toBe('/series/example-roadshow-2026/');
	});
});

describe('feeds', () => {
	it.each([
		['the whole site, as RSS', RSS_PATH, '/rss.xml'],
		['the whole site, as JSON Feed', JSON_FEED_PATH, '/feed.json'],
		[
			'a series',
			feedPath({ series: 'example-roadshow-2026' }),
			'/series/example-roadshow-2026/rss.xml',
		],
		['a topic', feedPath({ topic: 'embeddings' }), '/topics/embeddings/rss.xml'],
	])('%s is at %s', (_, path, expected) => {
		expect(path).toBe(expected);
	});

	it('a series or topic feed sits next to its page', () => {
		expect(feedPath({ series: 'x' })).toBe(`${seriesPath('x')}rss.xml`);
		expect(feedPath({ topic: 'x' })).toBe(`${topicPath('x')}rss.xml`);
	});
});

describe('every page path', () => {
	// The site uses trailingSlash: 'always': a page path without one is a redirect or a 404.
	it.each([
		recapPath('example-city-2026'),
		talkPath('example-city-2026/opening'),
		seriesPath('example-roadshow-2026'),
		speakerPath(),
		speakerPath('jane-doe'),
		companyPath(),
		companyPath('example-corp'),
		topicPath(),
		topicPath('embeddings'),
		READING_PATH,
	])('%s is root-relative with a trailing slash', (path) => {
		expect(path).toMatch(/^\/(?:[a-z0-9-]+\/)+$/);
	});
});

describe('ids without a slash', () => {
	it('are their own recap and their own anchor', () => {
		expect(recapIdOfTalk('opening')).toBe('opening');
		expect(talkAnchor('opening')).toBe('opening');
	});
});

describe('absoluteUrl', () => {
	it.each([
		['/recaps/x/', 'https://recaps.example.com/', 'https://recaps.example.com/recaps/x/'],
		[
			'/recaps/x/#opening',
			'https://recaps.example.com/',
			'https://recaps.example.com/recaps/x/#opening',
		],
		['/rss.xml', new URL('https://recaps.example.com/'), 'https://recaps.example.com/rss.xml'],
		['/', 'http://localhost:4321/', 'http://localhost:4321/'],
	])('%s on %s is %s', (path, site, url) => {
		expect(absoluteUrl(path, site)).toBe(url);
	});
});
