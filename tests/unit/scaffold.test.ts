/**
 * The scaffolds' plans, computed from the real content folder (read only) or small hand-made
 * snapshots, without touching the disk: ids, fields, the TODO fields that must fail the schemas
 * until a marketer fills them, and the message for each wrong input.
 */
import { hasText } from '../../scripts/lib/content-check/checks.ts';
import { describe, expect, it } from 'vitest';
import { format } from 'prettier';
import { readContentState, type ContentState } from '../../scripts/lib/scaffold/content.ts';
import { InputError, textOf, type Plan } from '../../scripts/lib/scaffold/plan.ts';
import { EXAMPLE_TALK, planRecap, recapIdFor } from '../../scripts/lib/scaffold/recap.ts';
import { planSpeaker } from '../../scripts/lib/scaffold/speaker.ts';
import { nextOrder, planTalk } from '../../scripts/lib/scaffold/talk.ts';
import { foldAccents, shortSlug, slugify, yamlScalar } from '../../scripts/lib/scaffold/text.ts';
import { wrapComment } from '../../scripts/lib/scaffold/templates.ts';
import { fileSchemas, fill, frontmatter, problemsOf, realContent } from './scaffold-support.ts';
import { parse as parseYaml } from 'yaml';

const state = readContentState(realContent);
const TODAY = '2026-05-01';

const zurich = {
	city: 'Zürich',
	country: 'Switzerland',
	venue: 'Kongresshaus Zürich',
	date: '2026-06-10',
};

/** The problems an input error lists, one `--flag: message` line each. */
function inputProblems(plan: () => unknown): string[] {
	try {
		plan();
	} catch (error) {
		if (error instanceof InputError) return error.message.split('\n');
		throw error;
	}
	throw new Error('expected an InputError, but the plan succeeded');
}

function paths(plan: Plan): string[] {
	return plan.files.map((file) => file.path);
}

describe('ids from what marketers type', () => {
	it.each([
		['Zürich', 'zurich'],
		['São Paulo', 'sao-paulo'],
		['Düsseldorf', 'dusseldorf'],
		['Kraków', 'krakow'],
		['Straße des 17. Juni', 'strasse-des-17-juni'],
		['København', 'kobenhavn'],
		["Martha's Vineyard", 'marthas-vineyard'],
		['IMG_0042', 'img-0042'],
		['  New   York  ', 'new-york'],
		['東京', ''],
	])('%s -> "%s"', (text, slug) => {
		expect(slugify(text)).toBe(slug);
	});

	it('folds accents for comparing spellings', () => {
		expect(foldAccents('ZÜRICH')).toBe(foldAccents('zurich'));
	});

	it('cuts long slugs at a hyphen', () => {
		expect(shortSlug('From a three-step Spark pipeline to a single Ray job on Anyscale')).toBe(
			'from-a-three-step-spark-pipeline-to-a',
		);
	});

	it('quotes YAML values only when YAML needs it', () => {
		expect(yamlScalar('Zürich')).toBe('Zürich');
		expect(yamlScalar('Ray Day: Zürich')).toBe("'Ray Day: Zürich'");
		expect(yamlScalar('2026')).toBe("'2026'");
		expect(yamlScalar('true')).toBe("'true'");
		expect(parseYaml(`x: ${yamlScalar("It's #1: Q&A")}`)).toEqual({ x: "It's #1: Q&A" });
	});

	it('wraps long comments', () => {
		const lines = wrapComment(`Topics: ${'word '.repeat(40).trim()}.`, 40);
		expect(lines.every((line) => line.startsWith('# ') && line.length <= 40)).toBe(true);
	});
});

