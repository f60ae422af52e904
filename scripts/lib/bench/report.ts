/**
 * The benchmark's results as data, the ratios the issue asks for, and the markdown report. Pure:
 * scripts/bench.ts measures, this module only computes and formats.
 */
import type { BuildPhases } from './logs.ts';
import type { MachineInfo } from './machine.ts';
import type { Measurement } from './measure.ts';
import type { FormatCount, OutputSummary } from './outputs.ts';
import type { FloorFigures } from './protocol.ts';
import { THREAD_CLASS_LABELS, THREAD_CLASSES, type ThreadCpu } from './threads.ts';

export interface BuildRecord {
	/** `synthetic`, `baseline` (plain markdown) or `real` (the project's own content). */
	site: 'synthetic' | 'baseline' | 'real';
	/** Recaps of the synthetic site the row belongs to (for a baseline: the site it matches). */
	size: number;
	/** `cold`, `warm`, `rebuild` (warm, `--force`), `edit`, or an experiment's name. */
	phase: string;
	measurement: Measurement;
	output: OutputSummary;
	/** Source images in the content (event photos and portraits). */
	sourceImages: number;
	/** Image variants Astro encoded, and those it copied from its cache (from its log). */
	encoded: number;
	reused: number;
	/** Preview cards drawn (new PNGs in the card cache). */
	cardsDrawn: number;
	phases: BuildPhases;
	/** Page generation time by route class (from Astro's per-route log). */
	routes: Record<string, { count: number; ms: number }>;
	/** The project's integrations that logged in this build (the tree may change between runs). */
	integrations?: string[];
	/** npm run build found the last build's output current and did not build. */
	skipped?: boolean;
	note?: string;
}

export interface FloorRecord {
	size: number;
	/** `sequential`, `parallel`, or a what-if scenario's name. */
	mode: string;
	measurement: Measurement;
	figures: FloorFigures;
	note?: string;
}

export interface EditCheck {
	size: number;
	recapId: string;
	photo: string;
	/** Variants re-encoded, split by whose image they are. */
	encodedOfEditedPhoto: number;
	encodedOfEditedRecapOther: number;
	encodedElsewhere: string[];
	/** Variants of the edited photo the build produced (all should be re-encoded). */
	variantsOfEditedPhoto: number;
	/** New files in the image cache and in the card cache. */
	newImageCacheFiles: number;
	cardsDrawn: number;
	ok: boolean;
}

export interface GenerationRecord {
	size: number;
	ms: number;
	reused: boolean;
	files: number;
	megabytes: number;
	images: number;
}

export interface Ratio {
	name: string;
	value: number | undefined;
	target: string;
	pass: boolean | undefined;
	detail: string;
}

export interface BenchResults {
	startedAt: string;
	finishedAt: string;
	seed: number;
	texture: string;
	machine: MachineInfo;
	generation: GenerationRecord[];
	builds: BuildRecord[];
	floors: FloorRecord[];
	edits: EditCheck[];
	acceptance: Ratio[];
	budget?: string | undefined;
	/** Page-weight budgets over the largest synthetic site: camera-sized photos, many pages. */
	syntheticBudget?: string | undefined;
	/** Markdown sections from one-off experiments outside this script, kept with the figures. */
	appendix?: string[] | undefined;
	notes: string[];
}

const s = (ms: number | undefined) =>
	ms === undefined || Number.isNaN(ms) ? '-' : (ms / 1000).toFixed(1);
const mb = (kb: number) => (Number.isNaN(kb) ? '-' : (kb / 1024).toFixed(0));
const fixed = (value: number | undefined, digits = 2) =>
	value === undefined || !Number.isFinite(value) ? '-' : value.toFixed(digits);
const load = (values: readonly number[]) => values.map((v) => v.toFixed(2)).join(' ');

export function findBuild(
	builds: readonly BuildRecord[],
	site: BuildRecord['site'],
	size: number,
	phase: string,
): BuildRecord | undefined {
	return builds.find(
		(b) => b.site === site && b.size === size && b.phase === phase && b.measurement.ok,
	);
}

export function findFloor(
	floors: readonly FloorRecord[],
	size: number,
	mode: string,
): FloorRecord | undefined {
	return floors.find((f) => f.size === size && f.mode === mode && f.measurement.ok);
}

