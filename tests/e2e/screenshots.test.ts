/**
 * Full-page screenshots of the home page and the Seattle recap at phone, tablet and desktop
 * widths, light and dark, for a person to look at: test-output/screenshots/<page>-<width>-<scheme>.png
 * (git-ignored). The test only checks that each is a real PNG of the right width; whether the
 * page looks right is for the eye.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { loadEverything, type ColorScheme } from '../support/page-audit.ts';

const OUT = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));
const PAGES = [
	{ name: 'home', path: '/' },
	{ name: 'recap', path: '/recaps/ray-day-seattle-2026/' },
];
const WIDTHS = [375, 768, 1280];
const SCHEMES: ColorScheme[] = ['light', 'dark'];
const SHOTS = PAGES.flatMap((page) =>
	WIDTHS.flatMap((width) =>
		SCHEMES.map((scheme) => ({
			...page,
			width,
			scheme,
			file: `${page.name}-${width}-${scheme}.png`,
		})),
	),
);

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
	await rm(OUT, { recursive: true, force: true });
	await mkdir(OUT, { recursive: true });
	[browser, server] = await Promise.all([launchChromium(), serveStatic(inject('siteDir'))]);
});

afterAll(async () => {
	await Promise.all([browser?.close(), server?.close()]);
});

/** Width and height from a PNG's IHDR chunk, or undefined if the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
	const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature)) return undefined;
	if (bytes.toString('ascii', 12, 16) !== 'IHDR') return undefined;
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('full-page screenshots', () => {
	it.each(SHOTS)('$file', async ({ path: pagePath, width, scheme, file }) => {
		const context = await browser.newContext({
			viewport: { width, height: 800 },
			colorScheme: scheme,
			deviceScaleFactor: 1,
		});
		try {
			const page = await context.newPage();
			await page.goto(new URL(pagePath.slice(1), server.url).href);
			await loadEverything(page);
			await page.screenshot({
				path: path.join(OUT, file),
				fullPage: true,
				animations: 'disabled',
				caret: 'hide',
			});
		} finally {
			await context.close();
		}

		const bytes = await readFile(path.join(OUT, file));
		expect(bytes.length, `${file} is only ${bytes.length} bytes`).toBeGreaterThan(10 * 1024);
		const size = pngSize(bytes);
		expect(size, `${file} is not a PNG`).toBeDefined();
		expect(size?.width).toBe(width);
		expect(size?.height).toBeGreaterThanOrEqual(800);
	});
});
