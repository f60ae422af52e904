/**
 * Shows that the page audit and the keyboard checks catch each fault they exist for, naming the
 * page and the rule, on a tiny static site of bad pages (tests/fixtures/gates/browser/), and that
 * clean pages pass.
 */
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import {
	auditPage,
	describeProblem,
	focusIndicatorProblems,
	skipLinkProblems,
	tabOrderProblems,
	tabThrough,
	type Problem,
} from '../support/page-audit.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/gates/browser/', import.meta.url));

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
	[browser, server] = await Promise.all([launchChromium(), serveStatic(FIXTURES)]);
});

afterAll(async () => {
	await Promise.all([browser?.close(), server?.close()]);
});

/** Audits a fixture page at the phone width in both schemes (the faults show at any width). */
const audit = (file: string, label = file) =>
	auditPage(browser, new URL(file, server.url).href, { label, widths: [375] });

/** The rules reported, as `kind/rule`, without repeats. */
const rules = (problems: Problem[]) => [...new Set(problems.map((p) => `${p.kind}/${p.rule}`))];

describe('the page audit', () => {
	it('reports nothing for a clean page', async () => {
		const problems = await audit('clean.html');
		expect(problems.map(describeProblem)).toEqual([]);
	});

	it('reports an image without alt text as axe image-alt, naming the page and the image', async () => {
		const problems = await audit('missing-alt.html', 'fixture:missing-alt');
		expect(rules(problems)).toEqual(['axe/image-alt']);
		const [problem] = problems;
		expect(problem?.page).toBe('fixture:missing-alt');
		expect(problem?.message).toContain('critical');
		expect(problem?.message).toContain('`img`');
		expect(problem?.message).toMatch(/Images must have alternative text/i);
		expect(problem?.passes).toEqual(['375px light', '375px dark']);
		expect(describeProblem(problem!)).toMatch(/^fixture:missing-alt: \[axe\/image-alt\]/);
	});

	it('reports a page that scrolls sideways at 375 px, and the element to blame', async () => {
		// Default widths: the page fits at 1280 px, so only the phone passes report it.
		const problems = await auditPage(browser, new URL('wide.html', server.url).href, {
			label: 'wide.html',
		});
		expect(rules(problems)).toEqual(['overflow/horizontal-scroll']);
		expect(problems[0]?.passes).toEqual(['375px light', '375px dark']);
		expect(problems[0]?.page).toBe('wide.html');
		expect(problems[0]?.message).toMatch(/scrolls sideways at 375px: scrollWidth 9\d\dpx/);
		expect(problems[0]?.message).toContain('div');
	});

	it('does not report the same wide page at a width it fits', async () => {
		const problems = await auditPage(browser, new URL('wide.html', server.url).href, {
			widths: [1280],
			schemes: ['light'],
		});
		expect(problems.map(describeProblem)).toEqual([]);
	});

	it('reports a page without an <h1>', async () => {
		const problems = await audit('no-h1.html');
		expect(rules(problems)).toEqual(['structure/h1']);
		expect(problems[0]?.page).toBe('no-h1.html');
		expect(problems[0]?.message).toContain('0 <h1> elements');
	});

	it('reports console errors and uncaught exceptions', async () => {
		const problems = await audit('console-error.html');
		expect(rules(problems).sort()).toEqual(['console/console-error', 'console/page-error']);
		const messages = problems.map(describeProblem).join('\n');
		expect(messages).toContain('console-error.html: [console/console-error]');
		expect(messages).toContain('fixture: something went wrong');
		expect(messages).toContain('fixture: an uncaught failure');
	});

	it('reports a missing image as a failed request, once (not again as a console error)', async () => {
		const problems = await audit('missing-image.html');
		expect(rules(problems)).toEqual(['request/http-error']);
		expect(problems).toHaveLength(1);
		expect(problems[0]?.page).toBe('missing-image.html');
		expect(problems[0]?.message).toMatch(/image http:\/\/127\.0\.0\.1:\d+\/no-such-photo\.jpg/);
		expect(problems[0]?.message).toContain('HTTP 404');
	});

	it('scrolls the page, so a missing lazy image far below the fold is caught too', async () => {
		const problems = await audit('lazy-missing-image.html');
		expect(rules(problems)).toEqual(['request/http-error']);
		expect(problems[0]?.message).toContain('no-such-lazy-photo.jpg');
	});

	it('reports a missing lang, an empty title and a missing description', async () => {
		const problems = await audit('bare.html');
		const found = rules(problems);
		for (const rule of [
			'structure/lang',
			'structure/title',
			'structure/meta-description',
			'axe/html-has-lang',
			'axe/document-title',
		]) {
			expect(found, describeProblem(problems[0]!)).toContain(rule);
		}
	});

	it('catches contrast that fails only in the dark colour scheme', async () => {
		const problems = await audit('dark-contrast.html');
		expect(rules(problems)).toEqual(['axe/color-contrast']);
		for (const problem of problems) expect(problem.passes).toEqual(['375px dark']);
		expect(problems[0]?.message).toMatch(/#3a3a3a/);
	});

	it('treats a 404 as expected only when asked to, and then reports nothing for it', async () => {
		const missing = new URL('no-such-page/', server.url).href;
		const unexpected = await auditPage(browser, missing, { widths: [375], schemes: ['light'] });
		expect(rules(unexpected)).toContain('status/document-status');
		expect(unexpected.map(describeProblem).join('\n')).toContain('answered HTTP 404, expected 200');

		// The fixture folder has no 404.html, so the server answers a bare "Not found": it has
		// structure problems, but neither the document status nor a failed request is one of them.
		const expected = await auditPage(browser, missing, {
			widths: [375],
			schemes: ['light'],
			expectedStatus: 404,
		});
		const found = rules(expected);
		expect(found).not.toContain('status/document-status');
		expect(found).not.toContain('request/http-error');
		expect(found).not.toContain('console/console-error');
	});
});

describe('the keyboard checks', () => {
	const url = (file: string) => new URL(file, server.url).href;
	/** Every keyboard problem of a fixture page, at the phone width. */
	const keyboard = async (file: string) => {
		const options = { label: file, width: 375 };
		const walk = await tabThrough(browser, url(file), options);
		return [
			...(await skipLinkProblems(browser, url(file), options)),
			...focusIndicatorProblems(walk),
			...tabOrderProblems(walk),
		];
	};

	it('report nothing for a page with a skip link, visible focus and a natural Tab order', async () => {
		const problems = await keyboard('keyboard-clean.html');
		expect(problems.map(describeProblem)).toEqual([]);
		const walk = await tabThrough(browser, url('keyboard-clean.html'));
		expect(walk.stops.map((stop) => stop.name)).toEqual([
			'<a href="#main"> "Skip to content"',
			'<a href="clean.html"> "Home"',
			'<a href="clean.html"> "First link in main"',
			'<a href="wide.html"> "a second"',
			'<button> "A button"',
			'<a href="clean.html"> "Footer link"',
		]);
	});

	it('report a page whose first Tab does not reach a skip link', async () => {
		const problems = await keyboard('keyboard-no-skip-link.html');
		expect(rules(problems)).toEqual(['keyboard/skip-link']);
		expect(describeProblem(problems[0]!)).toMatch(
			/^keyboard-no-skip-link\.html: \[keyboard\/skip-link\] the first Tab focuses <a> "Home"/,
		);
	});

	it('report a skip link whose target does not exist', async () => {
		const problems = await keyboard('keyboard-broken-skip-link.html');
		expect(rules(problems)).toEqual(['keyboard/skip-link']);
		expect(problems[0]?.message).toContain('"#content", which is not an element on the page');
	});

	it('report an element whose focus outline was removed', async () => {
		const problems = await keyboard('keyboard-no-focus-style.html');
		expect(rules(problems)).toEqual(['keyboard/focus-indicator']);
		expect(problems).toHaveLength(1);
		expect(problems[0]?.message).toMatch(
			/^<a href="wide\.html"> "a second" shows no focus indicator/,
		);
	});

	it('report a Tab order that does not follow the DOM (a positive tabindex)', async () => {
		const problems = await keyboard('keyboard-tab-order.html');
		expect(rules(problems)).toContain('keyboard/tab-order');
		expect(problems.map(describeProblem).join('\n')).toContain(
			'stop 1 is <button> "A button" (element 5 in DOM order), expected <a href="#main"> "Skip to content"',
		);
	});

	it('report a focused element that is off-screen', async () => {
		const problems = await keyboard('keyboard-offscreen.html');
		expect(rules(problems)).toEqual(['keyboard/focus-invisible']);
		expect(problems[0]?.message).toMatch(
			/<a href="clean\.html"> "Off-screen link", is focused but it is off-screen/,
		);
	});

	it('report a keyboard trap', async () => {
		const problems = await keyboard('keyboard-trap.html');
		expect(rules(problems)).toContain('keyboard/keyboard-trap');
		expect(rules(problems)).toContain('keyboard/tab-order');
		expect(problems.map(describeProblem).join('\n')).toMatch(/focus never left the page .*<input>/);
	});
});