function imageCounts(assets: Record<string, FormatCount>): string {
	const parts = ['webp', 'avif', 'jpg', 'png']
		.filter((ext) => assets[ext])
		.map((ext) => `${assets[ext]!.count} ${ext}`);
	return parts.length > 0 ? parts.join(', ') : '0';
}

/** How the phase of a build and the mode of a floor name their round: `cold (round 2)`. */
export function roundSuffix(round: number): string {
	return round === 1 ? '' : ` (round ${round})`;
}

/** The most the cold build may take, as a multiple of the floors and the baseline (issue 7). */
const COLD_RATIO_TARGET = 1.3;

/** The four measurements one round of the cold ratio is made of. */
interface ColdRound {
	round: number;
	cold: BuildRecord;
	baseline: BuildRecord;
	photos: FloorRecord;
	cards: FloorRecord;
}

/**
 * Every round that has all four parts, in order. Round 1 is the run's main cold build;
 * `--rounds N` adds rounds 2..N.
 */
function coldRounds(results: Pick<BenchResults, 'builds' | 'floors'>, size: number): ColdRound[] {
	const rounds: ColdRound[] = [];
	for (let round = 1; ; round++) {
		const suffix = roundSuffix(round);
		const cold = findBuild(results.builds, 'synthetic', size, `cold${suffix}`);
		const baseline = findBuild(results.builds, 'baseline', size, `cold${suffix}`);
		const photos = findFloor(results.floors, size, `parallel${suffix}`);
		const cards = findFloor(results.floors, size, `cards, parallel${suffix}`);
		if (round > 1 && !cold && !photos) return rounds;
		if (cold && baseline && photos && cards) rounds.push({ round, cold, baseline, photos, cards });
	}
}

/** What the cold ratio divides by: both parallel floors and the baseline's cold build. */
const denominatorMs = ({ photos, cards, baseline }: ColdRound) =>
	photos.figures.encodeMs + cards.figures.encodeMs + baseline.measurement.wallMs;

/** The cold ratio (photos and cards, parallel) of each complete round, in order. */
export function coldRatioRounds(
	results: Pick<BenchResults, 'builds' | 'floors'>,
	size: number,
): { round: number; value: number }[] {
	return coldRounds(results, size).map((parts) => ({
		round: parts.round,
		value: parts.cold.measurement.wallMs / denominatorMs(parts),
	}));
}

/** Where a round's cold build spends its time beyond the floors and the baseline. */
export interface ColdExcess {
	round: number;
	/** The cold build's wall time minus the floors and the baseline. */
	excessMs: number;
	/** What `COLD_RATIO_TARGET` allows beyond them. */
	allowedMs: number;
	/**
	 * Of the excess, by phase (undefined when Astro's log gave no phases). Start-up, content
	 * sync, bundling and the post-build steps against the baseline's whole build; the routes
	 * (pages, feeds and cards) against the card floor; the images against the photo floor.
	 */
	startAndEndMs: number | undefined;
	routesMs: number | undefined;
	imagesMs: number | undefined;
}

