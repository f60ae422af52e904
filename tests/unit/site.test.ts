/**
 * `buildSite` shapes the parsed collections into the site model. The content comes from
 * `tests/fixtures/unit/roadshow.ts`, parsed through the real schemas; each test changes only
 * what it is about.
 */
import { describe, expect, it } from 'vitest';
import { buildSite, sortRecapsByDate } from '../../src/lib/site.ts';
import { photoInput, roadshowInputs, speakerInput, talkInput } from '../fixtures/unit/roadshow.ts';
import {
	buildFrom,
	buildRoadshow,
	byId,
	contentErrorOf,
	edit,
	production,
	toRawContent,
} from './helpers.ts';

const dev = { includeUnpublished: true };

describe('references are resolved', () => {
	const site = buildRoadshow();
	const exampleCity = byId(site.recaps, 'example-city-2026');
	const vectors = byId(exampleCity.talks, 'example-city-2026/vectors');

	it('talk speakers become speakers, in the order written, with their companies', () => {
		expect(
			vectors.speakers.map((speaker) => [speaker.id, speaker.name, speaker.company.name]),
		).toEqual([
			['john-roe', 'John Roe', 'Sample Inc'],
			['jane-doe', 'Jane Doe', 'Example Corp'],
		]);
	});

	it('a speaker keeps role, photo and links', () => {
		expect(byId(vectors.speakers, 'john-roe')).toEqual({
			id: 'john-roe',
			name: 'John Roe',
			role: 'Principal Engineer',
			company: { id: 'sample-inc', name: 'Sample Inc', url: 'https://sample.example/' },
			photo: {
				src: { src: '/photos/example.jpg', width: 800, height: 800, format: 'jpg' },
				alt: 'Jane Doe smiling in front of a brick wall',
			},
			links: [{ label: 'Website', url: 'https://john.example/' }],
		});
	});

	it('a talk company and writeups become objects', () => {
		expect(vectors.company).toEqual({
			id: 'example-corp',
			name: 'Example Corp',
			url: 'https://example.com/',
		});
		expect(vectors.writeups).toEqual([
			{
				id: 'example-vector-search',
				title: 'How Example Corp searches a billion vectors',
				url: 'https://blog.example.com/vector-search',
				publisher: 'Example Corp engineering blog',
				date: '2026-02-01',
			},
		]);
	});

	it('talk topics become topics, in the order written', () => {
		expect(vectors.topics).toEqual([
			{
				id: 'embeddings',
				name: 'Embeddings',
				description: 'Turning text into vectors at scale, and keeping the cost of it in check.',
			},
			{
				id: 'vector-search',
				name: 'Vector search',
				description: 'Indexing embeddings and querying them quickly.',
			},
		]);
	});

	it('a talk and the site share one object per topic', () => {
		expect(vectors.topics[1]).toBe(byId(site.topics, 'vector-search'));
	});

	it('group photo people become speakers, left to right', () => {
		expect(exampleCity.groupPhoto?.people.map((person) => person.name)).toEqual([
			'John Roe',
			'Jane Doe',
		]);
		expect(exampleCity.groupPhoto?.alt).toBe('The speakers on stage after the last session');
	});

	it('a recap gets its series name and the country of its stop', () => {
		expect(exampleCity).toMatchObject({
			seriesId: 'example-roadshow-2026',
			seriesName: 'Example Roadshow 2026',
			city: 'Example City',
			country: 'Exampleland',
		});
	});

	it('a recap city matches its stop whatever the case, and takes the stop spelling', () => {
		const inputs = roadshowInputs();
		edit(inputs.recaps, 'example-city-2026', { city: 'EXAMPLE city' });
		const recap = byId(buildFrom(inputs).recaps, 'example-city-2026');
		expect([recap.city, recap.country]).toEqual(['Example City', 'Exampleland']);
	});

	it('the series organizer becomes a company', () => {
		expect(byId(site.series, 'example-roadshow-2026').organizer).toEqual({
			id: 'example-corp',
			name: 'Example Corp',
			url: 'https://example.com/',
		});
	});
});

