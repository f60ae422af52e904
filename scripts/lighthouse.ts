/**
 * `npm run test:lighthouse`: runs Lighthouse on the built site and checks it against the budgets
 * in scripts/lib/lighthouse-budget.ts.
 *
 *   node scripts/lighthouse.ts [--dir dist] [--page /path/ ...] [--preset desktop|mobile ...]
 *                              [--timeout 600]
 *
 * Serves an existing build (it never builds), runs the desktop preset once per page and the mobile
 * preset (Lighthouse's default config, simulated throttling) five times per page, in a fresh
 * headless chromium each time; a page whose performance alone failed runs a second round after
 * the others (`needsSecondRound`). Then it writes reports/lighthouse.json and
 * reports/lighthouse.md and prints the markdown. Progress goes to stderr, the report to stdout.
 *
 * Exit codes: 0 within budget, 1 budget failure, 2 could not run (no build, no chromium, bad
 * arguments, timeout, Lighthouse crash).
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { killAll, launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse, { type Config, type Flags, type Result } from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from './lib/chromium.ts';
import {
	aggregateRuns,
	BUDGETS,
	CATEGORIES,
	evaluateBudget,
	needsSecondRound,
	PRESETS,
	renderMarkdown,
	summarizeRun,
	type BudgetFailure,
	type MachineNotes,
	type PageResult,
	type PresetId,
	type RunSummary,
} from './lib/lighthouse-budget.ts';
import { serveStatic, type StaticServer } from './lib/static-server.ts';

const DEFAULT_PAGES = ['/', '/recaps/ray-day-seattle-2026/'];
const DEFAULT_TIMEOUT_S = 600;
/** The repository root: the default build and the reports live there, whatever the cwd. */
const ROOT = path.resolve(import.meta.dirname, '..');
const REPORTS_DIR = path.join(ROOT, 'reports');

const USAGE = `Usage: node scripts/lighthouse.ts [options]

Runs Lighthouse on an existing build (run \`npm run build\` first) and checks the budgets.

  --dir <folder>      the built site (default: dist)
  --page <path>       a page to audit, repeatable (default: ${DEFAULT_PAGES.join(' ')})
  --preset <name>     desktop or mobile, repeatable (default: both)
  --timeout <s>       give up after this many seconds in all (default: ${DEFAULT_TIMEOUT_S})
  -h, --help          this help`;

/** Chromium flags for every run, on top of chrome-launcher's own defaults. */
const CHROME_FLAGS = [
	'--headless=new',
	...CHROMIUM_ARGS,
	// Belt and braces for a machine without internet: any host name other than the local server
	// fails at once instead of waiting for DNS (the site makes no third-party requests).
	'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** An expected failure (bad arguments, the overall timeout): its message says it all, no stack. */
class UsageError extends Error {}

interface Options {
	dir: string;
	pages: string[];
	presets: PresetId[];
	timeoutMs: number;
}

function parseOptions(argv: string[]): Options | 'help' {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			options: {
				dir: { type: 'string' },
				page: { type: 'string', multiple: true },
				preset: { type: 'string', multiple: true },
				timeout: { type: 'string' },
				help: { type: 'boolean', short: 'h' },
			},
			strict: true,
			allowPositionals: false,
		}).values;
	} catch (error) {
		throw new UsageError(error instanceof Error ? error.message : String(error));
	}
	if (parsed.help) return 'help';
	const pages = parsed.page ?? DEFAULT_PAGES;
	for (const page of pages) {
		if (!page.startsWith('/'))
			throw new UsageError(`--page must be a path from the site root: ${page}`);
	}
	const presets = (parsed.preset ?? [...PRESETS]).map((preset) => {
		if (!(PRESETS as readonly string[]).includes(preset)) {
			throw new UsageError(`--preset must be ${PRESETS.join(' or ')}, not ${preset}`);
		}
		return preset as PresetId;
	});
	const timeoutS = parsed.timeout === undefined ? DEFAULT_TIMEOUT_S : Number(parsed.timeout);
	if (!Number.isFinite(timeoutS) || timeoutS <= 0) {
		throw new UsageError(`--timeout must be a number of seconds, not ${parsed.timeout}`);
	}
	return {
		dir: parsed.dir === undefined ? path.join(ROOT, 'dist') : path.resolve(parsed.dir),
		pages: [...new Set(pages)],
		presets: PRESETS.filter((preset) => presets.includes(preset)),
		timeoutMs: timeoutS * 1000,
	};
}

