import { z } from 'astro/zod';
import { calendarDate, fields, plainText, type SchemaContext } from './shared.ts';

/**
 * `content/series/<series-id>.yaml`: an event series (a roadshow) and its planned stops.
 * Which stops are published, upcoming or announced is derived from the recaps, never typed here.
 */
export function seriesSchema(context: SchemaContext) {
	return fields({
		/** The series' name, e.g. `Example Roadshow 2026`. */
		name: plainText('name', { max: 80 }),
		/** Who runs the series: the id of a file in `content/companies/`. */
		organizer: context.reference('companies'),
		/** The year the series runs in; every event date must fall in it. */
		year: z
			.int({ error: '`year` must be a whole number such as 2026' })
			.min(2000, { error: '`year` must be 2000 or later: check the year' })
			.max(2100, { error: '`year` must be 2100 or earlier: check the year' }),
		/** One or two sentences on what the series is, shown on the home page. */
		description: plainText('description', { max: 400 }),
		/** How many cities the series plans to visit, including ones not yet named. */
		plannedCities: z.int({ error: '`plannedCities` must be a whole number' }).min(1, {
			error: '`plannedCities` must be at least 1: count every city the series plans to visit',
		}),
		/** How many countries the series plans to visit. */
		plannedCountries: z.int({ error: '`plannedCountries` must be a whole number' }).min(1, {
			error: '`plannedCountries` must be at least 1: count every country the series plans to visit',
		}),
		/**
		 * The stops named so far, in travel order. A recap belongs to the stop with its `city`.
		 * Name only the cities that have been announced; the rest show as "to be announced".
		 */
		stops: z
			.array(
				fields({
					/** The city, e.g. `Example City`. */
					city: plainText('stops[].city', { max: 60 }),
					/** The country, e.g. `United States`. */
					country: plainText('stops[].country', { max: 60 }),
					/** The event day, YYYY-MM-DD, once it is announced. */
					date: calendarDate('stops[].date').optional(),
				}),
			)
			.min(1, { error: '`stops` must list at least one city' }),
	}).superRefine((series, ctx) => {
		const seen = new Set<string>();
		series.stops.forEach((stop, index) => {
			const key = stop.city.toLowerCase();
			if (seen.has(key)) {
				ctx.addIssue({
					code: 'custom',
					path: ['stops', index, 'city'],
					message: `\`stops\` lists ${stop.city} twice: keep one entry per city`,
				});
			}
			seen.add(key);
			if (stop.date && !stop.date.startsWith(String(series.year))) {
				ctx.addIssue({
					code: 'custom',
					path: ['stops', index, 'date'],
					message: `the ${stop.city} date ${stop.date} is not in the series' year ${series.year}: check the year`,
				});
			}
		});
		if (series.stops.length > series.plannedCities) {
			ctx.addIssue({
				code: 'custom',
				path: ['plannedCities'],
				message: `\`plannedCities\` is ${series.plannedCities} but ${series.stops.length} ${series.stops.length === 1 ? 'stop is' : 'stops are'} listed: raise plannedCities`,
			});
		}
	});
}

export type SeriesData = z.output<ReturnType<typeof seriesSchema>>;
