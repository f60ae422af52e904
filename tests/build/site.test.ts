/**
 * Builds the real site once and checks what readers and feed readers get: the recap with a
 * section per talk, every speaker photo, the writeup links, no client JavaScript, a valid feed.
 */
import { load } from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { stubDigest } from '../../src/lib/photo-originals.ts';

const SITE = 'https://ray-on-the-road.example.com/';
const RECAP = 'recaps/ray-day-seattle-2026/index.html';
const SEARCH = 'search/index.html';
/** Pages search engines must not index: the not-found page, and search (no content of its own). */
const NOT_INDEXED = ['404.html', SEARCH];

const build = { outDir: inject('siteDir') };
const page = async (file: string) => load(await readFile(path.join(build.outDir, file), 'utf8'));

async function htmlFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
		.map((entry) => path.relative(build.outDir, path.join(entry.parentPath, entry.name)))
		.sort();
}

describe('the built site', () => {
	it('has every page family of the series, and the feeds', async () => {
		const files = await htmlFiles(build.outDir);
		const under = (folder: string) => files.filter((file) => file.startsWith(folder));
		expect(files).toEqual(
			expect.arrayContaining([
				'404.html',
				'index.html',
				RECAP,
				'series/ray-on-the-road-2026/index.html',
				'reading/index.html',
				'speakers/index.html',
				'companies/index.html',
				'topics/index.html',
			]),
		);
		// One page per talk, nine speaker pages, one per company and topic.
		expect(under('recaps/ray-day-seattle-2026/').length).toBe(1 + 7);
		expect(under('speakers/').length).toBe(1 + 9);
		expect(under('companies/').length).toBe(1 + 5);
		expect(under('topics/').length).toBe(1 + 10);
		for (const feed of ['rss.xml', 'feed.json', 'series/ray-on-the-road-2026/rss.xml']) {
			await expect(readFile(path.join(build.outDir, feed), 'utf8')).resolves.not.toBe('');
		}
	});

	it('lists every indexable page in the sitemap, and nothing else', async () => {
		const xml = await readFile(path.join(build.outDir, 'sitemap.xml'), 'utf8');
		const listed = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, url]) => url).sort();
		const pages = (await htmlFiles(build.outDir))
			.filter((file) => !NOT_INDEXED.includes(file))
			.map((file) => `${SITE}${file.replace(/index\.html$/, '')}`)
			.sort();
		expect(listed).toEqual(pages);
		await expect(readFile(path.join(build.outDir, 'robots.txt'), 'utf8')).resolves.toContain(
			`Sitemap: ${SITE}sitemap.xml`,
		);
	});

	it('ships client-side script on no page but search, and there only its own module file', async () => {
		const files = await htmlFiles(build.outDir);
		expect(files).toContain(SEARCH);
		for (const file of files) {
			const $ = await page(file);
			// JSON-LD is data, not code: the only <script> any other page may carry.
			const scripts = $('script:not([type="application/ld+json"])').toArray();
			if (file !== SEARCH) {
				expect(scripts.length, file).toBe(0);
				continue;
			}
			// The search page's module (it loads pagefind from /pagefind/ at run time), not inline.
			expect(scripts.length, file).toBe(1);
			expect($(scripts[0]).attr('type'), file).toBe('module');
			expect($(scripts[0]).attr('src'), file).toMatch(/^\/_astro\/[\w.-]+\.js$/);
			expect($(scripts[0]).text(), file).toBe('');
		}
	});

	it('gives every page a language, a title, a description, a canonical URL and one h1', async () => {
		for (const file of await htmlFiles(build.outDir)) {
			const $ = await page(file);
			expect($('html').attr('lang'), file).toBe('en');
			expect($('title').text().trim(), file).not.toBe('');
			expect($('meta[name="description"]').attr('content')?.trim(), file).toBeTruthy();
			if (NOT_INDEXED.includes(file)) {
				// 404: served at any missing address, it must not claim one. Search: its ?q= addresses
				// are results pages. Neither is indexed.
				expect($('link[rel="canonical"]').length, file).toBe(0);
				expect($('meta[name="robots"]').attr('content'), file).toBe('noindex');
			} else {
				expect($('link[rel="canonical"]').attr('href'), file).toMatch(/^https:\/\//);
			}
			expect($('h1').length, file).toBe(1);
			const feeds = $('link[rel="alternate"][type="application/rss+xml"]')
				.toArray()
				.map((link) => $(link).attr('href'));
			expect(feeds, file).toContain(`${SITE}rss.xml`);
			expect($('link[rel="alternate"][type="application/feed+json"]').attr('href'), file).toBe(
				`${SITE}feed.json`,
			);
		}
	});

	it('gives every image alt text, a width and a height', async () => {
		for (const file of await htmlFiles(build.outDir)) {
			const $ = await page(file);
			$('img').each((_, img) => {
				const $img = $(img);
				expect($img.attr('alt')?.trim(), `${file} ${$img.attr('src')}`).toBeTruthy();
				expect(Number($img.attr('width')), `${file} ${$img.attr('src')}`).toBeGreaterThan(0);
				expect(Number($img.attr('height')), `${file} ${$img.attr('src')}`).toBeGreaterThan(0);
			});
		}
	});

	it('ships every image as a picture sharp can read, never a bundle stub', async () => {
		// The bundle holds photos as stubs (src/integrations/photo-originals.ts); none may be left.
		const images = (await readdir(path.join(build.outDir, '_astro'))).filter((name) =>
			/\.(?:jpe?g|png|webp|avif|gif)$/i.test(name),
		);
		expect(images.length).toBeGreaterThan(50);
		for (const name of images) {
			const bytes = await readFile(path.join(build.outDir, '_astro', name));
			expect(stubDigest(bytes), name).toBeUndefined();
			const { width, height } = await sharp(bytes).metadata();
			expect(width * height, name).toBeGreaterThan(0);
		}
	});
});

