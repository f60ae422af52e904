/**
 * Plans a new city's recap: `recaps/<id>/index.md`, one example talk to copy, a placeholder hero
 * in `photos/`, and the stop in the series' `stops` when it is not there yet.
 */
import type { ContentState, SeriesInfo, SeriesStop } from './content.ts';
import { day, existingId, idForm, missing, plain, Problems } from './input.ts';
import { HERO_PLACEHOLDER } from './placeholders.ts';
import type { Plan, PlannedEdit, PlannedFile } from './plan.ts';
import { addStopToSeries, SeriesEditError, stopLines } from './series.ts';
import { recapIndexMdx, talkMdx } from './templates.ts';
import { foldAccents, slugify } from './text.ts';

export interface RecapInput {
	series?: string | undefined;
	city?: string | undefined;
	country?: string | undefined;
	venue?: string | undefined;
	/** The event day, `YYYY-MM-DD`. */
	date?: string | undefined;
	id?: string | undefined;
}

/** The example talk every new recap starts with. */
export const EXAMPLE_TALK = 'example-talk';

/** The series a recap goes in when none is named: the only one there is. */
export function defaultSeries(state: ContentState): string | undefined {
	return state.series.length === 1 ? state.series[0]?.id : undefined;
}

/** The series' stop for a city, matched as the site matches it (case-insensitively), or by spelling without accents. */
export function findStop(
	series: SeriesInfo,
	city: string,
): { stop: SeriesStop; exact: boolean } | undefined {
	const lower = city.trim().toLowerCase();
	const exact = series.stops.find((stop) => stop.city.toLowerCase() === lower);
	if (exact) return { stop: exact, exact: exact.city === city.trim() };
	const folded = foldAccents(city.trim());
	const near = series.stops.find((stop) => foldAccents(stop.city) === folded);
	return near ? { stop: near, exact: false } : undefined;
}

/**
 * The recap id for a city: the pattern of the series' existing recap ids when they share one
 * (`ray-day-seattle-2026` gives `ray-day-<city>-<year>`), otherwise `<city>-<year>`. `''` when the
 * city has no Latin letters to make an id from.
 *
 * @example recapIdFor(state, 'ray-on-the-road-2026', 'Zürich', 2026) // 'ray-day-zurich-2026'
 */
export function recapIdFor(
	state: ContentState,
	seriesId: string,
	city: string,
	year: number,
): string {
	const citySlug = slugify(city);
	if (citySlug === '') return '';
	const patterns = new Set(
		state.recaps
			.filter((recap) => recap.series === seriesId && recap.city)
			.map((recap) => idPattern(recap.id, slugify(recap.city ?? '')))
			.filter((pattern): pattern is string => pattern !== undefined),
	);
	const [pattern] = patterns;
	if (patterns.size === 1 && pattern !== undefined) {
		return pattern.replace('{city}', citySlug).replace('{year}', String(year));
	}
	return `${citySlug}-${year}`;
}

/** `ray-day-seattle-2026` with city `seattle` -> `ray-day-{city}-{year}`: the city and a year in it. */
function idPattern(id: string, citySlug: string): string | undefined {
	if (citySlug === '') return undefined;
	const parts = id.split('-');
	const cityParts = citySlug.split('-');
	const at = parts.findIndex((_, i) => cityParts.every((part, j) => parts[i + j] === part));
	if (at === -1) return undefined;
	const pattern = [
		...parts.slice(0, at),
		'{city}',
		...parts.slice(at + cityParts.length).map((part) => (/^\d{4}$/.test(part) ? '{year}' : part)),
	];
	return pattern.includes('{year}') ? pattern.join('-') : undefined;
}

export interface RecapPlanOptions {
	/** Today in the site's time zone; the publish date is never before it. */
	today: string;
}

