import { describe, expect, it } from 'vitest';
import {
	absoluteUrl,
	recapIdOfTalk,
	recapPath,
	talkAnchor,
	talkSectionPath,
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
	// talk id, recap id, anchor, section path
	[
		'example-city-2026/opening',
		'example-city-2026',
		'opening',
		'/recaps/example-city-2026/#opening',
	],
	['sample-town-2026/q-and-a', 'sample-town-2026', 'q-and-a', '/recaps/sample-town-2026/#q-and-a'],
])('talk %s', (talkId, recapId, anchor, sectionPath) => {
	it(`belongs to ${recapId}`, () => {
		expect(recapIdOfTalk(talkId)).toBe(recapId);
	});

	it(`has the anchor #${anchor}`, () => {
		expect(talkAnchor(talkId)).toBe(anchor);
	});

	it(`has its section at ${sectionPath}`, () => {
		expect(talkSectionPath(talkId)).toBe(sectionPath);
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