export function coldExcess(
	results: Pick<BenchResults, 'builds' | 'floors'>,
	size: number,
): ColdExcess[] {
	return coldRounds(results, size).map((parts) => {
		const { cold, baseline, photos, cards } = parts;
		const { routesMs, imagesMs } = cold.phases;
		const phased = routesMs !== undefined && imagesMs !== undefined;
		return {
			round: parts.round,
			excessMs: cold.measurement.wallMs - denominatorMs(parts),
			allowedMs: (COLD_RATIO_TARGET - 1) * denominatorMs(parts),
			startAndEndMs: phased
				? cold.measurement.wallMs - routesMs - imagesMs - baseline.measurement.wallMs
				: undefined,
			routesMs: phased ? routesMs - cards.figures.encodeMs : undefined,
			imagesMs: phased ? imagesMs - photos.figures.encodeMs : undefined,
		};
	});
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The acceptance figures of issue 7, as ratios with their targets. */
export function acceptance(
	results: Pick<BenchResults, 'builds' | 'floors' | 'edits'>,
	size = 100,
): Ratio[] {
	const ratios: Ratio[] = [];
	const cold = findBuild(results.builds, 'synthetic', size, 'cold');
	const warm = findBuild(results.builds, 'synthetic', size, 'warm');
	const baseline = findBuild(results.builds, 'baseline', size, 'cold');
	for (const mode of ['parallel', 'sequential']) {
		const photos = findFloor(results.floors, size, mode);
		const cards = findFloor(results.floors, size, `cards, ${mode}`);
		const floors = [
			{ what: 'the photos', parts: photos ? [photos] : [] },
			// Preview cards are images the site emits as well; their sharp work (SVG to PNG, photo
			// to round portrait) belongs in the floor. satori's layout does not: it is not sharp.
			...(cards ? [{ what: 'the photos and cards', parts: photos ? [photos, cards] : [] }] : []),
		];
		for (const { what, parts } of floors) {
			const floorMs = parts.reduce((sum, part) => sum + part.figures.encodeMs, 0);
			const measured = cold && baseline && parts.length > 0;
			const value = measured
				? cold.measurement.wallMs / (floorMs + baseline.measurement.wallMs)
				: undefined;
			ratios.push({
				name: `cold build, ${size} recaps, vs sharp floor of ${what} (${mode}) + markdown baseline`,
				value,
				target: `<= ${COLD_RATIO_TARGET}`,
				pass: value === undefined ? undefined : value <= COLD_RATIO_TARGET,
				detail: measured
					? `${s(cold.measurement.wallMs)} s / (${parts.map((part) => `${s(part.figures.encodeMs)} s`).join(' + ')} + ${s(baseline.measurement.wallMs)} s)`
					: 'not measured',
			});
		}
	}
	const rounds = coldRatioRounds(results, size);
	if (rounds.length > 1) {
		const value = median(rounds.map((round) => round.value));
		ratios.push({
			name: `cold build, ${size} recaps, vs sharp floor of the photos and cards (parallel) + markdown baseline, median of ${rounds.length} rounds`,
			value,
			target: `<= ${COLD_RATIO_TARGET}`,
			pass: value <= COLD_RATIO_TARGET,
			detail: rounds.map((round) => `round ${round.round}: ${round.value.toFixed(3)}`).join(', '),
		});
	}
	// The same ratios over CPU time (user + sys): total work, much less sensitive to a busy machine
	// than wall time. On an idle machine wall ≈ CPU ÷ the parallelism each side achieves. Judged
	// against the sequential floors; against the parallel ones as information: like for like, since
	// the build too keeps both cores busy, and two threads on a machine's cores each take more CPU
	// time for the same work.
	const cpuRatio = (modes: readonly [string, string], how: string, judged: boolean) => {
		const floors = modes
			.map((mode) => findFloor(results.floors, size, mode))
			.filter((floor) => floor !== undefined);
		if (!cold || floors.length === 0 || !baseline) return;
		const floorMs = floors.reduce((sum, floor) => sum + floor.measurement.cpuMs, 0);
		const value = cold.measurement.cpuMs / (floorMs + baseline.measurement.cpuMs);
		ratios.push({
			name: `cold build, ${size} recaps, vs sharp floor${floors.length > 1 ? ' (photos and cards)' : ''}${how} + markdown baseline, in CPU time`,
			value,
			target: judged ? `(<= ${COLD_RATIO_TARGET})` : '(info)',
			pass: judged ? value <= COLD_RATIO_TARGET : undefined,
			detail: `${s(cold.measurement.cpuMs)} s / (${floors.map((floor) => `${s(floor.measurement.cpuMs)} s`).join(' + ')} + ${s(baseline.measurement.cpuMs)} s) CPU`,
		});
	};
	cpuRatio(['sequential', 'cards, sequential'], '', true);
	cpuRatio(['parallel', 'cards, parallel'], ' run in parallel', false);
	if (warm && baseline) {
		const value = warm.measurement.cpuMs / baseline.measurement.cpuMs;
		ratios.push({
			name: `warm build, ${size} recaps, nothing changed, vs markdown baseline (cold), in CPU time`,
			value,
			target: '(<= 1.5)',
			pass: value <= 1.5,
			detail: `${s(warm.measurement.cpuMs)} s / ${s(baseline.measurement.cpuMs)} s CPU`,
		});
	}
	const warmValue =
		warm && baseline ? warm.measurement.wallMs / baseline.measurement.wallMs : undefined;
	ratios.push({
		name:
			`warm build, ${size} recaps, nothing changed, vs markdown baseline (cold)` +
			(warm?.skipped ? ': npm run build found the output current' : ''),
		value: warmValue,
		target: '<= 1.5',
		pass: warmValue === undefined ? undefined : warmValue <= 1.5,
		detail:
			warm && baseline
				? `${s(warm.measurement.wallMs)} s / ${s(baseline.measurement.wallMs)} s`
				: 'not measured',
	});
	// A full build from warm caches against the baseline's, both rendering every page.
	const baselineWarm = findBuild(results.builds, 'baseline', size, 'warm');
	const fullWarm = findBuild(results.builds, 'synthetic', size, 'rebuild') ?? warm;
	if (fullWarm && !fullWarm.skipped && baselineWarm) {
		const value = fullWarm.measurement.wallMs / baselineWarm.measurement.wallMs;
		ratios.push({
			name: `${fullWarm.phase === 'rebuild' ? 'forced rebuild' : 'warm build'}, ${size} recaps, vs markdown baseline (warm, for reference)`,
			value,
			target: '(info)',
			pass: undefined,
			detail: `${s(fullWarm.measurement.wallMs)} s / ${s(baselineWarm.measurement.wallMs)} s`,
		});
	}
	// The same build with --force: everything rendered again, every image and card from the caches.
	const rebuild = findBuild(results.builds, 'synthetic', size, 'rebuild');
	if (rebuild && baseline) {
		ratios.push({
			name: `forced rebuild (--force), ${size} recaps, nothing changed, vs markdown baseline (cold)`,
			value: rebuild.measurement.wallMs / baseline.measurement.wallMs,
			target: '(info)',
			pass: undefined,
			detail: `${s(rebuild.measurement.wallMs)} s / ${s(baseline.measurement.wallMs)} s`,
		});
	}
	for (const edit of results.edits) {
		ratios.push({
			name: `one-recap edit, ${edit.size} recaps: only that recap's images and card redone`,
			value: edit.encodedElsewhere.length,
			target: '0 elsewhere',
			pass: edit.ok,
			detail:
				`${edit.encodedOfEditedPhoto}/${edit.variantsOfEditedPhoto} variants of the new photo, ` +
				`${edit.encodedOfEditedRecapOther} of the recap's other photo, ${edit.encodedElsewhere.length} elsewhere` +
				`${edit.encodedElsewhere.length > 0 ? ` (${edit.encodedElsewhere.slice(0, 5).join(', ')}…)` : ''}; ` +
				`${edit.cardsDrawn} card(s) drawn; ${edit.newImageCacheFiles} new image-cache file(s)`,
		});
	}
	const large = findBuild(results.builds, 'synthetic', 1000, 'cold');
	const largestRss = Math.max(
		0,
		...results.builds
			.filter((b) => b.site === 'synthetic' && b.size === 1000)
			.map((b) => b.measurement.maxRssKb),
	);
	ratios.push({
		name: 'peak memory, 1000 recaps',
		value: large ? largestRss / 1024 / 1024 : undefined,
		target: '<= 4 GB',
		pass: large ? largestRss <= 4 * 1024 * 1024 : undefined,
		detail: large
			? `${(largestRss / 1024 / 1024).toFixed(2)} GB max RSS over its builds`
			: 'not run (use --large)',
	});
	return ratios;
}

function buildRow(b: BuildRecord): string {
	const m = b.measurement;
	const images = Object.fromEntries(
		Object.entries(b.output.assets).filter(([ext]) => ['webp', 'avif', 'jpg', 'png'].includes(ext)),
	);
	const photos = b.sourceImages > 0 ? fixed(m.wallMs / b.sourceImages, 0) : '-';
	return [
		b.site,
		b.size,
		b.phase + (m.ok ? '' : ' (FAILED)') + (b.skipped ? ' (output current, not built)' : ''),
		s(m.wallMs),
		s(m.cpuMs),
		fixed(m.cpuMs / m.wallMs, 2),
		mb(m.maxRssKb),
		b.output.pages,
		imageCounts(images),
		`${b.encoded} / ${b.reused}`,
		b.cardsDrawn,
		s(b.phases.buildInfoMs),
		s(b.phases.viteMs),
		s(b.phases.routesMs),
		s(b.phases.imagesMs),
		s(restMs(b)),
		fixed(m.wallMs / Math.max(1, b.output.pages), 0),
		photos,
		`${load(m.loadBefore)} → ${load(m.loadAfter)}`,
	].join(' | ');
}

/** Wall time outside Astro's four reported phases: start-up, content check, post-build hooks. */
function restMs(b: BuildRecord): number | undefined {
	const { buildInfoMs = 0, viteMs = 0, routesMs = 0, imagesMs = 0 } = b.phases;
	if (b.phases.routesMs === undefined) return undefined;
	return b.measurement.wallMs - buildInfoMs - viteMs - routesMs - imagesMs;
}

function growthRows(builds: readonly BuildRecord[]): string[] {
	const rows: string[] = [];
	const sizes = [...new Set(builds.filter((b) => b.site === 'synthetic').map((b) => b.size))].sort(
		(a, b) => a - b,
	);
	for (const phase of ['cold', 'warm', 'rebuild', 'edit']) {
		for (let i = 1; i < sizes.length; i++) {
			const small = findBuild(builds, 'synthetic', sizes[i - 1]!, phase);
			const big = findBuild(builds, 'synthetic', sizes[i]!, phase);
			if (!small || !big) continue;
			const marginal =
				(big.measurement.wallMs - small.measurement.wallMs) /
				Math.max(1, big.output.pages - small.output.pages);
			rows.push(
				`| ${phase} | ${small.size} → ${big.size} | ${fixed(big.output.pages / small.output.pages, 1)}x | ` +
					`${fixed(big.measurement.wallMs / small.measurement.wallMs, 1)}x | ${fixed(big.measurement.cpuMs / small.measurement.cpuMs, 1)}x | ` +
					`${fixed(big.measurement.maxRssKb / small.measurement.maxRssKb, 1)}x | ${fixed(marginal, 0)} |`,
			);
		}
	}
	return rows;
}

/** A job's CPU time by kind of thread, in seconds, with what sampling did not see. */
export function threadRow(label: string, m: Measurement): string | undefined {
	if (!m.ok || !m.threads) return undefined;
	const threads: ThreadCpu = m.threads;
	const sampled = THREAD_CLASSES.reduce((sum, name) => sum + threads[name], 0);
	const cells = THREAD_CLASSES.map((name) => s(threads[name]));
	return `| ${label} | ${s(m.cpuMs)} | ${cells.join(' | ')} | ${s(Math.max(0, m.cpuMs - sampled))} |`;
}

export function renderMarkdown(results: BenchResults): string {
	const { machine } = results;
	const lines: string[] = [
		'# Build benchmark',
		'',
		`Run ${results.startedAt} → ${results.finishedAt}, seed ${results.seed}, photo texture \`${results.texture}\`.`,
		'',
		`Machine: ${machine.cpuModel} × ${machine.cpus} (available parallelism ${machine.availableParallelism}), ` +
			`${machine.totalMemoryGb.toFixed(1)} GB RAM, ${machine.os}. Node ${machine.node}, Astro ${machine.astro}, ` +
			`sharp ${machine.sharp} (libvips ${machine.libvips}, sharp.concurrency() ${machine.sharpConcurrency}, ` +
			`UV_THREADPOOL_SIZE ${machine.uvThreadpool}). Tree: ${machine.git}. Load average at start: ${load(machine.loadAverage)}.`,
		'',
		'The machine is shared: every row carries the 1/5/15-minute load average before and after it. ' +
			'A load well above the core count means the figures are inflated.',
		'',
		'## Builds',
		'',
		'CPU = user + sys of the build process and its children; RSS = peak resident memory; ' +
			'"encoded / reused" = image variants Astro encoded vs copied from its cache; ' +
			'"cards" = preview cards drawn (not from the card cache). Phases, from Astro\'s log: "info" = collecting ' +
			'build info (content sync, types); "vite" = bundling pages and MDX modules; "routes" = generating static ' +
			'routes (pages, feeds, cards); "images" = generating optimized images; "rest" = wall minus those four ' +
			'(process start, content check, post-build hooks such as asset pruning, search index, headers). ' +
			'ms/photo = wall ÷ source images.',
		'',
		'| site | N | build | wall s | CPU s | CPU/wall | max RSS MB | pages | image files | encoded / reused | cards | info s | vite s | routes s | images s | rest s | ms/page | ms/photo | load before → after |',
		'| --- | --: | --- | --: | --: | --: | --: | --: | --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --- |',
		...results.builds.map((b) => `| ${buildRow(b)} |`),
	];
	const integrationSets = new Map<string, string[]>();
	for (const b of results.builds) {
		if (!b.integrations) continue;
		const key = b.integrations.join(', ') || '(none)';
		integrationSets.set(key, [
			...(integrationSets.get(key) ?? []),
			`${b.site} ${b.size} ${b.phase}`,
		]);
	}
	if (integrationSets.size > 0) {
		lines.push(
			'',
			'Project integrations that ran (others change the tree while benchmarks run, so this is per build):',
			'',
			...[...integrationSets].map(([set, builds]) => `- ${set}: ${builds.join('; ')}`),
		);
	}

	const growth = growthRows(results.builds);
	if (growth.length > 0) {
		lines.push(
			'',
			'## Growth with N',
			'',
			'Ratios between consecutive sizes; "marginal ms/page" = extra wall time ÷ extra pages, which leaves the fixed cost out.',
			'',
			'| build | sizes | pages | wall | CPU | max RSS | marginal ms/page |',
			'| --- | --- | --: | --: | --: | --: | --: |',
			...growth,
		);
	}

	const routeRows = results.builds
		.filter((b) => b.site !== 'baseline' && Object.keys(b.routes).length > 0)
		.flatMap((b) =>
			Object.entries(b.routes)
				.sort((x, y) => y[1].ms - x[1].ms)
				.map(
					([name, r]) =>
						`| ${b.site} ${b.size} ${b.phase} | ${name} | ${r.count} | ${s(r.ms)} | ${fixed(r.ms / r.count, 1)} |`,
				),
		);
	if (routeRows.length > 0) {
		lines.push(
			'',
			'## Where page generation goes',
			'',
			"Sum of Astro's per-route render times (routes render one at a time), by kind of route.",
			'',
			'| build | routes | count | total s | ms each |',
			'| --- | --- | --: | --: | --: |',
			...routeRows,
		);
	}

	if (results.floors.length > 0) {
		lines.push(
			'',
			'## Sharp floor',
			'',
			'sharp alone encoding exactly the variants the cold build produced (same sizes, formats, quality and encoder ' +
				'settings as Astro\'s sharp service; sources read before the clock starts). "sequential" = one at a time; ' +
				'"parallel" = all queued at once, so sharp\'s default concurrency (libuv pool × libvips threads) applies. ' +
				'"cards" rows replay the preview cards\' sharp work the same way (each card drawn: its SVG rasterised and ' +
				"encoded as PNG; each speaker photo: cut into its round portrait), from SVGs the cold build left; satori's " +
				'layout is not sharp work and is left out. What-if rows re-encode the same list with one setting changed.',
			'',
			'| N | run | variants | encode s | CPU s | max RSS MB | ms/variant | output MB | load before → after |',
			'| --: | --- | --: | --: | --: | --: | --: | --: | --- |',
			...results.floors.map((f) => {
				const m = f.measurement;
				return `| ${f.size} | ${f.mode}${m.ok ? '' : ' (FAILED)'} | ${f.figures.variants} | ${s(f.figures.encodeMs)} | ${s(m.cpuMs)} | ${mb(m.maxRssKb)} | ${fixed(f.figures.encodeMs / Math.max(1, f.figures.variants), 1)} | ${fixed(f.figures.outputBytes / 1024 / 1024, 1)} | ${load(m.loadBefore)} → ${load(m.loadAfter)} |`;
			}),
		);
		const sequential = results.floors.filter(
			(f) => (f.mode === 'sequential' || f.mode === 'cards, sequential') && f.figures.byClass,
		);
		for (const floor of sequential) {
			const total = floor.figures.encodeMs;
			lines.push(
				'',
				`Encoding cost by variant class, ${floor.size} recaps (${floor.mode} floor):`,
				'',
				'| variant | count | total s | share | ms each | KB each |',
				'| --- | --: | --: | --: | --: | --: |',
				...Object.entries(floor.figures.byClass!)
					.sort((x, y) => y[1].ms - x[1].ms)
					.map(
						([name, c]) =>
							`| ${name} | ${c.count} | ${s(c.ms)} | ${fixed((100 * c.ms) / total, 0)}% | ${fixed(c.ms / c.count, 1)} | ${fixed(c.bytes / c.count / 1024, 1)} |`,
					),
			);
		}
	}

	const excess = [...new Set(results.builds.map((b) => b.size))].flatMap((size) =>
		coldExcess(results, size).map((e) => ({ size, ...e })),
	);
	if (excess.length > 0) {
		lines.push(
			'',
			'## The cold build beyond its floors',
			'',
			"Per round: the cold build's wall time minus both parallel floors and the baseline's cold build, " +
				`set against what a ratio of ${COLD_RATIO_TARGET} allows, then split by phase: start-up, content sync, bundling and ` +
				'the post-build steps against the baseline\'s whole build; "routes" (pages, feeds, cards) against ' +
				'the card floor; "images" against the photo floor. satori\'s card layout falls in "routes".',
			'',
			`| N | round | beyond floors + baseline s | allowed at ${COLD_RATIO_TARGET} s | start and end s | routes s | images s |`,
			'| --: | --: | --: | --: | --: | --: | --: |',
			...excess.map(
				(e) =>
					`| ${e.size} | ${e.round} | ${s(e.excessMs)} | ${s(e.allowedMs)} | ${s(e.startAndEndMs)} | ${s(e.routesMs)} | ${s(e.imagesMs)} |`,
			),
		);
	}

	const threadRows = [
		...results.builds.map((b) => threadRow(`${b.site} ${b.size} ${b.phase}`, b.measurement)),
		...results.floors.map((f) => threadRow(`floor ${f.size} ${f.mode}`, f.measurement)),
	].filter((row) => row !== undefined);
	if (threadRows.length > 0) {
		lines.push(
			'',
			'## Where the CPU goes, by thread',
			'',
			'CPU seconds by kind of thread, from /proc sampled every 250 ms while each job ran; ' +
				'"unseen" is the total (GNU time) less the sampled sum: threads and processes that came and ' +
				'went between two samples. ' +
				THREAD_CLASSES.map((name) => `${name} = ${THREAD_CLASS_LABELS[name]}`).join('; ') +
				'. Set against the floors, the cold build\'s "sharp" and "helpers" are its share of the ' +
				'floor work; "js" and "gc" are most of what it does beyond it.',
			'',
			`| job | CPU s | ${THREAD_CLASSES.join(' | ')} | unseen |`,
			`| --- | --: | ${THREAD_CLASSES.map(() => '--:').join(' | ')} | --: |`,
			...threadRows,
		);
	}

	lines.push(
		'',
		'## Acceptance (issue 7)',
		'',
		'| check | value | target | result | detail |',
		'| --- | --: | --- | --- | --- |',
		...results.acceptance.map(
			(r) =>
				`| ${r.name} | ${fixed(r.value, 3)} | ${r.target} | ${r.pass === undefined ? '-' : r.pass ? 'pass' : 'FAIL'} | ${r.detail} |`,
		),
	);

	if (results.generation.length > 0) {
		lines.push(
			'',
			'## Synthetic sites',
			'',
			'| N | files | MB | images | generation s |',
			'| --: | --: | --: | --: | --- |',
			...results.generation.map(
				(g) =>
					`| ${g.size} | ${g.files} | ${g.megabytes.toFixed(0)} | ${g.images} | ${g.reused ? 'reused (up to date)' : s(g.ms)} |`,
			),
		);
	}
	if (results.notes.length > 0)
		lines.push('', '## Notes', '', ...results.notes.map((note) => `- ${note}`));
	if (results.syntheticBudget) {
		lines.push('', '## Page-weight budgets, synthetic site', '', results.syntheticBudget);
	}
	if (results.budget) lines.push('', '## Page-weight budgets, real site', '', results.budget);
	for (const section of results.appendix ?? []) lines.push('', section);
	return `${lines.join('\n')}\n`;
}
