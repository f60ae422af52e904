/**
 * The browser audit every page of a built site must pass: no console errors, no failed requests,
 * no WCAG 2.2 A/AA violations that axe-core can find (light and dark colour schemes), no sideways
 * scrolling on a 375 px phone, exactly one `<h1>`, a `lang`, a `<title>` and a meta description.
 * Also the keyboard checks (skip link, visible focus, Tab order) and `listPages`.
 *
 * `auditPage` opens the page in a fresh browser context and audits it once per viewport width and
 * colour scheme (a "pass"), scrolling through it so lazy images load (and their requests count).
 * It returns every problem it saw, each naming the page; the same problem seen in several passes
 * is reported once, with the passes it was seen in.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AxeResults, ImpactValue, RunOptions } from 'axe-core';
import type { Browser, Page, Request } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

/** The axe-core rule tags the site must pass: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export type ColorScheme = 'light' | 'dark';

export type ProblemKind =
	'status' | 'console' | 'request' | 'axe' | 'overflow' | 'structure' | 'timeout' | 'keyboard';

export interface Problem {
	/** The page's label (its path unless the caller gave another). */
	page: string;
	kind: ProblemKind;
	/**
	 * What failed: the axe rule id (`image-alt`, `color-contrast`, …), or one of `document-status`,
	 * `console-error`, `page-error`, `request-failed`, `http-error`, `horizontal-scroll`, `h1`,
	 * `lang`, `title`, `meta-description`, `images-loading`; for keyboard checks `skip-link`,
	 * `focus-indicator`, `tab-order`, `keyboard-trap`, `focus-invisible`.
	 */
	rule: string;
	/** One line for a person, without the page or the passes. */
	message: string;
	/** The passes (e.g. `375px dark`) in which the problem was seen. */
	passes: string[];
}

export interface AuditOptions {
	/** How the page is named in problems. Default: the URL's path. */
	label?: string;
	/**
	 * The HTTP status the page itself must answer with. Default 200. Use 404 to audit the site's
	 * not-found page as served for a missing URL: its 404 is then expected and not a failed request.
	 */
	expectedStatus?: number;
	/** Viewport widths to audit at. Default 375 (phone) and 1280 (desktop). */
	widths?: number[];
	/** Colour schemes to audit in. Default light and dark. */
	schemes?: ColorScheme[];
	/** Viewport height for every pass. Default 800. */
	height?: number;
}

type Found = Omit<Problem, 'page' | 'passes'>;

/** A problem found in one pass (e.g. `375px dark`). */
type Seen = Found & { pass: string };

/** Audits one page; an empty list means it passed. */
export async function auditPage(
	browser: Browser,
	url: string,
	options: AuditOptions = {},
): Promise<Problem[]> {
	const label = options.label ?? new URL(url).pathname;
	const widths = options.widths ?? [375, 1280];
	const schemes = options.schemes ?? ['light', 'dark'];
	const height = options.height ?? 800;
	const seen = await auditInContext(
		browser,
		url,
		{ widths, height, schemes },
		options.expectedStatus ?? 200,
	);
	const byKey = new Map<string, Problem>();
	for (const { pass, ...found } of seen) {
		const key = `${found.rule}\u0000${found.message}`;
		const seen = byKey.get(key);
		if (!seen) byKey.set(key, { page: label, ...found, passes: [pass] });
		else if (!seen.passes.includes(pass)) seen.passes.push(pass);
	}
	return [...byKey.values()];
}

/** One problem as one readable line, naming the page, the rule and the passes. */
export function describeProblem(problem: Problem): string {
	return `${problem.page}: [${problem.kind}/${problem.rule}] ${problem.message} (${problem.passes.join(', ')})`;
}

/** A whole report, one problem a line, or a note that there was nothing to report. */
export function formatProblems(problems: Problem[]): string {
	if (problems.length === 0) return 'no problems';
	return `${problems.length} problem(s):\n${problems.map((p) => `  - ${describeProblem(p)}`).join('\n')}`;
}

/**
 * Opens the page in a fresh context at the first width and scheme, audits it, then resizes the
 * viewport and switches the colour scheme in place for the other passes (a new context and a new
 * axe-core for every pass would cost more than the audit itself). Network and console problems
 * belong to the pass during which they happened.
 */
