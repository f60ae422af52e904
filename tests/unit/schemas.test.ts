/**
 * The schemas are what authors meet first: these tests parse good and bad entries through the
 * real factories (with the test context from `helpers.ts`) and pin the exact message an author
 * reads for each mistake.
 */
import { describe, expect, it } from 'vitest';
import { calendarDate, httpsUrl, plainText } from '../../src/schemas/shared.ts';
import { isWorkshop, TALK_KINDS } from '../../src/schemas/talk.ts';
import {
	companyInput,
	imageInput,
	photoInput,
	recapInput,
	seriesInput,
	speakerInput,
	talkInput,
	topicInput,
	workshopInput,
	writeupInput,
} from '../fixtures/unit/roadshow.ts';
import { issueMessages, issuesOf, schemas } from './helpers.ts';

describe('good entries parse', () => {
	it('a company, with and without a url', () => {
		expect(schemas.companies.parse(companyInput())).toEqual({
			name: 'Example Corp',
			url: 'https://example.com/',
		});
		expect(schemas.companies.parse({ name: 'Demo Labs' })).toEqual({ name: 'Demo Labs' });
	});

	it('a writeup, with its optional date', () => {
		expect(schemas.writeups.parse(writeupInput({ date: '2026-02-01' }))).toEqual({
			title: 'How Example Corp searches a billion vectors',
			url: 'https://blog.example.com/vector-search',
			publisher: 'Example Corp engineering blog',
			date: '2026-02-01',
		});
	});

	it('a speaker: the company becomes a reference and links default to none', () => {
		expect(schemas.speakers.parse(speakerInput())).toEqual({
			name: 'Jane Doe',
			role: 'Staff Engineer, Search Platform',
			company: { collection: 'companies', id: 'example-corp' },
			photo: { src: imageInput(), alt: 'Jane Doe smiling in front of a brick wall' },
			links: [],
		});
	});

	it('a series: the organizer becomes a reference and the stops keep their order', () => {
		const series = schemas.series.parse(seriesInput());
		expect(series.organizer).toEqual({ collection: 'companies', id: 'example-corp' });
		expect(series.stops.map((stop) => stop.city)).toEqual([
			'Example City',
			'Sample Town',
			'Demo Ville',
			'Test Harbor',
		]);
	});

	it('a recap: defaults for authors and draft, references for series and group photo', () => {
		const recap = schemas.recaps.parse(
			recapInput({ groupPhoto: { ...photoInput('The speakers'), people: ['jane-doe'] } }),
		);
		expect(recap).toMatchObject({
			series: { collection: 'series', id: 'example-roadshow-2026' },
			eventDate: '2026-03-12',
			publishDate: '2026-03-20',
			authors: [],
			draft: false,
			groupPhoto: { alt: 'The speakers', people: [{ collection: 'speakers', id: 'jane-doe' }] },
		});
	});

	it('a recap without an event date (truly unknown)', () => {
		const recap = schemas.recaps.parse(recapInput({ eventDate: undefined }));
		expect(recap.eventDate).toBeUndefined();
	});

	it('a recap published on the day of the event', () => {
		const recap = schemas.recaps.parse(
			recapInput({ eventDate: '2026-03-12', publishDate: '2026-03-12' }),
		);
		expect(recap.publishDate).toBe('2026-03-12');
	});

	it('a talk: speakers and writeups become references, lists default to empty', () => {
		expect(schemas.talks.parse(talkInput())).toEqual({
			title: 'Searching a billion vectors',
			kind: 'talk',
			order: 1,
			summary: 'How Example Corp moved its search to a vector index.',
			company: { collection: 'companies', id: 'example-corp' },
			speakers: [{ collection: 'speakers', id: 'jane-doe' }],
			results: [],
			topics: [],
			writeups: [],
		});
	});

	it.each(TALK_KINDS)('a talk of kind %s', (kind) => {
		const input =
			kind === 'workshop'
				? workshopInput()
				: talkInput({ kind, speakers: ['jane-doe', 'john-roe'] });
		expect(schemas.talks.parse(input).kind).toBe(kind);
	});

	it('a workshop keeps its modules and is narrowed by isWorkshop', () => {
		const talk = schemas.talks.parse(workshopInput());
		expect(isWorkshop(talk)).toBe(true);
		expect(isWorkshop(talk) && talk.modules).toEqual([
			{ title: 'Basics', summary: 'Tasks, actors and objects.' },
		]);
		expect(isWorkshop(schemas.talks.parse(talkInput()))).toBe(false);
	});

	it('a roundtable with no named speakers (allowed: participants may stay unnamed)', () => {
		const talk = schemas.talks.parse(talkInput({ kind: 'roundtable', speakers: undefined }));
		expect(talk).toMatchObject({ kind: 'roundtable', speakers: [], inviteOnly: false });
	});

	it('headline results and topics', () => {
		const talk = schemas.talks.parse(
			talkInput({
				results: [{ value: '80%+', label: 'lower embedding cost' }],
				topics: ['embeddings', 'batch-inference'],
			}),
		);
		expect(talk.results).toEqual([{ value: '80%+', label: 'lower embedding cost' }]);
		expect(talk.topics).toEqual([
			{ collection: 'topics', id: 'embeddings' },
			{ collection: 'topics', id: 'batch-inference' },
		]);
	});

	it('a topic', () => {
		expect(schemas.topics.parse(topicInput({ name: 'Batch inference' }))).toEqual({
			name: 'Batch inference',
			description: 'Turning text into vectors at scale, and keeping the cost of it in check.',
		});
	});

	it('a topic name with capitals and punctuation, trimmed', () => {
		expect(schemas.topics.parse(topicInput({ name: '  LLM inference & serving ' })).name).toBe(
			'LLM inference & serving',
		);
	});
});

