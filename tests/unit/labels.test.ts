import { describe, expect, it } from 'vitest';
import {
	joinNames,
	leftToRight,
	navigation,
	stopStateLabel,
	talkKindLabel,
} from '../../src/lib/labels.ts';
import type { StopState } from '../../src/lib/site.ts';
import { TALK_KINDS, type TalkKind } from '../../src/schemas/talk.ts';

describe('joinNames', () => {
	it.each([
		[[], 'en', ''],
		[['Jane Doe'], 'en', 'Jane Doe'],
		[['Jane Doe', 'John Roe'], 'en', 'Jane Doe and John Roe'],
		[['Jane Doe', 'John Roe', 'Mary Major'], 'en', 'Jane Doe, John Roe, and Mary Major'],
		[['Jane Doe', 'John Roe', 'Mary Major'], 'en-GB', 'Jane Doe, John Roe and Mary Major'],
		[['Jane Doe', 'John Roe', 'Mary Major'], 'de', 'Jane Doe, John Roe und Mary Major'],
	])('%j in %s reads %j', (names, lang, expected) => {
		expect(joinNames(names, lang)).toBe(expected);
	});
});

describe('leftToRight', () => {
	it.each([
		[['Jane Doe (Example Corp)'], 'Left to right: Jane Doe (Example Corp)'],
		[
			['Jane Doe (Example Corp)', 'John Roe (Sample Inc)'],
			'Left to right: Jane Doe (Example Corp) and John Roe (Sample Inc)',
		],
	])('%j', (names, expected) => {
		expect(leftToRight(names, 'en')).toBe(expected);
	});
});

describe('talkKindLabel', () => {
	it.each<[TalkKind, string]>([
		['keynote', 'Keynote'],
		['talk', 'Talk'],
		['workshop', 'Workshop'],
		['panel', 'Panel'],
		['roundtable', 'Roundtable'],
	])('%s -> %s', (kind, label) => {
		expect(talkKindLabel(kind)).toBe(label);
	});

	it('has a label for every kind the schema knows', () => {
		for (const kind of TALK_KINDS) expect(talkKindLabel(kind)).toMatch(/^[A-Z]\w+$/);
	});
});

describe('stopStateLabel', () => {
	it.each<[StopState, string]>([
		['published', 'Recap published'],
		['upcoming', 'Upcoming'],
		['announced', 'Announced'],
	])('%s -> %s', (state, label) => {
		expect(stopStateLabel(state)).toBe(label);
	});
});

describe('navigation', () => {
	it('links the featured series, the indexes, further reading, search and the feed, in that order', () => {
		expect(navigation('example-roadshow-2026')).toEqual([
			{ label: 'Series', path: '/series/example-roadshow-2026/' },
			{ label: 'Speakers', path: '/speakers/' },
			{ label: 'Topics', path: '/topics/' },
			{ label: 'Further reading', path: '/reading/' },
			{ label: 'Search', path: '/search/' },
			{ label: 'RSS', path: '/rss.xml' },
		]);
	});
});
