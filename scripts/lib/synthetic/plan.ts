/**
 * Plans a synthetic content root for benchmarks: every entry of every collection and every image,
 * as plain data. Pure and deterministic: the same options give the same plan, with no I/O, no
 * clock and no `Math.random`. `files.ts` turns a plan into file texts; `write.ts` writes them.
 *
 * Shape of a site of N recaps (N >= 1):
 * - series of up to 10 stops each (one per recap, in travel order) plus one upcoming stop;
 * - 5 sessions per recap: a keynote, two talks, a workshop or a panel, a talk or a roundtable;
 * - 6 speakers per recap: two "touring" speakers of the organizer who appear in many cities, and
 *   four others, about one in five of whom already spoke in another city;
 * - 2 event photos per recap (2400x1600): the hero, and a group photo (even recaps) or a photo
 *   of the first talk (odd recaps); an 800x800 portrait per speaker;
 * - a fenced code sample in every third session; headline results, topics and writeups on talks.
 */
import type { CollectionName } from '../../../src/schemas/shared.ts';
import { createRandom, hashString, type Random } from './random.ts';
import {
	codeSample,
	headline,
	paragraph,
	paragraphs,
	personName,
	role,
	sentence,
	TOPIC_WORDS,
} from './text.ts';

export interface SyntheticOptions {
	/** How many recaps (cities) the site has. */
	recaps: number;
	/** Seed of the generator: the same seed gives the same site. */
	seed: number;
}

/** The build's "today" (RECAP_NOW) under which every synthetic recap is published. */
export const SYNTHETIC_NOW = '2026-11-01T12:00:00Z';
export const SYNTHETIC_TODAY = '2026-11-01';
export const SYNTHETIC_YEAR = 2026;
export const STOPS_PER_SERIES = 10;
export const TALKS_PER_RECAP = 5;
export const SPEAKERS_PER_RECAP = 6;
/** Camera-ish sizes: event photos 3:2 at 2400 px, square portraits at 800 px. */
export const PHOTO_SIZE = { width: 2400, height: 1600 } as const;
export const PORTRAIT_SIZE = { width: 800, height: 800 } as const;
/** Share of non-touring speaker slots filled by someone who already spoke in another city. */
export const GUEST_REUSE = 0.2;

export type ImageKind = 'portrait' | 'hero' | 'group' | 'talk';

/** One JPEG to draw: where it goes (relative to the content root), its size and its seed. */
export interface ImageSpec {
	path: string;
	width: number;
	height: number;
	kind: ImageKind;
	/** Seed of the drawing: every image has its own, so no two files share bytes. */
	seed: number;
	/** The recap or speaker the image belongs to. */
	owner: string;
}

export type Data = Record<string, unknown>;

/** One authored entry: a YAML file, or an MDX file with front matter `data` and a `body`. */
export interface PlannedEntry {
	collection: CollectionName;
	/** The id Astro gives it: the file name, or `<recap-id>/<talk-id>` for talks. */
	id: string;
	/** Path relative to the content root. */
	path: string;
	data: Data;
	body?: string;
}

export interface SitePlan {
	options: SyntheticOptions;
	/** RECAP_NOW for building the site. */
	now: string;
	entries: Record<CollectionName, PlannedEntry[]>;
	images: ImageSpec[];
}

const ORGANIZER = 'example-corp-1';

function isoDate(dayOfYear: number): string {
	const date = new Date(Date.UTC(SYNTHETIC_YEAR, 0, 1 + dayOfYear));
	return date.toISOString().slice(0, 10);
}

export function checkOptions(options: SyntheticOptions): void {
	if (!Number.isInteger(options.recaps) || options.recaps < 1 || options.recaps > 100_000) {
		throw new Error(`--recaps must be a whole number from 1 to 100000, got ${options.recaps}`);
	}
	if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > 0xffffffff) {
		throw new Error(`--seed must be a whole number from 0 to 4294967295, got ${options.seed}`);
	}
}

