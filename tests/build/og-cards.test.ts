/**
 * Preview cards on the built site: every recap and talk page points at its own 1200x630 PNG,
 * which exists, is not blank and is what the feeds enclose, byte for byte. The cache is checked
 * at the function level (a second render of a card is read back, not redrawn), not with a
 * second build.
 */
import { load } from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { OgCardData } from '../../src/lib/og-card.ts';
import { createOgCardCache } from '../../src/lib/og-cache.ts';
import { roundPortrait } from '../../src/lib/og-raster.ts';
import {
	photoDigest,
	portraitCacheDir,
	readCachedPortrait,
	speakerPhotos,
} from '../../src/lib/portrait-cache.ts';

const SITE = 'https://ray-on-the-road.example.com/';
const outDir = inject('siteDir');

/** Recap pages (`recaps/<id>/index.html`) and talk pages (`recaps/<id>/<talk>/index.html`). */
async function recapAndTalkPages(): Promise<string[]> {
	const entries = await readdir(path.join(outDir, 'recaps'), { recursive: true });
	return entries
		.filter((entry) => entry.endsWith('index.html'))
		.map((entry) => path.join('recaps', entry))
		.sort();
}

/** The file in the build that serves an absolute URL of the site. */
function fileOf(url: string): string {
	expect(url.startsWith(SITE), url).toBe(true);
	return path.join(outDir, decodeURIComponent(new URL(url).pathname));
}

async function ogImageOf(page: string) {
	const $ = load(await readFile(path.join(outDir, page), 'utf8'));
	const meta = (property: string) => $(`meta[property="${property}"]`).attr('content');
	return {
		url: meta('og:image') ?? '',
		alt: meta('og:image:alt'),
		width: meta('og:image:width'),
		height: meta('og:image:height'),
		twitterCard: $('meta[name="twitter:card"]').attr('content'),
	};
}