describe('the recap id follows the series naming', () => {
	it('reuses the pattern of the existing recap ids', () => {
		expect(recapIdFor(state, 'ray-on-the-road-2026', 'Zürich', 2026)).toBe('ray-day-zurich-2026');
		expect(recapIdFor(state, 'ray-on-the-road-2026', 'New York', 2026)).toBe(
			'ray-day-new-york-2026',
		);
	});

	it('falls back to <city>-<year> for a series without recaps', () => {
		const empty: ContentState = { ...state, recaps: [] };
		expect(recapIdFor(empty, 'ray-on-the-road-2026', 'Zürich', 2026)).toBe('zurich-2026');
	});

	it('is empty when no Latin letters are left', () => {
		expect(recapIdFor(state, 'ray-on-the-road-2026', '東京', 2026)).toBe('');
	});
});

describe('new:recap plans', () => {
	const plan = planRecap(zurich, state, { today: TODAY });
	const folder = 'recaps/ray-day-zurich-2026';

	it('creates the recap, one example talk and a placeholder hero', () => {
		expect(paths(plan)).toEqual([
			`${folder}/index.md`,
			`${folder}/talks/${EXAMPLE_TALK}.md`,
			`${folder}/photos/hero.jpg`,
		]);
		expect(plan.files[2]?.content).toEqual({
			type: 'placeholder',
			spec: {
				kind: 'photo',
				width: 2400,
				height: 1350,
				label: `content/${folder}/photos/hero.jpg`,
			},
		});
	});

	it('fills every field it knows, keeps the recap a draft, and publishes no earlier than the event', () => {
		expect(frontmatter(textOf(plan, `${folder}/index.md`))).toEqual({
			title: null,
			description: null,
			series: 'ray-on-the-road-2026',
			city: 'Zürich',
			venue: 'Kongresshaus Zürich',
			eventDate: '2026-06-10',
			publishDate: '2026-06-10',
			hero: { src: './photos/hero.jpg', alt: null },
			draft: true,
		});
		const later = planRecap(zurich, state, { today: '2026-07-02' });
		expect(frontmatter(textOf(later, `${folder}/index.md`))).toMatchObject({
			publishDate: '2026-07-02',
		});
	});

	it('leaves title, description and hero alt as TODOs that fail the recap schema', () => {
		const text = textOf(plan, `${folder}/index.md`);
		expect(text).toMatch(/# TODO: the headline/);
		expect(problemsOf(fileSchemas.recaps, frontmatter(text))).toEqual([
			'title: `title` is required: write it as plain text',
			'description: `description` is required: write it as plain text',
			'hero.alt: `hero.alt` is required: describe what the photo shows for readers who cannot see it',
		]);
	});

	it('parses through the recap schema once the TODOs are filled in', () => {
		let text = textOf(plan, `${folder}/index.md`);
		text = fill(text, 'title', "'Ray Day Zürich: one job instead of three'");
		text = fill(text, 'description', 'Notes from the Zürich stop.');
		text = fill(text, 'alt', 'The stage at the Kongresshaus');
		const parsed = fileSchemas.recaps.parse(frontmatter(text));
		expect(parsed).toMatchObject({ city: 'Zürich', draft: true, eventDate: '2026-06-10' });
		expect(parsed.series).toEqual({ collection: 'series', id: 'ray-on-the-road-2026' });
	});

	it('writes an example talk whose TODOs fail the talk schema', () => {
		const text = textOf(plan, `${folder}/talks/${EXAMPLE_TALK}.md`);
		expect(frontmatter(text)).toEqual({
			title: null,
			kind: 'talk',
			order: 1,
			summary: null,
			speakers: [],
			company: 'anyscale',
			results: [],
			topics: [],
			writeups: [],
		});
		expect(problemsOf(fileSchemas.talks, frontmatter(text))).toEqual([
			'title: `title` is required: write it as plain text',
			'summary: `summary` is required: write it as plain text',
			'speakers: a talk needs at least one speaker in `speakers`',
		]);
		// The body is only an HTML comment: nothing of it can be published, and the check says so.
		const body = text.split('---\n')[2] ?? '';
		expect(body.trim()).toMatch(/^<!-- TODO: [\s\S]*-->$/);
		expect(hasText(body, 'md')).toBe(false);
	});

	it('adds the stop to the series, leaving the rest of the file as it was', () => {
		expect(plan.edits).toHaveLength(1);
		const [edit] = plan.edits;
		expect(edit?.path).toBe('series/ray-on-the-road-2026.yaml');
		expect(edit?.summary).toBe('added the stop Zürich, Switzerland, 2026-06-10');
		expect(edit?.after).toBe(
			`${edit?.before ?? ''}  - city: Zürich\n    country: Switzerland\n    date: 2026-06-10\n`,
		);
		expect(fileSchemas.series.parse(parseYaml(edit?.after ?? '')).stops).toHaveLength(2);
	});

	it('spells a known city as the series does, takes its country, and dates the stop', () => {
		const seattle = {
			series: 'ray-on-the-road-2026',
			city: 'seattle',
			venue: 'Westin',
			date: '2026-04-09',
			id: 'seattle-again',
		};
		const noRecap: ContentState = { ...state, recaps: [] };
		const planned = planRecap(seattle, noRecap, { today: TODAY });
		expect(frontmatter(textOf(planned, 'recaps/seattle-again/index.md'))).toMatchObject({
			city: 'Seattle',
		});
		expect(planned.notes[0]).toMatch(/spells the city "Seattle"/);
		expect(planned.edits[0]?.summary).toBe('added the date 2026-04-09 to the stop Seattle');
	});

	it('reuses a hero photo that is already in the folder', () => {
		const withHero: ContentState = {
			...state,
			files: new Set([...state.files, `${folder}/photos/hero.jpg`]),
		};
		const planned = planRecap(zurich, withHero, { today: TODAY });
		expect(paths(planned)).not.toContain(`${folder}/photos/hero.jpg`);
		expect(planned.notes).toContain(
			`content/${folder}/photos/hero.jpg is there already: the recap uses it as its hero.`,
		);
	});

	it('plans the same files for an existing recap id (applying them is then refused)', () => {
		const again = planRecap(
			{
				...zurich,
				city: 'Seattle',
				country: undefined,
				date: '2026-04-09',
				id: 'ray-day-seattle-2026',
			},
			state,
			{ today: TODAY },
		);
		expect(paths(again)).toContain('recaps/ray-day-seattle-2026/index.md');
	});
});

describe('new:recap input problems name the flag and the fix', () => {
	it('lists every missing value at once', () => {
		expect(inputProblems(() => planRecap({}, state, { today: TODAY }))).toEqual([
			'--city: missing -> the city of the event, e.g. --city "Zürich"',
			'--country: missing -> the country of the city, e.g. --country Switzerland (it is a new stop of the series)',
			'--venue: missing -> where the event took place, e.g. --venue "Kongresshaus Zürich"',
			'--date: missing -> the day of the event, e.g. --date 2026-06-10',
		]);
	});

	it.each([
		[
			{ series: 'ray-on-the-rode-2026' },
			'--series: there is no series "ray-on-the-rode-2026" in content/series/ -> did you mean "ray-on-the-road-2026"?',
		],
		[
			{ series: 'Ray On The Road' },
			'--series: "Ray On The Road" is not an id -> ids are lowercase words and digits joined by hyphens, like the file names, e.g. ray-on-the-road-2026',
		],
		[{ date: '10/06/2026' }, '--date: `date` must be a date written YYYY-MM-DD, e.g. 2026-04-09'],
		[
			{ date: '2026-02-30' },
			'--date: `date` is not a real calendar date: check the month and the day',
		],
		[
			{ date: '2025-06-10' },
			'--date: 2025-06-10 is not in 2026, the year of the series ray-on-the-road-2026 -> check the year',
		],
		[
			{ venue: '<b>Kongresshaus</b>' },
			'--venue: `venue` must be plain text: remove the HTML tags or entities (write & and < as they are)',
		],
		[
			{ id: 'Ray_Day_Zurich' },
			'--id: "Ray_Day_Zurich" is not an id -> ids are lowercase words and digits joined by hyphens, like the file names, e.g. ray-day-zurich-2026',
		],
		[
			{ city: '東京' },
			'--id: no id can be made from "東京" -> give one with --id, e.g. --id tokyo-2026',
		],
		[
			{ city: 'Seattle', country: 'Canada', date: '2026-04-09' },
			'--country: the series lists Seattle in United States, not Canada -> leave --country out, or correct the stop in content/series/ray-on-the-road-2026.yaml',
		],
		[
			{ city: 'Seattle', country: undefined, date: '2026-04-09', id: 'seattle-two' },
			'--city: Seattle already has a recap in this series: content/recaps/ray-day-seattle-2026/index.md -> edit that one, or check the city',
		],
	])('%o', (change, message) => {
		expect(
			inputProblems(() => planRecap({ ...zurich, ...change }, state, { today: TODAY })),
		).toEqual([message]);
	});

	it('refuses a stop that disagrees with the date the series gives', () => {
		const dated: ContentState = {
			...state,
			recaps: [],
			series: state.series.map((series) => ({
				...series,
				stops: [{ city: 'Seattle', country: 'United States', date: '2026-04-09' }],
			})),
		};
		expect(
			inputProblems(() =>
				planRecap({ ...zurich, city: 'Seattle', date: '2026-04-10', country: undefined }, dated, {
					today: TODAY,
				}),
			),
		).toEqual([
			'--date: the series gives 2026-04-09 for Seattle, not 2026-04-10 -> use --date 2026-04-09, or correct the stop in content/series/ray-on-the-road-2026.yaml',
		]);
	});

	it('refuses a stop beyond the planned number of cities', () => {
		const full: ContentState = {
			...state,
			series: state.series.map((series) => ({ ...series, plannedCities: 1 })),
		};
		expect(inputProblems(() => planRecap(zurich, full, { today: TODAY }))).toEqual([
			'--city: Zürich would be stop 2 of a series that plans 1 cities (Seattle) -> check the city, or raise `plannedCities` in content/series/ray-on-the-road-2026.yaml',
		]);
	});

	it('asks which series when there are several', () => {
		const two: ContentState = {
			...state,
			series: [...state.series, { ...state.series[0]!, id: 'other-2027' }],
		};
		expect(inputProblems(() => planRecap(zurich, two, { today: TODAY }))).toEqual([
			'--series: missing -> the id of a file in content/series/: one of ray-on-the-road-2026, other-2027',
		]);
	});
});

describe('new:speaker plans', () => {
	it('writes the speaker and a placeholder portrait for a known company', () => {
		const plan = planSpeaker(
			{ name: 'Jürgen Müller', role: 'Head of ML', company: 'anyscale' },
			state,
		);
		expect(paths(plan)).toEqual(['speakers/jurgen-muller.yaml', 'speakers/jurgen-muller.jpg']);
		expect(plan.files[1]?.content).toEqual({
			type: 'placeholder',
			spec: { kind: 'portrait', size: 800, name: 'Jürgen Müller', seed: 'jurgen-muller' },
		});
		const data = parseYaml(textOf(plan, 'speakers/jurgen-muller.yaml')) as unknown;
		expect(data).toEqual({
			name: 'Jürgen Müller',
			role: 'Head of ML',
			company: 'anyscale',
			photo: { src: './jurgen-muller.jpg', alt: 'Portrait of Jürgen Müller' },
			links: [],
		});
		expect(problemsOf(fileSchemas.speakers, data)).toEqual([]);
	});

	it('adds a new company with its name, and keeps a portrait that is there already', () => {
		const withPortrait: ContentState = {
			...state,
			files: new Set([...state.files, 'speakers/li-wei.jpg']),
		};
		const plan = planSpeaker(
			{
				name: '李伟',
				id: 'li-wei',
				role: 'Engineer: Data',
				company: 'example-corp',
				companyName: 'Example Corp & Co',
				companyUrl: 'https://example.com/',
			},
			withPortrait,
		);
		expect(paths(plan)).toEqual(['speakers/li-wei.yaml', 'companies/example-corp.yaml']);
		expect(plan.notes).toEqual([
			'content/speakers/li-wei.jpg is there already: the speaker uses it as the portrait.',
		]);
		expect(
			fileSchemas.speakers.parse(parseYaml(textOf(plan, 'speakers/li-wei.yaml'))),
		).toMatchObject({ name: '李伟', role: 'Engineer: Data' });
		expect(
			fileSchemas.companies.parse(parseYaml(textOf(plan, 'companies/example-corp.yaml'))),
		).toEqual({
			name: 'Example Corp & Co',
			url: 'https://example.com/',
		});
	});

	it('names every problem with its flag', () => {
		expect(
			inputProblems(() =>
				planSpeaker({ name: '李伟', company: 'anyscle', companyUrl: 'http://x.com' }, state),
			),
		).toEqual([
			'--role: missing -> the job title, e.g. --role "Staff Engineer, Search Platform"',
			'--id: no id can be made from "李伟" -> give one with --id, e.g. --id li-wei',
			'--company-name: missing -> anyscle is a new company: give its name as readers know it, e.g. --company-name "Example Corp" (or did you mean --company anyscale?)',
			'--company-url: `company-url` must be a full web address starting with https:// (plain http is not allowed)',
		]);
		expect(
			inputProblems(() =>
				planSpeaker({ name: 'Jane Doe', role: 'x'.repeat(121), company: 'Anyscale' }, state),
			),
		).toEqual([
			'--role: `role` is longer than 120 characters: shorten it to 120 characters or fewer',
			'--company: "Anyscale" is not an id -> ids are lowercase words and digits joined by hyphens, like the file names, e.g. example-corp',
		]);
	});
});

describe('new:talk plans', () => {
	const seattle = state.recaps.find((recap) => recap.id === 'ray-day-seattle-2026')!;

	it("places the talk after the last one and takes the first speaker's company", () => {
		expect(nextOrder(seattle)).toBe(8);
		const plan = planTalk(
			{
				recap: seattle.id,
				title: 'Salesforce: a second look',
				speakers: 'chi-wang, jiwei-cao',
				id: 'salesforce-2',
			},
			state,
		);
		expect(paths(plan)).toEqual(['recaps/ray-day-seattle-2026/talks/salesforce-2.md']);
		const data = frontmatter(textOf(plan, 'recaps/ray-day-seattle-2026/talks/salesforce-2.md'));
		expect(data).toEqual({
			title: 'Salesforce: a second look',
			kind: 'talk',
			order: 8,
			summary: null,
			speakers: ['chi-wang', 'jiwei-cao'],
			company: 'salesforce',
			results: [],
			topics: [],
			writeups: [],
		});
		expect(problemsOf(fileSchemas.talks, data)).toEqual([
			'summary: `summary` is required: write it as plain text',
		]);
	});

	it.each([
		['keynote', 'keynote', { kind: 'keynote', speakers: ['robert-nishihara'] }],
		['panel', 'panel', { kind: 'panel', speakers: ['chi-wang', 'peng-zhang'] }],
		['roundtable', 'roundtable', { kind: 'roundtable', speakers: [], inviteOnly: false }],
	])(
		'a %s is named after its kind and parses once its summary is written',
		(kind, id, expected) => {
			const speakers = expected.speakers.join(',');
			const recaps = state.recaps.map((recap) => ({ ...recap, talks: [] }));
			const plan = planTalk(
				{
					recap: seattle.id,
					title: `A ${kind}`,
					kind,
					speakers,
					company: 'anyscale',
					summary: 'What it was about.',
				},
				{ ...state, recaps },
			);
			const file = `recaps/ray-day-seattle-2026/talks/${id}.md`;
			expect(paths(plan)).toEqual([file]);
			const data = frontmatter(textOf(plan, file));
			expect(data).toMatchObject({ ...expected, order: 1, summary: 'What it was about.' });
			expect(problemsOf(fileSchemas.talks, data)).toEqual([]);
		},
	);

	it("leaves a workshop's modules as a TODO", () => {
		const plan = planTalk(
			{
				recap: seattle.id,
				title: 'Build it',
				kind: 'workshop',
				speakers: 'suman-debnath',
				summary: 'Hands on.',
			},
			state,
		);
		const file = 'recaps/ray-day-seattle-2026/talks/build-it.md';
		expect(problemsOf(fileSchemas.talks, frontmatter(textOf(plan, file)))).toEqual([
			'modules: a workshop needs at least one entry in `modules`',
		]);
	});

	it('names every problem with its flag', () => {
		expect(
			inputProblems(() =>
				planTalk(
					{
						recap: 'ray-day-seatle-2026',
						title: '<b>Hi</b>',
						kind: 'lightning',
						speakers: 'chi-wnag,chi-wnag',
					},
					state,
				),
			),
		).toEqual([
			'--recap: there is no recap "ray-day-seatle-2026" in content/recaps/ -> did you mean "ray-day-seattle-2026"?',
			'--title: `title` must be plain text: remove the HTML tags or entities (write & and < as they are)',
			'--kind: "lightning" is not a kind of session -> one of: keynote, talk, workshop, panel, roundtable',
			'--speakers: there is no speaker "chi-wnag" in content/speakers/ -> did you mean "chi-wang"?',
			'--speakers: chi-wnag is listed more than once -> name each speaker once',
		]);
		expect(
			inputProblems(() =>
				planTalk(
					{ recap: seattle.id, title: 'Panel', kind: 'panel', speakers: 'chi-wang', order: '3' },
					state,
				),
			),
		).toEqual([
			'--speakers: only 1 given -> a panel needs at least 2 speakers: --speakers jane-doe,john-roe (ids of files in content/speakers/; someone new: npm run new:speaker)',
			'--order: 3 is the order of talks/salesforce.md -> pick another, or leave --order out for the next free one (8)',
		]);
		expect(
			inputProblems(() =>
				planTalk(
					{ recap: seattle.id, title: 'Customer roundtable', kind: 'roundtable', order: 'first' },
					state,
				),
			),
		).toEqual([
			'--company: missing -> the organisation presenting: the id of a file in content/companies/, e.g. --company anyscale',
			'--order: "first" is not a position -> a whole number, 1 for the first section (or leave --order out: 8)',
		]);
	});

	it("takes the title for the file name when the company's is taken", () => {
		const plan = planTalk(
			{ recap: seattle.id, title: 'Notion, again', speakers: 'mickey-liu' },
			state,
		);
		expect(paths(plan)).toEqual(['recaps/ray-day-seattle-2026/talks/notion-again.md']);
	});
});

describe('generated YAML is what Prettier would write', () => {
	const prettierYaml = (text: string) =>
		format(text, { parser: 'yaml', singleQuote: true, printWidth: 100 });

	it.each([
		[
			'a speaker',
			textOf(
				planSpeaker(
					{ name: "Seán O'Brien", role: 'CTO: Platform & Data', company: 'anyscale' },
					state,
				),
				'speakers/sean-obrien.yaml',
			),
		],
		[
			'a company',
			textOf(
				planSpeaker(
					{
						name: 'Jane Doe',
						role: 'Engineer',
						company: 'example-corp',
						companyName: 'Example: Corp',
					},
					state,
				),
				'companies/example-corp.yaml',
			),
		],
		[
			'the series with a new stop',
			planRecap(zurich, state, { today: TODAY }).edits[0]?.after ?? '',
		],
	])('%s', async (_, text) => {
		expect(await prettierYaml(text)).toBe(text);
	});
});