describe('topics', () => {
	it.each([
		['without a name', { name: undefined }, 'name: `name` is required: write it as plain text'],
		['with an empty name', { name: ' ' }, 'name: `name` must not be empty'],
		[
			'with HTML in the name',
			{ name: '<em>Embeddings</em>' },
			'name: `name` must be plain text: remove the HTML tags or entities (write & and < as they are)',
		],
		[
			'with an entity in the name',
			{ name: 'Search &amp; retrieval' },
			'name: `name` must be plain text: remove the HTML tags or entities (write & and < as they are)',
		],
		[
			'with a name over 60 characters',
			{ name: 'x'.repeat(61) },
			'name: `name` is longer than 60 characters: shorten it to 60 characters or fewer',
		],
		[
			'without a description',
			{ description: undefined },
			'description: `description` is required: write it as plain text',
		],
		[
			'with HTML in the description',
			{ description: 'Vectors, <b>fast</b>.' },
			'description: `description` must be plain text: remove the HTML tags or entities (write & and < as they are)',
		],
		[
			'with a description over 240 characters',
			{ description: 'x'.repeat(241) },
			'description: `description` is longer than 240 characters: shorten it to 240 characters or fewer',
		],
		[
			'with an unknown field (a slug is the file name)',
			{ slug: 'embeddings' },
			': unknown field `slug`: check the spelling against the fields this file accepts, or remove it',
		],
	])('rejects a topic %s', (_, changes, issue) => {
		expect(issuesOf(schemas.topics, topicInput(changes))).toEqual([issue]);
	});

	it('accepts a name of exactly 60 characters', () => {
		expect(issueMessages(schemas.topics, topicInput({ name: 'x'.repeat(60) }))).toEqual([]);
	});

	it('a talk accepts any topic id: a wrong one is a dangling reference, caught by the build', () => {
		// See "content problems" in site.test.ts.
		expect(schemas.talks.parse(talkInput({ topics: ['Batch Inference'] })).topics).toEqual([
			{ collection: 'topics', id: 'Batch Inference' },
		]);
	});
});

