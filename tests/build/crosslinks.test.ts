/**
 * Builds a synthetic series (tests/fixtures/sites/example-roadshow/) and follows its cross-links
 * both ways: speakers, writeups, companies, topics, the series page, prev/next, related talks and
 * the feeds. The fixture also holds a draft recap (Placeholder Bay) and a scheduled one (Mock
 * Falls) whose titles, talks, speaker, topic and writeup must appear nowhere in production output
 * until their time, which a second build after the publish date then proves.
 */
import { load, type CheerioAPI } from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSiteLinks, formatLinkProblem } from '../../scripts/lib/links.ts';
import { siteConfig } from '../../src/site.config.ts';
import { astroBuild } from '../support/build.ts';

const CONTENT_DIR = 'tests/fixtures/sites/example-roadshow/content';
/** After the last published recap (Test Harbor, out 2026-06-22), before Mock Falls (2026-07-09). */
const NOW = '2026-07-06';
/** After Mock Falls' publish date: the scheduled recap is live, the draft still is not. */
const LATER = '2026-07-10';

// Paths written out here rather than taken from src/lib/urls.ts, so a URL change is noticed.
const recapUrl = (recap: string) => `/recaps/${recap}/`;
const talkUrl = (recap: string, talk: string) => `/recaps/${recap}/${talk}/`;
const speakerUrl = (id: string) => `/speakers/${id}/`;
const companyUrl = (id: string) => `/companies/${id}/`;
const topicUrl = (id: string) => `/topics/${id}/`;
const SERIES_URL = '/series/example-roadshow-2026/';

interface RecapFixture {
	id: string;
	city: string;
	/** Talk file names, which are also the sections' anchors. */
	talks: readonly string[];
}

/** The published recaps' ids. */
const RECAP = {
	exampleCity: 'example-city-2026',
	sampleTown: 'sample-town-2026',
	demoVille: 'demo-ville-2026',
	testHarbor: 'test-harbor-2026',
} as const;

/** The published recaps in event-date order, oldest first (not id, publish or file order). */
const PUBLISHED: readonly RecapFixture[] = [
	{ id: RECAP.exampleCity, city: 'Example City', talks: ['keynote', 'sample-inc'] },
	{ id: RECAP.sampleTown, city: 'Sample Town', talks: ['demo-labs', 'panel', 'roundtable'] },
	{ id: RECAP.demoVille, city: 'Demo Ville', talks: ['workshop', 'test-co'] },
	{ id: RECAP.testHarbor, city: 'Test Harbor', talks: ['keynote', 'sample-inc'] },
];
/** Feeds go by publication: Sample Town's recap was published after Demo Ville's. */
const NEWEST_PUBLISHED_FIRST = [
	RECAP.testHarbor,
	RECAP.sampleTown,
	RECAP.demoVille,
	RECAP.exampleCity,
];
const SCHEDULED = {
	id: 'mock-falls-2026',
	city: 'Mock Falls',
	title: 'Mock Falls: the embargoed recap that waits for its date',
	keynote: talkUrl('mock-falls-2026', 'keynote'),
};

/** Talk pages, by recap and talk. */
const T = {
	ecKeynote: talkUrl(RECAP.exampleCity, 'keynote'),
	ecSampleInc: talkUrl(RECAP.exampleCity, 'sample-inc'),
	stDemoLabs: talkUrl(RECAP.sampleTown, 'demo-labs'),
	stPanel: talkUrl(RECAP.sampleTown, 'panel'),
	dvWorkshop: talkUrl(RECAP.demoVille, 'workshop'),
	dvTestCo: talkUrl(RECAP.demoVille, 'test-co'),
	thKeynote: talkUrl(RECAP.testHarbor, 'keynote'),
	thSampleInc: talkUrl(RECAP.testHarbor, 'sample-inc'),
};

/** Every speaker with a published talk, and those talks. */
const SPEAKER_TALKS: Record<string, string[]> = {
	'jane-doe': [T.ecKeynote, T.dvWorkshop],
	'erika-mustermann': [T.stPanel, T.thKeynote],
	'john-roe': [T.ecSampleInc],
	'richard-miles': [T.thSampleInc],
	'mary-major': [T.stDemoLabs],
	'max-mustermann': [T.dvWorkshop],
	'joe-bloggs': [T.dvTestCo],
	'fred-nerk': [T.stPanel],
};

