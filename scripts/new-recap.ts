/**
 * Scaffolds the next city's recap: `content/recaps/<id>/index.md` (a draft, with every field the
 * marketer still has to write marked TODO), one example talk, a placeholder hero photo, and the
 * stop in the series' `stops` when it is not there yet. Never overwrites: if any file it would
 * write exists, it writes nothing and says so.
 *
 * Usage: npm run new:recap [-- --series <id> --city <city> --country <country> --venue <venue>
 *          --date YYYY-MM-DD [--id <recap-id>] [--yes] [--dry-run] [--content <dir>]]
 * Asks for whatever is left out (all of it when run without flags); --yes asks nothing.
 * Exit code: 0 written, 1 nothing written (a problem with the input, or a file exists), 2 crash.
 */
import {
	COMMON_OPTIONS,
	readFlags,
	runCommand,
	scaffold,
	siteToday,
	type Question,
} from './lib/scaffold/cli.ts';
import type { ContentState } from './lib/scaffold/content.ts';
import {
	defaultSeries,
	findStop,
	planRecap,
	recapIdFor,
	type RecapInput,
} from './lib/scaffold/recap.ts';

const HELP = `npm run new:recap -- [flags]   scaffold the next city's recap

  --series <id>        the series (a file in content/series/); the only one is the default
  --city <city>        the city, e.g. "Zürich"
  --country <country>  its country (taken from the series when the city is already a stop)
  --venue <venue>      where the event took place
  --date YYYY-MM-DD    the day of the event
  --id <recap-id>      the recap's folder name (default: from the series' naming, e.g. ray-day-zurich-2026)
  --yes, -y            ask nothing: every value comes from the flags
  --dry-run            show what would be written, write nothing
  --content <dir>      the content folder (default: content)`;

/** The questions for what the flags leave out; suggestions come from the series. */
function questions(state: ContentState): Question<RecapInput>[] {
	const seriesOf = (i: RecapInput) =>
		state.series.find((s) => s.id === (i.series || defaultSeries(state)));
	const stopOf = (i: RecapInput) => {
		const series = seriesOf(i);
		return series && i.city ? findStop(series, i.city)?.stop : undefined;
	};
	return [
		{
			flag: 'series',
			key: 'series',
			prompt: `Series (${state.series.map((s) => s.id).join(', ')})`,
			suggest: () => defaultSeries(state),
		},
		{ flag: 'city', key: 'city', prompt: 'City' },
		{ flag: 'country', key: 'country', prompt: 'Country', when: (i) => stopOf(i) === undefined },
		{ flag: 'venue', key: 'venue', prompt: 'Venue' },
		{
			flag: 'date',
			key: 'date',
			prompt: 'Event date (YYYY-MM-DD)',
			suggest: (i) => stopOf(i)?.date,
		},
		{
			flag: 'id',
			key: 'id',
			prompt: 'Recap id (its folder name)',
			suggest: (i) => {
				const series = seriesOf(i);
				const year = Number(i.date?.slice(0, 4)) || series?.year;
				if (!series || !i.city || !year) return undefined;
				return recapIdFor(state, series.id, stopOf(i)?.city ?? i.city, year) || undefined;
			},
		},
	];
}

await runCommand('new:recap', () => {
	const flags = readFlags(process.argv.slice(2), {
		...COMMON_OPTIONS,
		series: { type: 'string' },
		city: { type: 'string' },
		country: { type: 'string' },
		venue: { type: 'string' },
		date: { type: 'string' },
		id: { type: 'string' },
	});
	const today = siteToday();
	return scaffold<RecapInput>({
		name: 'new:recap',
		helpText: HELP,
		flags,
		input: {
			series: flags.series,
			city: flags.city,
			country: flags.country,
			venue: flags.venue,
			date: flags.date,
			id: flags.id,
		},
		questions,
		plan: (input, state) => planRecap(input, state, { today }),
		refusalHint:
			'that recap has been started already: open its files and carry on there, or give this one another id with --id',
	});
});
