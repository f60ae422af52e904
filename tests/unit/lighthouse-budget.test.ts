import { describe, expect, it } from 'vitest';
import {
	aggregateRuns,
	auditLine,
	BUDGETS,
	busyMachineNote,
	evaluateBudget,
	failingAudits,
	formatCls,
	formatKiB,
	median,
	mergeFailingAudits,
	needsSecondRound,
	renderFailures,
	renderMarkdown,
	renderTables,
	shiftedElements,
	summarizeRun,
	type Budget,
	type CategoryId,
	type LhrAudit,
	type LhrLike,
	type MachineNotes,
	type PageResult,
	type PresetId,
	type RunSummary,
} from '../../scripts/lib/lighthouse-budget.ts';

// --- Fixtures ------------------------------------------------------------------------------------

interface RunFigures {
	scores?: Partial<Record<CategoryId, number | null>>;
	lcpMs?: number;
	cls?: number;
	tbtMs?: number;
	totalBytes?: number;
	failing?: Partial<RunSummary['failing']>;
	layoutShifts?: RunSummary['layoutShifts'];
	runtimeError?: string;
	warnings?: string[];
	benchmarkIndex?: number;
}

/** A run summary with perfect scores unless told otherwise. */
function run(figures: RunFigures = {}): RunSummary {
	return {
		scores: {
			performance: 100,
			accessibility: 100,
			'best-practices': 100,
			seo: 100,
			...figures.scores,
		},
		metrics: {
			lcpMs: figures.lcpMs ?? 800,
			cls: figures.cls ?? 0,
			tbtMs: figures.tbtMs ?? 0,
			totalBytes: figures.totalBytes ?? 20_480,
		},
		failing: {
			performance: [],
			accessibility: [],
			'best-practices': [],
			seo: [],
			...figures.failing,
		},
		layoutShifts: figures.layoutShifts ?? [],
		...(figures.runtimeError ? { runtimeError: figures.runtimeError } : {}),
		warnings: figures.warnings ?? [],
		benchmarkIndex: figures.benchmarkIndex ?? null,
	};
}

function page(preset: PresetId, path: string, runs: RunSummary[]): PageResult {
	return { preset, page: path, runs, aggregate: aggregateRuns(runs) };
}

function audit(id: string, score: number | null, extra: Partial<LhrAudit> = {}): LhrAudit {
	return { id, title: `Title of ${id}`, score, scoreDisplayMode: 'binary', ...extra };
}

/** `lhr()` with a CLS of `cls` and the given `layout-shifts` audit. */
function shiftingLhr(cls: number, layoutShifts: LhrAudit): LhrLike {
	const base = lhr();
	return {
		...base,
		audits: {
			...base.audits,
			'cumulative-layout-shift': audit('cumulative-layout-shift', 1, {
				scoreDisplayMode: 'numeric',
				numericValue: cls,
				displayValue: String(cls),
			}),
			'layout-shifts': layoutShifts,
		},
	};
}