/** Every topic of a published talk, and those talks. */
const TOPIC_TALKS: Record<string, string[]> = {
	pipelines: [T.ecKeynote, T.ecSampleInc, T.stPanel, T.dvWorkshop, T.thSampleInc],
	'batch-scoring': [T.ecSampleInc],
	streaming: [T.stDemoLabs, T.dvWorkshop],
	observability: [T.stPanel, T.dvTestCo, T.thKeynote],
	retrieval: [T.thSampleInc],
};

/** Every writeup a published talk cites, by URL, and the citing talks. */
const WRITEUP_TALKS: Record<string, string[]> = {
	'https://www.example.com/blog/scaling-sample-pipelines': [T.ecSampleInc, T.thSampleInc],
	'https://www.example.org/blog/streaming-features': [T.stDemoLabs],
};

/** Text only the draft recap contains: title, talk titles, its own speaker and writeup, its id. */
const DRAFT_ONLY = [
	'placeholder-bay-2026',
	'Placeholder Bay draft: a recap that must stay hidden',
	'Draft-only keynote on invisible pipelines',
	'Draft-only talk about hidden caches',
	'Quincy Draftworth',
	'quincy-draftworth',
	'Notes from the draft drawer, a writeup nobody should see',
	'draft-drawer-notes',
];
/** Text only the scheduled recap contains: title, talk titles, its own topic, its id. */
const SCHEDULED_ONLY = [
	SCHEDULED.id,
	SCHEDULED.title,
	'Embargoed keynote on time-locked rollouts',
	'Embargoed talk on release windows',
	'Time-Locked Telemetry',
	'time-locked-telemetry',
];
/** Pages that must not exist while the draft and the scheduled recap are unpublished. */
const HIDDEN_PAGES = [
	recapUrl('placeholder-bay-2026'),
	talkUrl('placeholder-bay-2026', 'keynote'),
	recapUrl(SCHEDULED.id),
	SCHEDULED.keynote,
	speakerUrl('quincy-draftworth'),
	topicUrl('time-locked-telemetry'),
	`${topicUrl('time-locked-telemetry')}rss.xml`,
];
/** Images only the draft, the scheduled recap or the draft-only speaker use. */
const HIDDEN_IMAGES = ['draft-hero', 'embargo-hero', 'quincy-draftworth'];

const BINARY = new Set(['.avif', '.gif', '.ico', '.jpeg', '.jpg', '.png', '.webp', '.woff2']);
const xml = new XMLParser({ isArray: (name) => name === 'item' });

interface RssDocument {
	rss: { channel: { item?: { link: string; title: string }[] } };
}
interface JsonFeed {
	items: { url: string; title: string }[];
}

/** Reads one build's output by URL path (`/speakers/` reads `speakers/index.html`). */
function builtSite(outDir: string) {
	const file = (urlPath: string) =>
		path.join(outDir, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);
	const text = (urlPath: string) => readFile(file(urlPath), 'utf8');
	/** The recap ids a feed's items link to, in feed order. */
	const recapIdsOf = (links: string[]) =>
		links.map((link) => new URL(link).pathname.match(/^\/recaps\/([^/]+)\/$/)?.[1] ?? link);
	return {
		outDir,
		exists: (urlPath: string) => existsSync(file(urlPath)),
		page: async (urlPath: string) => load(await text(urlPath)),
		rssRecaps: async (urlPath: string) =>
			recapIdsOf(
				((xml.parse(await text(urlPath)) as RssDocument).rss.channel.item ?? []).map(
					(item) => item.link,
				),
			),
		jsonFeedRecaps: async (urlPath: string) =>
			recapIdsOf((JSON.parse(await text(urlPath)) as JsonFeed).items.map((item) => item.url)),
		/** Every file of the output, relative to it. */
		files: async () =>
			(await readdir(outDir, { recursive: true, withFileTypes: true }))
				.filter((entry) => entry.isFile())
				.map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)))
				.sort(),
	};
}
type BuiltSite = ReturnType<typeof builtSite>;

/** Builds the fixture as a deploy would, as of `now`; fails with the build's output. */
async function buildFixture(name: string, now: string): Promise<BuiltSite> {
	const build = await astroBuild({
		outDir: `test-output/build/${name}`,
		contentDir: CONTENT_DIR,
		now,
	});
	if (build.code !== 0) {
		throw new Error(`The example-roadshow fixture did not build (now ${now}):\n${build.output}`);
	}
	return builtSite(build.outDir);
}

/** The `href`s of the elements `selector` finds. */
const hrefs = ($: CheerioAPI, selector: string) =>
	$(selector)
		.toArray()
		.map((a) => $(a).attr('href') ?? '');

