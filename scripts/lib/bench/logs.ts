/**
 * Pure parsers for what a measured child leaves behind: GNU time's `-v` report, Astro's build log
 * (which images it encoded and which it copied from the cache) and the runner's result line.
 */
import path from 'node:path';
import { RESULT_MARKER, type RunnerResult } from './protocol.ts';

export interface TimeReport {
	userMs: number;
	sysMs: number;
	maxRssKb: number;
	wallMs: number;
	exitStatus: number | undefined;
}

/** `0:12.34`, `1:02:03.5` -> milliseconds. */
function clockMs(text: string): number {
	const parts = text.trim().split(':').map(Number);
	let seconds = 0;
	for (const part of parts) seconds = seconds * 60 + part;
	return seconds * 1000;
}

/** Reads the fields of `/usr/bin/time -v` the benchmark reports; undefined if any is missing. */
export function parseTimeReport(text: string): TimeReport | undefined {
	const field = (label: string) => {
		const line = text.split('\n').find((l) => l.trim().startsWith(label));
		return line?.slice(line.lastIndexOf(': ') + 2).trim();
	};
	const user = field('User time (seconds)');
	const sys = field('System time (seconds)');
	const rss = field('Maximum resident set size (kbytes)');
	const wall = field('Elapsed (wall clock) time');
	if (user === undefined || sys === undefined || rss === undefined || wall === undefined) {
		return undefined;
	}
	const exit = field('Exit status');
	return {
		userMs: Number(user) * 1000,
		sysMs: Number(sys) * 1000,
		maxRssKb: Number(rss),
		wallMs: clockMs(wall),
		exitStatus: exit === undefined ? undefined : Number(exit),
	};
}

export interface ImageLog {
	/** Output paths Astro encoded in this build (`(before: …, after: …)`). */
	encoded: string[];
	/** Output paths copied from the cache (`(reused cache entry)`, `(revalidated cache entry)`). */
	reused: string[];
}