describe('photos must have alt text', () => {
	const noAlt = { src: imageInput() };

	it.each([
		[
			'hero',
			schemas.recaps,
			recapInput({ hero: noAlt }),
			'hero.alt: `hero.alt` is required: describe what the photo shows for readers who cannot see it',
		],
		[
			'speaker photo',
			schemas.speakers,
			speakerInput({ photo: noAlt }),
			'photo.alt: `photo.alt` is required: describe what the photo shows for readers who cannot see it',
		],
		[
			'group photo',
			schemas.recaps,
			recapInput({ groupPhoto: { ...noAlt, people: ['jane-doe'] } }),
			'groupPhoto.alt: `groupPhoto.alt` is required: describe what the photo shows for readers who cannot see it',
		],
		[
			'talk photo',
			schemas.talks,
			talkInput({ photo: noAlt }),
			'photo.alt: `photo.alt` is required: describe what the photo shows for readers who cannot see it',
		],
	])('a %s without alt', (_, schema, input, issue) => {
		expect(issuesOf(schema, input)).toEqual([issue]);
	});

	it.each([[''], ['   ']])('an empty alt (%j)', (alt) => {
		expect(issuesOf(schemas.recaps, recapInput({ hero: { src: imageInput(), alt } }))).toEqual([
			'hero.alt: `hero.alt` must not be empty',
		]);
	});

	it.each([
		['missing', undefined],
		['a bare path string', './photos/hero.jpg'],
	])('a hero that is %s', (_, hero) => {
		expect(issuesOf(schemas.recaps, recapInput({ hero }))).toEqual([
			'hero: `hero` must have `src` (the image path) and `alt` (what it shows)',
		]);
	});

	it('a group photo that names nobody', () => {
		expect(
			issuesOf(schemas.recaps, recapInput({ groupPhoto: { ...photoInput(), people: [] } })),
		).toEqual([
			'groupPhoto.people: `groupPhoto.people` must name the people in the photo, left to right',
		]);
	});
});

describe('plain text', () => {
	const markupMessage =
		'title: `title` must be plain text: remove the HTML tags or entities (write & and < as they are)';

	it.each([
		['a bold tag', '<b>x</b>'],
		['a script tag', '<script>'],
		['something that looks like a tag', 'R&D <at> scale'],
		['a closing tag', 'Before</p>'],
		['an HTML comment', 'Hi <!-- hidden -->'],
		['a named entity', 'Tom &amp; Jerry'],
		['a numeric entity', 'Fish &#38; chips'],
	])('rejects %s in a title: %j', (_, title) => {
		expect(issuesOf(schemas.recaps, recapInput({ title }))).toEqual([markupMessage]);
	});

	it.each([
		['ampersand and less-than', 'A < B & C'],
		['an ampersand in a word', 'R&D at scale'],
		['a comparison', 'Latency < 15 s, cost > 0'],
		['emoji', 'Shipping 🚀 faster'],
		['a non-Latin script', '東京でのベクトル検索'],
		['a right-to-left script', 'البحث المتجهي'],
	])('accepts %s in a title: %j', (_, title) => {
		expect(schemas.recaps.parse(recapInput({ title })).title).toBe(title);
	});

	it('trims surrounding whitespace', () => {
		expect(schemas.recaps.parse(recapInput({ title: '  Example City  ' })).title).toBe(
			'Example City',
		);
	});

	it('accepts a title of exactly the limit and rejects one character more', () => {
		expect(issueMessages(schemas.recaps, recapInput({ title: 'x'.repeat(100) }))).toEqual([]);
		expect(issuesOf(schemas.recaps, recapInput({ title: 'x'.repeat(101) }))).toEqual([
			'title: `title` is longer than 100 characters: shorten it to 100 characters or fewer',
		]);
	});

	it('counts the limit after trimming', () => {
		expect(issueMessages(schemas.recaps, recapInput({ title: ` ${'x'.repeat(100)} ` }))).toEqual(
			[],
		);
	});

	it('requires a title', () => {
		expect(issuesOf(schemas.recaps, recapInput({ title: undefined }))).toEqual([
			'title: `title` is required: write it as plain text',
		]);
	});

	it.each([
		['a single word', 'Madonna'],
		['emoji', 'Jane Doe 🚀'],
		['Japanese', '山田 太郎'],
		['diacritics', 'Zoë Ångström-Ødegård'],
		['Devanagari', 'प्रिया शर्मा'],
	])('accepts a speaker name with %s: %j', (_, name) => {
		expect(schemas.speakers.parse(speakerInput({ name })).name).toBe(name);
	});

	it('plainText works on its own, naming the field it was given', () => {
		expect(plainText('caption', { max: 3 }).safeParse('abcd').error?.issues[0]?.message).toBe(
			'`caption` is longer than 3 characters: shorten it to 3 characters or fewer',
		);
		expect(plainText('caption').parse('x'.repeat(1000))).toHaveLength(1000);
	});
});