/** How many companies, topics, writeups and series a site of `recaps` recaps has. */
export function siteCounts(recaps: number) {
	return {
		series: Math.ceil(recaps / STOPS_PER_SERIES),
		companies: Math.max(6, Math.ceil(recaps * 0.4)),
		topics: Math.min(40, Math.max(8, Math.round(2 * Math.sqrt(recaps)) + 6)),
		writeups: Math.max(4, recaps),
		touringSpeakers: Math.max(2, Math.ceil(recaps / 10)),
	};
}

export function planSite(options: SyntheticOptions): SitePlan {
	checkOptions(options);
	const random = createRandom(options.seed);
	const counts = siteCounts(options.recaps);
	const entries: Record<CollectionName, PlannedEntry[]> = {
		series: [],
		companies: [],
		speakers: [],
		writeups: [],
		topics: [],
		recaps: [],
		talks: [],
	};
	const images: ImageSpec[] = [];
	const image = (path: string, kind: ImageKind, owner: string): string => {
		const size = kind === 'portrait' ? PORTRAIT_SIZE : PHOTO_SIZE;
		images.push({ path, ...size, kind, owner, seed: hashString(`${options.seed}:${path}`) });
		return path;
	};

	// Companies, topics and writeups: flat lists the talks draw from.
	const companyRandom = random.fork('companies');
	for (let k = 1; k <= counts.companies; k++) {
		const data: Data = { name: `Example Corp ${k}` };
		if (companyRandom.chance(0.8)) data.url = `https://corp-${k}.example.com/`;
		entries.companies.push(yamlEntry('companies', `example-corp-${k}`, data));
	}
	const companyIds = entries.companies.map((entry) => entry.id);
	const guestCompanies = companyIds.filter((id) => id !== ORGANIZER);

	const topicRandom = random.fork('topics');
	for (let k = 1; k <= counts.topics; k++) {
		const word = TOPIC_WORDS[(k - 1) % TOPIC_WORDS.length]!;
		entries.topics.push(
			yamlEntry('topics', `example-topic-${k}`, {
				name: `Example Topic ${k}: ${word}`,
				description: sentence(topicRandom),
			}),
		);
	}
	const topicIds = entries.topics.map((entry) => entry.id);

	const writeupRandom = random.fork('writeups');
	for (let k = 1; k <= counts.writeups; k++) {
		const data: Data = {
			title: `Example writeup ${k}: ${sentence(writeupRandom).slice(0, -1)}`,
			url: `https://blog.example.com/writeups/example-${k}`,
			publisher: `Example Corp ${writeupRandom.int(1, counts.companies)} engineering blog`,
		};
		if (writeupRandom.chance(0.5)) data.date = isoDate(writeupRandom.int(0, 300));
		entries.writeups.push(yamlEntry('writeups', `example-writeup-${k}`, data));
	}
	const writeupIds = entries.writeups.map((entry) => entry.id);

	// Speakers are created as recaps need them; touring ones first, as the keynotes need them.
	const speakerRandom = random.fork('speakers');
	const companyOf = new Map<string, string>();
	const addSpeaker = (company: string): string => {
		const index = entries.speakers.length + 1;
		const name = personName(index, speakerRandom);
		const id = `speaker-${index}`;
		const data: Data = {
			name,
			role: role(speakerRandom),
			company,
			photo: {
				src: `./${id}.jpg`,
				alt: `Placeholder portrait of ${name}, a fictional speaker`,
			},
		};
		if (speakerRandom.chance(0.5)) {
			data.links = [{ label: 'Website', url: `https://people.example.com/${id}/` }];
		}
		image(`speakers/${id}.jpg`, 'portrait', id);
		entries.speakers.push(yamlEntry('speakers', id, data));
		companyOf.set(id, company);
		return id;
	};
	const touring = Array.from({ length: counts.touringSpeakers }, () => addSpeaker(ORGANIZER));
	/** Non-touring speakers who already spoke, with the recap they spoke at first. */
	const guests: { id: string; recap: number }[] = [];

	const recapRandom = random.fork('recaps');
	let talkCounter = 0;
	const stopsBySeries: { city: string; country: string; date: string }[][] = [];

	for (let r = 0; r < options.recaps; r++) {
		const seriesIndex = Math.floor(r / STOPS_PER_SERIES);
		const stopIndex = r % STOPS_PER_SERIES;
		const city = `Example City ${r + 1}`;
		const country = `Example Country ${(stopIndex % 3) + 1}`;
		const recapId = `example-city-${r + 1}-${SYNTHETIC_YEAR}`;
		const seriesId = `example-roadshow-${seriesIndex + 1}`;
		const eventDay = 9 + stopIndex * 28 + (seriesIndex % 7);
		const eventDate = isoDate(eventDay);
		const publishDate = isoDate(eventDay + 3);
		(stopsBySeries[seriesIndex] ??= []).push({ city, country, date: eventDate });

		// The roster: two touring speakers, then four guests (some reused from other cities).
		const keynote = touring[r % touring.length]!;
		const second = touring[(r + 1) % touring.length]!;
		const others: string[] = [];
		for (let slot = 0; slot < SPEAKERS_PER_RECAP - 2; slot++) {
			const earlier = guests.filter((g) => g.recap !== r && !others.includes(g.id));
			if (earlier.length > 0 && recapRandom.chance(GUEST_REUSE)) {
				others.push(recapRandom.pick(earlier).id);
			} else {
				const id = addSpeaker(recapRandom.pick(guestCompanies));
				guests.push({ id, recap: r });
				others.push(id);
			}
		}
		const [o0, o1, o2, o3] = others as [string, string, string, string];
		const roundtable = r % 4 === 3;
		const speakerCompany = (id: string) => companyOf.get(id) ?? ORGANIZER;

		const sessions: { file: string; data: Data }[] = [
			{
				file: 'keynote',
				data: { title: `Opening keynote in ${city}`, kind: 'keynote', speakers: [keynote] },
			},
			{ file: 'talk-a', data: { kind: 'talk', speakers: [o0] } },
			{ file: 'talk-b', data: { kind: 'talk', speakers: roundtable ? [o1, o3] : [o1] } },
			r % 2 === 0
				? {
						file: 'workshop',
						data: {
							title: `Hands-on workshop in ${city}`,
							kind: 'workshop',
							speakers: [second, o2],
							modules: Array.from({ length: recapRandom.int(2, 4) }, (_, m) => ({
								title: `Example module ${m + 1}`,
								summary: sentence(recapRandom),
							})),
						},
					}
				: {
						file: 'panel',
						data: {
							title: `Panel: the year ahead in ${city}`,
							kind: 'panel',
							speakers: [second, o2],
						},
					},
			roundtable
				? {
						file: 'roundtable',
						data: {
							title: 'Invite-only technical roundtable',
							kind: 'roundtable',
							speakers: [],
							inviteOnly: true,
						},
					}
				: { file: 'talk-c', data: { kind: 'talk', speakers: [o3] } },
		];

		image(`recaps/${recapId}/photos/hero.jpg`, 'hero', recapId);
		const withGroup = r % 2 === 0;
		image(
			`recaps/${recapId}/photos/${withGroup ? 'group' : 'talk'}.jpg`,
			withGroup ? 'group' : 'talk',
			recapId,
		);

		sessions.forEach((session, index) => {
			talkCounter++;
			const data: Data = { ...session.data };
			const speakers = data.speakers as string[];
			const kind = data.kind as string;
			const company = kind === 'talk' ? speakerCompany(speakers[0]!) : ORGANIZER;
			const companyName = `Example Corp ${company.slice('example-corp-'.length)}`;
			data.title ??= `${companyName}: ${headline(recapRandom)}`;
			data.order = index + 1;
			data.summary = sentence(recapRandom);
			data.company = company;
			data.topics = recapRandom.sample(topicIds, recapRandom.int(1, 3));
			if (kind === 'talk') {
				data.results = Array.from({ length: recapRandom.int(1, 3) }, () => result(recapRandom));
				data.writeups = [recapRandom.pick(writeupIds)];
			}
			if (!withGroup && index === 1) {
				data.photo = {
					src: `../photos/talk.jpg`,
					alt: `Placeholder image with abstract shapes standing in for a photo of the talk in ${city}`,
					caption: `The first talk of the day in ${city}.`,
				};
			}
			const body = [...paragraphs(recapRandom, recapRandom.int(2, 3))];
			if (talkCounter % 3 === 0) {
				body.splice(1, 0, 'A small example in that spirit:', codeSample(talkCounter));
			}
			entries.talks.push({
				collection: 'talks',
				id: `${recapId}/${session.file}`,
				path: `recaps/${recapId}/talks/${session.file}.md`,
				data: orderKeys(data),
				body: body.join('\n\n'),
			});
		});

		const people = uniqueInOrder(sessions.flatMap((session) => session.data.speakers as string[]));
		const recap: Data = {
			title: `Example Day ${city}: notes from Example Roadshow ${seriesIndex + 1}`,
			description:
				`Notes from the ${city} stop: five sessions and ${people.length} speakers. ${sentence(recapRandom)}`.slice(
					0,
					200,
				),
			series: seriesId,
			city,
			venue: `Example Conference Center ${recapRandom.int(1, 50)}`,
			eventDate,
			publishDate,
			hero: {
				src: `./photos/hero.jpg`,
				alt: `Placeholder image with abstract shapes standing in for a photo of ${city}`,
				caption: `Example Day ${city} at the Example Conference Center.`,
			},
		};
		if (recapRandom.chance(0.5)) recap.authors = [`Example Author ${recapRandom.int(1, 9)}`];
		if (withGroup) {
			recap.groupPhoto = {
				src: `./photos/group.jpg`,
				alt: `Placeholder image with ${people.length} abstract figures in a row standing in for the speakers`,
				people,
			};
		}
		entries.recaps.push({
			collection: 'recaps',
			id: recapId,
			path: `recaps/${recapId}/index.md`,
			data: recap,
			body: paragraphs(recapRandom, 3).join('\n\n'),
		});
	}

	stopsBySeries.forEach((stops, index) => {
		const upcoming = {
			city: `Example Town ${index + 1}`,
			country: 'Example Country 1',
			date: `${SYNTHETIC_YEAR}-12-05`,
		};
		entries.series.push(
			yamlEntry('series', `example-roadshow-${index + 1}`, {
				name: `Example Roadshow ${index + 1}`,
				organizer: ORGANIZER,
				year: SYNTHETIC_YEAR,
				description:
					`A fictional roadshow for benchmarks. ${paragraph(random.fork(`series-${index}`), 1).replace(/\n/g, ' ')}`.slice(
						0,
						400,
					),
				plannedCities: stops.length + 2,
				plannedCountries: 3,
				stops: [...stops, upcoming],
			}),
		);
	});

	return { options, now: SYNTHETIC_NOW, entries, images };
}