/** A small Lighthouse result: every category scored 1 unless told otherwise. */
function lhr(overrides: Partial<LhrLike> = {}): LhrLike {
	const ref = (id: string, weight: number, group?: string) => ({
		id,
		weight,
		...(group ? { group } : {}),
	});
	return {
		categories: {
			performance: {
				score: 0.97,
				auditRefs: [
					ref('largest-contentful-paint', 25, 'metrics'),
					ref('cumulative-layout-shift', 25, 'metrics'),
					ref('total-blocking-time', 30, 'metrics'),
					ref('render-blocking-insight', 0, 'insights'),
					ref('cache-insight', 0, 'insights'),
					ref('max-potential-fid', 0, 'hidden'),
					ref('total-byte-weight', 0, 'diagnostics'),
				],
			},
			accessibility: {
				score: 0.93,
				auditRefs: [
					ref('color-contrast', 7),
					ref('image-alt', 10),
					ref('aria-roles', 7),
					ref('focus-traps', 0),
				],
			},
			'best-practices': { score: 1, auditRefs: [ref('errors-in-console', 1)] },
			seo: {
				score: 0.9,
				auditRefs: [ref('meta-description', 1), ref('robots-txt', 1), ref('structured-data', 0)],
			},
		},
		audits: {
			'largest-contentful-paint': audit('largest-contentful-paint', 0.96, {
				scoreDisplayMode: 'numeric',
				numericValue: 2412.6,
				displayValue: '2.4 s',
			}),
			'cumulative-layout-shift': audit('cumulative-layout-shift', 1, {
				scoreDisplayMode: 'numeric',
				numericValue: 0,
				displayValue: '0',
			}),
			'total-blocking-time': audit('total-blocking-time', 1, {
				scoreDisplayMode: 'numeric',
				numericValue: 12,
				displayValue: '10 ms',
			}),
			'render-blocking-insight': audit('render-blocking-insight', 0, {
				scoreDisplayMode: 'metricSavings',
				displayValue: 'Est savings of 300 ms',
			}),
			'cache-insight': audit('cache-insight', 0.95, { scoreDisplayMode: 'metricSavings' }),
			'max-potential-fid': audit('max-potential-fid', 0.2, { scoreDisplayMode: 'numeric' }),
			'total-byte-weight': audit('total-byte-weight', 1, {
				scoreDisplayMode: 'informative',
				numericValue: 70_246,
			}),
			'color-contrast': audit('color-contrast', 0),
			'image-alt': audit('image-alt', 1),
			'aria-roles': audit('aria-roles', null, { scoreDisplayMode: 'notApplicable' }),
			'focus-traps': audit('focus-traps', null, { scoreDisplayMode: 'manual' }),
			'errors-in-console': audit('errors-in-console', 1),
			'meta-description': audit('meta-description', 0),
			'robots-txt': audit('robots-txt', null, {
				scoreDisplayMode: 'error',
				displayValue: 'Lighthouse was unable to download a robots.txt file',
			}),
			'structured-data': audit('structured-data', null, { scoreDisplayMode: 'manual' }),
		},
		runWarnings: [],
		environment: { benchmarkIndex: 2500.5 },
		...overrides,
	};
}

const machine: MachineNotes = {
	cpus: 2,
	cpuModel: 'Test CPU',
	loadAverageStart: [0.5, 0.25, 0.125],
	loadAverageEnd: [1.5, 0.75, 0.5],
	node: 'v24.9.0',
	chromium: 'Chrome/156.0.8078.108',
	lighthouse: '13.5.0',
};

// --- median --------------------------------------------------------------------------------------

describe('median', () => {
	it.each([
		[[3, 1, 2], 2],
		[[100, 94, 99], 99],
		[[95, 95, 40], 95],
		[[0.02, 0, 0], 0],
		[[812.4, 790.1, 1530.9], 812.4],
	])('of %j is %d', (values, expected) => {
		expect(median(values)).toBe(expected);
	});

	it('of one value is that value', () => {
		expect(median([42])).toBe(42);
	});

	it('of an even count is the mean of the two middle values', () => {
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});

	it('leaves its input alone', () => {
		const values = [3, 1, 2];
		median(values);
		expect(values).toEqual([3, 1, 2]);
	});

	it('refuses an empty list and NaN', () => {
		expect(() => median([])).toThrow(RangeError);
		expect(() => median([1, Number.NaN, 2])).toThrow(RangeError);
	});
});

// --- Reading a Lighthouse result -----------------------------------------------------------------