/** The file the static server will answer `page` with, or undefined (it would be a 404). */
function pageFile(root: string, page: string): string | undefined {
	const candidate = path.join(root, decodeURIComponent(page));
	if (!candidate.startsWith(root)) return undefined;
	const file = page.endsWith('/') ? path.join(candidate, 'index.html') : candidate;
	try {
		if (statSync(file).isFile()) return file;
		if (statSync(path.join(candidate, 'index.html')).isFile()) return candidate;
	} catch {
		return undefined;
	}
	return undefined;
}

/** Everything that has to be closed, whatever happens. */
interface Resources {
	server?: StaticServer;
	chrome?: LaunchedChrome;
	cancelled: boolean;
}

interface RunRecord extends RunSummary {
	run: number;
	durationMs: number;
}

interface PageRecord extends PageResult {
	url: string;
	runs: RunRecord[];
}

function log(message: string): void {
	console.error(message);
}

async function browserVersion(port: number): Promise<string | undefined> {
	try {
		const response = await fetch(`http://127.0.0.1:${port}/json/version`, {
			signal: AbortSignal.timeout(5000),
		});
		const body = (await response.json()) as { Browser?: unknown };
		return typeof body.Browser === 'string' ? body.Browser : undefined;
	} catch {
		return undefined;
	}
}

/** One Lighthouse run in a fresh chromium, closed again whatever happens. */
async function runLighthouse(
	url: string,
	preset: PresetId,
	resources: Resources,
): Promise<{ lhr: Result; browser: string | undefined }> {
	if (resources.cancelled) throw new Error('cancelled');
	const chrome = await launch({
		chromePath: CHROMIUM_PATH,
		chromeFlags: CHROME_FLAGS,
		logLevel: 'error',
	});
	resources.chrome = chrome;
	try {
		const browser = await browserVersion(chrome.port);
		const flags: Flags = {
			port: chrome.port,
			logLevel: 'error',
			output: 'json',
			onlyCategories: [...CATEGORIES],
			// Not used by any of the four categories' scores; saves time and memory on 2 cores.
			disableFullPageScreenshot: true,
		};
		// Mobile is Lighthouse's default config (simulated Moto G Power on slow 4G); desktop is
		// Lighthouse's own desktop preset. Neither is changed here.
		const config: Config | undefined = preset === 'desktop' ? desktopConfig : undefined;
		const result = await lighthouse(url, flags, config);
		if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
		return { lhr: result.lhr, browser };
	} finally {
		chrome.kill();
		resources.chrome = undefined;
	}
}

interface Outcome {
	results: PageRecord[];
	failures: BudgetFailure[];
	chromium: string;
	lighthouseVersion: string;
}

async function audit(options: Options, root: string, resources: Resources): Promise<Outcome> {
	resources.server = await serveStatic(root, { maxLifetimeMs: options.timeoutMs + 60_000 });
	const base = resources.server.url;
	let total = options.presets.reduce(
		(sum, preset) => sum + BUDGETS[preset].runs * options.pages.length,
		0,
	);
	let done = 0;
	let chromium: string | undefined;
	let lighthouseVersion = 'unknown';
	const results: PageRecord[] = [];
	const runPage = async (preset: PresetId, page: string, url: string, runs: RunRecord[]) => {
		const budget = BUDGETS[preset];
		const planned = runs.length + budget.runs;
		for (let run = runs.length + 1; run <= planned; run += 1) {
			done += 1;
			const started = performance.now();
			const { lhr, browser } = await runLighthouse(url, preset, resources);
			const durationMs = Math.round(performance.now() - started);
			chromium ??= browser ?? lhr.environment.hostUserAgent;
			lighthouseVersion = lhr.lighthouseVersion;
			const summary = summarizeRun(lhr);
			runs.push({ run, durationMs, ...summary });
			const scores = CATEGORIES.map((c) => `${c} ${summary.scores[c] ?? '–'}`).join(', ');
			log(
				`[${done}/${total}] ${preset} ${page} run ${run}/${planned}: ${scores}` +
					(summary.runtimeError ? ` (error: ${summary.runtimeError})` : ''),
			);
		}
		return { preset, page, url, runs, aggregate: aggregateRuns(runs) } satisfies PageRecord;
	};
	for (const preset of options.presets) {
		for (const page of options.pages) {
			results.push(await runPage(preset, page, new URL(page.slice(1), base).href, []));
		}
	}
	// Pages whose performance alone failed run a second round, after every page's first
	// (see needsSecondRound); every other result stands.
	for (const [index, result] of results.entries()) {
		const budget = BUDGETS[result.preset];
		if (!needsSecondRound(result, budget, evaluateBudget(result, budget))) continue;
		total += budget.runs;
		log(
			`${result.preset} ${result.page}: performance failed; a second round of ${budget.runs} runs`,
		);
		results[index] = await runPage(result.preset, result.page, result.url, [...result.runs]);
	}
	const failures = results.flatMap((result) => evaluateBudget(result, BUDGETS[result.preset]));
	return { results, failures, chromium: chromium ?? 'unknown', lighthouseVersion };
}