describe('web addresses', () => {
	it('accepts https', () => {
		expect(httpsUrl('url').parse('https://example.com/a?b=c#d')).toBe(
			'https://example.com/a?b=c#d',
		);
	});

	it.each([
		[
			'a writeup',
			schemas.writeups,
			writeupInput({ url: 'http://blog.example.com/x' }),
			'url: `url`',
		],
		['a company', schemas.companies, companyInput({ url: 'http://example.com/' }), 'url: `url`'],
		[
			'a speaker link',
			schemas.speakers,
			speakerInput({ links: [{ label: 'Website', url: 'http://jane.example/' }] }),
			'links.0.url: `links[].url`',
		],
	])('rejects plain http in %s', (_, schema, input, field) => {
		expect(issuesOf(schema, input)).toEqual([
			`${field} must be a full web address starting with https:// (plain http is not allowed)`,
		]);
	});

	it.each([['not a url'], ['blog.example.com/x']])(
		'rejects a non-URL (%j), saying a full https address is needed',
		(url) => {
			expect(issuesOf(schemas.writeups, writeupInput({ url }))[0]).toBe(
				'url: `url` must be a full web address starting with https:// (plain http is not allowed)',
			);
		},
	);

	// Regression: the https check used to run after `z.url()` had failed, adding a second message.
	it('rejects a non-URL with one message only', () => {
		expect(issuesOf(schemas.writeups, writeupInput({ url: 'not a url' }))).toEqual([
			'url: `url` must be a full web address starting with https:// (plain http is not allowed)',
		]);
	});
});

describe('calendar dates', () => {
	const eventDate = calendarDate('eventDate');
	const formatMessage = '`eventDate` must be a date written YYYY-MM-DD, e.g. 2026-04-09';
	const unrealMessage = '`eventDate` is not a real calendar date: check the month and the day';

	it.each([
		['2026-04-09', '2026-04-09'],
		['2024-02-29', '2024-02-29'],
		['2026-12-31', '2026-12-31'],
	])('accepts %j', (input, output) => {
		expect(eventDate.parse(input)).toBe(output);
	});

	it.each([
		[
			'midnight UTC (what YAML makes of 2026-04-09)',
			new Date('2026-04-09T00:00:00Z'),
			'2026-04-09',
		],
		['the first day of a year', new Date(Date.UTC(2026, 0, 1)), '2026-01-01'],
		['the last day of a year', new Date(Date.UTC(2026, 11, 31)), '2026-12-31'],
	])('normalises a YAML Date at %s to YYYY-MM-DD', (_, input, output) => {
		expect(eventDate.parse(input)).toBe(output);
	});

	it.each([['2026-02-30'], ['2025-02-29'], ['2026-13-01'], ['2026-04-31'], ['2026-00-10']])(
		'rejects %j as not a real date',
		(input) => {
			expect(issueMessages(eventDate, input)).toEqual([unrealMessage]);
		},
	);

	it.each([
		['April 9'],
		['2026-4-9'],
		['09/04/2026'],
		['2026-04-09T10:00:00Z'],
		[20260409],
		[new Date('not a date')],
	])('rejects %j as not written YYYY-MM-DD', (input) => {
		expect(issueMessages(eventDate, input)[0]).toBe(formatMessage);
	});

	// Regression (src/schemas/shared.ts, calendarDate): this used to go wrong: the "real date" refinement still runs after the
	// YYYY-MM-DD regex has failed, so "April 9" also gets "is not a real calendar date".
	it('rejects "April 9" with the format message only', () => {
		expect(issueMessages(eventDate, 'April 9')).toEqual([formatMessage]);
	});

	it('rejects a recap date like 2026-02-30 under its field', () => {
		expect(issuesOf(schemas.recaps, recapInput({ eventDate: '2026-02-30' }))).toEqual([
			'eventDate: `eventDate` is not a real calendar date: check the month and the day',
		]);
	});

	it('rejects a publishDate before the eventDate', () => {
		expect(
			issuesOf(schemas.recaps, recapInput({ eventDate: '2026-04-09', publishDate: '2026-04-08' })),
		).toMatchInlineSnapshot(`
			[
			  "publishDate: \`publishDate\` 2026-04-08 is before the event (2026-04-09): a recap is published after the event",
			]
		`);
	});

	it('compares YAML Dates by day, whatever they were written as', () => {
		const recap = schemas.recaps.parse(
			recapInput({
				eventDate: new Date('2026-04-09T00:00:00Z'),
				publishDate: new Date('2026-04-10T00:00:00Z'),
			}),
		);
		expect([recap.eventDate, recap.publishDate]).toEqual(['2026-04-09', '2026-04-10']);
	});

	// Regression (src/schemas/recap.ts, recapSchema superRefine): this used to go wrong: the publishDate check runs on the raw,
	// invalid eventDate and compares strings, so "April 9" adds a bogus third issue
	// "`publishDate` 2026-04-20 is before the event (April 9)".
	it('a malformed eventDate is reported once, without a publishDate complaint', () => {
		expect(
			issuesOf(schemas.recaps, recapInput({ eventDate: 'April 9', publishDate: '2026-04-20' })),
		).toEqual(['eventDate: `eventDate` must be a date written YYYY-MM-DD, e.g. 2026-04-09']);
	});
});