describe('talks', () => {
	const site = buildRoadshow();

	it('are sorted by order, whatever the order of the files', () => {
		expect(byId(site.recaps, 'example-city-2026').talks.map((talk) => talk.id)).toEqual([
			'example-city-2026/opening',
			'example-city-2026/vectors',
		]);
		expect(
			byId(site.recaps, 'sample-town-2026').talks.map((talk) => [talk.order, talk.anchor]),
		).toEqual([
			[1, 'pipelines'],
			[2, 'panel'],
			[3, 'hallway'],
		]);
	});

	it('know the file they were authored in', () => {
		expect(byId(site.recaps, 'sample-town-2026').talks.map((talk) => talk.file)).toEqual([
			'content/recaps/sample-town-2026/talks/pipelines.md',
			'content/recaps/sample-town-2026/talks/panel.md',
			'content/recaps/sample-town-2026/talks/hallway.md',
		]);
	});

	it('know their recap and their anchor', () => {
		const talk = byId(byId(site.recaps, 'sample-town-2026').talks, 'sample-town-2026/panel');
		expect([talk.recapId, talk.anchor, talk.kind]).toEqual(['sample-town-2026', 'panel', 'panel']);
	});

	it('carry modules only for workshops and inviteOnly only for roundtables', () => {
		const talks = byId(site.recaps, 'sample-town-2026').talks;
		expect(
			talks.map((talk) => [talk.kind, talk.modules.length, talk.inviteOnly, talk.speakers.length]),
		).toEqual([
			['workshop', 1, false, 1],
			['panel', 0, false, 2],
			['roundtable', 0, true, 0],
		]);
	});
});

describe('recap files', () => {
	it('are the index.md of the recap folder', () => {
		expect(buildRoadshow().recaps.map((recap) => recap.file)).toEqual([
			'content/recaps/sample-town-2026/index.md',
			'content/recaps/example-city-2026/index.md',
		]);
	});

	it('are the files the loader read, when it gives them', () => {
		const raw = toRawContent(roadshowInputs());
		const recaps = raw.recaps.map((entry) => ({
			...entry,
			filePath: `tests/fixtures/site/recaps/${entry.id}/index.md`,
		}));
		const talks = raw.talks.map((entry) => ({
			...entry,
			filePath: `tests/fixtures/site/recaps/${entry.id.replace('/', '/talks/')}.md`,
		}));
		const recap = byId(
			buildSite({ ...raw, recaps, talks }, production).recaps,
			'example-city-2026',
		);
		expect([recap.file, ...recap.talks.map((talk) => talk.file)]).toEqual([
			'tests/fixtures/site/recaps/example-city-2026/index.md',
			'tests/fixtures/site/recaps/example-city-2026/talks/opening.md',
			'tests/fixtures/site/recaps/example-city-2026/talks/vectors.md',
		]);
	});
});

describe('recap speakers', () => {
	it('list everyone who spoke once, in order of first appearance', () => {
		const site = buildRoadshow();
		// Example City: the keynote (Jane) comes before the talk by John and Jane.
		expect(byId(site.recaps, 'example-city-2026').speakers.map((s) => s.id)).toEqual([
			'jane-doe',
			'john-roe',
		]);
		// Sample Town: the workshop (Mary), the panel (Mary, Jane), the roundtable (nobody).
		expect(byId(site.recaps, 'sample-town-2026').speakers.map((s) => s.id)).toEqual([
			'mary-major',
			'jane-doe',
		]);
	});
});

describe('authors', () => {
	const site = buildRoadshow();

	it('default to the site default author', () => {
		expect(byId(site.recaps, 'example-city-2026').authors).toEqual(['The Example Roadshow team']);
	});

	it('keep the authors a recap names', () => {
		expect(byId(site.recaps, 'sample-town-2026').authors).toEqual(['Richard Miles']);
	});
});

describe('recaps are sorted newest first', () => {
	it('by event date', () => {
		expect(buildRoadshow().recaps.map((recap) => recap.id)).toEqual([
			'sample-town-2026',
			'example-city-2026',
		]);
	});

	it('by publication date when the event date is unknown', () => {
		const inputs = roadshowInputs();
		edit(inputs.recaps, 'test-harbor-2026', {
			draft: false,
			eventDate: undefined,
			publishDate: '2026-04-10',
		});
		// Sample Town was published later (2026-04-15) but its event (2026-04-09) is what counts.
		expect(buildFrom(inputs).recaps.map((recap) => [recap.id, recap.sortDate])).toEqual([
			['test-harbor-2026', '2026-04-10'],
			['sample-town-2026', '2026-04-09'],
			['example-city-2026', '2026-03-12'],
		]);
	});

	it('sortRecapsByDate breaks ties by id and leaves its input alone', () => {
		const recaps = [
			{ id: 'b', sortDate: '2026-04-09' },
			{ id: 'c', sortDate: '2026-03-12' },
			{ id: 'a', sortDate: '2026-04-09' },
			{ id: 'd', sortDate: '2026-06-18' },
		];
		const before = structuredClone(recaps);
		expect(sortRecapsByDate(recaps).map((recap) => recap.id)).toEqual(['d', 'a', 'b', 'c']);
		expect(recaps).toEqual(before);
	});
});

