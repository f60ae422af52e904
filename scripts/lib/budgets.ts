/**
 * Page-weight budgets over a built site: what a reader on a phone downloads. Used by the budget
 * test (tests/build/budgets.test.ts) and printed by `npm run bench` for the real site.
 *
 * - HTML+CSS of a page at most 30 KB gzip (CSS is inlined: first paint needs nothing else but
 *   the LCP image);
 * - every speaker portrait at most 15 KB at each density it is offered in;
 * - each page's total transfer (HTML, plus for every image the largest candidate a browser may
 *   pick, an upper bound) at most 400 KB;
 * - no client JavaScript outside the search page.
 */
import { load } from 'cheerio';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGETS = {
	htmlCssGzipBytes: 30 * 1024,
	portraitBytes: 15 * 1024,
	pageTotalBytes: 400 * 1024,
} as const;

export interface PageWeight {
	/** URL path of the page, e.g. `/recaps/x/`. */
	page: string;
	/** Gzipped HTML, which carries all of the page's CSS. */
	htmlGzip: number;
	/** Upper bound of the image bytes: the largest candidate of every image. */
	images: number;
	total: number;
	/** Scripts other than JSON-LD data. */
	scripts: number;
	/** Portrait files (every density) with their sizes. */
	portraits: { file: string; bytes: number }[];
}

export interface BudgetProblem {
	page: string;
	budget: string;
	actual: number;
	limit: number;
}

/** Measures every HTML page of a built site. */
export async function measureSite(siteDir: string): Promise<PageWeight[]> {
	const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
	const pages = entries
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
		.map((entry) => path.join(entry.parentPath, entry.name))
		.sort();
	const sizes = new Map<string, number>();
	const sizeOf = async (url: string): Promise<number> => {
		const file = path.join(siteDir, decodeURIComponent(new URL(url, 'https://x/').pathname));
		if (!sizes.has(file)) sizes.set(file, (await stat(file).catch(() => undefined))?.size ?? 0);
		return sizes.get(file)!;
	};
	// One page at a time: parsing thousands of pages at once runs out of heap on a large site.
	const weights: PageWeight[] = [];
	for (const file of pages) weights.push(await measurePage(siteDir, file, sizeOf));
	return weights;
}

async function measurePage(
	siteDir: string,
	file: string,
	sizeOf: (url: string) => Promise<number>,
): Promise<PageWeight> {
	const html = await readFile(file);
	const $ = load(html.toString('utf8'));
	let images = 0;
	const portraits: PageWeight['portraits'] = [];
	for (const img of $('img').toArray()) {
		const candidates = [
			$(img).attr('src') ?? '',
			...($(img).attr('srcset') ?? '')
				.split(/,\s+/)
				.map((candidate) => candidate.trim().split(/\s+/)[0] ?? ''),
		].filter((url) => url.startsWith('/'));
		const bytes = await Promise.all(candidates.map(sizeOf));
		images += Math.max(0, ...bytes);
		if ($(img).closest('.speaker, .person').length > 0) {
			candidates.forEach((url, index) => portraits.push({ file: url, bytes: bytes[index] ?? 0 }));
		}
	}
	const htmlGzip = gzipSync(html, { level: 9 }).length;
	const relative = path.relative(siteDir, file).split(path.sep).join('/');
	return {
		page: `/${relative.replace(/(^|\/)index\.html$/, '$1')}`,
		htmlGzip,
		images,
		total: htmlGzip + images,
		scripts: $('script:not([type="application/ld+json"])').length,
		portraits,
	};
}

/** Every budget a page breaks; `scriptPages` may carry scripts (the search page). */
export function checkBudgets(
	weights: readonly PageWeight[],
	scriptPages: readonly string[] = ['/search/'],
): BudgetProblem[] {
	const problems: BudgetProblem[] = [];
	for (const weight of weights) {
		const over = (budget: string, actual: number, limit: number) => {
			if (actual > limit) problems.push({ page: weight.page, budget, actual, limit });
		};
		over('HTML+CSS (gzip)', weight.htmlGzip, BUDGETS.htmlCssGzipBytes);
		over('total transfer', weight.total, BUDGETS.pageTotalBytes);
		if (!scriptPages.includes(weight.page)) over('client scripts', weight.scripts, 0);
		for (const portrait of weight.portraits) {
			over(`portrait ${portrait.file}`, portrait.bytes, BUDGETS.portraitBytes);
		}
	}
	return problems;
}

/** A markdown table of the weights, largest total first. */
export function renderBudgetReport(weights: readonly PageWeight[]): string {
	const kb = (bytes: number) => (bytes / 1024).toFixed(1);
	const rows = weights
		.toSorted((a, b) => b.total - a.total)
		.map((w) => {
			const largestPortrait = Math.max(0, ...w.portraits.map((p) => p.bytes));
			return `| ${w.page} | ${kb(w.htmlGzip)} | ${kb(w.images)} | ${kb(w.total)} | ${w.portraits.length > 0 ? kb(largestPortrait) : '-'} | ${w.scripts} |`;
		});
	return [
		`Budgets: HTML+CSS <= ${kb(BUDGETS.htmlCssGzipBytes)} KB gzip, portrait <= ${kb(BUDGETS.portraitBytes)} KB, page total <= ${kb(BUDGETS.pageTotalBytes)} KB.`,
		'',
		'| page | HTML+CSS gzip KB | images KB (upper bound) | total KB | largest portrait KB | scripts |',
		'| --- | --: | --: | --: | --: | --: |',
		...rows,
	].join('\n');
}