describe('summarizeRun', () => {
	const summary = summarizeRun(lhr());

	it('turns category scores into 0–100', () => {
		expect(summary.scores).toEqual({
			performance: 97,
			accessibility: 93,
			'best-practices': 100,
			seo: 90,
		});
	});

	it('reads LCP, CLS, TBT and total byte weight from their audits', () => {
		expect(summary.metrics).toEqual({ lcpMs: 2412.6, cls: 0, tbtMs: 12, totalBytes: 70_246 });
	});

	it('keeps the CPU benchmark of the run', () => {
		expect(summary.benchmarkIndex).toBe(2500.5);
		expect(summarizeRun(lhr({ environment: {} })).benchmarkIndex).toBeNull();
	});

	it('has no score or metric for what Lighthouse did not measure', () => {
		const broken = summarizeRun(
			lhr({
				categories: { performance: { score: null, auditRefs: [] } },
				audits: {},
				runtimeError: { code: 'NO_FCP', message: 'The page did not paint any content.' },
				runWarnings: ['The page loaded too slowly.'],
			}),
		);
		expect(broken.scores).toEqual({
			performance: null,
			accessibility: null,
			'best-practices': null,
			seo: null,
		});
		expect(broken.metrics).toEqual({ lcpMs: null, cls: null, tbtMs: null, totalBytes: null });
		expect(broken.runtimeError).toBe('NO_FCP: The page did not paint any content.');
		expect(broken.warnings).toEqual(['The page loaded too slowly.']);
	});

	it('lists no failing audits after a runtime error (they have all errored)', () => {
		const errored = summarizeRun(
			lhr({ runtimeError: { code: 'ERRORED_DOCUMENT_REQUEST', message: 'Status code: 404' } }),
		);
		expect(errored.runtimeError).toBe('ERRORED_DOCUMENT_REQUEST: Status code: 404');
		expect(Object.values(errored.failing).flat()).toEqual([]);
	});

	it('keeps the layout-shift audits only when CLS is not 0', () => {
		expect(summary.layoutShifts).toEqual([]);
		const shifted = summarizeRun(
			shiftingLhr(
				0.004,
				audit('layout-shifts', null, {
					scoreDisplayMode: 'informative',
					displayValue: '1 layout shift found',
				}),
			),
		);
		expect(shifted.layoutShifts.map((a) => [a.id, a.displayValue])).toEqual([
			['cumulative-layout-shift', '0.004'],
			['layout-shifts', '1 layout shift found'],
		]);
	});
});

describe('shiftedElements', () => {
	// One item of a real `layout-shifts` audit (Lighthouse 13, desktop `/`, a busy machine).
	const shift = {
		node: {
			type: 'node',
			selector: 'body > main#main > div.home',
			boundingRect: { top: 69, bottom: 1327, left: 60, right: 1276, width: 1216, height: 1258 },
			snippet: '<div class="home">',
		},
		score: 0.0068024321065916,
		subItems: {
			type: 'subitems',
			items: [
				{
					extra: { type: 'node', selector: 'section.latest > article.card > figure > img' },
					cause: 'Media element lacking an explicit size',
				},
			],
		},
	};

	it('names each element that moved, where it ended up, its share and the causes', () => {
		const shifts = audit('layout-shifts', 1, {
			scoreDisplayMode: 'numeric',
			details: { items: [shift, { ...shift, subItems: undefined, score: 0.0001 }] },
		});
		expect(shiftedElements(shifts)).toEqual([
			'`body > main#main > div.home` at 60,69 1216x1258, shift 0.006802 ' +
				'(Media element lacking an explicit size: `section.latest > article.card > figure > img`)',
			'`body > main#main > div.home` at 60,69 1216x1258, shift 0.0001',
		]);
	});

	it('skips items without an element and audits without a table', () => {
		const bare = audit('layout-shifts', 1, { scoreDisplayMode: 'numeric' });
		expect(shiftedElements(bare)).toEqual([]);
		expect(shiftedElements({ ...bare, details: { items: [{ score: 0.1 }, null, 'x'] } })).toEqual(
			[],
		);
	});

	it('travels from a run with CLS above 0 into the failure report, once per element', () => {
		const run = summarizeRun(
			shiftingLhr(
				0.0068,
				audit('layout-shifts', 1, {
					scoreDisplayMode: 'numeric',
					displayValue: '1 layout shift found',
					details: { items: [shift] },
				}),
			),
		);
		const result = page('desktop', '/', [run, run]);
		const failures = evaluateBudget(result, BUDGETS.desktop);
		const report = renderFailures(failures);
		const moved = report.split('\n').filter((line) => line.includes('moved:'));
		expect(moved).toEqual([
			'    - moved: `body > main#main > div.home` at 60,69 1216x1258, shift 0.006802 ' +
				'(Media element lacking an explicit size: `section.latest > article.card > figure > img`)',
		]);
	});
});