async function auditInContext(
	browser: Browser,
	url: string,
	{ widths, height, schemes }: { widths: number[]; height: number; schemes: ColorScheme[] },
	expectedStatus: number,
): Promise<Seen[]> {
	const [firstWidth = 375] = widths;
	const [firstScheme = 'light'] = schemes;
	const context = await browser.newContext({
		viewport: { width: firstWidth, height },
		colorScheme: firstScheme,
		deviceScaleFactor: 1,
	});
	const seen: Seen[] = [];
	let pass = `${firstWidth}px ${firstScheme}`;
	const add = (found: Found) => seen.push({ ...found, pass });
	try {
		const page = await context.newPage();
		const documentUrl = new URL(url).href;
		// URLs whose failure was already reported from the network side (or was expected, for the
		// page itself), so chromium's matching "Failed to load resource" console line adds nothing.
		const explainedUrls = new Set<string>();
		const consoleLines: { text: string; url: string; pass: string }[] = [];
		const pending = new Set<Request>();
		const isDocument = (request: Request) =>
			request.isNavigationRequest() && request.frame() === page.mainFrame();

		page.on('console', (message) => {
			if (message.type() === 'error') {
				consoleLines.push({ text: message.text(), url: message.location().url, pass });
			}
		});
		page.on('pageerror', (error) => {
			add({
				kind: 'console',
				rule: 'page-error',
				message: `uncaught ${error.name}: ${error.message}`,
			});
		});
		page.on('request', (request) => pending.add(request));
		page.on('requestfinished', (request) => pending.delete(request));
		page.on('requestfailed', (request) => {
			pending.delete(request);
			explainedUrls.add(request.url());
			add({
				kind: 'request',
				rule: 'request-failed',
				message: `${request.resourceType()} ${request.url()} failed: ${request.failure()?.errorText ?? 'unknown error'}`,
			});
		});
		page.on('response', (response) => {
			const request = response.request();
			const status = response.status();
			if (isDocument(request)) {
				if (status === expectedStatus) explainedUrls.add(response.url());
				return; // The document's own status is checked once, below.
			}
			if (status >= 400) {
				explainedUrls.add(response.url());
				add({
					kind: 'request',
					rule: 'http-error',
					message: `${request.resourceType()} ${response.url()} answered HTTP ${status}`,
				});
			}
		});

		const response = await page.goto(documentUrl, { waitUntil: 'load' });
		const status = response?.status();
		if (status !== expectedStatus) {
			add({
				kind: 'status',
				rule: 'document-status',
				message: `the page answered HTTP ${status ?? 'nothing'}, expected ${expectedStatus}`,
			});
		}
		await page.addScriptTag({ path: AXE_PATH });

		let scheme = firstScheme;
		for (const [widthIndex, width] of widths.entries()) {
			if (widthIndex > 0) await page.setViewportSize({ width, height });
			for (const [schemeIndex, nextScheme] of schemes.entries()) {
				pass = `${width}px ${nextScheme}`;
				if (nextScheme !== scheme) await page.emulateMedia({ colorScheme: nextScheme });
				scheme = nextScheme;
				// The first scheme at each width scrolls through the page (a new width may choose
				// new image sources); later ones only wait for what the new scheme may load.
				await loadEverything(page, { scroll: schemeIndex === 0 });
				if (!(await settle(pending))) {
					add({
						kind: 'timeout',
						rule: 'images-loading',
						message: `requests still pending after 10 s: ${[...pending].map((r) => r.url()).join(', ')}`,
					});
				}
				for (const found of await checkStructure(page)) add(found);
				for (const found of await checkOverflow(page, width)) add(found);
				for (const found of await runAxe(page)) add(found);
			}
		}

		for (const line of consoleLines) {
			const explained =
				line.text.startsWith('Failed to load resource') && explainedUrls.has(line.url);
			if (!explained) {
				seen.push({
					kind: 'console',
					rule: 'console-error',
					message: `console.error: ${line.text}${line.url ? ` (at ${line.url})` : ''}`,
					pass: line.pass,
				});
			}
		}
	} finally {
		await context.close();
	}
	return seen;
}

/**
 * Scrolls through the whole page, a screen at a time, so lazy images come into view and load,
 * then makes any lazy image still not started eager, waits for every image and the fonts, and
 * scrolls back to the top. Used before an audit and before a screenshot.
 */