describe('the Seattle recap page', () => {
	it('has a section with a stable anchor and a heading for every session, in order', async () => {
		const $ = await page(RECAP);
		const sections = $('section.talk')
			.toArray()
			.map((section) => ({
				id: $(section).attr('id'),
				heading: $(section).find('h2').text().trim(),
			}));
		expect(sections.map((s) => s.id)).toEqual([
			'keynote',
			'notion',
			'salesforce',
			'uber',
			'apple',
			'workshop',
			'roundtable',
		]);
		for (const section of sections) expect(section.heading, section.id).not.toBe('');
		// The table of contents links to every section.
		const toc = $('nav.toc a')
			.toArray()
			.map((a) => $(a).attr('href'));
		for (const section of sections) expect(toc).toContain(`#${section.id}`);
	});

	it('shows the nine speakers with photo, name, role and company', async () => {
		const $ = await page(RECAP);
		const people = new Map<string, string>();
		$('section.talk .speaker').each((_, card) => {
			const $card = $(card);
			people.set(
				$card.find('.name').text().trim(),
				`${$card.find('.role').text().trim()} / ${$card.find('.company').text().trim()}`,
			);
			const img = $card.find('img');
			expect(img.attr('alt')).toMatch(/\S/);
			expect(img.attr('srcset')).toMatch(/\.webp 2x/);
		});
		expect([...people.keys()].sort()).toEqual([
			'Charlie Chen',
			'Chi Wang',
			'Haocheng Bian',
			'Jiwei Cao',
			'Mickey Liu',
			'Peng Zhang',
			'Rahul Samir Mehta',
			'Robert Nishihara',
			'Suman Debnath',
		]);
		expect(people.get('Mickey Liu')).toBe('Software Engineer, Search Platform / Notion');
		expect(people.get('Chi Wang')).toBe('Director of AI Platform / Salesforce');
	});

	it('links each user talk to its deeper writeup', async () => {
		const $ = await page(RECAP);
		const writeup = (id: string) => $(`#${id} a.writeup`).attr('href');
		expect(writeup('notion')).toBe(
			'https://www.notion.com/blog/two-years-of-vector-search-at-notion',
		);
		expect(writeup('salesforce')).toBe(
			'https://www.anyscale.com/blog/ray-data-llm-2x-throughput-vs-vllm',
		);
		expect(writeup('uber')).toBe(
			'https://uber.com/blog/how-uber-uses-ray-to-optimize-the-rides-business',
		);
		expect(writeup('apple')).toBe(
			'https://www.anyscale.com/blog/open-source-rl-libraries-for-llms',
		);
	});

	it('shows the headline results as figures', async () => {
		const $ = await page(RECAP);
		const values = $('#notion .results .value')
			.toArray()
			.map((el) => $(el).text().trim());
		expect(values).toContain('80%+');
		expect(values).toContain('10x');
	});

	it('renders the workshop code sample highlighted at build time', async () => {
		const $ = await page(RECAP);
		const code = $('#workshop pre.astro-code');
		expect(code.length).toBe(1);
		expect(code.text()).toContain('@ray.remote');
		expect(code.find('span[style]').length).toBeGreaterThan(5);
	});

	it('names the people in the group photo left to right', async () => {
		const $ = await page(RECAP);
		expect($('figure.group figcaption').text()).toBe(
			'Left to right: Peng Zhang (Uber), Charlie Chen (Apple), Haocheng Bian (Apple), Mickey Liu (Notion), Chi Wang (Salesforce), and Jiwei Cao (Salesforce)',
		);
	});

	it('serves responsive photos in a modern format', async () => {
		const $ = await page(RECAP);
		const hero = $('figure.hero img');
		expect(hero.attr('loading')).toBe('eager');
		expect(hero.attr('srcset')?.split(',').length).toBeGreaterThanOrEqual(3);
		expect(hero.attr('src')).toMatch(/\.webp$/);
	});
});

