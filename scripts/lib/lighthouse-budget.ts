/**
 * The pure half of the Lighthouse budget run (scripts/lighthouse.ts): reading the figures out of a
 * Lighthouse result, medians over runs, the budgets and their evaluation, and the markdown report.
 * No I/O and no Lighthouse import here, so the unit tests cover it without a browser.
 */

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type CategoryId = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<CategoryId, string> = {
	performance: 'performance',
	accessibility: 'accessibility',
	'best-practices': 'best practices',
	seo: 'SEO',
};

export const PRESETS = ['desktop', 'mobile'] as const;
export type PresetId = (typeof PRESETS)[number];

/** The audits behind the metric columns of the report. */
export const METRIC_AUDITS = {
	lcpMs: 'largest-contentful-paint',
	cls: 'cumulative-layout-shift',
	tbtMs: 'total-blocking-time',
	totalBytes: 'total-byte-weight',
} as const;
export type MetricId = keyof typeof METRIC_AUDITS;
const METRIC_IDS = Object.keys(METRIC_AUDITS) as MetricId[];

/** The audits that say where layout shifts come from, kept for any run with a CLS above 0. */
export const LAYOUT_SHIFT_AUDITS = [
	'cumulative-layout-shift',
	'cls-culprits-insight',
	'layout-shifts',
] as const;

// --- The part of a Lighthouse result (LH.Result) this module reads --------------------------------

export interface LhrAudit {
	readonly id: string;
	readonly title: string;
	readonly score: number | null;
	readonly scoreDisplayMode: string;
	readonly displayValue?: string;
	readonly numericValue?: number;
	/** The audit's table, e.g. each shift of `layout-shifts` with the element that moved. */
	readonly details?: unknown;
}

export interface LhrCategory {
	readonly score: number | null;
	readonly auditRefs: readonly {
		readonly id: string;
		readonly weight: number;
		readonly group?: string;
	}[];
}

export interface LhrLike {
	readonly categories: Readonly<Record<string, LhrCategory | undefined>>;
	readonly audits: Readonly<Record<string, LhrAudit | undefined>>;
	readonly runtimeError?: { readonly code: string; readonly message: string };
	readonly runWarnings?: readonly string[];
	readonly environment?: { readonly benchmarkIndex?: number };
}

// --- Figures -------------------------------------------------------------------------------------

/** Category scores on Lighthouse's 0–100 scale; `null` when Lighthouse could not score it. */
export type Scores = Record<CategoryId, number | null>;

/** LCP and TBT in milliseconds, CLS unitless, total byte weight in bytes. */
export type Metrics = Record<MetricId, number | null>;

export interface FailingAudit {
	id: string;
	title: string;
	/** 0–1, `null` when the audit errored. */
	score: number | null;
	displayValue?: string;
	/** For `layout-shifts`: each element that moved (see `shiftedElements`). */
	shifted?: string[];
}

export interface RunSummary {
	scores: Scores;
	metrics: Metrics;
	/** Per category, the audits that did not pass (see `failingAudits`). */
	failing: Record<CategoryId, FailingAudit[]>;
	/** When CLS is not 0: the layout-shift audits (whatever their score), to find the shifts. */
	layoutShifts: FailingAudit[];
	/** Set when Lighthouse could not audit the page at all (e.g. NO_FCP, an HTTP error). */
	runtimeError?: string;
	warnings: string[];
	/** Lighthouse's CPU benchmark during the run (higher is faster); `null` if not reported. */
	benchmarkIndex: number | null;
}

export interface Aggregate {
	/** Median over the runs (`null` if any run had no score). */
	scores: Scores;
	/** Median over the runs (`null` if any run had no value). */
	metrics: Metrics;
	/** The largest CLS of all runs: the CLS budget holds for every run, not for the median. */
	maxCls: number | null;
}

export interface PageResult {
	preset: PresetId;
	page: string;
	runs: RunSummary[];
	aggregate: Aggregate;
}

