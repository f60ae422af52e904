/**
 * Audits every page of the real site in chromium (see tests/support/page-audit.ts): console
 * errors, failed requests, axe WCAG 2.2 A/AA in light and dark, sideways scrolling at 375 px, one
 * `<h1>`, `lang`, `<title>` and meta description. One test per page; a failure lists every problem.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { auditPage, formatProblems, listPages } from '../support/page-audit.ts';

const siteDir = inject('siteDir');
const pages = await listPages(siteDir);

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
	[browser, server] = await Promise.all([launchChromium(), serveStatic(siteDir)]);
});

afterAll(async () => {
	await Promise.all([browser?.close(), server?.close()]);
});

describe('every page of the real site passes the browser audit', () => {
	it('finds the pages to audit', () => {
		expect(pages).toContain('/');
		expect(pages).toContain('/404.html');
		expect(pages.length).toBeGreaterThanOrEqual(3);
	});

	it.each(pages)('%s', async (page) => {
		const problems = await auditPage(browser, new URL(page.slice(1), server.url).href, {
			label: page,
		});
		expect(problems.length === 0, formatProblems(problems)).toBe(true);
	});

	// How readers actually meet the not-found page: any missing address, answered with HTTP 404.
	// A nested address also shows whether its styles, images and links survive a different base.
	it('the 404 page as served for a missing, nested URL', async () => {
		const missing = '/no-such-page/at/all/';
		const problems = await auditPage(browser, new URL(missing.slice(1), server.url).href, {
			label: `${missing} (the 404 page)`,
			expectedStatus: 404,
		});
		expect(problems.length === 0, formatProblems(problems)).toBe(true);
	});
});
