/**
 * Serves the built site with the headers its generated `_headers` file gives each path (the way
 * Netlify and Cloudflare Pages would), loads every page in chromium and fails on any Content
 * Security Policy violation: a `securitypolicyviolation` event or a console message about the
 * policy. The search page is also made to run searches and a filter under its own policy.
 * Fault pages, served under the real policy, show the check catches what it exists for: an
 * inline style, a style attribute or an inline script the policy has no hash for, and the search
 * page under the stricter policy of every other page.
 */
import { readFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { headersForPath, parseHeadersFile, type HeaderRule } from '../../src/lib/headers.ts';
import { listPages } from '../support/page-audit.ts';

const siteDir = inject('siteDir');
const pages = [...(await listPages(siteDir)), '/search/'];
const FAULT = '/recaps/__csp-fault__';

let browser: Browser;
let context: BrowserContext;
let site: StaticServer;
let server: HeaderServer;
let rules: HeaderRule[];

beforeAll(async () => {
	rules = parseHeadersFile(await readFile(path.join(siteDir, '_headers'), 'utf8'));
	const searchHtml = await readFile(path.join(siteDir, 'search/index.html'), 'utf8');
	[browser, site] = await Promise.all([launchChromium(), serveStatic(siteDir)]);
	server = await serveWithHeaders(site.url, rules, {
		[`${FAULT}/style/`]: faultPage('<style>main { outline: 3px solid red; }</style>', '<p>x</p>'),
		[`${FAULT}/attribute/`]: faultPage('', '<p style="color: red">A style attribute</p>'),
		[`${FAULT}/script/`]: faultPage('', '<script>document.title = "ran";</script>'),
		// The real search page, served under the policy every other page gets.
		[`${FAULT}/search/`]: searchHtml,
	});
	context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	// Installed before any page script: collects every violation the page reports.
	await context.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (event) => {
			// blockedURI is "inline" for inline code, else the refused URL.
			seen.push(`${event.effectiveDirective} blocked ${event.blockedURI} on ${event.documentURI}`);
		});
	});
});

afterAll(async () => {
	await Promise.all([browser?.close(), site?.close(), server?.close()]);
});

interface HeaderServer {
	url: string;
	close(): Promise<void>;
}

/**
 * A front for the static server that adds, to every response, the headers the `_headers` rules
 * give its path (serveStatic's own `headers` option is one set for every file), and answers a few
 * extra paths with fixed HTML under those same headers.
 */
async function serveWithHeaders(
	upstream: string,
	headerRules: readonly HeaderRule[],
	extra: Record<string, string>,
): Promise<HeaderServer> {
	const front: Server = createServer((incoming, response) => {
		const target = new URL(incoming.url ?? '/', upstream);
		const { headers } = headersForPath(headerRules, decodeURIComponent(target.pathname));
		const fixed = extra[target.pathname];
		if (fixed !== undefined) {
			response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
			response.end(fixed);
			return;
		}
		const forward = request(target, { method: incoming.method }, (answer) => {
			response.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...headers });
			answer.pipe(response);
		});
		forward.on('error', (error) => {
			response.writeHead(502);
			response.end(String(error));
		});
		forward.end();
	});
	await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
	const address = front.address();
	if (address === null || typeof address === 'string') throw new Error('no port');
	return {
		url: `http://127.0.0.1:${address.port}/`,
		close: () =>
			new Promise((resolve) => {
				front.closeAllConnections();
				front.close(() => resolve());
			}),
	};
}

