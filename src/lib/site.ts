/**
 * Shapes the raw collections into the site model that pages render: every reference resolved
 * (a dangling one is an error naming the file, the field and the fix), drafts and scheduled
 * recaps filtered, everything sorted once. Pure: the clock and the options come in as arguments.
 */
import type { ImageMetadata } from 'astro';
import type { CompanyData } from '../schemas/company.ts';
import type { RecapData } from '../schemas/recap.ts';
import type { SeriesData } from '../schemas/series.ts';
import { SLUG, type CollectionName, type EntryRef } from '../schemas/shared.ts';
import type { SpeakerData } from '../schemas/speaker.ts';
import type { TalkData, TalkKind } from '../schemas/talk.ts';
import type { TopicData } from '../schemas/topic.ts';
import type { WriteupData } from '../schemas/writeup.ts';
import { closestId, ContentError, type ContentProblem } from './errors.ts';
import { recapIdOfTalk, talkAnchor } from './urls.ts';

/** An entry as a loader hands it over: its id, the file it came from, its parsed data. */
export interface RawEntry<D> {
	id: string;
	/** Path of the source file relative to the project root. */
	filePath?: string | undefined;
	data: D;
}

export interface RawContent {
	series: readonly RawEntry<SeriesData>[];
	companies: readonly RawEntry<CompanyData>[];
	speakers: readonly RawEntry<SpeakerData>[];
	writeups: readonly RawEntry<WriteupData>[];
	recaps: readonly RawEntry<RecapData>[];
	talks: readonly RawEntry<TalkData>[];
	topics: readonly RawEntry<TopicData>[];
}

export interface BuildOptions {
	/** Today's calendar date (`YYYY-MM-DD`) in the site's time zone. */
	today: string;
	/** Show drafts and scheduled recaps (the dev server does; production builds do not). */
	includeUnpublished: boolean;
	/** Byline for recaps without `authors`. */
	defaultAuthor: string;
}

export interface Photo {
	src: ImageMetadata;
	alt: string;
	caption?: string | undefined;
}

export interface Company {
	id: string;
	name: string;
	url?: string | undefined;
}

export interface Speaker {
	id: string;
	name: string;
	role: string;
	company: Company;
	photo: Photo;
	links: readonly { label: string; url: string }[];
}

export interface Topic {
	id: string;
	name: string;
	description: string;
}

export interface Writeup {
	id: string;
	title: string;
	url: string;
	publisher: string;
	date?: string | undefined;
}

export interface Talk {
	/** `<recap-id>/<talk-id>`. */
	id: string;
	/** The authored file, relative to the project root. */
	file: string;
	recapId: string;
	/** The section's fragment on the recap page. */
	anchor: string;
	title: string;
	order: number;
	kind: TalkKind;
	summary: string;
	company: Company;
	speakers: readonly Speaker[];
	results: readonly { value: string; label: string }[];
	topics: readonly Topic[];
	writeups: readonly Writeup[];
	photo?: Photo | undefined;
	modules: readonly { title: string; summary: string }[];
	inviteOnly: boolean;
}

/** Where a recap stands: live, written but not yet due, or marked draft. */
export type RecapStatus = 'published' | 'scheduled' | 'draft';

export interface Recap {
	id: string;
	/** The authored `index.md` (or `.mdx`), relative to the project root. */
	file: string;
	title: string;
	description: string;
	seriesId: string;
	seriesName: string;
	city: string;
	country: string;
	venue: string;
	eventDate?: string | undefined;
	publishDate: string;
	/** The date recaps are ordered by: the event when known, else publication. */
	sortDate: string;
	authors: readonly string[];
	hero: Photo;
	groupPhoto?: (Photo & { people: readonly Speaker[] }) | undefined;
	status: RecapStatus;
	talks: readonly Talk[];
	/** Everyone who spoke, in order of first appearance. */
	speakers: readonly Speaker[];
}

/** A stop's state in its series, derived from the recaps. */
export type StopState = 'published' | 'upcoming' | 'announced';

export interface Stop {
	city: string;
	country: string;
	date?: string | undefined;
	state: StopState;
	/** The stop's visible recap, when there is one. */
	recapId?: string | undefined;
}