describe('the RSS feed', () => {
	const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
	type Item = Record<string, string> & { guid: string | { '#text': string } };
	let channel: Record<string, unknown>;
	let items: Item[];

	beforeAll(async () => {
		const xml = await readFile(path.join(build.outDir, 'rss.xml'), 'utf8');
		const feed = parser.parse(xml) as {
			rss: { '@version': string; channel: Record<string, unknown> };
		};
		expect(feed.rss['@version']).toBe('2.0');
		channel = feed.rss.channel;
		items = ([] as Item[]).concat(channel.item as Item | Item[]);
	});

	it('has a channel with a title, an absolute link and a description', () => {
		expect(channel.title).toBe('Ray on the Road');
		expect(channel.link).toBe(SITE);
		expect(channel.description).toBeTruthy();
	});

	it('has one item per published recap, with an absolute link and an RFC 822 date', () => {
		expect(items).toHaveLength(1);
		const [item] = items;
		expect(item?.link).toBe(`${SITE}recaps/ray-day-seattle-2026/`);
		expect(item?.pubDate).toBe('Thu, 09 Apr 2026 00:00:00 GMT');
		expect(item?.['dc:creator']).toBe('Philip Wang');
	});

	it('carries the full recap, with every talk and only absolute URLs', () => {
		const content = load(items[0]?.['content:encoded'] ?? '');
		const headings = content('h2')
			.toArray()
			.map((h) => content(h).text());
		expect(headings).toHaveLength(7);
		expect(headings.join('\n')).toContain('Notion');
		const urls = [
			...content('a')
				.toArray()
				.map((a) => content(a).attr('href') ?? ''),
			...content('img')
				.toArray()
				.map((img) => content(img).attr('src') ?? ''),
		];
		expect(content('img').length).toBeGreaterThanOrEqual(3);
		for (const url of urls) expect(url, url).toMatch(/^https:\/\//);
		for (const img of content('img').toArray()) expect(content(img).attr('alt')).toMatch(/\S/);
	});
});

describe('structured data', () => {
	const jsonLd = async (file: string) => {
		const $ = await page(file);
		return $('script[type="application/ld+json"]')
			.toArray()
			.flatMap((script) => [JSON.parse($(script).text()) as unknown].flat()) as Record<
			string,
			unknown
		>[];
	};
	const ofType = (items: Record<string, unknown>[], type: string) =>
		items.find((item) => item['@type'] === type);

	it('describes the recap as a BlogPosting about the event, with its speakers', async () => {
		const items = await jsonLd(RECAP);
		const posting = ofType(items, 'BlogPosting')!;
		expect(posting).toMatchObject({
			'@context': 'https://schema.org',
			headline: expect.stringContaining('Ray Day Seattle'),
			datePublished: '2026-04-09',
			url: `${SITE}recaps/ray-day-seattle-2026/`,
			author: [{ '@type': 'Person', name: 'Philip Wang' }],
			publisher: { '@type': 'Organization', name: 'Anyscale' },
			about: {
				'@type': 'Event',
				location: {
					'@type': 'Place',
					name: 'The Westin Seattle',
					address: { addressLocality: 'Seattle' },
				},
				organizer: { name: 'Anyscale' },
			},
		});
		expect(posting.image).toMatch(/^https:\/\/.+\.jpg$/);
		// The event date is not known, so none is claimed.
		expect((posting.about as Record<string, unknown>).startDate).toBeUndefined();
		expect((posting.about as { performer: unknown[] }).performer).toHaveLength(9);
		expect(ofType(items, 'BreadcrumbList')).toMatchObject({ itemListElement: expect.any(Array) });
	});

	it('describes each talk as an Event within the day', async () => {
		const items = await jsonLd('recaps/ray-day-seattle-2026/notion/index.html');
		expect(ofType(items, 'Event')).toMatchObject({
			name: expect.stringContaining('Notion'),
			performer: [
				{ '@type': 'Person', name: 'Mickey Liu', jobTitle: 'Software Engineer, Search Platform' },
			],
			superEvent: { '@type': 'Event' },
		});
	});

	it('describes each speaker as a Person with their talks', async () => {
		const items = await jsonLd('speakers/chi-wang/index.html');
		expect(ofType(items, 'Person')).toMatchObject({
			name: 'Chi Wang',
			jobTitle: 'Director of AI Platform',
			worksFor: { '@type': 'Organization', name: 'Salesforce' },
			image: expect.stringMatching(/^https:\/\//),
			performerIn: [{ '@type': 'Event', url: `${SITE}recaps/ray-day-seattle-2026/salesforce/` }],
		});
	});

	it('lists the series stops as an ItemList', async () => {
		const items = await jsonLd('series/ray-on-the-road-2026/index.html');
		expect(ofType(items, 'ItemList')).toMatchObject({
			name: 'Ray on the Road 2026',
			itemListElement: [
				{ position: 1, name: 'Seattle, United States', url: `${SITE}recaps/ray-day-seattle-2026/` },
			],
		});
	});
});
