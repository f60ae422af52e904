/**
 * Keyboard use of the home page and the Seattle recap, in chromium, on a desktop and a phone
 * viewport: the first Tab reaches a visible "Skip to content" link that moves focus into
 * `<main>`; every focusable element shows a visible focus indicator; Tab walks the page in DOM
 * order, skipping nothing, never trapped, never focusing something a sighted user cannot see.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import {
	focusIndicatorProblems,
	formatProblems,
	skipLinkProblems,
	tabOrderProblems,
	tabThrough,
	type TabWalk,
} from '../support/page-audit.ts';

const PAGES = [
	{ name: 'home page', path: '/' },
	{ name: 'Seattle recap', path: '/recaps/ray-day-seattle-2026/' },
];
const CASES = PAGES.flatMap((page) => [1280, 375].map((width) => ({ ...page, width })));

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
	[browser, server] = await Promise.all([launchChromium(), serveStatic(inject('siteDir'))]);
});

afterAll(async () => {
	await Promise.all([browser?.close(), server?.close()]);
});

describe.each(CASES)('keyboard use of the $name at $width px', ({ path, width }) => {
	const url = () => new URL(path.slice(1), server.url).href;
	let walk: TabWalk;

	beforeAll(async () => {
		walk = await tabThrough(browser, url(), { label: path, width });
	});

	it('focuses a visible "Skip to content" link first, which moves focus into <main>', async () => {
		const problems = await skipLinkProblems(browser, url(), { label: path, width });
		expect(problems.length === 0, formatProblems(problems)).toBe(true);
	});

	it('shows a visible focus indicator on every focusable element', () => {
		expect(walk.stops.length).toBeGreaterThan(2);
		const problems = focusIndicatorProblems(walk);
		expect(problems.length === 0, formatProblems(problems)).toBe(true);
	});

	it('tabs through every focusable element in DOM order, never trapped, never invisible', () => {
		expect(walk.focusables.length).toBeGreaterThan(2);
		const problems = tabOrderProblems(walk);
		expect(problems.length === 0, formatProblems(problems)).toBe(true);
	});
});