describe('failingAudits', () => {
	const result = lhr();

	it('lists weighted audits below a full score and unweighted ones below 0.9', () => {
		expect(failingAudits(result, 'performance')).toEqual([
			{
				id: 'largest-contentful-paint',
				title: 'Title of largest-contentful-paint',
				score: 0.96,
				displayValue: '2.4 s',
			},
			{
				id: 'render-blocking-insight',
				title: 'Title of render-blocking-insight',
				score: 0,
				displayValue: 'Est savings of 300 ms',
			},
		]);
	});

	it('leaves out manual, not-applicable, informative and hidden audits', () => {
		expect(failingAudits(result, 'accessibility').map((a) => a.id)).toEqual(['color-contrast']);
	});

	it('counts an errored audit as failing', () => {
		expect(failingAudits(result, 'seo')).toEqual([
			{ id: 'meta-description', title: 'Title of meta-description', score: 0 },
			{
				id: 'robots-txt',
				title: 'Title of robots-txt',
				score: null,
				displayValue: 'Lighthouse was unable to download a robots.txt file',
			},
		]);
	});

	it('is empty for a clean or missing category', () => {
		expect(failingAudits(result, 'best-practices')).toEqual([]);
		expect(failingAudits({ categories: {}, audits: {} }, 'seo')).toEqual([]);
	});
});

// --- Medians over runs ---------------------------------------------------------------------------

describe('aggregateRuns', () => {
	it('takes the median of 3 for every score and metric, and the largest CLS', () => {
		const aggregate = aggregateRuns([
			run({ scores: { performance: 99 }, lcpMs: 900, cls: 0, tbtMs: 40, totalBytes: 1000 }),
			run({ scores: { performance: 93 }, lcpMs: 1500, cls: 0.002, tbtMs: 0, totalBytes: 1000 }),
			run({ scores: { performance: 97 }, lcpMs: 1000, cls: 0, tbtMs: 10, totalBytes: 1200 }),
		]);
		expect(aggregate.scores.performance).toBe(97);
		expect(aggregate.scores.seo).toBe(100);
		expect(aggregate.metrics).toEqual({ lcpMs: 1000, cls: 0, tbtMs: 10, totalBytes: 1000 });
		expect(aggregate.maxCls).toBe(0.002);
	});

	it('has no figure when a run could not measure it', () => {
		const aggregate = aggregateRuns([run(), run({ scores: { seo: null } }), run()]);
		expect(aggregate.scores.seo).toBeNull();
		expect(aggregate.scores.performance).toBe(100);
	});

	it('needs at least one run', () => {
		expect(() => aggregateRuns([])).toThrow(RangeError);
	});
});

// --- Budgets -------------------------------------------------------------------------------------

describe('the budgets', () => {
	it('are 100 everywhere on desktop, 1 run', () => {
		expect(BUDGETS.desktop.runs).toBe(1);
		expect(Object.values(BUDGETS.desktop.minScores)).toEqual([100, 100, 100, 100]);
		expect(BUDGETS.desktop.maxCls).toBe(0);
	});

	it('are a median of 5 on mobile: performance ≥ 95, the rest 100', () => {
		expect(BUDGETS.mobile).toEqual({
			preset: 'mobile',
			runs: 5,
			minScores: { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 },
			maxCls: 0,
		});
	});
});