/** Plans the recap, or throws an `InputError` naming every flag to fix. */
export function planRecap(input: RecapInput, state: ContentState, options: RecapPlanOptions): Plan {
	const problems = new Problems();
	const notes: string[] = [];

	// The series.
	const seriesIds = state.series.map((series) => series.id);
	const seriesId = input.series?.trim() || defaultSeries(state);
	let series: SeriesInfo | undefined;
	if (seriesId === undefined) {
		missing(
			problems,
			'series',
			`the id of a file in content/series/: one of ${seriesIds.join(', ')}`,
		);
	} else if (idForm(problems, 'series', seriesId, seriesIds[0] ?? 'example-roadshow-2026')) {
		const found = existingId(problems, 'series', seriesId, seriesIds, {
			noun: 'series',
			folder: 'content/series/',
		});
		series = state.series.find((candidate) => candidate.id === found);
	}

	// The city, and its stop in the series when there is one.
	let city = plain(problems, 'city', input.city, {
		field: 'city',
		max: 60,
		what: 'the city of the event, e.g. --city "Zürich"',
	});
	const match = series && city ? findStop(series, city) : undefined;
	if (match && city && !match.exact) {
		notes.push(
			`The series spells the city "${match.stop.city}"; the recap uses that spelling (you typed "${city}").`,
		);
		city = match.stop.city;
	}

	let country: string | undefined;
	if (match) {
		country = match.stop.country;
		const typed = input.country?.trim();
		if (typed && foldAccents(typed) !== foldAccents(match.stop.country)) {
			problems.add(
				'country',
				`the series lists ${match.stop.city} in ${match.stop.country}, not ${typed} -> leave --country out, or correct the stop in content/${series?.file ?? 'series/'}`,
			);
		}
	} else {
		country = plain(problems, 'country', input.country, {
			field: 'stops[].country',
			max: 60,
			what: `the country of ${city ?? 'the city'}, e.g. --country Switzerland (it is a new stop of the series)`,
		});
	}

	const venue = plain(problems, 'venue', input.venue, {
		field: 'venue',
		max: 120,
		what: 'where the event took place, e.g. --venue "Kongresshaus Zürich"',
	});

	const eventDate = day(
		problems,
		'date',
		input.date,
		'the day of the event, e.g. --date 2026-06-10',
	);
	if (eventDate && series?.year !== undefined && !eventDate.startsWith(String(series.year))) {
		problems.add(
			'date',
			`${eventDate} is not in ${series.year}, the year of the series ${series.id} -> check the year`,
		);
	}
	if (eventDate && match?.stop.date && match.stop.date !== eventDate) {
		problems.add(
			'date',
			`the series gives ${match.stop.date} for ${match.stop.city}, not ${eventDate} -> use --date ${match.stop.date}, or correct the stop in content/${series?.file ?? 'series/'}`,
		);
	}

	// A new stop must fit the series' plan.
	if (series && city && !match && series.plannedCities !== undefined) {
		if (series.stops.length + 1 > series.plannedCities) {
			problems.add(
				'city',
				`${city} would be stop ${series.stops.length + 1} of a series that plans ${series.plannedCities} cities (${series.stops.map((stop) => stop.city).join(', ')}) -> check the city, or raise \`plannedCities\` in content/${series.file}`,
			);
		}
	}

	// The recap id.
	const year = eventDate ? Number(eventDate.slice(0, 4)) : series?.year;
	let recapId: string | undefined;
	if (input.id !== undefined && input.id.trim() !== '') {
		recapId = idForm(problems, 'id', input.id.trim(), 'ray-day-zurich-2026');
	} else if (series && city && year !== undefined) {
		recapId = recapIdFor(state, series.id, city, year) || undefined;
		if (recapId === undefined) {
			problems.add(
				'id',
				`no id can be made from "${city}" -> give one with --id, e.g. --id tokyo-${year}`,
			);
		}
	}
	// Another recap of the same stop would be a second page for one city.
	const sameCity = state.recaps.find(
		(recap) =>
			recap.id !== recapId &&
			recap.series === series?.id &&
			city !== undefined &&
			recap.city?.toLowerCase() === city.toLowerCase(),
	);
	if (sameCity) {
		problems.add(
			'city',
			`${city} already has a recap in this series: content/${sameCity.file} -> edit that one, or check the city`,
		);
	}

	problems.throwIfAny();
	// Everything below was checked above; the assertions only tell TypeScript so.
	if (!series || !city || !country || !venue || !eventDate || !recapId) {
		throw new Error('unreachable: input checked without problems but incomplete');
	}

	const stop: SeriesStop = { city, country, date: eventDate };
	const edits: PlannedEdit[] = [];
	try {
		const edit = addStopToSeries(series.text, stop);
		if (edit.change !== 'unchanged') {
			edits.push({
				path: series.file,
				before: series.text,
				after: edit.text,
				summary: edit.summary,
			});
		}
	} catch (error) {
		if (!(error instanceof SeriesEditError)) throw error;
		problems.add(
			'series',
			`content/${series.file} could not be edited safely (${error.message}) -> add the stop by hand under \`stops:\`, then run this again:\n${stopLines(stop).join('\n')}`,
		);
		problems.throwIfAny();
	}

	const folder = `recaps/${recapId}`;
	const heroPath = `${folder}/photos/hero.jpg`;
	const heroExists = state.files.has(heroPath);
	if (heroExists)
		notes.push(`content/${heroPath} is there already: the recap uses it as its hero.`);
	const files: PlannedFile[] = [
		{
			path: `${folder}/index.md`,
			content: {
				type: 'text',
				text: recapIndexMdx({
					recapId,
					seriesId: series.id,
					seriesName: series.name ?? series.id,
					city,
					venue,
					eventDate,
					publishDate: eventDate > options.today ? eventDate : options.today,
					heroSrc: './photos/hero.jpg',
					heroIsPlaceholder: !heroExists,
				}),
			},
		},
		{
			path: `${folder}/talks/${EXAMPLE_TALK}.md`,
			content: {
				type: 'text',
				text: talkMdx({
					recapId,
					talkId: EXAMPLE_TALK,
					kind: 'talk',
					order: 1,
					speakers: [],
					company: series.organizer ?? 'example-company',
					companyNote: series.organizer
						? `${series.organizer} runs the series; change it if another organisation presented`
						: undefined,
					topics: state.topics,
					example: true,
				}),
			},
		},
	];
	if (!heroExists) {
		files.push({
			path: heroPath,
			content: {
				type: 'placeholder',
				spec: { kind: 'photo', ...HERO_PLACEHOLDER, label: `content/${heroPath}` },
			},
		});
	}

	return {
		files,
		edits,
		notes,
		next: [
			`Fill in the fields marked TODO in content/${folder}/index.md (title, description, the hero's alt text).`,
			`Add the talks: npm run new:talk -- --recap ${recapId} --title "..." --speakers jane-doe`,
			'  (someone new? first: npm run new:speaker -- --name "Jane Doe" --role "..." --company example-corp)',
			`  then turn talks/${EXAMPLE_TALK}.md into a talk or delete it.`,
			`Import the photos: npm run photos -- <folder or files> --recap ${recapId}`,
			'npm run check:content   lists everything still missing, one line each',
			'npm run dev             preview at http://localhost:4321/ (drafts included)',
			`When it is ready: draft: false in content/${folder}/index.md.`,
		],
	};
}