export async function loadEverything(page: Page, { scroll = true } = {}): Promise<void> {
	await page.evaluate(async (scroll) => {
		// One rendering update per screen is enough for chromium to start the lazy images near
		// it (it loads them well before they scroll into view); any it missed are made eager below.
		const frame = () =>
			new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
		const step = Math.max(200, window.innerHeight);
		for (let y = 0; scroll && y < document.documentElement.scrollHeight; y += step) {
			window.scrollTo({ top: y, behavior: 'instant' });
			await frame();
		}
		for (const img of document.images) {
			if (img.loading === 'lazy' && !img.complete) img.loading = 'eager';
		}
		await Promise.all(
			[...document.images]
				.filter((img) => !img.complete)
				.map(
					(img) =>
						new Promise<void>((resolve) => {
							img.addEventListener('load', () => resolve(), { once: true });
							img.addEventListener('error', () => resolve(), { once: true });
						}),
				),
		);
		await document.fonts.ready;
		window.scrollTo({ top: 0, behavior: 'instant' });
		await frame();
	}, scroll);
}

/** Waits until no request is in flight; false if some still are after `timeoutMs`. */
async function settle(pending: Set<Request>, timeoutMs = 10_000): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	// A short grace period lets network events that raced the page's own callbacks arrive.
	await new Promise((resolve) => setTimeout(resolve, 50));
	while (pending.size > 0) {
		if (Date.now() > deadline) return false;
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
	return true;
}

async function checkStructure(page: Page): Promise<Found[]> {
	const facts = await page.evaluate(() => ({
		h1: document.querySelectorAll('h1').length,
		lang: document.documentElement.getAttribute('lang')?.trim() ?? '',
		title: document.title.trim(),
		description:
			document.querySelector('meta[name="description"]')?.getAttribute('content')?.trim() ?? '',
	}));
	const found: Found[] = [];
	if (facts.h1 !== 1) {
		found.push({
			kind: 'structure',
			rule: 'h1',
			message: `the page has ${facts.h1} <h1> elements; it needs exactly one`,
		});
	}
	if (!facts.lang) {
		found.push({ kind: 'structure', rule: 'lang', message: '<html> has no lang attribute' });
	}
	if (!facts.title) {
		found.push({ kind: 'structure', rule: 'title', message: 'the <title> is missing or empty' });
	}
	if (!facts.description) {
		found.push({
			kind: 'structure',
			rule: 'meta-description',
			message: 'there is no meta description (or it is empty)',
		});
	}
	return found;
}

async function checkOverflow(page: Page, width: number): Promise<Found[]> {
	const overflow = await page.evaluate(() => {
		const root = document.documentElement;
		if (root.scrollWidth <= root.clientWidth) return undefined;
		const name = (element: Element) => {
			const id = element.id ? `#${element.id}` : '';
			const classes = [...element.classList].map((c) => `.${c}`).join('');
			return `${element.tagName.toLowerCase()}${id}${classes}`;
		};
		// The outermost elements sticking out past the right edge: the culprits, not their children.
		const culprits: string[] = [];
		for (const element of document.body.querySelectorAll('*')) {
			const right = element.getBoundingClientRect().right + window.scrollX;
			if (right <= root.clientWidth + 0.5) continue;
			const parent = element.parentElement;
			const parentRight = parent ? parent.getBoundingClientRect().right + window.scrollX : 0;
			if (parent && parent !== document.body && parentRight > root.clientWidth + 0.5) continue;
			culprits.push(`${name(element)} (right edge at ${Math.round(right)}px)`);
			if (culprits.length === 3) break;
		}
		return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits };
	});
	if (!overflow) return [];
	const culprits = overflow.culprits.length ? `; widest: ${overflow.culprits.join(', ')}` : '';
	return [
		{
			kind: 'overflow',
			rule: 'horizontal-scroll',
			message:
				`the page scrolls sideways at ${width}px: scrollWidth ${overflow.scrollWidth}px > ` +
				`clientWidth ${overflow.clientWidth}px${culprits}`,
		},
	];
}

interface AxeNodeReport {
	target: string;
	html: string;
	summary: string;
}

interface AxeViolationReport {
	id: string;
	impact: ImpactValue | undefined;
	help: string;
	nodes: AxeNodeReport[];
}

