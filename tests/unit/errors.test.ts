import { describe, expect, it } from 'vitest';
import {
	closestId,
	ContentError,
	formatProblem,
	type ContentProblem,
} from '../../src/lib/errors.ts';

const missingSpeaker: ContentProblem = {
	file: 'content/recaps/example-city-2026/talks/opening.mdx',
	field: 'speakers[0]',
	problem: 'there is no speaker "jane-do"',
	fix: 'did you mean "jane-doe"?',
};

const noTalks: ContentProblem = {
	file: 'content/recaps/sample-town-2026/index.mdx',
	field: 'talks/',
	problem: 'the recap has no talks',
	fix: 'add one file per talk',
};

describe('formatProblem', () => {
	it('writes file, field, problem and fix on one line', () => {
		expect(formatProblem(missingSpeaker)).toBe(
			'content/recaps/example-city-2026/talks/opening.mdx speakers[0]: there is no speaker "jane-do" -> did you mean "jane-doe"?',
		);
	});
});

describe('ContentError', () => {
	it('lists every problem, one per line', () => {
		const error = new ContentError([missingSpeaker, noTalks]);
		expect(error.message).toMatchInlineSnapshot(`
			"The content has 2 problems:
			  - content/recaps/example-city-2026/talks/opening.mdx speakers[0]: there is no speaker "jane-do" -> did you mean "jane-doe"?
			  - content/recaps/sample-town-2026/index.mdx talks/: the recap has no talks -> add one file per talk"
		`);
	});

	it('says "1 problem" for one', () => {
		expect(new ContentError([noTalks]).message).toMatchInlineSnapshot(`
			"The content has 1 problem:
			  - content/recaps/sample-town-2026/index.mdx talks/: the recap has no talks -> add one file per talk"
		`);
	});

	it('is an Error named ContentError that keeps the problems', () => {
		const error = new ContentError([missingSpeaker, noTalks]);
		expect(error).toBeInstanceOf(Error);
		expect(error.name).toBe('ContentError');
		expect(error.problems).toEqual([missingSpeaker, noTalks]);
	});
});

describe('closestId', () => {
	const speakers = ['jane-doe', 'john-roe', 'mary-major', 'richard-miles'];

	it.each([
		['a missing letter', 'jane-do', 'jane-doe'],
		['swapped letters', 'jhon-roe', 'john-roe'],
		['a wrong letter', 'mary-mayor', 'mary-major'],
		['an extra letter', 'richard-milles', 'richard-miles'],
		['a different case', 'Jane-Doe', 'jane-doe'],
	])('finds the id behind %s (%s -> %s)', (_, wanted, expected) => {
		expect(closestId(wanted, speakers)).toBe(expected);
	});

	it.each([
		['an unrelated id', 'alan-smithee'],
		['a short unrelated id', 'bob'],
		['an empty id', ''],
	])('suggests nothing for %s (%j)', (_, wanted) => {
		expect(closestId(wanted, speakers)).toBeUndefined();
	});

	it('suggests nothing when there are no candidates', () => {
		expect(closestId('jane-doe', [])).toBeUndefined();
	});

	it('prefers the closest of several near candidates', () => {
		expect(closestId('jane-doe2', ['jane-doe', 'jane-do'])).toBe('jane-doe');
		expect(closestId('jane-do', ['jane-doe22', 'jane-doe'])).toBe('jane-doe');
	});

	it('accepts any iterable, such as map keys', () => {
		expect(closestId('jane-do', new Map([['jane-doe', 1]]).keys())).toBe('jane-doe');
	});
});
