/**
 * The search page in chromium, on the built site (with its pagefind index): a word finds the
 * talk, a filter narrows the results, a search can be linked to, the page explains itself
 * without JavaScript and without an index (as under `astro dev`), and it passes the same audit
 * as every other page, with results on screen too.
 */
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { auditPage, AXE_TAGS, formatProblems, type ColorScheme } from '../support/page-audit.ts';

const NOTION_TALK = '/recaps/ray-day-seattle-2026/notion/';
const RECAP = '/recaps/ray-day-seattle-2026/';
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let browser: Browser;
let server: StaticServer;
let context: BrowserContext;

beforeAll(async () => {
	[browser, server] = await Promise.all([launchChromium(), serveStatic(inject('siteDir'))]);
	context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
});

afterAll(async () => {
	await Promise.all([browser?.close(), server?.close()]);
});

const url = (path: string) => new URL(path.slice(1), server.url).href;

/**
 * Does `action` and waits for the search it starts to finish. The script marks the page
 * `data-search-state="done"` after each search; the mark is cleared first so an earlier search
 * cannot be mistaken for this one.
 */
async function searchAfter(page: Page, action: () => Promise<void>): Promise<void> {
	await page.evaluate(() =>
		document.querySelector<HTMLElement>('[data-search]')?.removeAttribute('data-search-state'),
	);
	await action();
	await page.waitForSelector('[data-search][data-search-state="done"]', { timeout: 15_000 });
}

/** Opens the search page at `path` and waits for its first search (or idle state). */
async function open(path: string, state = 'done'): Promise<Page> {
	const page = await context.newPage();
	await page.goto(url(path));
	await page.waitForSelector(`[data-search][data-search-state="${state}"]`, { timeout: 15_000 });
	return page;
}

/** The results on screen: each link's path and its context line. */
function results(page: Page): Promise<{ path: string; context: string }[]> {
	return page.$$eval('[data-search-results] > li', (items) =>
		items.map((item) => ({
			path: new URL(item.querySelector('a')?.href ?? '', document.baseURI).pathname,
			context: item.querySelector('.result-context')?.textContent ?? '',
		})),
	);
}

const status = (page: Page) => page.locator('[data-search-status]').innerText();

describe('the search page with JavaScript', () => {
	it('finds the Notion talk and its recap section for "embedding"', async () => {
		const page = await open('/search/', 'idle');
		await searchAfter(page, () =>
			page.getByLabel('Search recaps, talks and speakers').fill('embedding'),
		);
		const found = await results(page);
		expect(found.map((result) => result.path)).toContain(NOTION_TALK);
		expect(found.map((result) => result.path)).toContain(RECAP);
		expect(found.find((result) => result.path === NOTION_TALK)?.context).toBe(
			'Talk · Seattle · Notion',
		);
		// The recap's matching section links to its anchor on the recap page.
		const sections = await page.$$eval('.result-sections a', (links) =>
			links.map((link) => link.getAttribute('href')),
		);
		expect(sections.some((href) => href?.startsWith(`${RECAP}#notion`))).toBe(true);
		expect(await status(page)).toMatch(/^\d+ results? for “embedding”$/);
		expect(new URL(page.url()).search).toBe('?q=embedding');
		// Matches are marked in the excerpts.
		expect(await page.locator('[data-search-results] mark').count()).toBeGreaterThan(0);
		await page.close();
	});

	it('shows the city, company and topic filters, and a filter narrows the results', async () => {
		const page = await open('/search/?q=ray');
		const legends = await page.locator('[data-search-filters] legend').allInnerTexts();
		expect(legends).toEqual(['City', 'Company', 'Topic']);
		await expect(page.getByLabel('Seattle', { exact: true }).isChecked()).resolves.toBe(false);
		const before = await results(page);

		await searchAfter(page, () => page.getByLabel('Notion', { exact: true }).check());
		const after = await results(page);
		expect(after.length).toBeGreaterThan(0);
		expect(after.length).toBeLessThan(before.length);
		const paths = after.map((result) => result.path);
		expect(paths).toContain(NOTION_TALK);
		expect(paths).not.toContain('/recaps/ray-day-seattle-2026/uber/');
		for (const result of after) expect(result.context).toMatch(/Recap|Notion/);
		expect(await status(page)).toMatch(/ for “ray”, 1 filter on$/);
		expect(new URL(page.url()).search).toBe('?q=ray&company=Notion');

		await searchAfter(page, () => page.getByLabel('Notion', { exact: true }).uncheck());
		expect(await results(page)).toEqual(before);
		await page.close();
	});

	it('opens a linked search with its word and filters in place, and browses by filter alone', async () => {
		const page = await open('/search/?q=embedding&company=Notion');
		await expect(page.getByLabel('Search recaps, talks and speakers').inputValue()).resolves.toBe(
			'embedding',
		);
		await expect(page.getByLabel('Notion', { exact: true }).isChecked()).resolves.toBe(true);
		expect((await results(page)).map((result) => result.path)).toContain(NOTION_TALK);

		await searchAfter(page, () => page.getByLabel('Search recaps, talks and speakers').fill(''));
		const browsing = await results(page);
		expect(browsing.map((result) => result.path)).toContain(NOTION_TALK);
		expect(await status(page)).toMatch(/^\d+ results?, 1 filter on$/);
		await page.close();
	});

	it('says how to get an index when /pagefind/pagefind.js is missing (as under astro dev)', async () => {
		const page = await context.newPage();
		await page.route('**/pagefind/pagefind.js', (route) => route.fulfill({ status: 404 }));
		await page.goto(url('/search/'));
		await page.waitForSelector('[data-search][data-search-state="unavailable"]');
		expect(await status(page)).toBe(
			'Search needs a built site: the index is made by `npm run build`. ' +
				'Run `npm run build && npm run preview` to try it.',
		);
		await expect(page.locator('[data-search-filters]').isHidden()).resolves.toBe(true);
		await page.close();
	});
});