export interface Series {
	id: string;
	name: string;
	organizer: Company;
	year: number;
	description: string;
	plannedCities: number;
	plannedCountries: number;
	stops: readonly Stop[];
	/** Planned cities not named yet. */
	unnamedStops: number;
	/** Visible recaps of this series, newest first. */
	recapIds: readonly string[];
}

export interface SiteModel {
	/** Visible recaps, newest first. */
	recaps: readonly Recap[];
	series: readonly Series[];
	speakers: readonly Speaker[];
	companies: readonly Company[];
	writeups: readonly Writeup[];
	topics: readonly Topic[];
}

const COLLECTION_FILES: Record<CollectionName, { noun: string; path: (id: string) => string }> = {
	series: { noun: 'series', path: (id) => `content/series/${id}.yaml` },
	companies: { noun: 'company', path: (id) => `content/companies/${id}.yaml` },
	speakers: { noun: 'speaker', path: (id) => `content/speakers/${id}.yaml` },
	writeups: { noun: 'writeup', path: (id) => `content/writeups/${id}.yaml` },
	recaps: { noun: 'recap', path: (id) => `content/recaps/${id}/index.md` },
	topics: { noun: 'topic', path: (id) => `content/topics/${id}.yaml` },
	talks: {
		noun: 'talk',
		path: (id) => `content/recaps/${id.replace('/', '/talks/')}.md`,
	},
};