/** Talk pages a page lists with the shared talk list component, sorted. */
const listedTalks = ($: CheerioAPI) => hrefs($, 'main .talk-list .title a').sort();

/** The "so far" figures of a series page, by label. */
const seriesTotals = ($: CheerioAPI) =>
	Object.fromEntries(
		$('dl.figures > div')
			.toArray()
			.map((div) => [$(div).find('dt').text().trim(), $(div).find('dd').text().trim()]),
	);

/** Each named stop of a series page: city, state class and where its name links. */
const seriesStops = ($: CheerioAPI) =>
	$('.stops li.stop:not(.tba)')
		.toArray()
		.map((li) => ({
			city: $(li).find('.city').text().trim(),
			state: ['published', 'upcoming', 'announced'].find((state) => $(li).hasClass(state)),
			link: $(li).find('.city a').attr('href'),
		}));

/** Which of `needles` each text file of a build contains, as `file: needle` lines. */
async function textMentions(site: BuiltSite, needles: readonly string[]): Promise<string[]> {
	const found: string[] = [];
	for (const file of await site.files()) {
		if (BINARY.has(path.extname(file).toLowerCase())) continue;
		const text = await readFile(path.join(site.outDir, file), 'utf8');
		for (const needle of needles) if (text.includes(needle)) found.push(`${file}: ${needle}`);
	}
	return found;
}

let site: BuiltSite;

beforeAll(async () => {
	site = await buildFixture('example-roadshow', NOW);
});

describe('speaker pages', () => {
	it('list every speaker with a published talk, and no one else', async () => {
		const $ = await site.page('/speakers/');
		expect(hrefs($, 'main .speaker .name a').sort()).toEqual(
			Object.keys(SPEAKER_TALKS).map(speakerUrl).sort(),
		);
	});

	it.each(Object.entries(SPEAKER_TALKS))(
		'%s: the page lists their talks and each talk page links back',
		async (speaker, talks) => {
			expect(listedTalks(await site.page(speakerUrl(speaker)))).toEqual(talks.toSorted());
			for (const talk of talks) {
				expect(hrefs(await site.page(talk), 'main .speaker .name a'), talk).toContain(
					speakerUrl(speaker),
				);
			}
		},
	);

	it('follow a speaker from city to city', async () => {
		const $ = await site.page(speakerUrl('jane-doe'));
		const where = $('main .talk-list .where').text();
		expect(where).toContain('Example City');
		expect(where).toContain('Demo Ville');
	});
});

describe('further reading', () => {
	it('lists exactly the writeups cited by published talks', async () => {
		const $ = await site.page('/reading/');
		expect(hrefs($, 'ul.reading a.writeup').sort()).toEqual(Object.keys(WRITEUP_TALKS).sort());
	});

	it.each(Object.entries(WRITEUP_TALKS))(
		'%s: cited by its talks, which link to it',
		async (url, talks) => {
			const $ = await site.page('/reading/');
			const entry = `ul.reading > li:has(> a.writeup[href="${url}"])`;
			expect($(entry).length).toBe(1);
			expect(hrefs($, `${entry} .cited-by a`).sort()).toEqual(talks.toSorted());
			for (const talk of talks) {
				expect(hrefs(await site.page(talk), 'main a.writeup'), talk).toContain(url);
			}
		},
	);
});

describe('company pages', () => {
	it("show a company's talks in two cities, by different people, each linking back", async () => {
		const $ = await site.page(companyUrl('sample-inc'));
		expect(listedTalks($)).toEqual([T.ecSampleInc, T.thSampleInc].sort());
		expect(hrefs($, 'main .people .name a').sort()).toEqual(
			[speakerUrl('john-roe'), speakerUrl('richard-miles')].sort(),
		);
		const where = $('main .talk-list .where').text();
		expect(where).toContain('Example City');
		expect(where).toContain('Test Harbor');
		for (const talk of [T.ecSampleInc, T.thSampleInc]) {
			expect(hrefs(await site.page(talk), 'header .kicker a'), talk).toContain(
				companyUrl('sample-inc'),
			);
		}
	});
});