describe('the search page without JavaScript', () => {
	it('shows the plain message with links to browse instead', async () => {
		const noScript = await browser.newContext({ javaScriptEnabled: false });
		try {
			const page = await noScript.newPage();
			// A submitted search reloads the page with ?q=; it must say the same.
			for (const path of ['/search/', '/search/?q=embedding']) {
				await page.goto(url(path));
				expect(await status(page)).toBe(
					'Search needs JavaScript; browse the series, speakers and topics instead.',
				);
				const links = await page.$$eval('[data-search-status] a', (anchors) =>
					anchors.map((a) => [a.textContent, a.getAttribute('href')]),
				);
				expect(links).toEqual([
					['series', '/series/ray-on-the-road-2026/'],
					['speakers', '/speakers/'],
					['topics', '/topics/'],
				]);
				await expect(page.locator('[data-search-filters]').isHidden()).resolves.toBe(true);
				await expect(page.locator('[data-search-results]').isHidden()).resolves.toBe(true);
			}
		} finally {
			await noScript.close();
		}
	});
});

describe('the search page passes the audit every page passes', () => {
	it.each(['/search/', '/search/?q=embedding&company=Notion'])('%s', async (path) => {
		const problems = await auditPage(browser, url(path), { label: path });
		expect(problems.length === 0, formatProblems(problems)).toBe(true);
	});

	it.each<ColorScheme>(['light', 'dark'])(
		'with results and filters on screen, axe finds nothing (%s)',
		async (scheme) => {
			for (const width of [375, 1280]) {
				const scoped = await browser.newContext({
					viewport: { width, height: 800 },
					colorScheme: scheme,
				});
				try {
					const page = await scoped.newPage();
					await page.goto(url('/search/?q=embedding&company=Notion'));
					await page.waitForSelector('[data-search][data-search-state="done"]', {
						timeout: 15_000,
					});
					await page.addScriptTag({ path: AXE_PATH });
					const violations = await page.evaluate(async (tags) => {
						const { axe } = window as unknown as {
							axe: { run(c: Document, o: RunOptions): Promise<AxeResults> };
						};
						const { violations } = await axe.run(document, {
							runOnly: { type: 'tag', values: tags },
							resultTypes: ['violations'],
						});
						return violations.map(
							(violation) =>
								`${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`,
						);
					}, AXE_TAGS);
					expect(violations, `${width}px ${scheme}`).toEqual([]);
				} finally {
					await scoped.close();
				}
			}
		},
	);
});