describe('drafts and scheduled recaps', () => {
	const statuses = (options = {}, inputs = roadshowInputs()) =>
		buildFrom(inputs, options).recaps.map((recap) => [recap.id, recap.status]);

	it('are left out of a production build', () => {
		expect(statuses()).toEqual([
			['sample-town-2026', 'published'],
			['example-city-2026', 'published'],
		]);
	});

	it('show in dev, marked, in date order with the rest', () => {
		expect(statuses(dev)).toEqual([
			['test-harbor-2026', 'draft'],
			['demo-ville-2026', 'scheduled'],
			['sample-town-2026', 'published'],
			['example-city-2026', 'published'],
		]);
	});

	// Demo Ville is due on 2026-06-22.
	it.each([
		['the day before it is due', '2026-06-21', 'scheduled'],
		['the day it is due', '2026-06-22', 'published'],
		['after it is due', '2026-12-31', 'published'],
	])('a scheduled recap %s is %s', (_, today, status) => {
		expect(statuses({ ...dev, today })).toContainEqual(['demo-ville-2026', status]);
	});

	it('a recap becomes visible in production on the day it is due', () => {
		expect(statuses({ today: '2026-06-22' })[0]).toEqual(['demo-ville-2026', 'published']);
	});

	it('a draft stays a draft even when its date has come', () => {
		expect(statuses({ ...dev, today: '2030-01-01' })[0]).toEqual(['test-harbor-2026', 'draft']);
	});

	it('marking a published recap draft takes it out of a production build', () => {
		const inputs = roadshowInputs();
		edit(inputs.recaps, 'sample-town-2026', { draft: true });
		expect(statuses({}, inputs)).toEqual([['example-city-2026', 'published']]);
	});
});

describe('series stops', () => {
	const stops = (options = {}, inputs = roadshowInputs()) =>
		byId(buildFrom(inputs, options).series, 'example-roadshow-2026').stops.map((stop) => [
			stop.city,
			stop.state,
			stop.recapId,
		]);

	it('are published (with their recap), upcoming (dated, not yet due) or announced', () => {
		expect(stops()).toEqual([
			['Example City', 'published', 'example-city-2026'],
			['Sample Town', 'published', 'sample-town-2026'],
			['Demo Ville', 'upcoming', undefined],
			['Test Harbor', 'announced', undefined],
		]);
	});

	it('a stop dated today is still upcoming', () => {
		expect(stops({ today: '2026-06-18' })[2]).toEqual(['Demo Ville', 'upcoming', undefined]);
	});

	it('a stop whose day has passed without a visible recap is announced', () => {
		expect(stops({ today: '2026-06-19' })[2]).toEqual(['Demo Ville', 'announced', undefined]);
	});

	it('a stop whose recap is a draft is not published in production', () => {
		const inputs = roadshowInputs();
		edit(inputs.recaps, 'sample-town-2026', { draft: true });
		expect(stops({}, inputs)[1]).toEqual(['Sample Town', 'announced', undefined]);
	});

	it('keep the country and date of each stop', () => {
		const series = byId(buildRoadshow().series, 'example-roadshow-2026');
		expect(series.stops.map((stop) => [stop.country, stop.date])).toEqual([
			['Exampleland', '2026-03-12'],
			['Sampleland', '2026-04-09'],
			['Demoland', '2026-06-18'],
			['Testland', undefined],
		]);
	});

	it('count the planned cities not named yet', () => {
		const series = byId(buildRoadshow().series, 'example-roadshow-2026');
		expect([series.plannedCities, series.stops.length, series.unnamedStops]).toEqual([5, 4, 1]);
	});

	it('list the series recaps newest first', () => {
		expect(byId(buildRoadshow().series, 'example-roadshow-2026').recapIds).toEqual([
			'sample-town-2026',
			'example-city-2026',
		]);
	});
});