/** Builds the site model, or throws one `ContentError` listing every problem found. */
export function buildSite(raw: RawContent, options: BuildOptions): SiteModel {
	const problems: ContentProblem[] = [];
	const resolver = createResolver(raw, problems);

	const companies = raw.companies.map(({ id, data }) => ({ id, ...data }));
	const companyById = new Map(companies.map((company) => [company.id, company]));
	const writeups = raw.writeups.map(({ id, data }) => ({ id, ...data }));
	const writeupById = new Map(writeups.map((writeup) => [writeup.id, writeup]));
	const topics = raw.topics.map(({ id, data }) => ({ id, ...data }));
	const topicById = new Map(topics.map((topic) => [topic.id, topic]));

	const speakers = raw.speakers.map((entry): Speaker => {
		const { data } = entry;
		return {
			id: entry.id,
			name: data.name,
			role: data.role,
			company: resolver.one(entry, 'company', data.company, companyById),
			photo: data.photo,
			links: data.links,
		};
	});
	const speakerById = new Map(speakers.map((speaker) => [speaker.id, speaker]));

	const recapIds = new Set(raw.recaps.map((recap) => recap.id));
	const talksByRecap = new Map<string, Talk[]>();
	for (const entry of raw.talks) {
		const recapId = recapIdOfTalk(entry.id);
		if (!recapIds.has(recapId)) {
			problems.push({
				file: fileOf(entry, 'talks'),
				field: '(file)',
				problem: `the folder content/recaps/${recapId}/ has no index.md`,
				fix: `create content/recaps/${recapId}/index.md or move the talk into an existing recap's talks/ folder`,
			});
			continue;
		}
		const talk = shapeTalk(entry, resolver, { companyById, speakerById, writeupById, topicById });
		const list = talksByRecap.get(recapId) ?? [];
		list.push(talk);
		talksByRecap.set(recapId, list);
	}

	const seriesById = new Map(raw.series.map((entry) => [entry.id, entry]));
	const organizers = new Map(
		raw.series.map((entry) => [
			entry.id,
			resolver.one(entry, 'organizer', entry.data.organizer, companyById),
		]),
	);
	const allRecaps: Recap[] = [];
	for (const entry of raw.recaps) {
		const { data } = entry;
		const file = fileOf(entry, 'recaps');
		const seriesEntry = resolver.one(entry, 'series', data.series, seriesById);
		const stop = seriesEntry?.data.stops.find(
			(s) => s.city.toLowerCase() === data.city.toLowerCase(),
		);
		if (seriesEntry && !stop) {
			problems.push({
				file,
				field: 'city',
				problem: `"${data.city}" is not a stop of the series "${seriesEntry.id}" (stops: ${seriesEntry.data.stops.map((s) => s.city).join(', ')})`,
				fix: `add it to \`stops\` in ${fileOf(seriesEntry, 'series')}, or correct the city`,
			});
		}
		if (
			seriesEntry &&
			data.eventDate &&
			!data.eventDate.startsWith(String(seriesEntry.data.year))
		) {
			problems.push({
				file,
				field: 'eventDate',
				problem: `${data.eventDate} is not in the series' year ${seriesEntry.data.year}`,
				fix: 'check the year of the event date',
			});
		}
		if (stop?.date && data.eventDate && stop.date !== data.eventDate) {
			problems.push({
				file,
				field: 'eventDate',
				problem: `${data.eventDate} differs from the date ${stop.date} given for ${stop.city} in the series`,
				fix: `make the two dates agree (${fileOf(seriesEntry, 'series')} \`stops\`)`,
			});
		}
		const talks = (talksByRecap.get(entry.id) ?? []).toSorted((a, b) => a.order - b.order);
		checkTalkOrder(talks, problems);
		if (talks.length === 0) {
			problems.push({
				file,
				field: 'talks/',
				problem: 'the recap has no talks',
				fix: `add one file per talk in content/recaps/${entry.id}/talks/`,
			});
		}
		const groupPhoto = data.groupPhoto && {
			src: data.groupPhoto.src,
			alt: data.groupPhoto.alt,
			caption: data.groupPhoto.caption,
			people: resolver.many(entry, 'groupPhoto.people', data.groupPhoto.people, speakerById),
		};
		if (groupPhoto) {
			const recapSpeakers = new Set(talks.flatMap((talk) => talk.speakers.map((s) => s.id)));
			groupPhoto.people.forEach((person, index) => {
				if (!recapSpeakers.has(person.id)) {
					problems.push({
						file,
						field: `groupPhoto.people[${index}]`,
						problem: `${person.id} is not a speaker of any talk in this recap`,
						fix: "name only this recap's speakers, left to right, or add them to their talk's `speakers`",
					});
				}
			});
		}
		allRecaps.push({
			id: entry.id,
			file,
			title: data.title,
			description: data.description,
			seriesId: data.series.id,
			seriesName: seriesEntry?.data.name ?? data.series.id,
			city: stop?.city ?? data.city,
			country: stop?.country ?? '',
			venue: data.venue,
			eventDate: data.eventDate,
			publishDate: data.publishDate,
			sortDate: data.eventDate ?? data.publishDate,
			authors: data.authors.length > 0 ? data.authors : [options.defaultAuthor],
			hero: data.hero,
			groupPhoto,
			status: data.draft ? 'draft' : data.publishDate > options.today ? 'scheduled' : 'published',
			talks,
			speakers: uniqueById(talks.flatMap((talk) => talk.speakers)),
		});
	}

	if (problems.length > 0) throw new ContentError(problems);

	const recaps = sortRecapsByDate(
		allRecaps.filter((recap) => options.includeUnpublished || recap.status === 'published'),
	);
	const series = raw.series.map((entry) =>
		shapeSeries(entry, organizers.get(entry.id)!, recaps, options.today),
	);

	return {
		recaps,
		series,
		speakers: speakers.toSorted((a, b) => a.name.localeCompare(b.name, 'en')),
		companies: companies.toSorted((a, b) => a.name.localeCompare(b.name, 'en')),
		writeups,
		topics: topics.toSorted((a, b) => a.name.localeCompare(b.name, 'en')),
	};
}

/** Newest first by event date (publication date when the event's is unknown), then by id. */
export function sortRecapsByDate<T extends { sortDate: string; id: string }>(
	recaps: readonly T[],
): T[] {
	return recaps.toSorted(
		(a, b) => b.sortDate.localeCompare(a.sortDate) || a.id.localeCompare(b.id),
	);
}

function shapeTalk(
	entry: RawEntry<TalkData>,
	resolver: Resolver,
	index: {
		companyById: Map<string, Company>;
		speakerById: Map<string, Speaker>;
		writeupById: Map<string, Writeup>;
		topicById: Map<string, Topic>;
	},
): Talk {
	const { data } = entry;
	return {
		id: entry.id,
		file: fileOf(entry, 'talks'),
		recapId: recapIdOfTalk(entry.id),
		anchor: talkAnchor(entry.id),
		title: data.title,
		order: data.order,
		kind: data.kind,
		summary: data.summary,
		company: resolver.one(entry, 'company', data.company, index.companyById),
		speakers: resolver.many(entry, 'speakers', data.speakers, index.speakerById),
		results: data.results,
		topics: resolver.many(entry, 'topics', data.topics, index.topicById),
		writeups: resolver.many(entry, 'writeups', data.writeups, index.writeupById),
		photo: data.photo,
		modules: data.kind === 'workshop' ? data.modules : [],
		inviteOnly: data.kind === 'roundtable' ? data.inviteOnly : false,
	};
}