const IMAGE_LINE = /▶\s+(\/\S+)\s+\((before:|reused cache entry|revalidated cache entry)/;

/** The image lines of an Astro build log: `▶ /_astro/x.webp (before: 9kB, after: 1kB) …`. */
export function parseImageLog(output: string): ImageLog {
	const log: ImageLog = { encoded: [], reused: [] };
	for (const line of output.split('\n')) {
		const match = IMAGE_LINE.exec(line);
		if (!match) continue;
		(match[2] === 'before:' ? log.encoded : log.reused).push(match[1]!);
	}
	return log;
}

/**
 * The log's image lines, with the variants encoded in this build by the build's photo helper
 * (src/integrations/photos-ahead.ts) counted as encoded: Astro logs those as reused, but their
 * cache files are new in this build (`newCacheFiles`, names in the image cache folder).
 */
export function imagesOfBuild(output: string, newCacheFiles: ReadonlySet<string>): ImageLog {
	const log = parseImageLog(output);
	const byHelper = log.reused.filter((file) => newCacheFiles.has(path.posix.basename(file)));
	return {
		encoded: [...log.encoded, ...byHelper],
		reused: log.reused.filter((file) => !newCacheFiles.has(path.posix.basename(file))),
	};
}

/** The runner's `BENCH_RESULT {…}` line, if it got that far. */
export function parseRunnerResult(output: string): RunnerResult | undefined {
	const line = output
		.split('\n')
		.reverse()
		.find((l) => l.startsWith(RESULT_MARKER));
	if (!line) return undefined;
	try {
		return JSON.parse(line.slice(RESULT_MARKER.length)) as RunnerResult;
	} catch {
		return undefined;
	}
}

export interface RouteTime {
	route: string;
	ms: number;
}

const ROUTE_LINE = /[├└]─\s+(\/\S*)\s+\(\+([\d.]+)(ms|s)\)/;

/** Per-route render times of the "generating static routes" phase: `├─ /x/index.html (+3ms)`. */
export function parseRouteTimes(output: string): RouteTime[] {
	const routes: RouteTime[] = [];
	for (const line of output.split('\n')) {
		const match = ROUTE_LINE.exec(line);
		if (!match) continue;
		const value = Number(match[2]);
		routes.push({ route: match[1]!, ms: match[3] === 's' ? value * 1000 : value });
	}
	return routes;
}

/** The class of a route, for the breakdown of where page generation goes. */
export function routeClass(route: string): string {
	if (route.startsWith('/og/')) return 'preview cards (og png)';
	if (/\.(xml|json)$/.test(route) && /(rss|feed)/.test(route)) return 'feeds';
	if (/^\/recaps\/[^/]+\/index\.html$/.test(route)) return 'recap pages';
	if (/^\/recaps\/[^/]+\/[^/]+\/index\.html$/.test(route)) return 'talk pages';
	if (/^\/speakers\/[^/]+\/index\.html$/.test(route)) return 'speaker pages';
	if (/^\/posts\//.test(route)) return 'posts';
	if (route.endsWith('.html')) return 'other pages';
	return 'other files';
}

/** Milliseconds and count per route class. */
export function routeBreakdown(
	routes: readonly RouteTime[],
): Record<string, { count: number; ms: number }> {
	const classes: Record<string, { count: number; ms: number }> = {};
	for (const { route, ms } of routes) {
		const entry = (classes[routeClass(route)] ??= { count: 0, ms: 0 });
		entry.count++;
		entry.ms += ms;
	}
	return classes;
}

export interface BuildPhases {
	/** "[build] Collecting build info…" up to its "✓ Completed in" (content sync, types). */
	buildInfoMs?: number | undefined;
	/** Sum of "[vite] ✓ built in" (bundling the pages and every MDX module). */
	viteMs?: number | undefined;
	/** "generating static routes" up to its "✓ Completed in". */
	routesMs?: number | undefined;
	/** "generating optimized images" up to its "✓ Completed in". */
	imagesMs?: number | undefined;
	/** "[build] N page(s) built in Xs". */
	totalMs?: number | undefined;
	/** N of the same line. */
	pages?: number | undefined;
}

/** Astro's durations: `128ms`, `16.14s`, `1m 36s`. */
export function durationMs(text: string): number | undefined {
	const match = /^(?:(\d+)m\s+)?(?:([\d.]+)(ms|s))?$/.exec(text.trim());
	if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
	const minutes = Number(match[1] ?? 0) * 60_000;
	const rest = match[2] === undefined ? 0 : Number(match[2]) * (match[3] === 'ms' ? 1 : 1000);
	return minutes + rest;
}

const DURATION = '((?:\\d+m\\s+)?(?:[\\d.]+(?:ms|s))?)';

/** The phase durations Astro prints; a phase it did not run (no images) stays undefined. */
export function parsePhases(output: string): BuildPhases {
	const phases: BuildPhases = {};
	let open: 'buildInfoMs' | 'routesMs' | 'imagesMs' | undefined;
	const completed = new RegExp(`✓ Completed in ${DURATION}\\.`);
	const vite = new RegExp(`\\[vite\\] ✓ built in ${DURATION}`);
	const built = new RegExp(`\\[build\\] (\\d+) page\\(s\\) built in ${DURATION}`);
	for (const line of output.split('\n')) {
		if (line.includes('Collecting build info')) open = 'buildInfoMs';
		else if (line.includes('generating static routes')) open = 'routesMs';
		else if (line.includes('generating optimized images')) open = 'imagesMs';
		const done = completed.exec(line);
		if (done && open) {
			// Only the build-info phase reports on a "[build]" line; others' "[build] ✓" is the total.
			if (open === 'buildInfoMs' || !line.includes('[build]')) {
				phases[open] = durationMs(done[1]!);
				open = undefined;
			}
		}
		const bundled = vite.exec(line);
		if (bundled) phases.viteMs = (phases.viteMs ?? 0) + (durationMs(bundled[1]!) ?? 0);
		const total = built.exec(line);
		if (total) {
			phases.pages = Number(total[1]);
			phases.totalMs = durationMs(total[2]!);
		}
	}
	return phases;
}

/** The project's own integrations that logged during a build (`[recap:pagefind]` -> pagefind). */
export function parseIntegrations(output: string): string[] {
	return [...new Set([...output.matchAll(/\[recap:([a-z-]+)\]/g)].map((m) => m[1]!))].sort();
}