describe('the site lists', () => {
	const site = buildRoadshow();

	// Production builds too: the lists are the whole catalogue, visible talks or not.
	it('every speaker, by name', () => {
		expect(site.speakers.map((speaker) => speaker.name)).toEqual([
			'Dana Demo',
			'Hal Harbor',
			'Jane Doe',
			'John Roe',
			'Mary Major',
		]);
	});

	it('every company, by name', () => {
		expect(site.companies.map((company) => company.name)).toEqual([
			'Demo Labs',
			'Example Corp',
			'Harbor Works',
			'Sample Inc',
			'Ville Systems',
		]);
	});

	it('every writeup, in the order the loader gives them', () => {
		expect(site.writeups.map((writeup) => writeup.id)).toEqual([
			'example-vector-search',
			'ville-serving-notes',
			'harbor-batch-diary',
		]);
	});

	it('every topic, by name (not by id)', () => {
		expect(site.topics.map((topic) => [topic.name, topic.id])).toEqual([
			['Batch inference', 'batch-inference'],
			['Embeddings', 'embeddings'],
			['LLM inference', 'llm-inference'],
			['Model serving', 'model-serving'],
			['Scheduling GPUs', 'gpu-scheduling'],
			['Vector search', 'vector-search'],
		]);
	});

	it('a topic as id, name and description', () => {
		expect(byId(site.topics, 'batch-inference')).toEqual({
			id: 'batch-inference',
			name: 'Batch inference',
			description: 'Running models over large datasets offline.',
		});
	});

	it('a speaker who has not spoken yet too', () => {
		const inputs = roadshowInputs();
		inputs.speakers['alex-poe'] = speakerInput({ name: 'Alex Poe' });
		expect(buildFrom(inputs).speakers.map((speaker) => speaker.id)).toContain('alex-poe');
	});
});

