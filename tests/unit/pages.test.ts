import { describe, expect, it } from 'vitest';
import { buildCrossLinks } from '../../src/lib/crosslinks.ts';
import {
	companyIndex,
	companyPageData,
	countOf,
	homePageData,
	readingPageData,
	recapCrumbs,
	recapNavigation,
	recapPageData,
	recapsWithTopic,
	seriesPageData,
	seriesTotals,
	speakerIndex,
	speakerPageData,
	talkPageData,
	topicIndex,
	topicPageData,
} from '../../src/lib/pages.ts';
import type { SiteModel } from '../../src/lib/site.ts';
import { recapInput, roadshowInputs, seriesInput, talkInput } from '../fixtures/unit/roadshow.ts';
import { buildFrom, buildRoadshow, byId, edit } from './helpers.ts';

const SERIES = 'example-roadshow-2026';

describe('recapPageData', () => {
	const site = buildRoadshow();

	it('finds a visible recap and its series', () => {
		const { recap, series } = recapPageData(site, 'example-city-2026');
		expect(recap.id).toBe('example-city-2026');
		expect(series?.id).toBe(SERIES);
	});

	it('throws for an unknown id', () => {
		expect(() => recapPageData(site, 'nowhere-2026')).toThrowErrorMatchingInlineSnapshot(
			`[Error: No visible recap "nowhere-2026"]`,
		);
	});

	it('throws for a draft in a production build', () => {
		const inputs = roadshowInputs();
		edit(inputs.recaps, 'sample-town-2026', { draft: true });
		expect(() => recapPageData(buildFrom(inputs), 'sample-town-2026')).toThrow(
			'No visible recap "sample-town-2026"',
		);
	});
});

describe('homePageData', () => {
	it('puts the newest recap first and the rest after it', () => {
		const home = homePageData(buildRoadshow(), SERIES);
		expect(home.latest?.id).toBe('sample-town-2026');
		expect(home.earlier.map((recap) => recap.id)).toEqual(['example-city-2026']);
		expect(home.series?.name).toBe('Example Roadshow 2026');
	});

	it('counts cities, countries, talks and distinct speakers of the featured series', () => {
		// Jane Doe speaks in both cities: she counts once.
		expect(homePageData(buildRoadshow(), SERIES).totals).toEqual({
			cities: 2,
			countries: 2,
			talks: 5,
			speakers: 3,
		});
	});

	it('counts only visible recaps', () => {
		const inputs = roadshowInputs();
		edit(inputs.recaps, 'sample-town-2026', { draft: true });
		expect(homePageData(buildFrom(inputs), SERIES).totals).toEqual({
			cities: 1,
			countries: 1,
			talks: 2,
			speakers: 2,
		});
	});

	it('counts only the featured series, while latest and earlier span every series', () => {
		const inputs = roadshowInputs();
		inputs.series['sample-summit-2026'] = seriesInput({
			name: 'Sample Summit 2026',
			stops: [{ city: 'Demo Ville', country: 'Demoland', date: '2026-04-25' }],
		});
		inputs.recaps['sample-summit-demo-ville'] = recapInput({
			series: 'sample-summit-2026',
			city: 'Demo Ville',
			eventDate: '2026-04-25',
			publishDate: '2026-04-26',
		});
		inputs.talks['sample-summit-demo-ville/welcome'] = talkInput({ speakers: ['mary-major'] });

		const home = homePageData(buildFrom(inputs), SERIES);
		expect(home.latest?.id).toBe('sample-summit-demo-ville');
		expect(home.earlier.map((recap) => recap.id)).toEqual([
			'sample-town-2026',
			'example-city-2026',
		]);
		expect(home.totals).toEqual({ cities: 2, countries: 2, talks: 5, speakers: 3 });
	});

	it('counts the same as the series page', () => {
		const site = buildRoadshow();
		expect(homePageData(site, SERIES).totals).toEqual(seriesPageData(site, SERIES).totals);
	});

	it("falls back to the newest recap's series when the configured one does not exist", () => {
		const site = buildRoadshow();
		const home = homePageData(site, 'no-such-series');
		expect(home.series?.id).toBe(site.recaps[0]?.seriesId);
		expect(home.totals).toEqual(seriesPageData(site, SERIES).totals);
	});

	it('has no series and zero totals when the content has no series at all', () => {
		const site = { ...buildRoadshow(), recaps: [], series: [] };
		const home = homePageData(site, 'no-such-series');
		expect(home.series).toBeUndefined();
		expect(home.totals).toEqual({ cities: 0, countries: 0, talks: 0, speakers: 0 });
	});

	it('has no latest recap when nothing is published', () => {
		const empty: SiteModel = {
			recaps: [],
			series: [],
			speakers: [],
			companies: [],
			writeups: [],
			topics: [],
		};
		expect(homePageData(empty, SERIES)).toEqual({
			latest: undefined,
			earlier: [],
			series: undefined,
			totals: { cities: 0, countries: 0, talks: 0, speakers: 0 },
		});
	});
});