describe('topic pages', () => {
	it('list every topic of a published talk, and no other', async () => {
		const $ = await site.page('/topics/');
		expect(hrefs($, 'main ul.index a').sort()).toEqual(
			Object.keys(TOPIC_TALKS).map(topicUrl).sort(),
		);
	});

	it.each(Object.entries(TOPIC_TALKS))(
		'%s: the page lists its talks and each talk page links back',
		async (topic, talks) => {
			expect(listedTalks(await site.page(topicUrl(topic)))).toEqual(talks.toSorted());
			for (const talk of talks) {
				expect(hrefs(await site.page(talk), 'main ul.topics a'), talk).toContain(topicUrl(topic));
			}
		},
	);
});

describe('the series page', () => {
	it('lists every published recap, oldest stop first', async () => {
		const $ = await site.page(SERIES_URL);
		expect(hrefs($, 'ol.recaps h3 a')).toEqual(PUBLISHED.map((recap) => recapUrl(recap.id)));
	});

	it("shows each stop's state, linking the published ones to their recap", async () => {
		expect(seriesStops(await site.page(SERIES_URL))).toEqual([
			...PUBLISHED.map((recap) => ({
				city: recap.city,
				state: 'published',
				link: recapUrl(recap.id),
			})),
			// The draft's and the scheduled recap's stops: dated, in the past, without a recap.
			{ city: 'Placeholder Bay', state: 'announced', link: undefined },
			{ city: 'Mock Falls', state: 'announced', link: undefined },
			{ city: 'Stubton', state: 'upcoming', link: undefined },
			{ city: 'Fixture Point', state: 'announced', link: undefined },
		]);
	});

	it('counts the cities still to be announced', async () => {
		const tba = (await site.page(SERIES_URL))('.stops li.tba');
		expect(tba.find('.city').text().trim()).toBe('2 more cities');
		expect(tba.find('.state').text().trim()).toBe('To be announced');
	});

	it('counts only published recaps in its figures', async () => {
		expect(seriesTotals(await site.page(SERIES_URL))).toEqual({
			'Cities planned': '10',
			'Countries planned': '3',
			'Cities with a recap': '4',
			'Countries so far': '3',
			'Talks so far': '9',
			'Speakers so far': '8',
		});
	});
});

describe('recap pages', () => {
	it.each(PUBLISHED)(
		'$city: each talk section links to its page, which links back to the section',
		async ({ id, talks }) => {
			const $ = await site.page(recapUrl(id));
			expect(
				$('section.talk')
					.toArray()
					.map((s) => $(s).attr('id')),
			).toEqual(talks);
			for (const talk of talks) {
				const page = talkUrl(id, talk);
				expect(hrefs($, `section.talk#${talk} .permalink a`)).toEqual([page]);
				const back = hrefs(await site.page(page), 'header .from a');
				expect(back, page).toEqual([`${recapUrl(id)}#${talk}`]);
			}
		},
	);

	it.each(PUBLISHED.map((recap, index) => [recap.city, recap.id, index] as const))(
		'%s: previous and next stop follow the event dates',
		async (_city, id, index) => {
			const $ = await site.page(recapUrl(id));
			const neighbour = (offset: number) => {
				const recap = PUBLISHED[index + offset];
				return recap ? [recapUrl(recap.id)] : [];
			};
			expect(hrefs($, 'nav.prev-next a[rel="prev"]'), 'previous').toEqual(neighbour(-1));
			expect(hrefs($, 'nav.prev-next a[rel="next"]'), 'next').toEqual(neighbour(1));
		},
	);

	it.each(PUBLISHED)('$city: related talks come from other cities only', async ({ id, city }) => {
		const $ = await site.page(recapUrl(id));
		const related = hrefs($, '#related .talk-list .title a');
		expect(related.length).toBeGreaterThan(0);
		for (const talk of related) expect(talk.startsWith(recapUrl(id)), talk).toBe(false);
		$('#related .talk-list .where').each((_, where) => {
			expect($(where).text()).not.toContain(city);
		});
	});

	it.each(PUBLISHED)('$city: shows the reading time', async ({ id }) => {
		const $ = await site.page(recapUrl(id));
		expect($('header .meta').text()).toMatch(/· [1-9]\d* min read$/);
	});

	it('names the people in the group photo left to right', async () => {
		const $ = await site.page(recapUrl(RECAP.exampleCity));
		expect($('figure.group figcaption').text().trim()).toBe(
			'Left to right: Jane Doe (Example Corp) and John Roe (Sample Inc)',
		);
	});
});