describe('preview cards', () => {
	it('has a page for the recap and each of its seven talks', async () => {
		expect(await recapAndTalkPages()).toHaveLength(1 + 7);
	});

	it('gives every recap and talk page its own card, with alt text and its size', async () => {
		const urls = new Set<string>();
		for (const page of await recapAndTalkPages()) {
			const image = await ogImageOf(page);
			const slug = page.replace(/^recaps\//, '').replace(/\/index\.html$/, '');
			expect(image.url, page).toBe(`${SITE}og/recaps/${slug}.png`);
			expect(image.alt, page).toMatch(/^Preview card: \S/);
			expect([image.width, image.height], page).toEqual(['1200', '630']);
			expect(image.twitterCard, page).toBe('summary_large_image');
			urls.add(image.url);
		}
		expect(urls.size).toBe(8);
	});

	it('names the title, the city and the speakers in the alt text', async () => {
		const talk = await ogImageOf('recaps/ray-day-seattle-2026/notion/index.html');
		expect(talk.alt).toContain('Notion');
		expect(talk.alt).toContain('Seattle');
		expect(talk.alt).toContain('Mickey Liu');
		// The event date is not known: the card says when the recap was published.
		expect(talk.alt).toContain('published April 9, 2026');
	});

	it('serves each card as a 1200x630 PNG that is not blank', async () => {
		for (const page of await recapAndTalkPages()) {
			const file = fileOf((await ogImageOf(page)).url);
			const meta = await sharp(file).metadata();
			expect([meta.format, meta.width, meta.height], file).toEqual(['png', 1200, 630]);
			const { channels, dominant, isOpaque } = await sharp(file).stats();
			expect(isOpaque, file).toBe(true);
			for (const channel of channels.slice(0, 3)) {
				expect(channel.stdev, file).toBeGreaterThan(10);
				expect(channel.max - channel.min, file).toBeGreaterThan(100);
			}
			// The dominant colour is the background, and there is plenty that is not background.
			const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
			let other = 0;
			for (let i = 0; i < data.length; i += info.channels) {
				const distance =
					Math.abs(data[i]! - dominant.r) +
					Math.abs(data[i + 1]! - dominant.g) +
					Math.abs(data[i + 2]! - dominant.b);
				if (distance > 48) other++;
			}
			expect(other / (info.width * info.height), file).toBeGreaterThan(0.1);
		}
	});

	it('ships no card without a page: drafts and scheduled recaps get none', async () => {
		const cards = (await readdir(path.join(outDir, 'og'), { recursive: true }))
			.filter((entry) => entry.endsWith('.png') && entry !== 'site.png')
			.map((entry) => `${SITE}og/${entry}`)
			.sort();
		const pages = await Promise.all((await recapAndTalkPages()).map(ogImageOf));
		expect(cards).toEqual(pages.map((image) => image.url).sort());
	});

	it('gives every other page the site card, with alt text', async () => {
		const site = await sharp(path.join(outDir, 'og', 'site.png')).metadata();
		expect([site.width, site.height]).toEqual([1200, 630]);
		for (const file of ['index.html', 'speakers/index.html', 'topics/embeddings/index.html']) {
			const $ = load(await readFile(path.join(outDir, file), 'utf8'));
			expect($('meta[property="og:image"]').attr('content'), file).toBe(`${SITE}og/site.png`);
			expect($('meta[property="og:image:alt"]').attr('content'), file).toMatch(/^Preview card: /);
		}
	});

	it("draws each card through the build's cache", async () => {
		const names = await readdir(`${outDir}-cache/og`);
		const cached = await Promise.all(
			names
				.filter((name) => name.endsWith('.png'))
				.map((name) => readFile(path.join(`${outDir}-cache/og`, name))),
		);
		for (const page of await recapAndTalkPages()) {
			const served = await readFile(fileOf((await ogImageOf(page)).url));
			expect(
				cached.some((png) => png.equals(served)),
				page,
			).toBe(true);
		}
	});
});

describe('speaker portraits', () => {
	it("keeps every speaker's card portrait in the cache, cut round from the photo", async () => {
		const dir = portraitCacheDir(`${outDir}-cache/og`);
		const photos = await speakerPhotos(path.resolve('content'));
		expect(photos.length).toBeGreaterThan(0);
		for (const photo of photos) {
			const bytes = await readFile(photo);
			const kept = await readCachedPortrait(dir, photoDigest(bytes));
			expect(kept, photo).toBeDefined();
			expect(kept!.equals(await roundPortrait(bytes)), photo).toBe(true);
		}
		expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
	});
});

describe('preview cards in the feeds', () => {
	const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
	type Enclosure = { '@url': string; '@length': string; '@type': string };
	type Item = { link: string; enclosure?: Enclosure; category?: string | string[] };

	async function rssItems(feed: string): Promise<Item[]> {
		const xml = await readFile(path.join(outDir, feed), 'utf8');
		const parsed = parser.parse(xml) as { rss: { channel: { item?: Item | Item[] } } };
		return ([] as Item[]).concat(parsed.rss.channel.item ?? []);
	}

	async function rssFeeds(): Promise<string[]> {
		const entries = await readdir(outDir, { recursive: true });
		return entries.filter((entry) => entry.endsWith('rss.xml')).sort();
	}

	it('encloses the recap card in every RSS feed, with its real length and type', async () => {
		const feeds = await rssFeeds();
		expect(feeds).toEqual(
			expect.arrayContaining(['rss.xml', 'series/ray-on-the-road-2026/rss.xml']),
		);
		expect(feeds.some((feed) => feed.startsWith('topics/'))).toBe(true);
		for (const feed of feeds) {
			for (const item of await rssItems(feed)) {
				const page = path.join(new URL(item.link).pathname, 'index.html').slice(1);
				const card = (await ogImageOf(page)).url;
				expect(item.enclosure, feed).toEqual({
					'@url': card,
					'@length': String((await stat(fileOf(card))).size),
					'@type': 'image/png',
				});
			}
		}
	});

	it('keeps the series, the city and the topics as categories', async () => {
		const [item] = await rssItems('rss.xml');
		expect(item?.category).toEqual(
			expect.arrayContaining(['Ray on the Road 2026', 'Seattle', 'Vector search']),
		);
	});

	it('gives each JSON Feed item the card as its image', async () => {
		const feed = JSON.parse(await readFile(path.join(outDir, 'feed.json'), 'utf8')) as {
			items: { url: string; image?: string }[];
		};
		expect(feed.items.length).toBeGreaterThan(0);
		for (const item of feed.items) {
			const page = path.join(new URL(item.url).pathname, 'index.html').slice(1);
			expect(item.image).toBe((await ogImageOf(page)).url);
		}
	});
});

describe('the card cache', () => {
	const dirs: string[] = [];
	afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

	it('reads a card back on its second render instead of drawing it again', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'og-cards-'));
		dirs.push(dir);
		const data: OgCardData = {
			title: 'Notion: from a three-step Spark pipeline to a single Ray job',
			label: 'Talk',
			place: 'Seattle, United States',
			date: 'April 9, 2026',
			datePublished: true,
			speakers: [{ name: 'Mickey Liu' }],
			seriesName: 'Ray on the Road 2026',
			siteHost: 'ray-on-the-road.example.com',
			lang: 'en',
		};
		const firstBuild = createOgCardCache({ dir });
		const drawn = await firstBuild.png(data);
		expect(firstBuild.stats).toEqual({ drawn: 1, diskHits: 0, memoryHits: 0 });
		const file = path.join(dir, `${firstBuild.key(data)}.png`);
		const { mtimeMs } = await stat(file);

		const nextBuild = createOgCardCache({ dir });
		const again = await nextBuild.png(data);
		expect(nextBuild.stats).toEqual({ drawn: 0, diskHits: 1, memoryHits: 0 });
		expect(again.equals(drawn)).toBe(true);
		expect((await stat(file)).mtimeMs).toBe(mtimeMs);
		expect(await readdir(dir)).toEqual([path.basename(file)]);
	});
});
