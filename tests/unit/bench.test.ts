/**
 * The pure parts of the build benchmark (scripts/lib/bench): log and time parsers, the variant
 * record, the one-recap edit, the baseline blog, the sharp-service replica, and the acceptance
 * ratios and report; and the card floor, run as the benchmark runs it (a child process, real sharp).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { baselineFiles } from '../../scripts/lib/bench/baseline.ts';
import { planEdit } from '../../scripts/lib/bench/edit.ts';
import { encodeVariant, resolveQuality } from '../../scripts/lib/bench/encode.ts';
import {
	durationMs,
	imagesOfBuild,
	parseImageLog,
	parseIntegrations,
	parsePhases,
	parseRouteTimes,
	parseRunnerResult,
	parseTimeReport,
	routeBreakdown,
	routeClass,
} from '../../scripts/lib/bench/logs.ts';
import type { MachineInfo } from '../../scripts/lib/bench/machine.ts';
import type { Measurement } from '../../scripts/lib/bench/measure.ts';
import { productionEnv } from '../../scripts/lib/bench/measure.ts';
import {
	acceptance,
	coldExcess,
	coldRatioRounds,
	median,
	renderMarkdown,
	threadRow,
	type BenchResults,
	type BuildRecord,
	type FloorRecord,
} from '../../scripts/lib/bench/report.ts';
import { emptyThreadCpu, THREAD_CLASSES } from '../../scripts/lib/bench/threads.ts';
import { variantClass, variantsFromStaticImages } from '../../scripts/lib/bench/variants.ts';
import { planSite } from '../../scripts/lib/synthetic/plan.ts';

const ASTRO_LOG = `
02:49:27 [build] Building static entrypoints...
 generating static routes 
02:49:30   ├─ /og/recaps/example-city-3-2026/keynote.png (+626ms) 
02:49:30   ├─ /feed.json (+5.38s) 
02:49:31   ├─ /recaps/example-city-3-2026/index.html (+40ms) 
02:49:31   ├─ /recaps/example-city-3-2026/keynote/index.html (+12ms) 
02:49:31   └─ /speakers/speaker-1/index.html (+3ms) 
02:49:53 ✓ Completed in 24.59s.

 generating optimized images 
02:49:54   ▶ /_astro/hero.DPXuU_kx_2j6cro.jpg (before: 40kB, after: 20kB) (+51ms) (1/3)
02:49:54   ▶ /_astro/hero.DPXuU_kx_Z1m9jSP.webp (reused cache entry) (+1ms) (2/3)
02:49:54   ▶ /_astro/group.D2L0Bqky_1m5G94.webp (revalidated cache entry) (+1ms) (3/3)
02:50:13 ✓ Completed in 19.15s.

02:50:13 [build] ✓ Completed in 45.76s.
02:50:13 [build] 120 page(s) built in 47.65s
`;

describe('log parsers', () => {
	it('reads GNU time -v', () => {
		const report = parseTimeReport(
			[
				'\tCommand being timed: "node runner.ts job.json"',
				'\tUser time (seconds): 30.83',
				'\tSystem time (seconds): 5.51',
				'\tElapsed (wall clock) time (h:mm:ss or m:ss): 1:02.50',
				'\tMaximum resident set size (kbytes): 968968',
				'\tExit status: 0',
			].join('\n'),
		);
		expect(report).toEqual({
			userMs: 30830,
			sysMs: 5510,
			maxRssKb: 968968,
			wallMs: 62500,
			exitStatus: 0,
		});
		expect(parseTimeReport('nothing here')).toBeUndefined();
	});

	it('splits encoded images from cache hits', () => {
		expect(parseImageLog(ASTRO_LOG)).toEqual({
			encoded: ['/_astro/hero.DPXuU_kx_2j6cro.jpg'],
			reused: ['/_astro/hero.DPXuU_kx_Z1m9jSP.webp', '/_astro/group.D2L0Bqky_1m5G94.webp'],
		});
	});

	it("counts a cache hit on a file new in this build as encoded: the photo helper's work", () => {
		const helperMade = new Set(['hero.DPXuU_kx_Z1m9jSP.webp']);
		expect(imagesOfBuild(ASTRO_LOG, helperMade)).toEqual({
			encoded: ['/_astro/hero.DPXuU_kx_2j6cro.jpg', '/_astro/hero.DPXuU_kx_Z1m9jSP.webp'],
			reused: ['/_astro/group.D2L0Bqky_1m5G94.webp'],
		});
		expect(imagesOfBuild(ASTRO_LOG, new Set())).toEqual(parseImageLog(ASTRO_LOG));
	});

	it('reads per-route times and classes them', () => {
		const routes = parseRouteTimes(ASTRO_LOG);
		expect(routes).toEqual([
			{ route: '/og/recaps/example-city-3-2026/keynote.png', ms: 626 },
			{ route: '/feed.json', ms: 5380 },
			{ route: '/recaps/example-city-3-2026/index.html', ms: 40 },
			{ route: '/recaps/example-city-3-2026/keynote/index.html', ms: 12 },
			{ route: '/speakers/speaker-1/index.html', ms: 3 },
		]);
		expect(routes.map((r) => routeClass(r.route))).toEqual([
			'preview cards (og png)',
			'feeds',
			'recap pages',
			'talk pages',
			'speaker pages',
		]);
		expect(routeBreakdown(routes).feeds).toEqual({ count: 1, ms: 5380 });
		expect(routeClass('/topics/x/rss.xml')).toBe('feeds');
		expect(routeClass('/sitemap.xml')).toBe('other files');
	});

	it("reads Astro's phase durations and page count", () => {
		expect(parsePhases(ASTRO_LOG)).toEqual({
			routesMs: 24590,
			imagesMs: 19150,
			totalMs: 47650,
			pages: 120,
		});
		expect(parsePhases('02:50:13 [build] 3 page(s) built in 900ms').imagesMs).toBeUndefined();
	});

	it("reads Astro's durations, minutes included, and the other phases", () => {
		expect(durationMs('128ms')).toBe(128);
		expect(durationMs('16.14s')).toBe(16140);
		expect(durationMs('1m 36s')).toBe(96000);
		expect(durationMs('soon')).toBeUndefined();
		const log = [
			'03:09:40 [build] Collecting build info...',
			'03:09:40 [build] ✓ Completed in 5.17s.',
			'03:09:52 [vite] ✓ built in 10.07s',
			'03:09:52 [vite] ✓ built in 128ms',
			' generating static routes ',
			'03:07:20 ✓ Completed in 1m 36s.',
			' generating optimized images ',
			'03:09:20 ✓ Completed in 2m 1s.',
			'03:09:21 [build] ✓ Completed in 3m 52s.',
			'03:10:11 [recap:prune-assets] removed 2 unreferenced asset(s)',
			'03:10:13 [recap:pagefind] indexed 1003 page(s) into pagefind/',
			'03:09:31 [build] 1003 page(s) built in 4m 14s',
		].join('\n');
		expect(parsePhases(log)).toEqual({
			buildInfoMs: 5170,
			viteMs: 10198,
			routesMs: 96000,
			imagesMs: 121000,
			totalMs: 254000,
			pages: 1003,
		});
		expect(parseIntegrations(log)).toEqual(['pagefind', 'prune-assets']);
	});

	it("finds the runner's result line", () => {
		const output = `noise\nBENCH_RESULT {"ok":true,"wallMs":5}\n`;
		expect(parseRunnerResult(output)).toMatchObject({ ok: true, wallMs: 5 });
		expect(parseRunnerResult('BENCH_RESULT {broken')).toBeUndefined();
	});
});

describe('the production environment of a measured build', () => {
	it('drops Vite env names and sets NODE_ENV=production', () => {
		const env = productionEnv({ NODE_ENV: 'test', DEV: '1', PROD: '', MODE: 'test', KEEP: 'x' });
		expect(env).toMatchObject({ NODE_ENV: 'production', KEEP: 'x', ASTRO_TELEMETRY_DISABLED: '1' });
		expect(Object.keys(env)).not.toContain('DEV');
		expect(Object.keys(env)).not.toContain('MODE');
	});
});

describe("Astro's image record", () => {
	it('becomes a list of variants with their sources', () => {
		const staticImages = new Map([
			[
				'/_astro/hero.AbC.jpg',
				{
					originalSrcPath: '/site/recaps/x/photos/hero.jpg',
					transforms: new Map([
						[
							'h1',
							{
								finalPath: '/_astro/hero.AbC_2.webp',
								transform: { src: {}, width: 800, format: 'webp', quality: 72 },
							},
						],
						[
							'h2',
							{
								finalPath: '/_astro/hero.AbC_1.jpg',
								transform: { src: {}, width: 1200, format: 'jpg' },
							},
						],
					]),
				},
			],
			['broken', { transforms: 'no' }],
		]);
		const variants = variantsFromStaticImages(staticImages);
		expect(variants).toEqual([
			expect.objectContaining({
				finalPath: '/_astro/hero.AbC_1.jpg',
				width: 1200,
				format: 'jpg',
				quality: undefined,
			}),
			expect.objectContaining({
				finalPath: '/_astro/hero.AbC_2.webp',
				source: '/site/recaps/x/photos/hero.jpg',
				quality: 72,
			}),
		]);
		expect(variants.map(variantClass)).toEqual(['jpg 1200w', 'webp 800w q72']);
		expect(variantsFromStaticImages(undefined)).toEqual([]);
	});
});

describe('the sharp-service replica', () => {
	it('resolves quality names as Astro does', () => {
		expect(resolveQuality(72)).toBe(72);
		expect(resolveQuality('high')).toBe(80);
		expect(resolveQuality('60')).toBe(60);
		expect(resolveQuality(undefined)).toBeUndefined();
	});

	it('resizes without enlarging and writes the asked format', async () => {
		const input = await sharp({
			create: { width: 400, height: 300, channels: 3, background: '#336699' },
		})
			.jpeg()
			.toBuffer();
		const variant = { finalPath: '/x.webp', source: '/x.jpg', format: 'webp', quality: 72 };
		const small = await sharp(await encodeVariant(input, { ...variant, width: 100 })).metadata();
		expect([small.format, small.width, small.height]).toEqual(['webp', 100, 75]);
		const big = await sharp(await encodeVariant(input, { ...variant, width: 1600 })).metadata();
		expect(big.width).toBe(400);
		const avif = await sharp(
			await encodeVariant(input, { ...variant, width: 100 }, { avif: { effort: 0 } }, 'avif'),
		).metadata();
		expect(avif.format).toBe('heif');
	});
});

describe('the one-recap edit', () => {
	it("changes one recap's title, body and hero, and nothing else", () => {
		const plan = planSite({ recaps: 10, seed: 1 });
		const edit = planEdit(plan);
		expect(edit.recapId).toBe('example-city-6-2026');
		expect(edit.textFile).toBe('recaps/example-city-6-2026/index.md');
		expect(edit.newText).toMatch(/title: .*\(updated\)/);
		expect(edit.newText).toContain('Updated after the event');
		expect(edit.photo.path).toBe('recaps/example-city-6-2026/photos/hero.jpg');
		expect(edit.newPhoto).toEqual({ ...edit.photo, seed: expect.any(Number) });
		expect(edit.newPhoto.seed).not.toBe(edit.photo.seed);
	});
});

describe('the markdown baseline', () => {
	it('has one post per page asked for, plus its config and template', () => {
		const files = baselineFiles(25, 1);
		expect(files.filter((file) => file.path.startsWith('posts/'))).toHaveLength(25);
		expect(files.map((file) => file.path)).toEqual(
			expect.arrayContaining([
				'astro.config.mjs',
				'src/content.config.mjs',
				'src/pages/posts/[id].astro',
			]),
		);
		expect(baselineFiles(25, 1)).toEqual(files);
	});
});

describe('acceptance ratios and the report', () => {
	const measurement = (wallMs: number, maxRssKb = 500_000): Measurement => ({
		label: 'x',
		ok: true,
		wallMs,
		userMs: wallMs,
		sysMs: 0,
		cpuMs: wallMs,
		maxRssKb,
		usageSource: 'time -v',
		loadBefore: [1, 1, 1],
		loadAfter: [1.5, 1, 1],
		startedAt: '2026-01-01T00:00:00Z',
		logFile: 'x.log',
	});
	const build = (
		site: BuildRecord['site'],
		size: number,
		phase: string,
		wallMs: number,
	): BuildRecord => ({
		site,
		size,
		phase,
		measurement: measurement(wallMs),
		output: {
			pages: size * 9,
			files: 0,
			totalBytes: 0,
			assets: { webp: { count: 10, bytes: 1 } },
			feeds: { count: 0, bytes: 0 },
			cards: { count: 0, bytes: 0 },
		},
		sourceImages: size * 5,
		encoded: 0,
		reused: 0,
		cardsDrawn: 0,
		phases: {},
		routes: { feeds: { count: 2, ms: 100 } },
	});
	const floor = (mode: string, encodeMs: number): FloorRecord => ({
		size: 100,
		mode,
		measurement: measurement(encodeMs),
		figures: {
			variants: 10,
			encodeMs,
			outputBytes: 1,
			byClass: { 'webp 800w q72': { count: 10, ms: encodeMs, bytes: 1 } },
		},
	});
	const results: Pick<BenchResults, 'builds' | 'floors' | 'edits'> = {
		builds: [
			build('synthetic', 10, 'cold', 20_000),
			build('synthetic', 100, 'cold', 100_000),
			{ ...build('synthetic', 100, 'warm', 500), skipped: true },
			build('synthetic', 100, 'rebuild', 30_000),
			build('baseline', 100, 'cold', 25_000),
			build('baseline', 100, 'warm', 20_000),
		],
		floors: [
			floor('parallel', 60_000),
			floor('sequential', 90_000),
			floor('cards, parallel', 10_000),
			floor('cards, sequential', 15_000),
		],
		edits: [
			{
				size: 100,
				recapId: 'r',
				photo: 'p',
				encodedOfEditedPhoto: 7,
				encodedOfEditedRecapOther: 0,
				encodedElsewhere: [],
				variantsOfEditedPhoto: 7,
				newImageCacheFiles: 7,
				cardsDrawn: 1,
				ok: true,
			},
		],
	};

	it('computes the ratios the issue asks for', () => {
		const ratios = acceptance(results);
		const byName = (start: string) => ratios.find((r) => r.name.startsWith(start))!;
		const photos = 'cold build, 100 recaps, vs sharp floor of the photos';
		const both = 'cold build, 100 recaps, vs sharp floor of the photos and cards';
		expect(byName(`${photos} (parallel)`).value).toBeCloseTo(100 / 85);
		expect(byName(`${photos} (parallel)`).pass).toBe(true);
		expect(byName(`${photos} (sequential)`).value).toBeCloseTo(100 / 115);
		expect(byName(`${both} (parallel)`).value).toBeCloseTo(100 / 95);
		expect(byName(`${both} (parallel)`).detail).toBe('100.0 s / (60.0 s + 10.0 s + 25.0 s)');
		expect(byName(`${both} (sequential)`).value).toBeCloseTo(100 / 130);
		const warm = byName('warm build, 100 recaps, nothing changed, vs markdown baseline (cold):');
		expect(warm.value).toBeCloseTo(0.02);
		expect(warm.pass).toBe(true);
		expect(warm.name).toContain('npm run build found the output current');
		// The forced rebuild is reported beside it, against both baselines, as information.
		expect(byName('forced rebuild (--force), 100 recaps').value).toBeCloseTo(1.2);
		expect(byName('forced rebuild (--force), 100 recaps').pass).toBeUndefined();
		expect(byName('forced rebuild, 100 recaps, vs markdown baseline (warm').value).toBeCloseTo(1.5);
		expect(byName('one-recap edit').pass).toBe(true);
		expect(byName('peak memory').pass).toBeUndefined();
		// In CPU time (here equal to wall): against the sequential floors, judged as the wall
		// ratio is; against the parallel floors, like for like, as information.
		const cpuBoth = 'cold build, 100 recaps, vs sharp floor (photos and cards)';
		const cpu = byName(`${cpuBoth} + markdown baseline, in CPU time`);
		expect(cpu.value).toBeCloseTo(100 / 130);
		expect(cpu.pass).toBe(true);
		const cpuParallel = byName(`${cpuBoth} run in parallel + markdown baseline, in CPU time`);
		expect(cpuParallel.value).toBeCloseTo(100 / 95);
		expect(cpuParallel.pass).toBeUndefined();
		expect(cpuParallel.detail).toBe('100.0 s / (60.0 s + 10.0 s + 25.0 s) CPU');
	});

	it('gives the cold ratio of every complete round, and their median', () => {
		const rounds: Pick<BenchResults, 'builds' | 'floors' | 'edits'> = {
			...results,
			builds: [
				...results.builds,
				build('synthetic', 100, 'cold (round 2)', 80_000),
				build('baseline', 100, 'cold (round 2)', 20_000),
				build('synthetic', 100, 'cold (round 3)', 120_000),
				build('baseline', 100, 'cold (round 3)', 25_000),
				// Round 4 has no floors: it is left out, and the rounds stop there.
				build('synthetic', 100, 'cold (round 4)', 1_000),
				build('baseline', 100, 'cold (round 4)', 1_000),
			],
			floors: [
				...results.floors,
				floor('parallel (round 2)', 50_000),
				floor('cards, parallel (round 2)', 10_000),
				floor('parallel (round 3)', 60_000),
				floor('cards, parallel (round 3)', 10_000),
			],
		};
		expect(coldRatioRounds(rounds, 100)).toEqual([
			{ round: 1, value: 100 / 95 },
			{ round: 2, value: 1 },
			{ round: 3, value: 120 / 95 },
		]);
		const ratio = acceptance(rounds).find((r) => r.name.includes('median of 3 rounds'))!;
		expect(ratio.value).toBeCloseTo(100 / 95);
		expect(ratio.pass).toBe(true);
		expect(ratio.detail).toBe('round 1: 1.053, round 2: 1.000, round 3: 1.263');
		// One round only: no median line.
		expect(acceptance(results).some((r) => r.name.includes('rounds'))).toBe(false);
	});

	it("splits the cold build's time beyond its floors by phase", () => {
		const phased: Pick<BenchResults, 'builds' | 'floors'> = {
			builds: [
				{
					...build('synthetic', 100, 'cold', 100_000),
					phases: { routesMs: 25_000, imagesMs: 65_000 },
				},
				build('baseline', 100, 'cold', 5_000),
				// Astro's log gave no phases: the excess is known, not its split.
				build('synthetic', 100, 'cold (round 2)', 90_000),
				build('baseline', 100, 'cold (round 2)', 5_000),
			],
			floors: [
				floor('parallel', 60_000),
				floor('cards, parallel', 10_000),
				floor('parallel (round 2)', 60_000),
				floor('cards, parallel (round 2)', 10_000),
			],
		};
		const [first, second] = coldExcess(phased, 100);
		expect(first!.round).toBe(1);
		expect(first!.excessMs).toBe(25_000);
		expect(first!.allowedMs).toBeCloseTo(22_500);
		// 100 s - 25 s - 65 s of phases leaves 10 s, against the 5 s baseline.
		expect(first!.startAndEndMs).toBe(5_000);
		expect(first!.routesMs).toBe(15_000);
		expect(first!.imagesMs).toBe(5_000);
		// The parts add up to the excess.
		expect(first!.startAndEndMs! + first!.routesMs! + first!.imagesMs!).toBe(first!.excessMs);
		expect(second).toMatchObject({ round: 2, excessMs: 15_000 });
		expect(second!.routesMs).toBeUndefined();
		expect(second!.startAndEndMs).toBeUndefined();
		expect(coldExcess(phased, 10)).toEqual([]);
	});

	it('takes the middle value, or the mean of the two middle ones', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});

	it("gives a job's CPU by kind of thread in seconds, and what sampling did not see", () => {
		const threads = { ...emptyThreadCpu(), js: 6000, gc: 2000, sharp: 9000, search: 500 };
		const row = threadRow('synthetic 100 cold', { ...measurement(20_000), threads });
		expect(row).toBe(
			`| synthetic 100 cold | 20.0 | 6.0 | 2.0 | 9.0 | 0.0 | 0.0 | 0.5 | 0.0 | 2.5 |`,
		);
		expect(row?.split('|').length).toBe(THREAD_CLASSES.length + 5);
	});

	it('leaves out of that table a job that failed or was not sampled', () => {
		expect(threadRow('x', measurement(20_000))).toBeUndefined();
		expect(
			threadRow('x', { ...measurement(20_000), threads: emptyThreadCpu(), ok: false }),
		).toBeUndefined();
	});

	it('renders every table with the load averages', () => {
		const machine: MachineInfo = {
			cpuModel: 'Example CPU',
			cpus: 2,
			availableParallelism: 2,
			totalMemoryGb: 8,
			os: 'Linux',
			node: 'v24',
			astro: '7.3.5',
			sharp: '0.35.5',
			libvips: '8.17',
			uvThreadpool: '4 (default)',
			sharpConcurrency: 2,
			loadAverage: [0.5, 0.5, 0.5],
			git: 'abc1234',
		};
		const markdown = renderMarkdown({
			...results,
			startedAt: 'a',
			finishedAt: 'b',
			seed: 1,
			texture: 'grain',
			machine,
			generation: [],
			acceptance: acceptance(results),
			notes: ['a note'],
		});
		expect(markdown).toContain('Example CPU × 2');
		expect(markdown).toContain('| synthetic | 100 | cold | 100.0 |');
		expect(markdown).toContain('1.00 1.00 1.00 → 1.50 1.00 1.00');
		expect(markdown).toContain('## Growth with N');
		expect(markdown).toContain('| cold | 10 → 100 | 10.0x | 5.0x |');
		expect(markdown).toContain('webp 800w q72');
		expect(markdown).toContain('## Acceptance (issue 7)');
		expect(markdown).toContain('## The cold build beyond its floors');
		// 100 s against 60 + 10 + 25 s; no phases in this record, so no split.
		expect(markdown).toContain('| 100 | 1 | 5.0 | 28.5 | - | - | - |');
	});
});

describe('the card floor (runner.ts, card-floor job)', () => {
	const runner = fileURLToPath(new URL('../../scripts/lib/bench/runner.ts', import.meta.url));
	const node = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));

	async function run(traceDir: string, mode: 'sequential' | 'parallel') {
		const jobFile = path.join(traceDir, `${mode}.job.json`);
		await writeFile(jobFile, JSON.stringify({ kind: 'card-floor', traceDir, mode }));
		const { stdout } = await promisify(execFile)(node, [runner, jobFile]);
		return parseRunnerResult(stdout)!;
	}

	it("replays each card's SVG and each distinct portrait through sharp", async () => {
		const traceDir = await mkdtemp(path.join(os.tmpdir(), 'card-floor-'));
		try {
			const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><rect width="1200" height="630" fill="#123456"/></svg>`;
			await writeFile(path.join(traceDir, 'card-1.svg'), svg);
			await writeFile(path.join(traceDir, 'card-2.svg'), svg);
			const photo = path.resolve('content/speakers/chi-wang.jpg');
			// Cut twice in the build (evicted, then needed again): one portrait of floor work.
			await writeFile(path.join(traceDir, 'portraits.txt'), `${photo}\n${photo}\n`);

			const sequential = await run(traceDir, 'sequential');
			expect(sequential.ok).toBe(true);
			expect(sequential.floor?.variants).toBe(3);
			expect(sequential.floor?.byClass?.['card 1200x630 png']?.count).toBe(2);
			expect(sequential.floor?.byClass?.['portrait 176x176 png']?.count).toBe(1);
			expect(sequential.floor?.outputBytes).toBeGreaterThan(0);

			const parallel = await run(traceDir, 'parallel');
			expect(parallel.floor?.variants).toBe(3);
			expect(parallel.floor?.outputBytes).toBe(sequential.floor?.outputBytes);
		} finally {
			await rm(traceDir, { recursive: true, force: true });
		}
	});

	it('fails, naming the folder, when the build left no trace', async () => {
		const traceDir = await mkdtemp(path.join(os.tmpdir(), 'card-floor-'));
		await rm(traceDir, { recursive: true });
		const jobDir = await mkdtemp(path.join(os.tmpdir(), 'card-floor-job-'));
		try {
			const jobFile = path.join(jobDir, 'job.json');
			await writeFile(jobFile, JSON.stringify({ kind: 'card-floor', traceDir, mode: 'parallel' }));
			const failed = await promisify(execFile)(node, [runner, jobFile]).catch(
				(error: { stdout: string }) => error,
			);
			const result = parseRunnerResult(failed.stdout);
			expect(result?.ok).toBe(false);
			expect(result?.error).toContain(traceDir);
		} finally {
			await rm(jobDir, { recursive: true, force: true });
		}
	});
});

describe('the command line (scripts/bench.ts)', () => {
	const bench = fileURLToPath(new URL('../../scripts/bench.ts', import.meta.url));
	const node = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));

	/** Runs the benchmark's command; every case here stops before anything is built. */
	async function runBench(...args: string[]) {
		try {
			const { stdout, stderr } = await promisify(execFile)(node, [bench, ...args]);
			return { code: 0, stdout, stderr };
		} catch (error) {
			const failed = error as { code: number; stdout: string; stderr: string };
			return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
		}
	}

	it('prints its options with --help', async () => {
		const { code, stdout } = await runBench('--help');
		expect(code).toBe(0);
		expect(stdout).toMatch(/^Usage: node scripts\/bench\.ts/);
		for (const option of ['--sizes', '--large', '--rounds', '--cold-only', '--no-real']) {
			expect(stdout).toContain(option);
		}
	});

	it.each([
		[['--bogus'], "Unknown option '--bogus'"],
		[['stray'], "Unexpected argument 'stray'"],
		[['--rounds', '0'], '--rounds takes a whole number, e.g. 3'],
		[['--sizes', 'ten'], '--sizes takes whole numbers, e.g. 10,100'],
		[['--sizes', '2.5'], '--sizes takes whole numbers, e.g. 10,100'],
		[['--seed', 'abc'], '--seed takes a whole number, e.g. 1'],
		[['--texture', 'noise'], '--texture must be one of grain, flat'],
	])('rejects %j with what is wrong and the usage, and no stack', async (args, message) => {
		const { code, stderr } = await runBench(...args);
		expect(code).toBe(2);
		expect(stderr.startsWith('bench: ')).toBe(true);
		expect(stderr).toContain(message);
		expect(stderr).toContain('Usage: node scripts/bench.ts');
		expect(stderr).not.toMatch(/\n\s+at /);
	});
});