describe('feeds', () => {
	it('the site feeds list exactly the published recaps, newest publication first', async () => {
		// Feed readers order by pubDate: a recap published late is news when it is published.
		expect(await site.rssRecaps('/rss.xml')).toEqual(NEWEST_PUBLISHED_FIRST);
		expect(await site.jsonFeedRecaps('/feed.json')).toEqual(NEWEST_PUBLISHED_FIRST);
	});

	it('the series feed lists its published recaps, newest publication first', async () => {
		expect(await site.rssRecaps(`${SERIES_URL}rss.xml`)).toEqual(NEWEST_PUBLISHED_FIRST);
	});

	it.each(Object.entries(TOPIC_TALKS))(
		'the %s feed lists only the recaps with a talk on it',
		async (topic, talks) => {
			const withTopic = NEWEST_PUBLISHED_FIRST.filter((id) =>
				talks.some((talk) => talk.startsWith(recapUrl(id))),
			);
			expect(await site.rssRecaps(`${topicUrl(topic)}rss.xml`)).toEqual(withTopic);
		},
	);
});

describe('the draft and the scheduled recap', () => {
	it('appear in no text file of the output', async () => {
		expect(await textMentions(site, [...DRAFT_ONLY, ...SCHEDULED_ONLY])).toEqual([]);
	});

	it('have no pages', () => {
		expect(HIDDEN_PAGES.filter((page) => site.exists(page))).toEqual([]);
	});

	it('leave the published speakers and companies they share untouched', async () => {
		expect(listedTalks(await site.page(companyUrl('test-co')))).toEqual(
			[T.stPanel, T.dvTestCo].sort(),
		);
		expect(hrefs(await site.page(companyUrl('test-co')), 'main .people .name a').sort()).toEqual(
			[speakerUrl('fred-nerk'), speakerUrl('joe-bloggs')].sort(),
		);
	});

	// Astro emits the original of every image a content entry names; src/integrations/
	// prune-assets.ts deletes the ones nothing links to, so unpublished photos never ship.
	it('ship none of their images', async () => {
		const files = await site.files();
		expect(files.filter((file) => HIDDEN_IMAGES.some((name) => file.includes(name)))).toEqual([]);
	});
});

describe('links', () => {
	it('are all intact, by the link checker', async () => {
		const report = await checkSiteLinks(site.outDir, new URL(siteConfig.url));
		expect(report.pages).toBeGreaterThan(30);
		expect(report.problems.map(formatLinkProblem)).toEqual([]);
	});
});

describe(`a build after the scheduled publish date (${LATER})`, () => {
	let later: BuiltSite;

	beforeAll(async () => {
		later = await buildFixture('example-roadshow-later', LATER);
	});

	it('publishes the scheduled recap, its talks and its topic', async () => {
		expect((await later.page(recapUrl(SCHEDULED.id)))('h1').text().trim()).toBe(SCHEDULED.title);
		expect(later.exists(SCHEDULED.keynote)).toBe(true);
		expect(listedTalks(await later.page(topicUrl('time-locked-telemetry')))).toEqual(
			[SCHEDULED.keynote, talkUrl(SCHEDULED.id, 'joe-bloggs')].sort(),
		);
		expect(listedTalks(await later.page(speakerUrl('jane-doe')))).toContain(SCHEDULED.keynote);
	});

	it('puts it first in every feed it belongs to', async () => {
		const newestFirst = [SCHEDULED.id, ...NEWEST_PUBLISHED_FIRST];
		expect(await later.rssRecaps('/rss.xml')).toEqual(newestFirst);
		expect(await later.jsonFeedRecaps('/feed.json')).toEqual(newestFirst);
		expect(await later.rssRecaps(`${SERIES_URL}rss.xml`)).toEqual(newestFirst);
		expect(await later.rssRecaps(`${topicUrl('time-locked-telemetry')}rss.xml`)).toEqual([
			SCHEDULED.id,
		]);
	});

	it('counts it on the series page and links it from the previous stop', async () => {
		const $ = await later.page(SERIES_URL);
		expect(seriesStops($).find((stop) => stop.city === SCHEDULED.city)).toEqual({
			city: SCHEDULED.city,
			state: 'published',
			link: recapUrl(SCHEDULED.id),
		});
		expect(seriesTotals($)).toMatchObject({ 'Cities with a recap': '5', 'Talks so far': '11' });
		expect(
			hrefs(await later.page(recapUrl(RECAP.testHarbor)), 'nav.prev-next a[rel="next"]'),
		).toEqual([recapUrl(SCHEDULED.id)]);
	});

	it('still leaves the draft out', async () => {
		expect(await textMentions(later, DRAFT_ONLY)).toEqual([]);
	});
});