describe('talks', () => {
	it('rejects an unknown kind, listing the kinds', () => {
		expect(issuesOf(schemas.talks, talkInput({ kind: 'lecture' }))).toEqual([
			'kind: `kind` is missing or not a kind of session: write one of keynote, talk, workshop, panel, roundtable',
		]);
	});

	it.each([
		['talk', [], 'a talk needs at least one speaker in `speakers`'],
		['keynote', [], 'a keynote needs at least one speaker in `speakers`'],
		['panel', ['jane-doe'], 'a panel needs at least two panelists in `speakers`'],
	])('rejects a %s with speakers %j', (kind, speakers, message) => {
		expect(issuesOf(schemas.talks, talkInput({ kind, speakers }))).toEqual([
			`speakers: ${message}`,
		]);
	});

	it('rejects a workshop with an empty module list', () => {
		expect(issuesOf(schemas.talks, workshopInput({ modules: [] }))).toEqual([
			'modules: a workshop needs at least one entry in `modules`',
		]);
	});

	it('rejects a workshop without modules, on the modules field', () => {
		expect(issuesOf(schemas.talks, workshopInput({ modules: undefined }))[0]).toMatch(/^modules: /);
	});

	// Regression (src/schemas/talk.ts, talkSchema): this used to go wrong: leaving `modules` (or `speakers`) out entirely gives
	// zod's generic "Invalid input: expected array, received undefined" instead of the author
	// message the schema already has for an empty list.
	it.each([
		[
			'a workshop without modules',
			workshopInput({ modules: undefined }),
			'modules: a workshop needs at least one entry in `modules`',
		],
		[
			'a talk without speakers',
			talkInput({ speakers: undefined }),
			'speakers: a talk needs at least one speaker in `speakers`',
		],
	])('gives the author message for %s', (_, input, issue) => {
		expect(issuesOf(schemas.talks, input)).toEqual([issue]);
	});

	it.each([
		['an order of 0', { order: 0 }, 'order: `order` must be 1 or more'],
		[
			'a fractional order',
			{ order: 1.5 },
			'order: `order` must be a whole number: write 1 for the first section, 2 for the next, and so on',
		],
		[
			'a result value over 16 characters',
			{ results: [{ value: 'x'.repeat(17), label: 'y' }] },
			'results.0.value: `results[].value` is longer than 16 characters: shorten it to 16 characters or fewer',
		],
	])('rejects %s', (_, changes, issue) => {
		expect(issuesOf(schemas.talks, talkInput(changes))).toEqual([issue]);
	});

	it('rejects modules on a kind that has none', () => {
		expect(
			issuesOf(schemas.talks, talkInput({ modules: [{ title: 'Basics', summary: 'x' }] })),
		).toEqual([
			': unknown field `modules`: check the spelling against the fields this file accepts, or remove it',
		]);
	});
});