describe('evaluateBudget', () => {
	const desktop: Budget = BUDGETS.desktop;
	const mobile: Budget = BUDGETS.mobile;

	it('passes a perfect desktop page', () => {
		expect(evaluateBudget(page('desktop', '/', [run()]), desktop)).toEqual([]);
	});

	it('fails desktop performance at 99 and lists the audits behind it', () => {
		const lcp = {
			id: 'largest-contentful-paint',
			title: 'LCP',
			score: 0.97,
			displayValue: '1.3 s',
		};
		const failures = evaluateBudget(
			page('desktop', '/', [run({ scores: { performance: 99 }, failing: { performance: [lcp] } })]),
			desktop,
		);
		expect(failures).toEqual([
			{
				preset: 'desktop',
				page: '/',
				check: 'performance',
				message: 'performance 99 < 100 (1 run)',
				audits: [{ ...lcp, failedRuns: 1, runs: 1 }],
			},
		]);
	});

	it('passes mobile performance at a median of exactly 95', () => {
		const runs = [90, 95, 100, 93, 97].map((p) => run({ scores: { performance: p } }));
		expect(evaluateBudget(page('mobile', '/', runs), mobile)).toEqual([]);
	});

	it('fails mobile performance at a median of 94, even with two runs at 100', () => {
		const runs = [94, 100, 93, 100, 92].map((p) => run({ scores: { performance: p } }));
		const failures = evaluateBudget(page('mobile', '/', runs), mobile);
		expect(failures.map((f) => [f.check, f.message])).toEqual([
			['performance', 'performance 94 < 95 (median of 5 runs)'],
		]);
	});

	it('judges accessibility, best practices and SEO on the median of 5 too', () => {
		const contrast = { id: 'color-contrast', title: 'Contrast', score: 0 };
		const flaky = [100, 100, 96, 100, 96].map((a) => run({ scores: { accessibility: a } }));
		expect(evaluateBudget(page('mobile', '/', flaky), mobile)).toEqual([]);

		const failing = [96, 96, 100, 96, 100].map((a) =>
			run({
				scores: { accessibility: a },
				failing: { accessibility: a < 100 ? [contrast] : [] },
			}),
		);
		const failures = evaluateBudget(page('mobile', '/x/', failing), mobile);
		expect(failures).toHaveLength(1);
		expect(failures[0]?.message).toBe('accessibility 96 < 100 (median of 5 runs)');
		expect(failures[0]?.audits).toEqual([{ ...contrast, failedRuns: 3, runs: 5 }]);
	});

	it('fails on CLS above 0 in any run, whatever the median', () => {
		const shifts = [{ id: 'layout-shifts', title: 'Avoid large layout shifts', score: null }];
		const runs = [run(), run({ cls: 0.0012, layoutShifts: shifts }), run(), run(), run()];
		const result = page('mobile', '/', runs);
		expect(result.aggregate.metrics.cls).toBe(0);
		const failures = evaluateBudget(result, mobile);
		expect(failures).toEqual([
			{
				preset: 'mobile',
				page: '/',
				check: 'cls',
				message: 'CLS must be 0 in every run (run 2: 0.0012)',
				audits: [{ ...shifts[0], failedRuns: 1, runs: 5 }],
			},
		]);
	});

	it('fails a page Lighthouse could not audit', () => {
		const broken = run({
			runtimeError: 'NO_FCP: The page did not paint any content.',
			scores: { performance: null, accessibility: null, 'best-practices': null, seo: null },
		});
		const runs = [
			run(),
			{ ...broken, metrics: { ...broken.metrics, cls: null } },
			run(),
			run(),
			run(),
		];
		expect(evaluateBudget(page('mobile', '/', runs), mobile)).toEqual([
			{
				preset: 'mobile',
				page: '/',
				check: 'runtime',
				message:
					'Lighthouse could not audit the page (run 2: NO_FCP: The page did not paint any content.)',
				audits: [],
			},
		]);
	});

	it('fails a category Lighthouse could not score', () => {
		const failures = evaluateBudget(
			page('desktop', '/', [run({ scores: { seo: null } })]),
			desktop,
		);
		expect(failures.map((f) => f.message)).toEqual(['SEO no score < 100 (1 run)']);
	});

	it('fails when the number of runs is not the budget’s', () => {
		const failures = evaluateBudget(page('mobile', '/', [run()]), mobile);
		expect(failures.map((f) => f.message)).toEqual(['expected 5 run(s), got 1']);
	});
});

