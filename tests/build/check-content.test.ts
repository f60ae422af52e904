/**
 * The content check runs inside `astro build` (src/integrations/check-content.ts): a broken
 * recap stops the build with the checker's own line. And content with odd but legal values
 * (accents, Chinese and Cyrillic names, `&` and `<` in titles, emoji, a very long talk title, a
 * speaker with one name) passes the check, builds, and shows every value exactly as written on
 * the pages and in the feed: no double escaping, no lost characters.
 */
import { load, type CheerioAPI } from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assembleCase, listCases } from '../fixtures/bad-content/assemble.ts';
import { astroBuild, projectRoot, testOutput, type BuildResult } from '../support/build.ts';

describe('a build of content that fails the check', () => {
	// Only the checker knows photo minimums, so this proves the integration ran.
	const name = 'small-hero';

	it('stops before building anything, with the check:content line', async () => {
		const root = await assembleCase(
			name,
			path.join(testOutput, 'build', 'check-content', name, 'content'),
		);
		const contentDir = path.relative(projectRoot, root).split(path.sep).join('/');
		const expected = (await listCases()).find((badCase) => badCase.name === name)?.expected;
		const build = await astroBuild({
			outDir: `test-output/build/check-content/${name}-site`,
			contentDir,
		});
		expect(build.code, build.output).not.toBe(0);
		expect(expected).toHaveLength(1);
		for (const line of expected ?? []) {
			expect(build.output).toContain(line.replace(/^content\//, `${contentDir}/`));
		}
		expect(build.output).toContain('The content has 1 problem:');
		expect(existsSync(path.join(build.outDir, 'index.html'))).toBe(false);
	});
});

describe('a build of odd but legal content', () => {
	const RECAP = 'R&D < production: Example City, with Zoë, 李雷 and Дарья 🚀';
	const LONG_TALK =
		'A very long but legal panel title: how 李雷 and Дарья took one R&D prototype to production across three teams, two time zones & one very patient on-call rota';
	const NAMES = ['Zoë Ñúñez', '李雷', 'Дарья'];
	let build: BuildResult;
	const page = async (url: string): Promise<{ $: CheerioAPI; html: string }> => {
		const html = await readFile(path.join(build.outDir, url, 'index.html'), 'utf8');
		return { $: load(html), html };
	};

	beforeAll(async () => {
		build = await astroBuild({
			outDir: 'test-output/build/odd-but-legal',
			contentDir: 'tests/fixtures/sites/odd-but-legal/content',
		});
		expect(build.code, build.output).toBe(0);
	});

	it('passes the content check', () => {
		expect(build.output).toContain('content checked: no problems');
	});

	it('shows the recap title, names, captions and talk titles exactly as written', async () => {
		const { $, html } = await page('recaps/example-city-2026');
		expect($('h1').text().trim()).toBe(RECAP);
		expect($('title').text()).toBe(RECAP);
		expect($('meta[property="og:title"]').attr('content')).toBe(RECAP);
		const text = $('main').text().replace(/\s+/g, ' ');
		for (const name of NAMES) expect(text).toContain(name);
		expect(text).toContain('Keynote 🎉: R&D < production, and how to get there');
		expect(text).toContain(LONG_TALK);
		expect(text).toContain('Café Ünïcode & Co., where R&D < production was on every slide 🎉');
		expect($('img[alt="Zoë Ñúñez, 李雷 and Дарья, left to right"]')).toHaveLength(1);
		// Escaped once for HTML, never twice.
		expect(html).not.toMatch(/&amp;(?:amp|lt|gt|quot|#\d+);/);
	});

	it('gives a speaker with one name a page titled with that name', async () => {
		const { $ } = await page('speakers/darya');
		expect($('h1').text().trim()).toBe('Дарья');
		expect($('main').text()).toContain(LONG_TALK);
	});

	it('gives the very long talk title its own page heading, whole', async () => {
		const { $ } = await page('recaps/example-city-2026/panel');
		expect($('h1').text().trim()).toBe(LONG_TALK);
	});

	it('puts the same values in /rss.xml, which parses', async () => {
		const xml = await readFile(path.join(build.outDir, 'rss.xml'), 'utf8');
		const feed = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
			rss: { channel: { item: { title: string; description: string; 'content:encoded': string } } };
		};
		const { item } = feed.rss.channel;
		expect(item.title).toBe(RECAP);
		expect(item.description).toBe(
			'Notes from Example City, where R&D < production was the theme & the mood.',
		);
		const content = load(item['content:encoded']);
		const text = content.root().text().replace(/\s+/g, ' ');
		for (const name of NAMES) expect(text).toContain(name);
		expect(text).toContain(LONG_TALK);
		expect(text).toContain('R&D < production');
		expect(text).not.toMatch(/&(?:amp|lt|gt);/);
	});
});