describe('series', () => {
	it('rejects the same city twice, whatever its case', () => {
		const stops = [
			{ city: 'Example City', country: 'Exampleland' },
			{ city: 'example city', country: 'Exampleland' },
		];
		expect(issuesOf(schemas.series, seriesInput({ stops }))).toEqual([
			'stops.1.city: `stops` lists example city twice: keep one entry per city',
		]);
	});

	it('rejects a stop date outside the series year', () => {
		const stops = [{ city: 'Example City', country: 'Exampleland', date: '2025-12-31' }];
		expect(issuesOf(schemas.series, seriesInput({ stops }))).toMatchInlineSnapshot(`
			[
			  "stops.0.date: the Example City date 2025-12-31 is not in the series' year 2026: check the year",
			]
		`);
	});

	it('rejects more stops than planned cities', () => {
		expect(issuesOf(schemas.series, seriesInput({ plannedCities: 3 }))).toEqual([
			'plannedCities: `plannedCities` is 3 but 4 stops are listed: raise plannedCities',
		]);
	});

	it('rejects a series without stops', () => {
		expect(issuesOf(schemas.series, seriesInput({ stops: [] }))).toEqual([
			'stops: `stops` must list at least one city',
		]);
	});

	it('rejects a year that is not a whole number', () => {
		expect(issuesOf(schemas.series, seriesInput({ year: '2026' }))).toEqual([
			'year: `year` must be a whole number such as 2026',
		]);
	});
});

describe('strict objects reject unknown fields', () => {
	it.each([
		[
			'a recap',
			schemas.recaps,
			recapInput({ tags: ['ai'] }),
			': unknown field `tags`: check the spelling against the fields this file accepts, or remove it',
		],
		[
			'a talk (a typo of speakers)',
			schemas.talks,
			talkInput({ speaker: ['jane-doe'] }),
			': unknown field `speaker`: check the spelling against the fields this file accepts, or remove it',
		],
		[
			'a speaker',
			schemas.speakers,
			speakerInput({ twitter: '@jane' }),
			': unknown field `twitter`: check the spelling against the fields this file accepts, or remove it',
		],
		[
			'a company',
			schemas.companies,
			companyInput({ logo: 'x.png' }),
			': unknown field `logo`: check the spelling against the fields this file accepts, or remove it',
		],
		[
			'a writeup',
			schemas.writeups,
			writeupInput({ author: 'Jane' }),
			': unknown field `author`: check the spelling against the fields this file accepts, or remove it',
		],
		[
			'a series',
			schemas.series,
			seriesInput({ sponsor: 'x' }),
			': unknown field `sponsor`: check the spelling against the fields this file accepts, or remove it',
		],
		[
			'a topic',
			schemas.topics,
			topicInput({ aliases: ['vectors'] }),
			': unknown field `aliases`: check the spelling against the fields this file accepts, or remove it',
		],
		[
			'a series stop',
			schemas.series,
			seriesInput({ stops: [{ city: 'Example City', country: 'Exampleland', venue: 'Hall' }] }),
			'stops.0: unknown field `venue`: check the spelling against the fields this file accepts, or remove it',
		],
	])('%s', (_, schema, input, issue) => {
		expect(issuesOf(schema, input)).toEqual([issue]);
	});
});

describe('series numbers', () => {
	it.each([
		[{ year: 1999 }, 'year: `year` must be 2000 or later: check the year'],
		[{ year: 2026.5 }, 'year: `year` must be a whole number such as 2026'],
		[
			{ plannedCities: 0 },
			'plannedCities: `plannedCities` must be at least 1: count every city the series plans to visit',
		],
		[
			{ plannedCountries: 0 },
			'plannedCountries: `plannedCountries` must be at least 1: count every country the series plans to visit',
		],
	])('%j is rejected with its own message', (changes, issue) => {
		expect(issuesOf(schemas.series, seriesInput(changes))[0]).toBe(issue);
	});

	it('says "1 stop is listed" in the singular', () => {
		const input = seriesInput({
			plannedCities: 1,
			stops: [
				{ city: 'Example City', country: 'Exampleland' },
				{ city: 'Sample Town', country: 'Sampleland' },
			],
		});
		expect(issuesOf(schemas.series, input)).toEqual([
			'plannedCities: `plannedCities` is 1 but 2 stops are listed: raise plannedCities',
		]);
		expect(
			issuesOf(
				schemas.series,
				seriesInput({ plannedCities: 0, stops: [{ city: 'A', country: 'B' }] }),
			),
		).toContain('plannedCities: `plannedCities` is 0 but 1 stop is listed: raise plannedCities');
	});
});