/** Runs axe-core's WCAG A/AA rules (axe already injected) and returns a problem per element. */
async function runAxe(page: Page): Promise<Found[]> {
	const violations = await page.evaluate(async (tags): Promise<AxeViolationReport[]> => {
		const axe = (
			window as unknown as { axe: { run(c: Document, o: RunOptions): Promise<AxeResults> } }
		).axe;
		const results = await axe.run(document, {
			runOnly: { type: 'tag', values: tags },
			resultTypes: ['violations'],
		});
		return results.violations.map((violation) => ({
			id: violation.id,
			impact: violation.impact ?? undefined,
			help: violation.help,
			nodes: violation.nodes.map((node) => ({
				target: node.target
					.map((part) => (Array.isArray(part) ? part.join(' >> ') : part))
					.join(' '),
				html: node.html.replace(/\s+/g, ' ').trim(),
				summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
			})),
		}));
	}, AXE_TAGS);
	const found: Found[] = [];
	const perRule = 10;
	for (const violation of violations) {
		for (const node of violation.nodes.slice(0, perRule)) {
			found.push({
				kind: 'axe',
				rule: violation.id,
				message:
					`${violation.impact ?? 'unknown'} — ${violation.help} — at \`${node.target}\`` +
					` ${clip(node.html, 120)}` +
					(node.summary ? ` — ${node.summary}` : ''),
			});
		}
		if (violation.nodes.length > perRule) {
			found.push({
				kind: 'axe',
				rule: violation.id,
				message: `… and ${violation.nodes.length - perRule} more element(s) failing ${violation.id}`,
			});
		}
	}
	return found;
}

/**
 * The root-relative URLs of a built site's pages: the `<loc>`s of its sitemap
 * (`sitemap-index.xml`, `sitemap.xml` or `sitemap-0.xml`, following a sitemap index to the
 * sitemaps it lists) when it has one, otherwise
 * every `.html` file (`index.html` as its folder with a trailing slash, `404.html` as `/404.html`).
 * The not-found page is never in a sitemap, so `/404.html` is added whenever the file exists.
 */
export async function listPages(siteDir: string): Promise<string[]> {
	const fromSitemap = await sitemapPaths(siteDir);
	const pages = fromSitemap ?? (await htmlPaths(siteDir));
	const notFound = await stat(path.join(siteDir, '404.html')).catch(() => undefined);
	if (notFound?.isFile() && !pages.includes('/404.html')) pages.push('/404.html');
	return [...new Set(pages)].sort();
}