describe('recapCrumbs', () => {
	const recap = byId(buildRoadshow().recaps, 'sample-town-2026');

	it('a recap: Home › series › city, the city being the current page', () => {
		expect(recapCrumbs(recap)).toEqual([
			{ label: 'Home', path: '/' },
			{ label: 'Example Roadshow 2026', path: '/series/example-roadshow-2026/' },
			{ label: 'Sample Town', path: undefined },
		]);
	});

	it('a talk: the city links to its recap and the talk is the current page', () => {
		const talk = byId(recap.talks, 'sample-town-2026/panel');
		expect(recapCrumbs(recap, talk)).toEqual([
			{ label: 'Home', path: '/' },
			{ label: 'Example Roadshow 2026', path: '/series/example-roadshow-2026/' },
			{ label: 'Sample Town', path: '/recaps/sample-town-2026/' },
			{ label: 'Panel: running it in production' },
		]);
	});
});

describe('recapsWithTopic', () => {
	const site = buildRoadshow();
	const links = buildCrossLinks(site);

	it.each([
		['vector-search', ['sample-town-2026', 'example-city-2026']],
		['embeddings', ['example-city-2026']],
		// Only the scheduled Demo Ville recap is on model serving.
		['model-serving', []],
		['no-such-topic', []],
	])('%s: %j, newest first', (topicId, recapIds) => {
		expect(recapsWithTopic(site, links, topicId).map((recap) => recap.id)).toEqual(recapIds);
	});
});

describe('seriesPageData', () => {
	it('lists the series recaps oldest stop first (travel order)', () => {
		const data = seriesPageData(buildRoadshow({ includeUnpublished: true }), SERIES);
		expect(data.series.id).toBe(SERIES);
		expect(data.recaps.map((recap) => recap.id)).toEqual([
			'example-city-2026',
			'sample-town-2026',
			'demo-ville-2026',
			'test-harbor-2026',
		]);
	});

	it('counts only visible recaps in production', () => {
		expect(seriesPageData(buildRoadshow(), SERIES).totals).toEqual({
			cities: 2,
			countries: 2,
			talks: 5,
			speakers: 3,
		});
	});

	it('throws for an unknown series', () => {
		expect(() => seriesPageData(buildRoadshow(), 'no-such-series')).toThrowError(
			'No series "no-such-series"',
		);
	});
});

describe('seriesTotals', () => {
	const recaps = buildRoadshow({ includeUnpublished: true }).recaps;

	it('counts distinct cities, countries and speakers, and every talk', () => {
		// Mary Major speaks in Sample Town and Demo Ville, Jane Doe in both published cities.
		expect(seriesTotals(recaps)).toEqual({ cities: 4, countries: 4, talks: 7, speakers: 5 });
	});

	it('counts a country once however many of its cities have a recap', () => {
		const inputs = roadshowInputs();
		edit(inputs.series, SERIES, {
			stops: [
				{ city: 'Example City', country: 'Exampleland', date: '2026-03-12' },
				{ city: 'Sample Town', country: 'Exampleland', date: '2026-04-09' },
				{ city: 'Demo Ville', country: 'Demoland', date: '2026-06-18' },
				{ city: 'Test Harbor', country: 'Testland' },
			],
		});
		expect(seriesTotals(buildFrom(inputs).recaps)).toMatchObject({ cities: 2, countries: 1 });
	});

	it('is all zeros for no recaps', () => {
		expect(seriesTotals([])).toEqual({ cities: 0, countries: 0, talks: 0, speakers: 0 });
	});
});