function checkTalkOrder(talks: readonly Talk[], problems: ContentProblem[]): void {
	for (let i = 1; i < talks.length; i++) {
		const previous = talks[i - 1]!;
		const talk = talks[i]!;
		if (previous.order === talk.order) {
			problems.push({
				file: talk.file,
				field: 'order',
				problem: `${talk.order} is also the order of ${previous.file}`,
				fix: 'give every talk of a recap its own number',
			});
		}
	}
}

function shapeSeries(
	entry: RawEntry<SeriesData>,
	organizer: Company,
	visibleRecaps: readonly Recap[],
	today: string,
): Series {
	const { data } = entry;
	const recaps = visibleRecaps.filter((recap) => recap.seriesId === entry.id);
	const stops = data.stops.map((stop): Stop => {
		const recap = recaps.find((r) => r.city.toLowerCase() === stop.city.toLowerCase());
		const state: StopState = recap
			? 'published'
			: stop.date && stop.date >= today
				? 'upcoming'
				: 'announced';
		return { city: stop.city, country: stop.country, date: stop.date, state, recapId: recap?.id };
	});
	return {
		id: entry.id,
		name: data.name,
		organizer,
		year: data.year,
		description: data.description,
		plannedCities: data.plannedCities,
		plannedCountries: data.plannedCountries,
		stops,
		unnamedStops: Math.max(0, data.plannedCities - data.stops.length),
		recapIds: recaps.map((recap) => recap.id),
	};
}

interface Resolver {
	one<T>(owner: RawEntry<unknown>, field: string, ref: EntryRef, index: Map<string, T>): T;
	many<T>(
		owner: RawEntry<unknown>,
		field: string,
		refs: readonly EntryRef[],
		index: Map<string, T>,
	): T[];
}

/**
 * Astro only logs dangling references; this resolver turns each into a problem naming the file,
 * the field, the missing id and the fix, with a "did you mean" for likely typos.
 */
function createResolver(raw: RawContent, problems: ContentProblem[]): Resolver {
	const ownerCollection = new Map<RawEntry<unknown>, CollectionName>();
	for (const name of Object.keys(raw) as CollectionName[]) {
		for (const entry of raw[name]) ownerCollection.set(entry, name);
	}
	const report = (
		owner: RawEntry<unknown>,
		field: string,
		ref: EntryRef,
		known: Iterable<string>,
	) => {
		const target = COLLECTION_FILES[ref.collection];
		const guess = closestId(ref.id, known);
		// Ids are file names: only suggest creating a file under an id a file could have.
		const create = SLUG.test(ref.id)
			? `create it: ${target.path(ref.id)}`
			: 'ids are lowercase words joined by hyphens, like the file names';
		problems.push({
			file: fileOf(owner, ownerCollection.get(owner) ?? 'recaps'),
			field,
			problem: `there is no ${target.noun} "${ref.id}"`,
			fix: guess ? `did you mean "${guess}"? Otherwise ${create}` : `correct the id, or ${create}`,
		});
	};
	return {
		one<T>(owner: RawEntry<unknown>, field: string, ref: EntryRef, index: Map<string, T>): T {
			const found = index.get(ref.id);
			if (found === undefined) {
				report(owner, field, ref, index.keys());
				// A stand-in so shaping can go on and report every other problem too; the build
				// throws before anything reaches a page.
				return undefined as never;
			}
			return found;
		},
		many<T>(
			owner: RawEntry<unknown>,
			field: string,
			refs: readonly EntryRef[],
			index: Map<string, T>,
		): T[] {
			const found: T[] = [];
			refs.forEach((ref, i) => {
				const value = index.get(ref.id);
				if (value === undefined) report(owner, `${field}[${i}]`, ref, index.keys());
				else found.push(value);
			});
			return found;
		},
	};
}

function fileOf(entry: RawEntry<unknown>, collection: CollectionName): string {
	return entry.filePath ?? COLLECTION_FILES[collection].path(entry.id);
}

function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
	const seen = new Set<string>();
	return items.filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)));
}