describe('needsSecondRound', () => {
	const mobile: Budget = BUDGETS.mobile;
	const scores = (...performance: number[]) =>
		performance.map((p) => run({ scores: { performance: p } }));
	const judge = (result: PageResult) =>
		needsSecondRound(result, mobile, evaluateBudget(result, mobile));

	it('gives a second round to a page whose performance alone failed', () => {
		expect(judge(page('mobile', '/', scores(100, 92, 90, 91, 93)))).toBe(true);
	});

	it('gives none to a page within budget', () => {
		expect(judge(page('mobile', '/', scores(100, 96, 95, 91, 93)))).toBe(false);
	});

	it('gives none when accessibility or CLS failed too: the load does not change those', () => {
		const inaccessible = scores(90, 90, 90, 90, 90).map((r) => ({
			...r,
			scores: { ...r.scores, accessibility: 95 },
		}));
		expect(judge(page('mobile', '/', inaccessible))).toBe(false);
		const shifted = [...scores(90, 90, 90, 90), run({ scores: { performance: 90 }, cls: 0.01 })];
		expect(judge(page('mobile', '/', shifted))).toBe(false);
	});

	it('gives no third round, and judges the second on the median of all ten runs', () => {
		const ten = page('mobile', '/', scores(100, 92, 90, 91, 93, 100, 99, 100, 98, 100));
		expect(evaluateBudget(ten, mobile)).toEqual([]);
		expect(judge(ten)).toBe(false);
		const stillSlow = page('mobile', '/', scores(100, 92, 90, 91, 93, 94, 92, 100, 93, 90));
		expect(evaluateBudget(stillSlow, mobile).map((f) => f.message)).toEqual([
			'performance 92.5 < 95 (median of 10 runs)',
		]);
		expect(judge(stillSlow)).toBe(false);
	});

	it('is named under the table', () => {
		const ten = page('mobile', '/x/', scores(100, 92, 90, 91, 93, 100, 99, 100, 98, 100));
		expect(renderTables([ten])).toContain(
			'Second round (performance failed the first 5 runs; judged on all 10): `/x/`.',
		);
	});
});

describe('mergeFailingAudits', () => {
	it('keeps one entry per audit with its worst score, counted over the runs', () => {
		const merged = mergeFailingAudits([
			[{ id: 'b', title: 'B', score: 0.8, displayValue: '1.9 s' }],
			[
				{ id: 'b', title: 'B', score: 0.5, displayValue: '2.8 s' },
				{ id: 'a', title: 'A', score: 0.5 },
			],
			[{ id: 'c', title: 'C', score: null }],
		]);
		expect(merged).toEqual([
			{ id: 'c', title: 'C', score: null, failedRuns: 1, runs: 3 },
			{ id: 'a', title: 'A', score: 0.5, failedRuns: 1, runs: 3 },
			{ id: 'b', title: 'B', score: 0.5, displayValue: '2.8 s', failedRuns: 2, runs: 3 },
		]);
	});
});

// --- Report --------------------------------------------------------------------------------------

describe('formatting', () => {
	it.each([
		[0, '0'],
		[0.0012, '0.0012'],
		[0.123456, '0.1235'],
		[null, '–'],
	])('CLS %s is %s', (cls, shown) => {
		expect(formatCls(cls)).toBe(shown);
	});

	it('shows bytes as KiB with one decimal', () => {
		expect(formatKiB(20_685)).toBe('20.2');
		expect(formatKiB(null)).toBe('–');
	});

	it('writes a failing audit as id, title, score, display value and runs', () => {
		expect(
			auditLine({
				id: 'uses-responsive-images',
				title: 'Properly size images',
				score: 0.5,
				displayValue: 'Est savings of 120 KiB',
				failedRuns: 3,
				runs: 3,
			}),
		).toBe(
			'`uses-responsive-images` Properly size images — score 0.5 — Est savings of 120 KiB — failed in 3/3 runs',
		);
		expect(
			auditLine({
				id: 'robots-txt',
				title: 'robots.txt is valid',
				score: null,
				failedRuns: 1,
				runs: 1,
			}),
		).toBe('`robots-txt` robots.txt is valid — score error');
	});
});