describe('talkPageData', () => {
	const links = buildCrossLinks(buildRoadshow());

	it('gives the talk, its recap, related talks from other recaps and the crumbs', () => {
		const data = talkPageData(links, 'example-city-2026/opening');
		expect(data.talk.title).toBe('Opening keynote');
		expect(data.recap.id).toBe('example-city-2026');
		expect(data.related.map(({ talk }) => talk.id)).toEqual([
			'sample-town-2026/panel',
			'sample-town-2026/hallway',
		]);
		expect(data.crumbs.at(-1)).toEqual({ label: 'Opening keynote' });
	});

	it.each([
		['an unknown talk', 'example-city-2026/nothing'],
		['a talk of a scheduled recap', 'demo-ville-2026/serving'],
	])('throws for %s', (_, talkId) => {
		expect(() => talkPageData(links, talkId)).toThrowError(`No visible talk "${talkId}"`);
	});
});

describe('speakerPageData', () => {
	const links = buildCrossLinks(buildRoadshow());

	it('gives the speaker, their talks newest first and the cities they spoke in', () => {
		const data = speakerPageData(links, 'jane-doe');
		expect(data.speaker.name).toBe('Jane Doe');
		expect(data.talks.map(({ talk }) => talk.id)).toEqual([
			'sample-town-2026/panel',
			'example-city-2026/opening',
			'example-city-2026/vectors',
		]);
		expect(data.cities).toEqual(['Sample Town', 'Example City']);
	});

	it.each([
		['an unknown speaker', 'nobody'],
		['a speaker seen only in a scheduled recap', 'dana-demo'],
	])('throws for %s', (_, speakerId) => {
		expect(() => speakerPageData(links, speakerId)).toThrowError(
			`No speaker "${speakerId}" with a visible talk`,
		);
	});
});

describe('companyPageData', () => {
	const links = buildCrossLinks(buildRoadshow());

	it('gives the company, its speakers and its talks', () => {
		const data = companyPageData(links, 'demo-labs');
		expect(data.company.name).toBe('Demo Labs');
		expect(data.speakers.map((speaker) => speaker.id)).toEqual(['mary-major']);
		expect(data.talks.map(({ talk }) => talk.id)).toEqual([
			'sample-town-2026/pipelines',
			'sample-town-2026/panel',
		]);
	});

	it('a company that presents nothing itself still has its speakers’ talks', () => {
		const data = companyPageData(links, 'sample-inc');
		expect(data.talks.map(({ talk }) => talk.id)).toEqual(['example-city-2026/vectors']);
	});

	it.each([
		['an unknown company', 'nobody-inc'],
		['a company seen only in a draft recap', 'harbor-works'],
	])('throws for %s', (_, companyId) => {
		expect(() => companyPageData(links, companyId)).toThrowError(
			`No company "${companyId}" with a visible talk`,
		);
	});
});

describe('topicPageData', () => {
	const links = buildCrossLinks(buildRoadshow());

	it('gives the topic and its talks, newest first', () => {
		const data = topicPageData(links, 'vector-search');
		expect(data.topic).toEqual({
			id: 'vector-search',
			name: 'Vector search',
			description: 'Indexing embeddings and querying them quickly.',
		});
		expect(data.talks.map(({ talk }) => talk.id)).toEqual([
			'sample-town-2026/panel',
			'example-city-2026/vectors',
		]);
	});

	it.each([
		['an unknown topic', 'nothing'],
		['a topic no talk names', 'gpu-scheduling'],
		['a topic seen only in a draft recap', 'llm-inference'],
	])('throws for %s', (_, topicId) => {
		expect(() => topicPageData(links, topicId)).toThrowError(
			`No topic "${topicId}" with a visible talk`,
		);
	});
});

describe('readingPageData', () => {
	it('lists each cited writeup with the talks citing it', () => {
		const reading = readingPageData(buildCrossLinks(buildRoadshow()));
		expect(
			reading.map(({ writeup, citedBy }) => [writeup.id, citedBy.map(({ talk }) => talk.id)]),
		).toEqual([['example-vector-search', ['sample-town-2026/panel', 'example-city-2026/vectors']]]);
	});

	it('sorts the writeups by title', () => {
		const reading = readingPageData(buildCrossLinks(buildRoadshow({ includeUnpublished: true })));
		expect(reading.map(({ writeup }) => writeup.title)).toEqual([
			'A batch inference diary',
			'How Example Corp searches a billion vectors',
			'Notes on serving models in Demo Ville',
		]);
	});
});