async function sitemapPaths(siteDir: string): Promise<string[] | undefined> {
	const read = (relative: string) =>
		readFile(path.join(siteDir, relative), 'utf8').catch(() => undefined);
	const locs = (xml: string) =>
		[...xml.matchAll(/<loc>\s*([^<]+?)\s*<\/loc>/g)].map((match) => decodeXml(match[1] ?? ''));
	const toPath = (loc: string) => {
		const url = new URL(loc, 'http://site.invalid/');
		return `${url.pathname}${url.search}`;
	};
	// A sitemap index lists sitemaps; a sitemap lists pages. Either may sit at any of these names.
	const collect = async (file: string, xml: string, depth: number): Promise<string[]> => {
		if (!/<sitemapindex[\s>]/.test(xml)) return locs(xml).map(toPath);
		if (depth > 2) throw new Error(`${file}: sitemap indexes nested too deep`);
		const pages: string[] = [];
		for (const child of locs(xml).map(toPath)) {
			const childXml = await read(decodeURIComponent(child.replace(/^\//, '')));
			if (childXml === undefined) {
				throw new Error(`${file} lists ${child}, which is not in ${siteDir}`);
			}
			pages.push(...(await collect(child, childXml, depth + 1)));
		}
		return pages;
	};
	for (const file of ['sitemap-index.xml', 'sitemap.xml', 'sitemap-0.xml']) {
		const xml = await read(file);
		if (xml !== undefined) return collect(file, xml, 0);
	}
	return undefined;
}

async function htmlPaths(siteDir: string): Promise<string[]> {
	const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
		.map((entry) => {
			const relative = path
				.relative(siteDir, path.join(entry.parentPath, entry.name))
				.split(path.sep)
				.join('/');
			if (relative === 'index.html') return '/';
			if (relative.endsWith('/index.html')) return `/${relative.slice(0, -'index.html'.length)}`;
			return `/${relative}`;
		});
}

function clip(text: string, length: number): string {
	return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function decodeXml(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');
}

// ---------------------------------------------------------------------------------------------
// Keyboard use: the skip link, visible focus, and the Tab order.
// ---------------------------------------------------------------------------------------------

/** What can take keyboard focus (the a11y brief's list plus the other native form controls). */
export const FOCUSABLE =
	'a[href], area[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

export interface KeyboardOptions {
	/** How the page is named in problems. Default: the URL's path. */
	label?: string;
	/** Viewport width. Default 1280. */
	width?: number;
	/** Viewport height. Default 800. */
	height?: number;
}

export interface FocusStyle {
	outlineStyle: string;
	outlineWidth: string;
	outlineColor: string;
	boxShadow: string;
}

export interface Focusable {
	/** Position among the page's focusable elements, in DOM order. */
	index: number;
	name: string;
	/** Computed styles before anything was focused. */
	style: FocusStyle;
}

export interface TabStop {
	/** Position of the focused element among the page's focusable elements, or -1 if not one. */
	index: number;
	name: string;
	/** Why the focused element cannot be seen, or '' when it can. */
	invisible: string;
	focusVisible: boolean;
	style: FocusStyle;
}

export interface TabWalk {
	label: string;
	pass: string;
	focusables: Focusable[];
	stops: TabStop[];
	/** True when focus left the document (or came back round) within the press limit. */
	finished: boolean;
}

async function openForKeyboard(browser: Browser, url: string, options: KeyboardOptions) {
	const width = options.width ?? 1280;
	const context = await browser.newContext({
		viewport: { width, height: options.height ?? 800 },
		// Instant focus scrolling, so where a focused element ends up is measured, not one frame
		// of a smooth scroll.
		reducedMotion: 'reduce',
	});
	const page = await context.newPage();
	await page.goto(url);
	await page.evaluate(() => document.fonts.ready.then(() => undefined));
	return {
		page,
		label: options.label ?? new URL(url).pathname,
		pass: `${width}px`,
		close: () => context.close(),
	};
}

/** Numbers the page's focusable elements in DOM order and records their unfocused styles. */
function markFocusables(page: Page): Promise<Focusable[]> {
	return page.evaluate((selector) => {
		const name = (element: Element) => {
			const tag = element.tagName.toLowerCase();
			const href = element.getAttribute('href');
			const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
			return `<${tag}${href ? ` href="${href}"` : ''}>${text ? ` "${text}"` : ''}`;
		};
		const candidates = [...document.querySelectorAll<HTMLElement>(selector)].filter(
			(element) =>
				!element.matches(':disabled') &&
				!element.closest('[inert]') &&
				element.checkVisibility({ visibilityProperty: true }),
		);
		return candidates.map((element, index) => {
			element.dataset.auditFocusIndex = String(index);
			const style = getComputedStyle(element);
			return {
				index,
				name: name(element),
				style: {
					outlineStyle: style.outlineStyle,
					outlineWidth: style.outlineWidth,
					outlineColor: style.outlineColor,
					boxShadow: style.boxShadow,
				},
			};
		});
	}, FOCUSABLE);
}

/** Describes the focused element: which one, whether it can be seen, its focus styles. */
function focusedStop(page: Page): Promise<TabStop | undefined> {
	return page.evaluate((): TabStop | undefined => {
		const element = document.activeElement;
		if (!(element instanceof HTMLElement) || element === document.body) return undefined;
		const tag = element.tagName.toLowerCase();
		const href = element.getAttribute('href');
		const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
		const name = `<${tag}${href ? ` href="${href}"` : ''}>${text ? ` "${text}"` : ''}`;
		const style = getComputedStyle(element);
		const rect = element.getBoundingClientRect();
		const box = element.getClientRects()[0] ?? rect;
		const viewWidth = document.documentElement.clientWidth;
		const viewHeight = document.documentElement.clientHeight;
		let invisible = '';
		if (rect.width <= 1 || rect.height <= 1) {
			invisible = `it is ${Math.round(rect.width)}×${Math.round(rect.height)} px`;
		} else if (
			rect.right <= 0 ||
			rect.bottom <= 0 ||
			rect.left >= viewWidth ||
			rect.top >= viewHeight
		) {
			invisible =
				`it is off-screen at (${Math.round(rect.left)}, ${Math.round(rect.top)}) ` +
				`in a ${viewWidth}×${viewHeight} viewport`;
		} else if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
			invisible = 'it is transparent or visibility: hidden';
		} else {
			// The middle of its first box, clamped to the viewport, must show the element itself
			// (WCAG 2.4.11, focus not obscured).
			const x = Math.min(Math.max((box.left + box.right) / 2, 1), viewWidth - 1);
			const y = Math.min(Math.max((box.top + box.bottom) / 2, 1), viewHeight - 1);
			const top = document.elementFromPoint(x, y);
			if (top && top !== element && !element.contains(top)) {
				const classes = top.classList.length ? ` class="${[...top.classList].join(' ')}"` : '';
				invisible = `it is covered by <${top.tagName.toLowerCase()}${classes}>`;
			}
		}
		const index = element.dataset.auditFocusIndex;
		return {
			index: index === undefined ? -1 : Number(index),
			name,
			invisible,
			focusVisible: element.matches(':focus-visible'),
			style: {
				outlineStyle: style.outlineStyle,
				outlineWidth: style.outlineWidth,
				outlineColor: style.outlineColor,
				boxShadow: style.boxShadow,
			},
		};
	});
}

/**
 * Opens the page in a fresh context and presses Tab until focus leaves the page or comes back
 * round (at most a few presses more than there are focusable elements), recording every stop.
 */
export async function tabThrough(
	browser: Browser,
	url: string,
	options: KeyboardOptions = {},
): Promise<TabWalk> {
	const { page, label, pass, close } = await openForKeyboard(browser, url, options);
	try {
		const focusables = await markFocusables(page);
		const stops: TabStop[] = [];
		let finished = false;
		for (let press = 0; press < focusables.length + 5; press++) {
			await page.keyboard.press('Tab');
			const stop = await focusedStop(page);
			const wrapped = stop !== undefined && stop.index !== -1 && stop.index === stops[0]?.index;
			if (stop === undefined || (stops.length > 0 && wrapped)) {
				finished = true;
				break;
			}
			stops.push(stop);
		}
		return { label, pass, focusables, stops, finished };
	} finally {
		await close();
	}
}

const showsFocus = (style: FocusStyle) =>
	(style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
	style.boxShadow !== 'none';

const sameStyle = (a: FocusStyle, b: FocusStyle) =>
	a.outlineStyle === b.outlineStyle &&
	a.outlineWidth === b.outlineWidth &&
	a.outlineColor === b.outlineColor &&
	a.boxShadow === b.boxShadow;

const styleText = (style: FocusStyle) =>
	`outline: ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; box-shadow: ${style.boxShadow}`;

/**
 * Every element Tab reached must match `:focus-visible` and show a focus indicator: an outline or
 * a box-shadow that is not `none` and differs from the element's unfocused style.
 */
export function focusIndicatorProblems(walk: TabWalk): Problem[] {
	const problem = (message: string): Problem => ({
		page: walk.label,
		kind: 'keyboard',
		rule: 'focus-indicator',
		message,
		passes: [walk.pass],
	});
	const problems: Problem[] = [];
	for (const stop of walk.stops) {
		const before = walk.focusables[stop.index]?.style;
		if (!stop.focusVisible) problems.push(problem(`${stop.name} does not match :focus-visible`));
		if (!showsFocus(stop.style) || (before !== undefined && sameStyle(before, stop.style))) {
			problems.push(
				problem(
					`${stop.name} shows no focus indicator (unfocused: ${before ? styleText(before) : 'unknown'}` +
						` → focused: ${styleText(stop.style)})`,
				),
			);
		}
	}
	return problems;
}

/**
 * Tab must visit every focusable element exactly once, in DOM order, then leave the page; and
 * every element it focuses must be visible (not zero-size, off-screen, transparent or covered).
 */
export function tabOrderProblems(walk: TabWalk): Problem[] {
	const problem = (rule: string, message: string): Problem => ({
		page: walk.label,
		kind: 'keyboard',
		rule,
		message,
		passes: [walk.pass],
	});
	const problems: Problem[] = [];
	if (!walk.finished) {
		const last = walk.stops
			.slice(-3)
			.map((stop) => stop.name)
			.join(' → ');
		problems.push(
			problem(
				'keyboard-trap',
				`focus never left the page after ${walk.stops.length} presses of Tab; last stops: ${last}`,
			),
		);
	}
	walk.stops.forEach((stop, position) => {
		const expected = walk.focusables[position];
		if (stop.index === -1) {
			problems.push(
				problem('tab-order', `stop ${position + 1} is ${stop.name}, which is not focusable`),
			);
		} else if (stop.index !== position) {
			problems.push(
				problem(
					'tab-order',
					`stop ${position + 1} is ${stop.name} (element ${stop.index + 1} in DOM order), ` +
						`expected ${expected?.name ?? 'focus to leave the page'}`,
				),
			);
		}
		if (stop.invisible) {
			problems.push(
				problem(
					'focus-invisible',
					`stop ${position + 1}, ${stop.name}, is focused but ${stop.invisible}`,
				),
			);
		}
	});
	const reached = new Set(walk.stops.map((stop) => stop.index));
	const skipped = walk.focusables.filter((focusable) => !reached.has(focusable.index));
	if (skipped.length > 0) {
		problems.push(
			problem(
				'tab-order',
				`Tab never reached ${skipped.map((focusable) => focusable.name).join(', ')}`,
			),
		);
	}
	return problems;
}

/**
 * The first Tab must focus a visible "Skip to content" link to an element that exists; Enter on
 * it must move focus into `<main>`, and the next Tab must reach the first focusable element in
 * `<main>` (when there is one).
 */
export async function skipLinkProblems(
	browser: Browser,
	url: string,
	options: KeyboardOptions = {},
): Promise<Problem[]> {
	const { page, label, pass, close } = await openForKeyboard(browser, url, options);
	const problems: Problem[] = [];
	const problem = (message: string) =>
		problems.push({ page: label, kind: 'keyboard', rule: 'skip-link', message, passes: [pass] });
	try {
		await page.keyboard.press('Tab');
		const first = await page.evaluate(() => {
			const element = document.activeElement;
			const rect = element?.getBoundingClientRect();
			const href = element?.getAttribute('href') ?? '';
			const target = href.startsWith('#') ? document.getElementById(href.slice(1)) : null;
			return {
				tag: element?.tagName.toLowerCase() ?? 'nothing',
				text: (element?.textContent ?? '').replace(/\s+/g, ' ').trim(),
				href,
				focusVisible: element?.matches(':focus-visible') ?? false,
				onScreen:
					rect !== undefined &&
					rect.width > 1 &&
					rect.height > 1 &&
					rect.left >= 0 &&
					rect.top >= 0 &&
					rect.right <= document.documentElement.clientWidth &&
					rect.bottom <= document.documentElement.clientHeight,
				target: target ? target.tagName.toLowerCase() : undefined,
			};
		});
		if (first.tag !== 'a' || !/^skip to (main )?content$/i.test(first.text)) {
			problem(`the first Tab focuses <${first.tag}> "${first.text}", not a "Skip to content" link`);
			return problems;
		}
		if (!first.onScreen) problem('the focused skip link is not fully on screen');
		if (!first.focusVisible) problem('the focused skip link does not match :focus-visible');
		if (first.target === undefined) {
			problem(`the skip link points to "${first.href}", which is not an element on the page`);
			return problems;
		}

		await page.keyboard.press('Enter');
		const after = await page.evaluate(() => ({
			inMain: document.querySelector('main')?.contains(document.activeElement) ?? false,
			active: document.activeElement?.tagName.toLowerCase() ?? 'nothing',
		}));
		if (!after.inMain) {
			problem(`activating the skip link leaves focus on <${after.active}>, outside <main>`);
			return problems;
		}

		const firstInMain = await page.evaluate(
			(selector) => document.querySelector(`main :is(${selector})`)?.outerHTML.slice(0, 100),
			FOCUSABLE,
		);
		if (firstInMain !== undefined) {
			await page.keyboard.press('Tab');
			const next = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 100));
			if (next !== firstInMain) {
				problem(`after the skip link, Tab goes to ${next ?? 'nothing'}, not to ${firstInMain}`);
			}
		}
		return problems;
	} finally {
		await close();
	}
}