describe('renderMarkdown', () => {
	it('renders a table per preset and says when every page is within budget', () => {
		const results = [
			page('desktop', '/', [run({ lcpMs: 244.4, totalBytes: 20_685 })]),
			page('mobile', '/', [
				run({ lcpMs: 910, tbtMs: 0, benchmarkIndex: 2771.5 }),
				run({ lcpMs: 950, tbtMs: 20, benchmarkIndex: 2158 }),
				run({ lcpMs: 890, tbtMs: 10, benchmarkIndex: 2804 }),
				run({ lcpMs: 930, tbtMs: 5, benchmarkIndex: 2500 }),
				run({ lcpMs: 900, tbtMs: 15, benchmarkIndex: 2600 }),
			]),
		];
		expect(renderMarkdown({ machine, results, failures: [], durationMs: 57_400 })).toBe(
			[
				'# Lighthouse',
				'',
				'Machine: 2 CPUs (Test CPU), load 0.50 / 0.25 / 0.13 at the start, 1.50 / 0.75 / 0.50 at the end.  ',
				'Node v24.9.0, Chrome/156.0.8078.108, Lighthouse 13.5.0; 57 s in all.  ',
				'Lighthouse CPU benchmark (higher is faster): 2158 to 2804.',
				'',
				'## Desktop (1 run per page)',
				'',
				'Budget: 100 in every category; CLS 0 in every run.',
				'',
				'| Page | Perf | A11y | Best practices | SEO | LCP ms | CLS | TBT ms | Total KiB |',
				'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
				'| `/` | 100 | 100 | 100 | 100 | 244 | 0 | 0 | 20.2 |',
				'',
				'## Mobile (median of 5 runs per page)',
				'',
				'Budget: performance ≥ 95, accessibility ≥ 100, best practices ≥ 100, SEO ≥ 100; CLS 0 in every run.',
				'Scores, LCP, TBT and total size are medians of the 5 runs; CLS is the largest of them.',
				'',
				'| Page | Perf | A11y | Best practices | SEO | LCP ms | CLS | TBT ms | Total KiB |',
				'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
				'| `/` | 100 | 100 | 100 | 100 | 910 | 0 | 10 | 20.0 |',
				'',
				'## Budget: pass',
				'',
				'Every page is within budget.',
				'',
			].join('\n'),
		);
	});

	it('marks figures outside the budget and lists the failing audits', () => {
		const contrast = {
			id: 'color-contrast',
			title: 'Background and foreground colors do not have a sufficient contrast ratio.',
			score: 0,
		};
		const result = page('desktop', '/recaps/x/', [
			run({
				scores: { accessibility: 96 },
				cls: 0.05,
				failing: { accessibility: [contrast] },
				warnings: ['The tested device appears to have a slower CPU than Lighthouse expects.'],
			}),
		]);
		const failures = evaluateBudget(result, BUDGETS.desktop);
		const markdown = renderMarkdown({ machine, results: [result], failures, durationMs: 9000 });
		expect(markdown).not.toContain('## Mobile');
		expect(markdown).not.toContain('CPU benchmark');
		expect(markdown).toContain(
			'| `/recaps/x/` | 100 | 96 ✗ | 100 | 100 | 800 | 0.05 ✗ | 0 | 20.0 |',
		);
		expect(markdown).toContain(
			[
				'## Budget: 2 failures',
				'',
				'- **desktop `/recaps/x/`**: accessibility 96 < 100 (1 run)',
				'  - `color-contrast` Background and foreground colors do not have a sufficient contrast ratio. — score 0',
				'- **desktop `/recaps/x/`**: CLS must be 0 in every run (run 1: 0.05)',
			].join('\n'),
		);
		expect(markdown).toContain(
			'## Lighthouse warnings\n\n- desktop `/recaps/x/`: The tested device appears to have a slower CPU than Lighthouse expects.\n',
		);
	});
});

describe('busyMachineNote', () => {
	it('is empty while the load stays within the CPU count', () => {
		expect(busyMachineNote(machine)).toBe('');
	});

	it('warns when the 1-minute load went above the CPU count', () => {
		const busy = { ...machine, loadAverageEnd: [20.93, 10.84, 5.11] };
		expect(busyMachineNote(busy)).toMatch(
			/^\*\*Busy machine\*\*: the 1-minute load reached 20\.9 on 2 CPUs\./,
		);
		const markdown = renderMarkdown({ machine: busy, results: [], failures: [], durationMs: 0 });
		expect(markdown).toContain('\n\n**Busy machine**');
	});
});