describe('recapNavigation', () => {
	const site = buildRoadshow();
	const links = buildCrossLinks(site);
	const sampleTown = byId(site.recaps, 'sample-town-2026');
	const talkIds = (entries: readonly { talk: { id: string } }[]) =>
		entries.map(({ talk }) => talk.id);

	it('has the recap crumbs and its neighbours in the series', () => {
		const navigation = recapNavigation(site, links, sampleTown);
		expect(navigation.crumbs).toEqual(recapCrumbs(sampleTown));
		expect(navigation.neighbours.previous?.id).toBe('example-city-2026');
		expect(navigation.neighbours.next).toBeUndefined();
	});

	it('has the talks related to any of its talks, each once, none of its own', () => {
		// The panel and the roundtable both relate to both Example City talks.
		expect(talkIds(recapNavigation(site, links, sampleTown).related)).toEqual([
			'example-city-2026/vectors',
			'example-city-2026/opening',
		]);
	});

	it('respects the limit', () => {
		expect(recapNavigation(site, links, sampleTown, 1).related).toHaveLength(1);
	});

	describe('across the recap talks', () => {
		// Example City's first talk relates to one talk by a topic only; its second talk relates
		// to another by a shared speaker (John Roe) and his company.
		const inputs = roadshowInputs();
		edit(inputs.talks, 'example-city-2026/vectors', {
			speakers: ['john-roe'],
			company: 'sample-inc',
			topics: [],
			writeups: [],
		});
		for (const id of Object.keys(inputs.talks)) {
			if (id.startsWith('sample-town-2026/')) delete inputs.talks[id];
		}
		inputs.talks['sample-town-2026/topic-only'] = talkInput({
			company: 'demo-labs',
			speakers: ['mary-major'],
			topics: ['embeddings'],
		});
		inputs.talks['sample-town-2026/shares-john'] = talkInput({
			order: 2,
			company: 'demo-labs',
			speakers: ['john-roe'],
		});
		const custom = buildFrom(inputs);
		const exampleCity = byId(custom.recaps, 'example-city-2026');
		const related = (limit?: number) =>
			talkIds(recapNavigation(custom, buildCrossLinks(custom), exampleCity, limit).related);

		it('finds the related talks of every talk', () => {
			expect(related().toSorted()).toEqual([
				'sample-town-2026/shares-john',
				'sample-town-2026/topic-only',
			]);
		});

		// Regression (src/lib/pages.ts, recapNavigation), fixed: "strongest ties first" holds per talk only. The
		// lists of the recap's talks are concatenated in running order, so a weak tie of the
		// first talk (one shared topic) comes before a strong tie of the second (a shared
		// speaker), and `limit` cuts the strong ones off. Expected: strongest ties of the whole
		// recap first.
		it('puts the strongest ties of the whole recap first', () => {
			expect(related()).toEqual(['sample-town-2026/shares-john', 'sample-town-2026/topic-only']);
		});

		it('keeps the strongest tie when the limit cuts', () => {
			expect(related(1)).toEqual(['sample-town-2026/shares-john']);
		});
	});
});

describe('index pages', () => {
	const links = buildCrossLinks(buildRoadshow());
	const entries = <T extends { id: string }>(
		index: readonly { item: T; talks: readonly { talk: { id: string } }[] }[],
	) => index.map(({ item, talks }) => [item.id, talks.length]);

	it.each([
		[
			'speakers',
			() => entries(speakerIndex(links)),
			[
				['jane-doe', 3],
				['john-roe', 1],
				['mary-major', 2],
			],
		],
		[
			'companies',
			() => entries(companyIndex(links)),
			[
				['demo-labs', 2],
				['example-corp', 4],
				['sample-inc', 1],
			],
		],
		[
			'topics',
			() => entries(topicIndex(links)),
			[
				['batch-inference', 1],
				['embeddings', 2],
				['vector-search', 2],
			],
		],
	])('%s: every visible one, by name, with its talks', (_, index, expected) => {
		expect(index()).toEqual(expected);
	});

	it('an index entry has the same talks as the page it links to', () => {
		for (const { item, talks } of speakerIndex(links)) {
			expect(talks).toEqual(speakerPageData(links, item.id).talks);
		}
		for (const { item, talks } of companyIndex(links)) {
			expect(talks).toEqual(companyPageData(links, item.id).talks);
		}
		for (const { item, talks } of topicIndex(links)) {
			expect(talks).toEqual(topicPageData(links, item.id).talks);
		}
	});
});

describe('countOf', () => {
	it.each([
		[0, 'talk', undefined, '0 talks'],
		[1, 'talk', undefined, '1 talk'],
		[2, 'talk', undefined, '2 talks'],
		[1, 'city', 'cities', '1 city'],
		[4, 'city', 'cities', '4 cities'],
	])('%i %s -> %j', (count, noun, plural, expected) => {
		expect(countOf(count, noun, plural)).toBe(expected);
	});
});