async function writeReports(json: unknown, markdown: string): Promise<string[]> {
	await mkdir(REPORTS_DIR, { recursive: true });
	const jsonPath = path.join(REPORTS_DIR, 'lighthouse.json');
	const mdPath = path.join(REPORTS_DIR, 'lighthouse.md');
	await writeFile(jsonPath, JSON.stringify(json, null, '\t') + '\n');
	await writeFile(mdPath, markdown);
	return [jsonPath, mdPath];
}

async function main(): Promise<number> {
	let options: Options;
	try {
		const parsed = parseOptions(process.argv.slice(2));
		if (parsed === 'help') {
			console.log(USAGE);
			return 0;
		}
		options = parsed;
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		console.error(`${error.message}\n\n${USAGE}`);
		return 2;
	}

	const root = options.dir;
	if (!existsSync(path.join(root, 'index.html'))) {
		console.error(
			`No built site in ${root} (index.html is missing). ` +
				'Run `npm run build` first, or pass --dir <folder> with a build in it.',
		);
		return 2;
	}
	assertChromium();

	// Audit a private copy: a rebuild of dist/ in the same tree during the run (another terminal, an
	// editor's build) would otherwise turn pages into 404s halfway through.
	const snapshot = await mkdtemp(path.join(os.tmpdir(), 'lighthouse-site-'));
	snapshotDir = snapshot;
	try {
		await cp(root, snapshot, { recursive: true });
		const missing = options.pages.filter((page) => !pageFile(snapshot, page));
		if (missing.length > 0) {
			console.error(`These pages are not in the build in ${root}: ${missing.join(', ')}`);
			return 2;
		}
		return await auditAndReport(options, root, snapshot);
	} finally {
		await rm(snapshot, { recursive: true, force: true });
	}
}

/** Runs every audit against the copy in `snapshot`, writes and prints the reports. */
async function auditAndReport(options: Options, root: string, snapshot: string): Promise<number> {
	const startedAt = new Date();
	const started = performance.now();
	const loadAverageStart = os.loadavg();
	const resources: Resources = { cancelled: false };
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => {
			resources.cancelled = true;
			reject(
				new UsageError(
					`Lighthouse did not finish within ${options.timeoutMs / 1000} s; gave up ` +
						'(closed chromium and the server; no report written).',
				),
			);
		}, options.timeoutMs);
	});
	let outcome: Outcome;
	try {
		outcome = await Promise.race([audit(options, snapshot, resources), timeout]);
	} finally {
		clearTimeout(timer);
		resources.cancelled = true;
		resources.chrome?.kill();
		killAll(); // any chromium still being launched when the timeout hit
		await resources.server?.close();
	}
	const durationMs = Math.round(performance.now() - started);

	const cpus = os.cpus();
	const machine: MachineNotes = {
		cpus: cpus.length,
		cpuModel: cpus[0]?.model.trim() ?? 'unknown',
		loadAverageStart,
		loadAverageEnd: os.loadavg(),
		node: process.version,
		chromium: outcome.chromium,
		lighthouse: outcome.lighthouseVersion,
	};
	const markdown = renderMarkdown({
		machine,
		results: outcome.results,
		failures: outcome.failures,
		durationMs,
	});
	const json = {
		generatedAt: startedAt.toISOString(),
		durationMs,
		pass: outcome.failures.length === 0,
		dir: path.relative(ROOT, root) || '.',
		pages: options.pages,
		machine,
		budgets: options.presets.map((preset) => BUDGETS[preset]),
		results: outcome.results,
		failures: outcome.failures,
	};
	const written = await writeReports(json, markdown);
	console.log(markdown);
	log(`Wrote ${written.map((file) => path.relative(process.cwd(), file)).join(' and ')}.`);
	return outcome.failures.length === 0 ? 0 : 1;
}

/** The private copy of the site, removed on the way out (see main). */
let snapshotDir: string | undefined;

for (const [signal, code] of [
	['SIGINT', 130],
	['SIGTERM', 143],
] as const) {
	process.once(signal, () => {
		killAll();
		if (snapshotDir) rmSync(snapshotDir, { recursive: true, force: true });
		process.exit(code);
	});
}

let exitCode = 2;
try {
	exitCode = await main();
} catch (error) {
	if (error instanceof UsageError) console.error(error.message);
	else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
}
// Exit explicitly: a timed-out Lighthouse run may still hold sockets open.
process.exit(exitCode);
