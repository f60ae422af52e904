/**
 * Nothing on the home page or the Seattle recap moves while the page arrives, in chromium with a
 * desktop browser's classic scrollbars, on Lighthouse's desktop and phone screens: the HTML comes
 * over a slow link in pieces and the CPU is slowed, so chromium paints the page part-parsed, as a
 * reader on a slow phone or network sees it (and as Lighthouse saw it on a busy machine). Every
 * `layout-shift` entry chromium reports counts, with what moved and from where to where.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

const PAGES = [
	{ name: 'home page', path: '/' },
	{ name: 'Seattle recap', path: '/recaps/ray-day-seattle-2026/' },
];
/** Lighthouse's desktop and mobile screens. */
const SCREENS = [
	{ screen: 'desktop', width: 1350, height: 940 },
	{ screen: 'phone', width: 412, height: 823 },
];
const CASES = PAGES.flatMap((page) => SCREENS.map((screen) => ({ ...page, ...screen })));

/** A slow link: 12 KB/s, so a 28 KB page arrives in several pieces, each painted. */
const SLOW_LINK = {
	offline: false,
	latency: 150,
	downloadThroughput: 12 * 1024,
	uploadThroughput: 12 * 1024,
};
const CPU_SLOWDOWN = 4;

interface Shift {
	value: number;
	moved: { node: string; from: string; to: string }[];
}

/** Collects chromium's layout shifts from the first paint on. */
function recordShifts(): void {
	const shifts: Shift[] = [];
	(window as unknown as { layoutShifts: Shift[] }).layoutShifts = shifts;
	const describe = (node: Node | null) => {
		if (!(node instanceof Element)) return String(node?.nodeName ?? 'a node that is gone');
		const classes = [...node.classList].filter((name) => !name.startsWith('astro-')).join('.');
		return `<${node.localName}${node.id ? `#${node.id}` : ''}${classes ? `.${classes}` : ''}>`;
	};
	const rect = (r: DOMRectReadOnly) => `${r.x},${r.y} ${r.width}x${r.height}`;
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries() as (PerformanceEntry & {
			value: number;
			hadRecentInput: boolean;
			sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
		})[]) {
			if (entry.hadRecentInput) continue;
			shifts.push({
				value: entry.value,
				moved: entry.sources.map((source) => ({
					node: describe(source.node),
					from: rect(source.previousRect),
					to: rect(source.currentRect),
				})),
			});
		}
	}).observe({ type: 'layout-shift', buffered: true });
}

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
	[browser, server] = await Promise.all([
		launchChromium({ scrollbars: true }),
		serveStatic(inject('siteDir')),
	]);
});

afterAll(async () => {
	await Promise.all([browser?.close(), server?.close()]);
});

async function loadSlowly(page: Page, url: string): Promise<Shift[]> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', SLOW_LINK);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
	await page.addInitScript(recordShifts);
	await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
	// Shifts are reported after the frame they happen in.
	await page.evaluate(
		() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 200))),
	);
	return page.evaluate(() => (window as unknown as { layoutShifts: Shift[] }).layoutShifts);
}

describe.each(CASES)('the $name on a $screen screen', ({ path, width, height }) => {
	it('does not move while it arrives', { timeout: 90_000 }, async () => {
		const context = await browser.newContext({ viewport: { width, height } });
		try {
			const page = await context.newPage();
			const shifts = await loadSlowly(page, new URL(path.slice(1), server.url).href);
			const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
			const report = shifts
				.map(
					(shift) =>
						`${shift.value.toFixed(4)}: ${shift.moved.map((m) => `${m.node} ${m.from} -> ${m.to}`).join('; ')}`,
				)
				.join('\n');
			expect(total, `layout shifts (CLS ${total.toFixed(4)}):\n${report}`).toBe(0);
		} finally {
			await context.close();
		}
	});
});