/** Median of a non-empty list; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
	if (values.length === 0) throw new RangeError('median() needs at least one value');
	if (values.some((value) => Number.isNaN(value))) throw new RangeError('median() got NaN');
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const upper = sorted[middle] as number;
	return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

/** `median`, or `null` when any value is missing (a run that could not measure it). */
function medianOrNull(values: readonly (number | null)[]): number | null {
	const present = values.filter((value): value is number => value !== null);
	return present.length === values.length && present.length > 0 ? median(present) : null;
}

const IGNORED_MODES = new Set(['manual', 'notApplicable', 'informative']);

/**
 * The audits of one category a person has to look at, in the category's order: every errored
 * audit, every weighted audit below a full score (those are what cost points), and every
 * unweighted one Lighthouse's own report shows as failed (score below 0.9: the performance
 * insights and diagnostics that explain a weak metric). Manual, not-applicable and informative
 * audits, and those in the report's hidden group, are left out.
 */
export function failingAudits(lhr: LhrLike, category: CategoryId): FailingAudit[] {
	const failing: FailingAudit[] = [];
	for (const ref of lhr.categories[category]?.auditRefs ?? []) {
		const audit = lhr.audits[ref.id];
		if (!audit || ref.group === 'hidden' || IGNORED_MODES.has(audit.scoreDisplayMode)) continue;
		const fails =
			audit.scoreDisplayMode === 'error' ||
			audit.score === null ||
			audit.score < (ref.weight > 0 ? 1 : 0.9);
		if (!fails) continue;
		failing.push({
			id: audit.id,
			title: audit.title,
			score: audit.score,
			...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
		});
	}
	return failing;
}

