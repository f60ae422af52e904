/** Page-weight budgets on the real site (issue 7): what a reader on a phone downloads. */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
	BUDGETS,
	checkBudgets,
	measureSite,
	renderBudgetReport,
	type PageWeight,
} from '../../scripts/lib/budgets.ts';

let weights: PageWeight[];

beforeAll(async () => {
	weights = await measureSite(inject('siteDir'));
});

describe('page budgets on the real site', () => {
	it('holds every budget on every page', () => {
		expect(checkBudgets(weights), renderBudgetReport(weights)).toEqual([]);
	});

	it('measures the recap page, with all nine portraits', () => {
		const recap = weights.find((w) => w.page === '/recaps/ray-day-seattle-2026/');
		expect(recap).toBeDefined();
		expect(recap!.htmlGzip).toBeGreaterThan(1000);
		expect(recap!.images).toBeGreaterThan(0);
		// 9 speakers, each offered at 1x and 2x (src is the 1x candidate again).
		expect(new Set(recap!.portraits.map((p) => p.file)).size).toBe(18);
	});
});

describe('the budget check', () => {
	const page = (changes: Partial<PageWeight>): PageWeight => ({
		page: '/x/',
		htmlGzip: 1000,
		images: 1000,
		total: 2000,
		scripts: 0,
		portraits: [],
		...changes,
	});

	it.each([
		['a heavy page', page({ htmlGzip: BUDGETS.htmlCssGzipBytes + 1 }), 'HTML+CSS (gzip)'],
		['a big page', page({ total: BUDGETS.pageTotalBytes + 1 }), 'total transfer'],
		['a script', page({ scripts: 1 }), 'client scripts'],
		[
			'a big portrait',
			page({ portraits: [{ file: '/_astro/a.webp', bytes: BUDGETS.portraitBytes + 1 }] }),
			'portrait /_astro/a.webp',
		],
	])('reports %s', (_, weight, budget) => {
		expect(checkBudgets([weight]).map((p) => p.budget)).toEqual([budget]);
	});

	it('allows scripts on the search page only', () => {
		expect(checkBudgets([page({ page: '/search/', scripts: 2 })])).toEqual([]);
	});
});