function yamlEntry(collection: CollectionName, id: string, data: Data): PlannedEntry {
	return { collection, id, path: `${collection}/${id}.yaml`, data };
}

function result(random: Random): { value: string; label: string } {
	const kind = random.int(0, 2);
	if (kind === 0) return { value: `${random.int(2, 20)}x`, label: 'faster example runs' };
	if (kind === 1) return { value: `${random.int(10, 90)}%`, label: 'lower placeholder cost' };
	return { value: `< ${random.int(2, 30)} s`, label: 'P95 latency of the sample service' };
}

function uniqueInOrder(ids: readonly string[]): string[] {
	return [...new Set(ids)];
}

const TALK_KEY_ORDER = [
	'title',
	'kind',
	'order',
	'summary',
	'speakers',
	'company',
	'topics',
	'writeups',
	'results',
	'modules',
	'inviteOnly',
	'photo',
];

/** Front matter keys in the order an author writes them (title first), for readable files. */
function orderKeys(data: Data): Data {
	const ordered: Data = {};
	for (const key of TALK_KEY_ORDER) if (key in data) ordered[key] = data[key];
	for (const key of Object.keys(data)) if (!(key in ordered)) ordered[key] = data[key];
	return ordered;
}

/** Every entry of a plan, in a stable order. */
export function allEntries(plan: SitePlan): PlannedEntry[] {
	return (Object.keys(plan.entries) as CollectionName[]).flatMap((name) => plan.entries[name]);
}