describe('content problems', () => {
	it('a talk naming a missing speaker, with a typo suggestion', () => {
		const inputs = roadshowInputs();
		edit(inputs.talks, 'example-city-2026/opening', { speakers: ['jane-do'] });
		expect(() => buildFrom(inputs)).toThrowErrorMatchingInlineSnapshot(`
			[ContentError: The content has 1 problem:
			  - content/recaps/example-city-2026/talks/opening.md speakers[0]: there is no speaker "jane-do" -> did you mean "jane-doe"? Otherwise create it: content/speakers/jane-do.yaml]
		`);
	});

	it('a talk naming a missing speaker, with no likely typo', () => {
		const inputs = roadshowInputs();
		edit(inputs.talks, 'example-city-2026/vectors', {
			speakers: ['john-roe', 'jane-doe', 'alan-smithee'],
		});
		expect(() => buildFrom(inputs)).toThrowErrorMatchingInlineSnapshot(`
			[ContentError: The content has 1 problem:
			  - content/recaps/example-city-2026/talks/vectors.md speakers[2]: there is no speaker "alan-smithee" -> correct the id, or create it: content/speakers/alan-smithee.yaml]
		`);
	});

	it('a talk naming a missing topic, with a typo suggestion', () => {
		const inputs = roadshowInputs();
		edit(inputs.talks, 'example-city-2026/vectors', { topics: ['embeddings', 'vector-serch'] });
		expect(() => buildFrom(inputs)).toThrowErrorMatchingInlineSnapshot(`
			[ContentError: The content has 1 problem:
			  - content/recaps/example-city-2026/talks/vectors.md topics[1]: there is no topic "vector-serch" -> did you mean "vector-search"? Otherwise create it: content/topics/vector-serch.yaml]
		`);
	});

	it('a talk naming a missing topic, with no likely typo', () => {
		const inputs = roadshowInputs();
		edit(inputs.talks, 'sample-town-2026/pipelines', { topics: ['quantum-annealing'] });
		expect(() => buildFrom(inputs)).toThrowErrorMatchingInlineSnapshot(`
			[ContentError: The content has 1 problem:
			  - content/recaps/sample-town-2026/talks/pipelines.md topics[0]: there is no topic "quantum-annealing" -> correct the id, or create it: content/topics/quantum-annealing.yaml]
		`);
	});

	describe('a topic written as a name instead of an id', () => {
		// Before topics were files, the talk schema rejected this as "not kebab case"; now it is
		// a reference like any other, caught by the build.
		const inputs = roadshowInputs();
		edit(inputs.talks, 'sample-town-2026/pipelines', { topics: ['Batch Inference'] });
		const [problem, ...others] = contentErrorOf(() => buildFrom(inputs)).problems;

		it('is a dangling topic, with the id it was meant to be', () => {
			expect(others).toEqual([]);
			expect(problem).toMatchObject({
				file: 'content/recaps/sample-town-2026/talks/pipelines.md',
				field: 'topics[0]',
				problem: 'there is no topic "Batch Inference"',
				fix: expect.stringMatching(/^did you mean "batch-inference"\?/) as unknown,
			});
		});

		// Regression (src/lib/site.ts, createResolver's `report`), fixed: the fix ends "Otherwise create it:
		// content/topics/Batch Inference.yaml". Astro's glob loader slugifies file names, so that
		// file would get the id "batch-inference" (clashing with the existing topic) and the
		// reference would still dangle. Expected: no advice to create a file named after an id
		// that is not a slug (the old schema said "lowercase words joined by hyphens").
		it('does not advise creating a file the loader would give another id', () => {
			expect(problem?.fix).not.toContain('Batch Inference.yaml');
		});
	});

	it('a missing writeup', () => {
		const inputs = roadshowInputs();
		edit(inputs.talks, 'example-city-2026/vectors', { writeups: ['scaling-notes'] });
		expect(() => buildFrom(inputs)).toThrowErrorMatchingInlineSnapshot(`
			[ContentError: The content has 1 problem:
			  - content/recaps/example-city-2026/talks/vectors.md writeups[0]: there is no writeup "scaling-notes" -> correct the id, or create it: content/writeups/scaling-notes.yaml]
		`);
	});

	it('a missing company on a speaker', () => {
		const inputs = roadshowInputs();
		edit(inputs.speakers, 'mary-major', { company: 'acme-widgets' });
		expect(() => buildFrom(inputs)).toThrowErrorMatchingInlineSnapshot(`
			[ContentError: The content has 1 problem:
			  - content/speakers/mary-major.yaml company: there is no company "acme-widgets" -> correct the id, or create it: content/companies/acme-widgets.yaml]
		`);
	});

	it('a missing company on a talk', () => {
		const inputs = roadshowInputs();
		edit(inputs.talks, 'sample-town-2026/panel', { company: 'sample-in' });
		expect(() => buildFrom(inputs)).toThrowErrorMatchingInlineSnapshot(`
			[ContentError: The content has 1 problem:
			  - content/recaps/sample-town-2026/talks/panel.md company: there is no company "sample-in" -> did you mean "sample-inc"? Otherwise create it: content/companies/sample-in.yaml]
		`);
	});

	it('a missing series on a recap', () => {
		const inputs = roadshowInputs();
		edit(inputs.recaps, 'sample-town-2026', { series: 'example-roadshow-2025' });
		expect(() => buildFrom(inputs)).toThrowErrorMatchingInlineSnapshot(`
			[ContentError: The content has 1 problem:
			  - content/recaps/sample-town-2026/index.md series: there is no series "example-roadshow-2025" -> did you mean "example-roadshow-2026"? Otherwise create it: content/series/example-roadshow-2025.yaml]
		`);
	});

	it('a missing organizer', () => {
		const inputs = roadshowInputs();
		edit(inputs.series, 'example-roadshow-2026', { organizer: 'nobody-at-all' });
		expect(() => buildFrom(inputs)).toThrowErrorMatchingInlineSnapshot(`
			[ContentError: The content has 1 problem:
			  - content/series/example-roadshow-2026.yaml organizer: there is no company "nobody-at-all" -> correct the id, or create it: content/companies/nobody-at-all.yaml]
		`);
	});

	it('a recap city that is not a stop of its series', () => {
		const inputs = roadshowInputs();
		edit(inputs.recaps, 'sample-town-2026', { city: 'Nowhere', eventDate: undefined });
		expect(() => buildFrom(inputs)).toThrowErrorMatchingInlineSnapshot(`
			[ContentError: The content has 1 problem:
			  - content/recaps/sample-town-2026/index.md city: "Nowhere" is not a stop of the series "example-roadshow-2026" (stops: Example City, Sample Town, Demo Ville, Test Harbor) -> add it to \`stops\` in content/series/example-roadshow-2026.yaml, or correct the city]
		`);
	});

	it('a group photo naming someone who did not speak in that recap', () => {
		const inputs = roadshowInputs();
		edit(inputs.recaps, 'example-city-2026', {
			groupPhoto: { ...photoInput('The speakers'), people: ['jane-doe', 'mary-major'] },
		});
		expect(() => buildFrom(inputs)).toThrowErrorMatchingInlineSnapshot(`
			[ContentError: The content has 1 problem:
			  - content/recaps/example-city-2026/index.md groupPhoto.people[1]: mary-major is not a speaker of any talk in this recap -> name only this recap's speakers, left to right, or add them to their talk's \`speakers\`]
		`);
	});

	it('a group photo naming someone who does not exist', () => {
		const inputs = roadshowInputs();
		edit(inputs.recaps, 'example-city-2026', {
			groupPhoto: { ...photoInput('The speakers'), people: ['john-roe', 'jane-deo'] },
		});
		expect(() => buildFrom(inputs)).toThrowErrorMatchingInlineSnapshot(`
			[ContentError: The content has 1 problem:
			  - content/recaps/example-city-2026/index.md groupPhoto.people[1]: there is no speaker "jane-deo" -> did you mean "jane-doe"? Otherwise create it: content/speakers/jane-deo.yaml]
		`);
	});

	it('two talks with the same order', () => {
		const inputs = roadshowInputs();
		edit(inputs.talks, 'sample-town-2026/panel', { order: 1 });
		expect(() => buildFrom(inputs)).toThrowErrorMatchingInlineSnapshot(`
			[ContentError: The content has 1 problem:
			  - content/recaps/sample-town-2026/talks/panel.md order: 1 is also the order of content/recaps/sample-town-2026/talks/pipelines.md -> give every talk of a recap its own number]
		`);
	});

	it('a recap without talks', () => {
		const inputs = roadshowInputs();
		delete inputs.talks['sample-town-2026/pipelines'];
		delete inputs.talks['sample-town-2026/panel'];
		delete inputs.talks['sample-town-2026/hallway'];
		expect(() => buildFrom(inputs)).toThrowErrorMatchingInlineSnapshot(`
			[ContentError: The content has 1 problem:
			  - content/recaps/sample-town-2026/index.md talks/: the recap has no talks -> add one file per talk in content/recaps/sample-town-2026/talks/]
		`);
	});

	it('a talk in a folder without a recap', () => {
		const inputs = roadshowInputs();
		inputs.talks['lost-city-2026/welcome'] = talkInput();
		expect(() => buildFrom(inputs)).toThrowErrorMatchingInlineSnapshot(`
			[ContentError: The content has 1 problem:
			  - content/recaps/lost-city-2026/talks/welcome.md (file): the folder content/recaps/lost-city-2026/ has no index.md -> create content/recaps/lost-city-2026/index.md or move the talk into an existing recap's talks/ folder]
		`);
	});

	it('an eventDate outside the series year', () => {
		const inputs = roadshowInputs();
		// Test Harbor has no date in the series, so only the year is wrong.
		edit(inputs.recaps, 'test-harbor-2026', { eventDate: '2025-11-02' });
		expect(() => buildFrom(inputs)).toThrowErrorMatchingInlineSnapshot(`
			[ContentError: The content has 1 problem:
			  - content/recaps/test-harbor-2026/index.md eventDate: 2025-11-02 is not in the series' year 2026 -> check the year of the event date]
		`);
	});

	it('an eventDate that differs from the date of its stop', () => {
		const inputs = roadshowInputs();
		edit(inputs.recaps, 'sample-town-2026', { eventDate: '2026-04-10' });
		expect(() => buildFrom(inputs)).toThrowErrorMatchingInlineSnapshot(`
			[ContentError: The content has 1 problem:
			  - content/recaps/sample-town-2026/index.md eventDate: 2026-04-10 differs from the date 2026-04-09 given for Sample Town in the series -> make the two dates agree (content/series/example-roadshow-2026.yaml \`stops\`)]
		`);
	});

	it('a problem in a draft fails the production build too', () => {
		// Drafts are checked like everything else, so a draft never hides a broken reference
		// until the day it is published.
		const inputs = roadshowInputs();
		edit(inputs.recaps, 'sample-town-2026', { draft: true });
		edit(inputs.talks, 'sample-town-2026/panel', { speakers: ['mary-major', 'jane-do'] });
		expect(contentErrorOf(() => buildFrom(inputs)).problems).toHaveLength(1);
	});

	it('names the file the loader read, when it gives one', () => {
		const raw = toRawContent(roadshowInputs());
		const speakers = raw.speakers.map((entry) =>
			entry.id === 'mary-major'
				? {
						...entry,
						filePath: 'tests/fixtures/site/speakers/mary-major.yml',
						data: { ...entry.data, company: { collection: 'companies' as const, id: 'nope' } },
					}
				: entry,
		);
		const error = contentErrorOf(() => buildSite({ ...raw, speakers }, production));
		expect(error.problems.map((problem) => problem.file)).toEqual([
			'tests/fixtures/site/speakers/mary-major.yml',
		]);
	});

	// Regression (src/lib/site.ts, checkTalkOrder): this used to go wrong: the duplicate-order problem always names
	// `content/recaps/<recap>/talks/<talk>.md`, ignoring the entry's `filePath`, unlike every
	// other problem (which uses `fileOf`). With RECAP_CONTENT_DIR set, it points at the wrong file.
	it('names the file the loader read for a duplicate order too', () => {
		const raw = toRawContent(roadshowInputs());
		const talks = raw.talks.map((entry) =>
			entry.id.startsWith('sample-town-2026/')
				? {
						...entry,
						filePath: `tests/fixtures/site/recaps/${entry.id.replace('/', '/talks/')}.md`,
						data: { ...entry.data, order: 1 },
					}
				: entry,
		);
		const error = contentErrorOf(() => buildSite({ ...raw, talks }, production));
		for (const problem of error.problems) expect(problem.file).toMatch(/^tests\/fixtures\/site\//);
	});

	describe('several problems at once', () => {
		const inputs = roadshowInputs();
		edit(inputs.speakers, 'john-roe', { company: 'sample-in' });
		edit(inputs.talks, 'example-city-2026/opening', { speakers: ['jane-do'] });
		edit(inputs.talks, 'example-city-2026/vectors', { writeups: ['scaling-notes'] });
		edit(inputs.talks, 'sample-town-2026/panel', { order: 1 });
		edit(inputs.recaps, 'sample-town-2026', { city: 'Nowhere', eventDate: undefined });
		inputs.talks['lost-city-2026/welcome'] = talkInput();
		const error = contentErrorOf(() => buildFrom(inputs));

		it('are all listed in one error', () => {
			expect(error.message).toMatchInlineSnapshot(`
				"The content has 6 problems:
				  - content/speakers/john-roe.yaml company: there is no company "sample-in" -> did you mean "sample-inc"? Otherwise create it: content/companies/sample-in.yaml
				  - content/recaps/example-city-2026/talks/vectors.md writeups[0]: there is no writeup "scaling-notes" -> correct the id, or create it: content/writeups/scaling-notes.yaml
				  - content/recaps/example-city-2026/talks/opening.md speakers[0]: there is no speaker "jane-do" -> did you mean "jane-doe"? Otherwise create it: content/speakers/jane-do.yaml
				  - content/recaps/lost-city-2026/talks/welcome.md (file): the folder content/recaps/lost-city-2026/ has no index.md -> create content/recaps/lost-city-2026/index.md or move the talk into an existing recap's talks/ folder
				  - content/recaps/sample-town-2026/index.md city: "Nowhere" is not a stop of the series "example-roadshow-2026" (stops: Example City, Sample Town, Demo Ville, Test Harbor) -> add it to \`stops\` in content/series/example-roadshow-2026.yaml, or correct the city
				  - content/recaps/sample-town-2026/talks/panel.md order: 1 is also the order of content/recaps/sample-town-2026/talks/pipelines.md -> give every talk of a recap its own number"
			`);
		});

		it('each carry a file, a field, a problem and a fix', () => {
			expect(error.problems.map(({ file, field }) => `${file} ${field}`)).toEqual([
				'content/speakers/john-roe.yaml company',
				// Talks are checked in the order the loader gives them.
				'content/recaps/example-city-2026/talks/vectors.md writeups[0]',
				'content/recaps/example-city-2026/talks/opening.md speakers[0]',
				'content/recaps/lost-city-2026/talks/welcome.md (file)',
				'content/recaps/sample-town-2026/index.md city',
				'content/recaps/sample-town-2026/talks/panel.md order',
			]);
			for (const problem of error.problems) {
				expect(problem.problem).not.toBe('');
				expect(problem.fix).not.toBe('');
			}
		});
	});

	it('the unchanged fixture builds without problems', () => {
		expect(() => buildRoadshow()).not.toThrow();
	});
});
