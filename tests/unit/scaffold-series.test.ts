/**
 * Adding a stop to a series file: the new lines go in, and everything the author wrote (comments,
 * blank lines, quotes, folded paragraphs, indentation, line endings) stays byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { SeriesStop } from '../../scripts/lib/scaffold/content.ts';
import { addStopToSeries, SeriesEditError } from '../../scripts/lib/scaffold/series.ts';

const zurich: SeriesStop = { city: 'Zürich', country: 'Switzerland', date: '2026-06-10' };

/** The text of an edit; fails the test when nothing changed. */
function edited(source: string, stop = zurich): string {
	const edit = addStopToSeries(source, stop);
	if (edit.change === 'unchanged') throw new Error('expected the file to change');
	return edit.text;
}

const COMMENTED = `# Our 2026 roadshow. Keep the stops in travel order!
name: Example Roadshow 2026 # the public name
organizer: example-corp
year: 2026
description: >-
  A long description that was folded by hand at a width that the yaml library would not choose
  itself, so re-printing the document would move these line breaks.
plannedCities: 8
plannedCountries: 3

# Announced so far:
stops:
  # The opener.
  - city: "Seattle"
    country: 'United States'

  - city: Boston # second
    country: United States
    date: 2026-05-01 # confirmed
# - city: Tokyo   (not announced yet)

# end of file
`;

describe('adding a stop', () => {
	it('keeps every comment, blank line and quote of a hand-written file', () => {
		const after = edited(COMMENTED);
		const added = '  - city: Zürich\n    country: Switzerland\n    date: 2026-06-10\n';
		expect(after).toBe(COMMENTED.replace('# - city: Tokyo', `${added}# - city: Tokyo`));
		expect((parseYaml(after) as { stops: unknown[] }).stops).toEqual([
			{ city: 'Seattle', country: 'United States' },
			{ city: 'Boston', country: 'United States', date: '2026-05-01' },
			zurich,
		]);
	});

	it('indents like the existing items', () => {
		const flush = 'name: X\nstops:\n- city: A\n  country: B\n';
		expect(edited(flush)).toBe(
			`${flush}- city: Zürich\n  country: Switzerland\n  date: 2026-06-10\n`,
		);
		const wide = 'stops:\n    -   city: A\n        country: B\n';
		expect(edited(wide)).toBe(
			`${wide}    -   city: Zürich\n        country: Switzerland\n        date: 2026-06-10\n`,
		);
	});

	it('adds the line break a last line lacks, and keeps CRLF line endings', () => {
		expect(edited('stops:\n  - city: A\n    country: B')).toBe(
			'stops:\n  - city: A\n    country: B\n  - city: Zürich\n    country: Switzerland\n    date: 2026-06-10\n',
		);
		const crlf = 'name: X\r\nstops:\r\n  - city: A\r\n    country: B\r\n';
		expect(edited(crlf)).toBe(
			`${crlf}  - city: Zürich\r\n    country: Switzerland\r\n    date: 2026-06-10\r\n`,
		);
	});

	it('fills an empty `stops:`, turns `stops: []` into lines, and adds `stops` when missing', () => {
		expect(edited('name: X\nstops:\nyear: 2026\n')).toBe(
			'name: X\nstops:\n  - city: Zürich\n    country: Switzerland\n    date: 2026-06-10\nyear: 2026\n',
		);
		expect(edited('name: X\nstops: [] # none yet\nyear: 2026\n')).toBe(
			'name: X\nstops: # none yet\n  - city: Zürich\n    country: Switzerland\n    date: 2026-06-10\nyear: 2026\n',
		);
		expect(edited('name: X\n')).toBe(
			'name: X\nstops:\n  - city: Zürich\n    country: Switzerland\n    date: 2026-06-10\n',
		);
	});

	it('quotes a city that YAML would misread, and leaves out an unknown date', () => {
		const after = edited('stops:\n  - city: A\n    country: B\n', {
			city: "St. John's: Downtown",
			country: 'Canada',
			date: undefined,
		});
		expect(after).toContain(`  - city: "St. John's: Downtown"\n    country: Canada\n`);
		expect((parseYaml(after) as { stops: unknown[] }).stops[1]).toEqual({
			city: "St. John's: Downtown",
			country: 'Canada',
		});
	});
});

describe('a stop that is there already', () => {
	it("gets the date it lacks, after its last line and before that line's comment ends", () => {
		const source =
			'stops:\n  - city: Zürich # tbc\n    country: Switzerland # CH\n  - city: B\n    country: C\n';
		const edit = addStopToSeries(source, zurich);
		expect(edit).toEqual({
			change: 'dated',
			summary: 'added the date 2026-06-10 to the stop Zürich',
			text: 'stops:\n  - city: Zürich # tbc\n    country: Switzerland # CH\n    date: 2026-06-10\n  - city: B\n    country: C\n',
		});
	});

	it('is matched without regard to case, and left alone when it has its date', () => {
		expect(
			addStopToSeries(
				'stops:\n  - city: zürich\n    country: Switzerland\n    date: 2026-06-11\n',
				zurich,
			),
		).toEqual({ change: 'unchanged' });
		expect(
			addStopToSeries('stops:\n  - city: Zürich\n    country: Switzerland\n', {
				...zurich,
				date: undefined,
			}),
		).toEqual({ change: 'unchanged' });
	});
});

describe('files it will not edit', () => {
	it.each([
		[
			'stops on one line',
			'stops: [{ city: A, country: B }]\n',
			'`stops` is written on one line ([...])',
		],
		[
			'a stop on one line',
			'stops:\n  - { city: Zürich, country: Switzerland }\n',
			'the stop is written on one line ({...})',
		],
		['stops that are not a list', 'stops: Seattle\n', '`stops` is not a list'],
		['broken YAML', 'stops:\n  - city: [\n', 'the file is not valid YAML'],
		['not a mapping', '- a\n- b\n', 'the file is not a list of `field: value` lines'],
	])('%s', (_, source, message) => {
		expect(() => addStopToSeries(source, zurich)).toThrow(SeriesEditError);
		expect(() => addStopToSeries(source, zurich)).toThrow(message);
	});
});