function faultPage(head: string, body: string): string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fault</title>${head}</head><body><main>${body}</main></body></html>`;
}

interface Visit {
	violations: string[];
	/** The Content-Security-Policy the document was served with. */
	policy: string | undefined;
	status: number | undefined;
}

/** Opens a page, runs `then` on it, and returns every CSP violation it reported. */
async function visit(pathname: string, then?: (page: Page) => Promise<void>): Promise<Visit> {
	const page = await context.newPage();
	const messages: string[] = [];
	page.on('console', (message) => {
		if (/content.security.policy/i.test(message.text()))
			messages.push(`console: ${message.text()}`);
	});
	try {
		const response = await page.goto(new URL(pathname.slice(1), server.url).href, {
			waitUntil: 'load',
		});
		await then?.(page);
		// Violation events are queued tasks: let them run before reading them.
		await page.evaluate(
			() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))),
		);
		const events = await page.evaluate(
			() => (window as unknown as { cspViolations: string[] }).cspViolations,
		);
		return {
			violations: [...events, ...messages],
			policy: (await response?.headerValue('content-security-policy')) ?? undefined,
			status: response?.status(),
		};
	} finally {
		await page.close();
	}
}

async function runSearch(page: Page, action: () => Promise<void>): Promise<void> {
	await page.evaluate(() =>
		document.querySelector('[data-search]')?.removeAttribute('data-search-state'),
	);
	await action();
	await page.waitForSelector('[data-search][data-search-state="done"]', { timeout: 15_000 });
}

describe('every page under the Content-Security-Policy of the generated _headers', () => {
	it('finds the pages, the search page among them', () => {
		expect(pages).toContain('/');
		expect(pages).toContain('/recaps/ray-day-seattle-2026/');
		expect(pages).toContain('/search/');
		expect(pages.length).toBeGreaterThan(20);
	});

	it.each(pages.filter((page) => page !== '/search/'))('%s', async (page) => {
		const { violations, policy, status } = await visit(page);
		expect(status).toBe(200);
		expect(policy).toMatch(/^default-src 'none'; script-src 'none'; style-src /);
		expect(violations).toEqual([]);
	});

	it('the not-found page, served at a missing address', async () => {
		const { violations, status } = await visit('/no-such-page/at/all/');
		expect(status).toBe(404);
		expect(violations).toEqual([]);
	});

	it('/search/ while it runs searches and a filter', async () => {
		const { violations, policy } = await visit('/search/', async (page) => {
			await page.waitForSelector('[data-search][data-search-state="idle"]', { timeout: 15_000 });
			await runSearch(page, () =>
				page.getByLabel('Search recaps, talks and speakers').fill('embedding'),
			);
			expect(await page.locator('[data-search-results] > li').count()).toBeGreaterThan(0);
			await runSearch(page, () => page.getByLabel('Notion', { exact: true }).check());
			expect(await page.locator('[data-search-results] > li').count()).toBeGreaterThan(0);
		});
		expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'.*; connect-src 'self'/);
		expect(violations).toEqual([]);
	});
});

describe('the CSP check catches what it exists for', () => {
	it('reports an inline <style> whose hash is not in the policy', async () => {
		const { violations, policy } = await visit(`${FAULT}/style/`);
		expect(policy).toMatch(/^default-src 'none'; script-src 'none'/);
		expect(violations.join('\n')).toMatch(/^style-src-elem blocked inline on http:.*\/style\/$/m);
		expect(violations.join('\n')).toMatch(
			/^console: Applying inline style violates .*'style-src /m,
		);
	});

	it('reports a style attribute whose hash is not in the policy', async () => {
		const { violations } = await visit(`${FAULT}/attribute/`);
		expect(violations.join('\n')).toMatch(
			/^style-src-attr blocked inline on http:.*\/attribute\/$/m,
		);
	});

	it('reports an inline script on a page with no script allowed', async () => {
		const { violations } = await visit(`${FAULT}/script/`);
		expect(violations.join('\n')).toMatch(/^script-src-elem blocked inline on http:.*\/script\/$/m);
	});

	it('reports the search page under the policy of every other page: its script is refused', async () => {
		const { violations } = await visit(`${FAULT}/search/`);
		expect(violations.join('\n')).toMatch(
			/script-src-elem blocked http:\/\/127\.0\.0\.1:\d+\/_astro\//,
		);
	});
});