/** The figures of one Lighthouse run. */
export function summarizeRun(lhr: LhrLike): RunSummary {
	const scores = {} as Scores;
	const failing = {} as Record<CategoryId, FailingAudit[]>;
	for (const category of CATEGORIES) {
		const score = lhr.categories[category]?.score;
		scores[category] = typeof score === 'number' ? Math.round(score * 100) : null;
		// After a runtime error every audit has errored: listing them all would say nothing.
		failing[category] = lhr.runtimeError ? [] : failingAudits(lhr, category);
	}
	const metrics = {} as Metrics;
	for (const metric of METRIC_IDS) {
		const value = lhr.audits[METRIC_AUDITS[metric]]?.numericValue;
		metrics[metric] = typeof value === 'number' && Number.isFinite(value) ? value : null;
	}
	const layoutShifts: FailingAudit[] = [];
	if (metrics.cls !== 0 && !lhr.runtimeError) {
		for (const id of LAYOUT_SHIFT_AUDITS) {
			const audit = lhr.audits[id];
			if (!audit) continue;
			const shifted = shiftedElements(audit);
			layoutShifts.push({
				id: audit.id,
				title: audit.title,
				score: audit.score,
				...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
				...(shifted.length > 0 ? { shifted } : {}),
			});
		}
	}
	return {
		scores,
		metrics,
		failing,
		layoutShifts,
		...(lhr.runtimeError
			? { runtimeError: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` }
			: {}),
		warnings: [...(lhr.runWarnings ?? [])],
		benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
	};
}

/**
 * What moved, from the table of Lighthouse's `layout-shifts` audit: one line per shift, e.g.
 * `` `div.home` at 60,69 1216x1258, shift 0.0068 (Media element lacking an explicit size:
 * `figure > img`) ``, so a shift seen once on a busy machine names its element in the report.
 */
export function shiftedElements(audit: LhrAudit): string[] {
	const lines: string[] = [];
	const { items } = (audit.details ?? {}) as { items?: unknown };
	for (const item of Array.isArray(items) ? (items as unknown[]) : []) {
		const { node, score, subItems } = (item ?? {}) as {
			node?: { selector?: string; boundingRect?: Record<string, number> };
			score?: number;
			subItems?: { items?: { cause?: string; extra?: { selector?: string } }[] };
		};
		if (!node?.selector) continue;
		const box = node.boundingRect;
		const at = box ? ` at ${box.left},${box.top} ${box.width}x${box.height}` : '';
		const shift = typeof score === 'number' ? `, shift ${formatCls(score)}` : '';
		const causes = (subItems?.items ?? [])
			.filter((sub) => sub.cause)
			.map((sub) => `${sub.cause}${sub.extra?.selector ? `: \`${sub.extra.selector}\`` : ''}`);
		lines.push(
			`\`${node.selector}\`${at}${shift}${causes.length ? ` (${causes.join('; ')})` : ''}`,
		);
	}
	return lines;
}

/** Median scores and metrics over the runs of one page, and the largest CLS. */
export function aggregateRuns(runs: readonly RunSummary[]): Aggregate {
	if (runs.length === 0) throw new RangeError('aggregateRuns() needs at least one run');
	const scores = {} as Scores;
	for (const category of CATEGORIES) {
		scores[category] = medianOrNull(runs.map((run) => run.scores[category]));
	}
	const metrics = {} as Metrics;
	for (const metric of METRIC_IDS) {
		metrics[metric] = medianOrNull(runs.map((run) => run.metrics[metric]));
	}
	const cls = runs.map((run) => run.metrics.cls);
	const maxCls = cls.includes(null) ? null : Math.max(...(cls as number[]));
	return { scores, metrics, maxCls };
}

// --- Budgets -------------------------------------------------------------------------------------

export interface Budget {
	preset: PresetId;
	/** Lighthouse runs per page; the scores and metrics are the medians over them. */
	runs: number;
	/** Lowest acceptable (median) score per category, 0–100. */
	minScores: Record<CategoryId, number>;
	/** Highest acceptable CLS, checked in every run. */
	maxCls: number;
}

export const BUDGETS: Record<PresetId, Budget> = {
	desktop: {
		preset: 'desktop',
		runs: 1,
		minScores: { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 },
		maxCls: 0,
	},
	mobile: {
		preset: 'mobile',
		// Five, as Lighthouse's variability guide advises: a median of 5 runs is much steadier than
		// one of 3 on a shared 2-core machine, where a single busy moment can cost 8 points.
		runs: 5,
		minScores: { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 },
		maxCls: 0,
	},
};

/** A failing audit, merged over the runs of a page. */
export interface FailingAuditSummary extends FailingAudit {
	/** In how many of the page's runs it failed (or, for layout shifts, was reported). */
	failedRuns: number;
	runs: number;
}

export interface BudgetFailure {
	preset: PresetId;
	page: string;
	check: CategoryId | 'cls' | 'runtime';
	/** One line saying what is wrong, e.g. `performance 93 < 95 (median of 5 runs)`. */
	message: string;
	/** The audits behind it, worst score first. */
	audits: FailingAuditSummary[];
}

/**
 * Merges the failing audits of several runs: one entry per audit id, with its lowest score (and
 * that run's display value) and in how many runs it failed; sorted by score, then by id.
 */
export function mergeFailingAudits(
	perRun: readonly (readonly FailingAudit[])[],
): FailingAuditSummary[] {
	const merged = new Map<string, FailingAuditSummary>();
	for (const audits of perRun) {
		for (const audit of audits) {
			const known = merged.get(audit.id);
			if (!known) {
				merged.set(audit.id, { ...audit, failedRuns: 1, runs: perRun.length });
				continue;
			}
			known.failedRuns += 1;
			if (audit.shifted) {
				known.shifted = [...new Set([...(known.shifted ?? []), ...audit.shifted])];
			}
			if (rank(audit.score) < rank(known.score)) {
				known.score = audit.score;
				if (audit.displayValue) known.displayValue = audit.displayValue;
				else delete known.displayValue;
			}
		}
	}
	return [...merged.values()].sort(
		(a, b) => rank(a.score) - rank(b.score) || a.id.localeCompare(b.id, 'en'),
	);
}

/** Errored audits (no score) sort before everything else. */
function rank(score: number | null): number {
	return score ?? -1;
}

function runsLabel(count: number): string {
	return count === 1 ? '1 run' : `median of ${count} runs`;
}

/**
 * Every way one page misses its budget; an empty list means it is within budget. A run Lighthouse
 * could not complete fails the page on its own: its scores and metrics are missing, not low.
 */
export function evaluateBudget(result: PageResult, budget: Budget): BudgetFailure[] {
	const expectedRuns = budget.runs * roundsOf(result, budget);
	const base = { preset: result.preset, page: result.page };
	const errored = result.runs
		.map((run, index) => (run.runtimeError ? `run ${index + 1}: ${run.runtimeError}` : ''))
		.filter(Boolean);
	if (errored.length > 0) {
		return [
			{
				...base,
				check: 'runtime',
				message: `Lighthouse could not audit the page (${errored.join('; ')})`,
				audits: [],
			},
		];
	}
	const failures: BudgetFailure[] = [];
	if (result.runs.length !== expectedRuns) {
		failures.push({
			...base,
			check: 'runtime',
			message: `expected ${expectedRuns} run(s), got ${result.runs.length}`,
			audits: [],
		});
	}
	for (const category of CATEGORIES) {
		const score = result.aggregate.scores[category];
		const min = budget.minScores[category];
		if (score !== null && score >= min) continue;
		const shown = score === null ? 'no score' : formatScore(score);
		failures.push({
			...base,
			check: category,
			message: `${CATEGORY_LABELS[category]} ${shown} < ${min} (${runsLabel(result.runs.length)})`,
			audits: mergeFailingAudits(result.runs.map((run) => run.failing[category])),
		});
	}
	const clsByRun = result.runs.map((run) => run.metrics.cls);
	const overCls = clsByRun
		.map((cls, index) => ({ cls, run: index + 1 }))
		.filter(({ cls }) => cls === null || cls > budget.maxCls);
	if (overCls.length > 0) {
		const details = overCls
			.map(({ cls, run }) => `run ${run}: ${cls === null ? 'not measured' : formatCls(cls)}`)
			.join(', ');
		failures.push({
			...base,
			check: 'cls',
			message: `CLS must be ${formatCls(budget.maxCls)} in every run (${details})`,
			audits: mergeFailingAudits(result.runs.map((run) => run.layoutShifts)),
		});
	}
	return failures;
}

/** How many rounds of `budget.runs` a page had: 1, or 2 after a second round. */
function roundsOf(result: PageResult, budget: Budget): number {
	return result.runs.length > budget.runs ? 2 : 1;
}

/**
 * Whether a page gets a second round of runs: only when performance is all that failed. A
 * performance score moves with the machine's load (one busy minute took the recap's mobile median
 * from 100 to 92 on the same build), so the page runs `budget.runs` more times, later, and is
 * judged on the median of all of them. Accessibility, best practices, SEO and CLS do not depend on
 * the load, so their failures stand as they are; a page runs two rounds at most.
 */
export function needsSecondRound(
	result: PageResult,
	budget: Budget,
	failures: readonly BudgetFailure[],
): boolean {
	return (
		roundsOf(result, budget) === 1 &&
		failures.length > 0 &&
		failures.every((failure) => failure.check === 'performance')
	);
}

// --- Report --------------------------------------------------------------------------------------

export function formatScore(score: number | null): string {
	if (score === null) return '–';
	return Number.isInteger(score) ? String(score) : score.toFixed(1);
}

export function formatMs(ms: number | null): string {
	return ms === null ? '–' : String(Math.round(ms));
}

/** CLS as Lighthouse's figure, to at most 4 significant digits, so a tiny shift never shows as 0. */
export function formatCls(cls: number | null): string {
	return cls === null ? '–' : String(Number(cls.toPrecision(4)));
}

/** Bytes as KiB (1024 bytes), one decimal, as Lighthouse's own "Total size was … KiB". */
export function formatKiB(bytes: number | null): string {
	return bytes === null ? '–' : (bytes / 1024).toFixed(1);
}

export function formatAuditScore(score: number | null): string {
	return score === null ? 'error' : String(Number(score.toFixed(2)));
}

export interface MachineNotes {
	cpus: number;
	cpuModel: string;
	/** `os.loadavg()` when the run started and when it ended. */
	loadAverageStart: number[];
	loadAverageEnd: number[];
	node: string;
	chromium: string;
	lighthouse: string;
}

export interface ReportInput {
	machine: MachineNotes;
	results: readonly PageResult[];
	failures: readonly BudgetFailure[];
	durationMs: number;
}

const TABLE_HEADER = [
	'| Page | Perf | A11y | Best practices | SEO | LCP ms | CLS | TBT ms | Total KiB |',
	'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];

function budgetLine(budget: Budget): string {
	const mins = new Set(Object.values(budget.minScores));
	const scores =
		mins.size === 1
			? `${[...mins].join('')} in every category`
			: CATEGORIES.map((c) => `${CATEGORY_LABELS[c]} ≥ ${budget.minScores[c]}`).join(', ');
	return `Budget: ${scores}; CLS ${formatCls(budget.maxCls)} in every run.`;
}

function presetHeading(budget: Budget): string {
	const title = budget.preset === 'desktop' ? 'Desktop' : 'Mobile';
	return budget.runs === 1
		? `## ${title} (1 run per page)`
		: `## ${title} (median of ${budget.runs} runs per page)`;
}

/** A table row; a figure outside its budget gets a ✗. */
export function tableRow(result: PageResult, budget: Budget): string {
	const { scores, metrics, maxCls } = result.aggregate;
	const score = (category: CategoryId) => {
		const value = scores[category];
		const ok = value !== null && value >= budget.minScores[category];
		return ok ? formatScore(value) : `${formatScore(value)} ✗`;
	};
	const clsOk = result.runs.every(
		(run) => run.metrics.cls !== null && run.metrics.cls <= budget.maxCls,
	);
	const cells = [
		`\`${result.page}\``,
		...CATEGORIES.map(score),
		formatMs(metrics.lcpMs),
		clsOk ? formatCls(maxCls) : `${formatCls(maxCls)} ✗`,
		formatMs(metrics.tbtMs),
		formatKiB(metrics.totalBytes),
	];
	return `| ${cells.join(' | ')} |`;
}

/** Markdown for one failing audit, e.g. `` `meta-description` Document does not have … — score 0 ``. */
export function auditLine(audit: FailingAuditSummary): string {
	const parts = [`\`${audit.id}\` ${audit.title}`, `score ${formatAuditScore(audit.score)}`];
	if (audit.displayValue) parts.push(audit.displayValue);
	if (audit.runs > 1) parts.push(`failed in ${audit.failedRuns}/${audit.runs} runs`);
	return parts.join(' — ');
}

/** The tables of every preset that has results. */
export function renderTables(results: readonly PageResult[]): string {
	const sections: string[] = [];
	for (const preset of PRESETS) {
		const rows = results.filter((result) => result.preset === preset);
		if (rows.length === 0) continue;
		const budget = BUDGETS[preset];
		const lines = [presetHeading(budget), '', budgetLine(budget)];
		if (budget.runs > 1) {
			lines.push(
				`Scores, LCP, TBT and total size are medians of the ${budget.runs} runs; CLS is the largest of them.`,
			);
		}
		lines.push('', ...TABLE_HEADER, ...rows.map((row) => tableRow(row, budget)));
		const retried = rows.filter((row) => roundsOf(row, budget) > 1);
		if (retried.length > 0) {
			lines.push(
				'',
				`Second round (performance failed the first ${budget.runs} runs; judged on all ` +
					`${budget.runs * 2}): ${retried.map((row) => `\`${row.page}\``).join(', ')}.`,
			);
		}
		sections.push(lines.join('\n'));
	}
	return sections.join('\n\n');
}

export function renderFailures(failures: readonly BudgetFailure[]): string {
	if (failures.length === 0) return '## Budget: pass\n\nEvery page is within budget.';
	const lines = [`## Budget: ${failures.length} failure${failures.length === 1 ? '' : 's'}`, ''];
	for (const failure of failures) {
		lines.push(`- **${failure.preset} \`${failure.page}\`**: ${failure.message}`);
		for (const audit of failure.audits) {
			lines.push(`  - ${auditLine(audit)}`);
			for (const shift of audit.shifted ?? []) lines.push(`    - moved: ${shift}`);
		}
		if (failure.check !== 'runtime' && failure.check !== 'cls' && failure.audits.length === 0) {
			lines.push('  - (no failing audit recorded for it: see reports/lighthouse.json)');
		}
	}
	return lines.join('\n');
}

/** A warning when the machine was busier than its CPU count: timing figures are then inflated. */
export function busyMachineNote(machine: MachineNotes): string {
	const load = Math.max(machine.loadAverageStart[0] ?? 0, machine.loadAverageEnd[0] ?? 0);
	if (load <= machine.cpus) return '';
	return (
		`**Busy machine**: the 1-minute load reached ${load.toFixed(1)} on ${machine.cpus} CPUs. ` +
		'TBT, LCP and the performance scores are inflated by other work; rerun on a quiet machine ' +
		'before acting on a performance failure.'
	);
}

function benchmarkLine(results: readonly PageResult[]): string {
	const values = results
		.flatMap((result) => result.runs.map((run) => run.benchmarkIndex))
		.filter((value): value is number => value !== null);
	if (values.length === 0) return '';
	const low = Math.round(Math.min(...values));
	const high = Math.round(Math.max(...values));
	return `Lighthouse CPU benchmark (higher is faster): ${low === high ? low : `${low} to ${high}`}.`;
}

export function renderMachine(machine: MachineNotes, durationMs: number): string {
	const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' / ');
	return [
		`Machine: ${machine.cpus} CPU${machine.cpus === 1 ? '' : 's'} (${machine.cpuModel}), ` +
			`load ${load(machine.loadAverageStart)} at the start, ${load(machine.loadAverageEnd)} at the end.`,
		`Node ${machine.node}, ${machine.chromium}, Lighthouse ${machine.lighthouse}; ` +
			`${(durationMs / 1000).toFixed(0)} s in all.`,
	].join('  \n');
}

/** The whole markdown report (reports/lighthouse.md). */
/** Lighthouse's own run warnings (e.g. "the page loaded too slowly"), once each, or ''. */
export function renderWarnings(results: readonly PageResult[]): string {
	const lines: string[] = [];
	for (const result of results) {
		const warnings = new Set(result.runs.flatMap((run) => run.warnings));
		for (const warning of warnings) {
			lines.push(`- ${result.preset} \`${result.page}\`: ${warning.replace(/\s+/g, ' ').trim()}`);
		}
	}
	return lines.length === 0 ? '' : ['## Lighthouse warnings', '', ...lines].join('\n');
}

export function renderMarkdown(input: ReportInput): string {
	const machine = [
		renderMachine(input.machine, input.durationMs),
		benchmarkLine(input.results),
	].filter(Boolean);
	const sections = [
		'# Lighthouse',
		machine.join('  \n'),
		busyMachineNote(input.machine),
		renderTables(input.results),
		renderFailures(input.failures),
		renderWarnings(input.results),
	];
	return sections.filter(Boolean).join('\n\n') + '\n';
}
