/**
 * Build benchmark (issue 7): builds synthetic sites of growing size with the real site's code and
 * measures each build as `npm run build` makes it (with its up-to-date check, scripts/build.ts):
 * cold (empty cache), warm (nothing changed, so no build), rebuild (nothing changed, `--force`:
 * everything from the caches) and after a one-recap edit; alongside, a plain-markdown Astro blog
 * with the same number of pages, and the sharp floor (sharp alone encoding exactly the image
 * variants the build produced). Every build runs in a
 * child process (scripts/lib/bench/runner.ts) under GNU time, so CPU and peak memory are its own.
 *
 * Usage: node scripts/bench.ts [options]; `--help` lists them (USAGE below).
 *
 * --large adds a 1000-recap site (many minutes); --cold-only measures only the cold builds (e.g.
 * peak memory at 1000 recaps). --experiments reruns the largest size up to 100 cold with other
 * settings (webp effort 4, build.concurrency 1, sharp.concurrency(2)) and runs what-if sharp
 * floors (webp effort 4 and 0, AVIF effort 2, no 1600w). Every floor encodes with the site's own
 * settings (src/image.config.ts) unless a what-if changes one.
 * --rounds N repeats the cold ratio's parts N - 1 more times (cold build, baseline, both parallel
 * floors, one after the other) and reports each round's ratio and their median.
 * Results: reports/bench.md and reports/bench.json (git-ignored), with the machine, versions and
 * the load average before and after every run, since the machine is shared.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeBaseline } from './lib/bench/baseline.ts';
import { applyEdit, planEdit } from './lib/bench/edit.ts';
import {
	imagesOfBuild,
	parseIntegrations,
	parsePhases,
	parseRouteTimes,
	routeBreakdown,
} from './lib/bench/logs.ts';
import { machineInfo } from './lib/bench/machine.ts';
import { measure, productionEnv, TIME_BIN } from './lib/bench/measure.ts';
import { fileSet, summarizeOutput } from './lib/bench/outputs.ts';
import type { CardFloorJob, FloorJob } from './lib/bench/protocol.ts';
import {
	acceptance,
	renderMarkdown,
	type BenchResults,
	type BuildRecord,
	type EditCheck,
	type FloorRecord,
	roundSuffix,
} from './lib/bench/report.ts';
import type { Variant } from './lib/bench/variants.ts';
import { imageEncoders } from '../src/image.config.ts';
import { TEXTURES, type Texture } from './lib/synthetic/images.ts';
import { planSite, type SitePlan } from './lib/synthetic/plan.ts';
import { isUpToDate, readManifest, writeSite } from './lib/synthetic/write.ts';

const projectRoot = fileURLToPath(new URL('../', import.meta.url));
const binDir = path.join(projectRoot, 'node_modules', '.bin');
const node = existsSync(path.join(binDir, 'node')) ? path.join(binDir, 'node') : process.execPath;
/** The day the real site is built as of, as in the build tests. */
const REAL_NOW = '2026-06-01T12:00:00Z';

const USAGE = `Usage: node scripts/bench.ts [options]   (npm run bench -- [options])

  --sizes 10,100        synthetic sites to build, by number of recaps (default 10,100)
  --large               add the 1000-recap site (many minutes)
  --rounds N            repeat the cold ratio's parts N - 1 more times; report the median
  --cold-only           only the cold builds (e.g. peak memory at 1000 recaps)
  --no-real             skip the real site's build and page budgets
  --no-baseline         skip the plain-markdown baseline
  --no-floor            skip the sharp floors
  --no-edit             skip the one-recap edit
  --experiments         rerun up to 100 recaps cold with other settings, and what-if floors
  --seed 1              seed of the synthetic sites
  --texture grain|flat  how the synthetic photos are drawn (default grain)
  --regenerate          write the synthetic sites again even if they exist
  --work DIR            where sites and logs go (default test-output/bench)
  --reports DIR         where bench.md and bench.json go (default reports)
  --render-only         rewrite bench.md from bench.json and the logs
  --help                this text`;

/** A mistake in the command line: reported with the usage, without a stack. */
class UsageError extends Error {}

function readOptions() {
	let parsed;
	try {
		parsed = parseArgs({ options: OPTIONS });
	} catch (error) {
		throw new UsageError(error instanceof Error ? error.message : String(error));
	}
	const { values } = parsed;
	if (values.help) {
		console.log(USAGE);
		process.exit(0);
	}
	const rounds = Number(values.rounds);
	if (!Number.isInteger(rounds) || rounds < 1)
		throw new UsageError('--rounds takes a whole number, e.g. 3');
	const sizes = values.sizes
		.split(',')
		.map((size) => Number(size.trim()))
		.filter((size) => size > 0);
	if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size)))
		throw new UsageError('--sizes takes whole numbers, e.g. 10,100');
	if (values.large && !sizes.includes(1000)) sizes.push(1000);
	if (!TEXTURES.includes(values.texture as Texture))
		throw new UsageError(`--texture must be one of ${TEXTURES.join(', ')}`);
	if (!Number.isInteger(Number(values.seed)))
		throw new UsageError('--seed takes a whole number, e.g. 1');
	return optionsFrom(values, sizes, rounds);
}

const OPTIONS = {
	sizes: { type: 'string', default: '10,100' },
	large: { type: 'boolean', default: false },
	seed: { type: 'string', default: '1' },
	texture: { type: 'string', default: 'grain' },
	experiments: { type: 'boolean', default: false },
	'no-real': { type: 'boolean', default: false },
	'no-baseline': { type: 'boolean', default: false },
	'no-floor': { type: 'boolean', default: false },
	'no-edit': { type: 'boolean', default: false },
	regenerate: { type: 'boolean', default: false },
	work: { type: 'string', default: 'test-output/bench' },
	reports: { type: 'string', default: 'reports' },
	'render-only': { type: 'boolean', default: false },
	'cold-only': { type: 'boolean', default: false },
	rounds: { type: 'string', default: '1' },
	help: { type: 'boolean', short: 'h', default: false },
} as const;

function optionsFrom(
	values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'],
	sizes: number[],
	rounds: number,
) {
	return {
		sizes: [...new Set(sizes)].sort((a, b) => a - b),
		seed: Number(values.seed),
		texture: values.texture as Texture,
		experiments: values.experiments,
		real: !values['no-real'],
		baseline: !values['no-baseline'],
		floor: !values['no-floor'],
		edit: !values['no-edit'],
		regenerate: values.regenerate,
		work: path.resolve(projectRoot, values.work),
		reports: path.resolve(projectRoot, values.reports),
		renderOnly: values['render-only'],
		coldOnly: values['cold-only'],
		rounds,
	};
}

type Options = ReturnType<typeof optionsFrom>;

interface BuildTarget {
	site: BuildRecord['site'];
	size: number;
	root: string;
	contentDir?: string;
	outDir: string;
	cacheDir: string;
	now: string;
	sourceImages: number;
	logDir: string;
}

/**
 * What `npm run build` sets for Astro (package.json): at most four glibc malloc arenas. The
 * image and card threads otherwise each keep an arena of freed memory (on the 1000-recap site,
 * two arenas instead of the default lowered peak memory from 3959 to 3728 MB); with two, the
 * four encodings src/image-service.ts runs at once wait on each other's allocations. Every timed
 * build and floor here runs with it, so the figures are those of `npm run build`.
 */
const BUILD_RUNTIME_ENV = { MALLOC_ARENA_MAX: '4' } as const;

function buildEnv(target: BuildTarget): NodeJS.ProcessEnv {
	return productionEnv({
		...process.env,
		...BUILD_RUNTIME_ENV,
		PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`,
		RECAP_OUT_DIR: target.outDir,
		RECAP_CACHE_DIR: target.cacheDir,
		RECAP_NOW: target.now,
		...(target.contentDir ? { RECAP_CONTENT_DIR: target.contentDir } : {}),
	});
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const loadNow = () =>
	os
		.loadavg()
		.map((v) => v.toFixed(2))
		.join(' ');

async function runBuild(
	target: BuildTarget,
	phase: string,
	extra: {
		inlineConfig?: Record<string, unknown>;
		sharpConcurrency?: number;
		/** Where the build leaves its cards' SVGs and portraits for the card floor. */
		cardTraceDir?: string;
		/** Build as `npm run build` does: skip when current (`check`), or build anyway (`force`). */
		upToDate?: 'check' | 'force';
	} = {},
): Promise<{ record: BuildRecord; variants: Variant[]; output: string; encoded: string[] }> {
	const label = `${target.site}-${target.size}-${phase}`;
	const variantsOut = path.join(target.logDir, `${label}.variants.json`);
	const cardsDir = path.join(target.cacheDir, 'og');
	const cardsBefore = await fileSet(cardsDir);
	const imageCache = path.join(target.cacheDir, 'assets');
	const imagesBefore = await fileSet(imageCache);
	console.log(`▸ ${label}: building (load ${loadNow()})`);
	const { measurement, output } = await measure({
		label,
		job: {
			kind: 'build',
			root: target.root,
			variantsOut,
			...(extra.inlineConfig ? { inlineConfig: extra.inlineConfig } : {}),
			...(extra.sharpConcurrency ? { sharpConcurrency: extra.sharpConcurrency } : {}),
			...(extra.upToDate ? { upToDate: extra.upToDate } : {}),
		},
		env: {
			...buildEnv(target),
			...(extra.cardTraceDir ? { RECAP_CARD_TRACE_DIR: extra.cardTraceDir } : {}),
		},
		cwd: target.root,
		logDir: target.logDir,
		node,
		sampleThreads: true,
	});
	const cardsAfter = await fileSet(cardsDir);
	const newImageCacheFiles = new Set(
		[...(await fileSet(imageCache))].filter((file) => !imagesBefore.has(file)),
	);
	const images = imagesOfBuild(output, newImageCacheFiles);
	const variants = existsSync(variantsOut)
		? (JSON.parse(await readFile(variantsOut, 'utf8')) as Variant[])
		: [];
	const record: BuildRecord = {
		site: target.site,
		size: target.size,
		phase,
		measurement: { ...measurement, runner: undefined },
		output: await summarizeOutput(target.outDir),
		sourceImages: target.sourceImages,
		encoded: images.encoded.length,
		reused: images.reused.length,
		cardsDrawn: [...cardsAfter].filter((file) => !cardsBefore.has(file)).length,
		phases: parsePhases(output),
		routes: routeBreakdown(parseRouteTimes(output)),
		integrations: parseIntegrations(output),
		...(measurement.runner?.upToDate?.skipped ? { skipped: true } : {}),
	};
	const m = measurement;
	if (record.skipped) {
		console.log(`  skipped, output current: ${seconds(m.wallMs)} wall, ${seconds(m.cpuMs)} CPU`);
		return { record, variants, output, encoded: images.encoded };
	}
	console.log(
		`  ${m.ok ? 'ok' : 'FAILED'}: ${seconds(m.wallMs)} wall, ${seconds(m.cpuMs)} CPU, ${(m.maxRssKb / 1024).toFixed(0)} MB max RSS, ` +
			`${record.output.pages} pages, ${record.encoded} images encoded / ${record.reused} reused, ${record.cardsDrawn} cards drawn ` +
			`(load ${m.loadBefore.map((v) => v.toFixed(2)).join(' ')} → ${m.loadAfter.map((v) => v.toFixed(2)).join(' ')})`,
	);
	if (!m.ok) console.log(`  see ${path.relative(projectRoot, m.logFile)}`);
	return { record, variants, output, encoded: images.encoded };
}

async function runFloor(
	size: number,
	mode: string,
	job: FloorJob | CardFloorJob,
	logDir: string,
	note?: string,
): Promise<FloorRecord | undefined> {
	const label = `floor-${size}-${mode}`;
	console.log(`▸ ${label} (load ${loadNow()})`);
	const { measurement } = await measure({
		label,
		job,
		env: {
			...process.env,
			...BUILD_RUNTIME_ENV,
			PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`,
		},
		cwd: projectRoot,
		logDir,
		node,
		sampleThreads: true,
	});
	const figures = measurement.runner?.floor;
	if (!figures) {
		console.log(`  FAILED: see ${path.relative(projectRoot, measurement.logFile)}`);
		return undefined;
	}
	console.log(
		`  ${figures.variants} variants in ${seconds(figures.encodeMs)} (${(figures.encodeMs / Math.max(1, figures.variants)).toFixed(1)} ms each), ` +
			`${seconds(measurement.cpuMs)} CPU, ${(measurement.maxRssKb / 1024).toFixed(0)} MB max RSS`,
	);
	return {
		size,
		mode,
		measurement: { ...measurement, runner: undefined },
		figures,
		...(note ? { note } : {}),
	};
}

async function prepareSite(
	options: Options,
	size: number,
	results: BenchResults,
): Promise<{ plan: SitePlan; contentDir: string }> {
	const plan = planSite({ recaps: size, seed: options.seed });
	const contentDir = path.join(options.work, `site-${size}`, 'content');
	const started = performance.now();
	const reused = !options.regenerate && (await isUpToDate(contentDir, plan, options.texture));
	if (!reused) {
		console.log(`▸ generating the ${size}-recap site (${plan.images.length} images)`);
		await writeSite(plan, {
			outDir: contentDir,
			protectedDir: path.join(projectRoot, 'content'),
			texture: options.texture,
		});
	}
	const manifest = await readManifest(contentDir);
	results.generation.push({
		size,
		ms: performance.now() - started,
		reused,
		files: manifest?.files.length ?? 0,
		megabytes: (manifest?.files.reduce((sum, file) => sum + file.bytes, 0) ?? 0) / 1024 / 1024,
		images: plan.images.length,
	});
	return { plan, contentDir };
}

/** Which re-encoded variants belong to the edited photo, the edited recap, or anything else. */
function checkEdit(
	size: number,
	plan: SitePlan,
	contentDir: string,
	encoded: readonly string[],
	variants: readonly Variant[],
	newImageCacheFiles: number,
	cardsDrawn: number,
): EditCheck {
	const edit = planEdit(plan);
	const photo = path.join(contentDir, edit.photo.path);
	const recapDir = path.join(contentDir, 'recaps', edit.recapId) + path.sep;
	const sourceOf = new Map(variants.map((v) => [v.finalPath, v.source]));
	let ofPhoto = 0;
	let ofRecap = 0;
	const elsewhere: string[] = [];
	for (const file of encoded) {
		const source = sourceOf.get(file);
		if (source === photo) ofPhoto++;
		else if (source?.startsWith(recapDir)) ofRecap++;
		else elsewhere.push(file);
	}
	const variantsOfPhoto = variants.filter((v) => v.source === photo).length;
	return {
		size,
		recapId: edit.recapId,
		photo: edit.photo.path,
		encodedOfEditedPhoto: ofPhoto,
		encodedOfEditedRecapOther: ofRecap,
		encodedElsewhere: elsewhere,
		variantsOfEditedPhoto: variantsOfPhoto,
		newImageCacheFiles,
		cardsDrawn,
		ok:
			elsewhere.length === 0 &&
			ofPhoto === variantsOfPhoto &&
			variantsOfPhoto > 0 &&
			cardsDrawn <= 1,
	};
}

async function benchSize(options: Options, size: number, results: BenchResults): Promise<void> {
	const { plan, contentDir } = await prepareSite(options, size, results);
	const siteDir = path.join(options.work, `site-${size}`);
	const logDir = path.join(options.work, 'logs');
	const target: BuildTarget = {
		site: 'synthetic',
		size,
		root: projectRoot,
		contentDir,
		outDir: path.join(siteDir, 'dist'),
		cacheDir: path.join(siteDir, 'cache'),
		now: plan.now,
		sourceImages: plan.images.length,
		logDir,
	};
	await rm(target.outDir, { recursive: true, force: true });
	await rm(target.cacheDir, { recursive: true, force: true });

	const cardTraceDir = path.join(logDir, `synthetic-${size}-cold.cards`);
	await rm(cardTraceDir, { recursive: true, force: true });
	// The trace feeds the card floor only (a few hundred KB per card).
	const traceCards = options.floor && !options.coldOnly;
	// Every synthetic build goes through npm run build's up-to-date check (scripts/build.ts).
	const cold = await runBuild(target, 'cold', {
		upToDate: 'check',
		...(traceCards ? { cardTraceDir } : {}),
	});
	results.builds.push(cold.record);
	if (!cold.record.measurement.ok) return;
	const variantsFile = path.join(logDir, `synthetic-${size}-cold.variants.json`);
	if (options.coldOnly) return;
	// Nothing changed: npm run build finds the output current and does not build.
	results.builds.push((await runBuild(target, 'warm', { upToDate: 'check' })).record);
	// The same with --force: everything rebuilt, every image and card from the caches.
	results.builds.push((await runBuild(target, 'rebuild', { upToDate: 'force' })).record);

	if (options.edit) {
		const edit = planEdit(plan);
		const imageCache = path.join(target.cacheDir, 'assets');
		const before = await fileSet(imageCache);
		const restore = await applyEdit(contentDir, edit, options.texture);
		try {
			const edited = await runBuild(target, 'edit', { upToDate: 'check' });
			results.builds.push(edited.record);
			const after = await fileSet(imageCache);
			const check = checkEdit(
				size,
				plan,
				contentDir,
				edited.encoded,
				edited.variants,
				[...after].filter((file) => !before.has(file)).length,
				edited.record.cardsDrawn,
			);
			results.edits.push(check);
			console.log(
				`  edit of ${check.recapId}: ${check.encodedOfEditedPhoto}/${check.variantsOfEditedPhoto} variants of the new photo re-encoded, ` +
					`${check.encodedElsewhere.length} elsewhere, ${check.cardsDrawn} card(s) drawn: ${check.ok ? 'as expected' : 'NOT as expected'}`,
			);
		} finally {
			await restore();
		}
	}

	if (options.baseline) {
		const root = path.join(options.work, `baseline-${size}`);
		await writeBaseline(
			root,
			cold.record.output.pages,
			options.seed,
			path.join(projectRoot, 'node_modules'),
		);
		const baseline: BuildTarget = {
			site: 'baseline',
			size,
			root,
			outDir: path.join(root, 'dist'),
			cacheDir: path.join(root, '.cache', 'astro'),
			now: plan.now,
			sourceImages: 0,
			logDir,
		};
		results.builds.push((await runBuild(baseline, 'cold')).record);
		results.builds.push((await runBuild(baseline, 'warm')).record);
	}

	if (options.floor) {
		for (const mode of ['sequential', 'parallel'] as const) {
			const floor = await runFloor(
				size,
				mode,
				{ kind: 'floor', variantsFile, mode, config: imageEncoders },
				logDir,
			);
			if (floor) results.floors.push(floor);
		}
		// The cards are images the site emits too: their sharp work is part of the floor.
		for (const mode of ['sequential', 'parallel'] as const) {
			const floor = await runFloor(
				size,
				`cards, ${mode}`,
				{ kind: 'card-floor', traceDir: cardTraceDir, mode },
				logDir,
			);
			if (floor) results.floors.push(floor);
		}
	}

	// More rounds of the cold ratio's four parts, one right after the other, so that a shared
	// machine's drift over the run weighs on every part alike; the report gives each round.
	if (options.floor && options.baseline) {
		for (let round = 2; round <= options.rounds; round++) {
			await ratioRound(options, target, round, variantsFile, cardTraceDir, results);
		}
	}
}

/** One more round: a cold build, the baseline cold, and both parallel floors. */
async function ratioRound(
	options: Options,
	target: BuildTarget,
	round: number,
	variantsFile: string,
	cardTraceDir: string,
	results: BenchResults,
): Promise<void> {
	const { logDir } = target;
	const suffix = roundSuffix(round);
	const site: BuildTarget = {
		...target,
		outDir: `${target.outDir}-round-${round}`,
		cacheDir: `${target.cacheDir}-round-${round}`,
	};
	const baselineRoot = path.join(options.work, `baseline-${target.size}`);
	const baseline: BuildTarget = {
		...target,
		site: 'baseline',
		root: baselineRoot,
		contentDir: undefined,
		outDir: path.join(baselineRoot, 'dist'),
		cacheDir: path.join(baselineRoot, '.cache', 'astro'),
		sourceImages: 0,
	};
	const fresh = (build: BuildTarget) =>
		Promise.all([
			rm(build.outDir, { recursive: true, force: true }),
			rm(build.cacheDir, { recursive: true, force: true }),
		]);
	await fresh(site);
	results.builds.push((await runBuild(site, `cold${suffix}`, { upToDate: 'check' })).record);
	await fresh(site);
	await fresh(baseline);
	results.builds.push((await runBuild(baseline, `cold${suffix}`)).record);
	const photos = await runFloor(
		target.size,
		`parallel${suffix}`,
		{ kind: 'floor', variantsFile, mode: 'parallel', config: imageEncoders },
		logDir,
	);
	if (photos) results.floors.push(photos);
	const cards = await runFloor(
		target.size,
		`cards, parallel${suffix}`,
		{ kind: 'card-floor', traceDir: cardTraceDir, mode: 'parallel' },
		logDir,
	);
	if (cards) results.floors.push(cards);
}

/** Experiments on one size: other encoder settings, as full cold builds and as what-if floors. */
async function experiments(options: Options, size: number, results: BenchResults): Promise<void> {
	const plan = planSite({ recaps: size, seed: options.seed });
	const siteDir = path.join(options.work, `site-${size}`);
	const logDir = path.join(options.work, 'logs');
	const variantsFile = path.join(logDir, `synthetic-${size}-cold.variants.json`);
	const builds: {
		phase: string;
		inlineConfig?: Record<string, unknown>;
		sharpConcurrency?: number;
	}[] = [
		{
			phase: 'cold, webp effort 4 (sharp default)',
			inlineConfig: {
				image: {
					service: { entrypoint: 'astro/assets/services/sharp', config: { webp: { effort: 4 } } },
				},
			},
		},
		// The site renders four routes at once (astro.config.mjs); this is Astro's default of one.
		{ phase: 'cold, build.concurrency 1', inlineConfig: { build: { concurrency: 1 } } },
		{ phase: 'cold, sharp.concurrency(2)', sharpConcurrency: 2 },
	];
	for (const experiment of builds) {
		const slug = experiment.phase.replace(/[^a-z0-9]+/gi, '-');
		const target: BuildTarget = {
			site: 'synthetic',
			size,
			root: projectRoot,
			contentDir: path.join(siteDir, 'content'),
			outDir: path.join(siteDir, `dist-${slug}`),
			cacheDir: path.join(siteDir, `cache-${slug}`),
			now: plan.now,
			sourceImages: plan.images.length,
			logDir,
		};
		await rm(target.outDir, { recursive: true, force: true });
		await rm(target.cacheDir, { recursive: true, force: true });
		const { record } = await runBuild(target, experiment.phase, experiment);
		results.builds.push(record);
		await rm(target.outDir, { recursive: true, force: true });
		await rm(target.cacheDir, { recursive: true, force: true });
	}
	if (!existsSync(variantsFile)) return;
	const whatIfs: { mode: string; job: Partial<FloorJob>; note: string }[] = [
		{
			mode: 'what-if: webp effort 4',
			job: { config: { webp: { effort: 4 } } },
			note: "webp at sharp's default effort 4 (the site uses 2)",
		},
		{
			mode: 'what-if: webp effort 0',
			job: { config: { webp: { effort: 0 } } },
			note: 'webp effort 0',
		},
		{
			mode: 'what-if: AVIF effort 2 for the webp variants',
			job: { reformat: { from: 'webp', to: 'avif' }, config: { avif: { effort: 2 } } },
			note: 'every webp variant as AVIF, effort 2, same quality number',
		},
		{
			mode: 'what-if: no 1600w variants',
			job: { skipWidths: [1600] },
			note: 'widths 480/800/1200 only',
		},
	];
	for (const whatIf of whatIfs) {
		const floor = await runFloor(
			size,
			whatIf.mode,
			{ kind: 'floor', variantsFile, mode: 'parallel', config: imageEncoders, ...whatIf.job },
			logDir,
			whatIf.note,
		);
		if (floor) results.floors.push(floor);
	}
}

/** The real site's build and its page-weight budgets (scripts/lib/budgets.ts, when present). */
async function realSite(options: Options, results: BenchResults): Promise<void> {
	const dir = path.join(options.work, 'real');
	const target: BuildTarget = {
		site: 'real',
		size: 1,
		root: projectRoot,
		outDir: path.join(dir, 'dist'),
		cacheDir: path.join(dir, 'cache'),
		now: REAL_NOW,
		sourceImages: [...(await fileSet(path.join(projectRoot, 'content')))].filter((file) =>
			/\.(jpe?g|png|webp|avif)$/i.test(file),
		).length,
		logDir: path.join(options.work, 'logs'),
	};
	await rm(target.outDir, { recursive: true, force: true });
	await rm(target.cacheDir, { recursive: true, force: true });
	const { record } = await runBuild(target, 'cold');
	results.builds.push(record);
	if (!record.measurement.ok) return;
	// Hook: the page-weight budgets module (another engineer's). It must export measureSite(dir),
	// checkBudgets(weights) and renderBudgetReport(weights), as scripts/lib/budgets.ts does.
	try {
		const budgets = await import('./lib/budgets.ts');
		const weights = await budgets.measureSite(target.outDir);
		const problems = budgets.checkBudgets(weights);
		results.budget = [
			problems.length === 0
				? `All ${weights.length} pages within budget.`
				: `${problems.length} budget problem(s): ${problems.map((p) => `${p.page} ${p.budget} ${p.actual} > ${p.limit}`).join('; ')}`,
			'',
			budgets.renderBudgetReport(weights),
		].join('\n');
		console.log(`\n${results.budget}\n`);
	} catch (error) {
		results.budget = `No budget report: scripts/lib/budgets.ts could not be used (${error instanceof Error ? error.message : String(error)}).`;
		console.log(results.budget);
	}
}

/**
 * The synthetic size the budget summary covers: the largest up to 100 recaps. budgets.ts's
 * measureSite reads and parses every page at once, which runs out of heap at 1000 recaps.
 */
function budgetSize(sizes: readonly number[]): number | undefined {
	const small = sizes.filter((size) => size <= 100);
	return small.length > 0 ? Math.max(...small) : undefined;
}

/** A summary of the page-weight budgets over a synthetic site's cold build (same hook as above). */
async function syntheticBudget(
	options: Options,
	size: number,
	results: BenchResults,
): Promise<void> {
	const dir = path.join(options.work, `site-${size}`, 'dist');
	if (!existsSync(dir)) return;
	try {
		const budgets = await import('./lib/budgets.ts');
		const weights = await budgets.measureSite(dir);
		const problems = budgets.checkBudgets(weights);
		const byBudget = new Map<string, { count: number; worst: number; limit: number }>();
		for (const problem of problems) {
			const key = problem.budget.startsWith('portrait') ? 'portrait' : problem.budget;
			const entry = byBudget.get(key) ?? { count: 0, worst: 0, limit: problem.limit };
			entry.count++;
			entry.worst = Math.max(entry.worst, problem.actual);
			byBudget.set(key, entry);
		}
		const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
		results.syntheticBudget = [
			`${size}-recap site, cold build: ${weights.length} pages, ${problems.length} over a budget.`,
			'',
			...[...byBudget].map(
				([budget, e]) =>
					`- ${budget}: ${e.count} page(s), worst ${kb(e.worst)} (limit ${kb(e.limit)})`,
			),
		].join('\n');
		console.log(results.syntheticBudget);
	} catch (error) {
		results.syntheticBudget = `No budget summary (${error instanceof Error ? error.message : String(error)}).`;
	}
}

async function writeReports(options: Options, results: BenchResults): Promise<string> {
	results.finishedAt = new Date().toISOString();
	results.acceptance = acceptance(
		results,
		options.sizes.includes(100) ? 100 : (options.sizes.at(-1) ?? 100),
	);
	await mkdir(options.reports, { recursive: true });
	const markdown = renderMarkdown(results);
	await writeFile(path.join(options.reports, 'bench.md'), markdown);
	await writeFile(
		path.join(options.reports, 'bench.json'),
		`${JSON.stringify(results, null, '\t')}\n`,
	);
	return markdown;
}

/** Recomputes the ratios and rewrites bench.md from an earlier run's bench.json. */
async function renderOnly(options: Options): Promise<void> {
	const file = path.join(options.reports, 'bench.json');
	const results = JSON.parse(await readFile(file, 'utf8')) as BenchResults;
	const { finishedAt } = results;
	// Parsers may have improved since the run: read every build's log again.
	for (const build of results.builds) {
		const output = await readFile(build.measurement.logFile, 'utf8').catch(() => undefined);
		if (output === undefined) continue;
		build.phases = parsePhases(output);
		build.routes = routeBreakdown(parseRouteTimes(output));
		build.integrations = parseIntegrations(output);
	}
	const size = budgetSize(results.builds.filter((b) => b.site === 'synthetic').map((b) => b.size));
	if (!results.syntheticBudget && size !== undefined) await syntheticBudget(options, size, results);
	await writeReports(options, results);
	results.finishedAt = finishedAt;
	const markdown = renderMarkdown(results);
	await writeFile(path.join(options.reports, 'bench.md'), markdown);
	await writeFile(file, `${JSON.stringify(results, null, '\t')}\n`);
	console.log(markdown);
}

async function main(): Promise<void> {
	const options = readOptions();
	if (options.renderOnly) return renderOnly(options);
	await mkdir(path.join(options.work, 'logs'), { recursive: true });
	const results: BenchResults = {
		startedAt: new Date().toISOString(),
		finishedAt: '',
		seed: options.seed,
		texture: options.texture,
		machine: machineInfo(projectRoot),
		generation: [],
		builds: [],
		floors: [],
		edits: [],
		acceptance: [],
		notes: [
			existsSync(TIME_BIN)
				? `CPU and max RSS from ${TIME_BIN} -v around each build's process (children included).`
				: "CPU and max RSS from the build process's own process.resourceUsage() (no GNU time here).",
			`Photos are drawn with texture "${options.texture}"${options.texture === 'grain' ? ' (flat shapes plus seeded grain, so they encode about like camera photos)' : ' (flat shapes: encoding is cheaper than for real photos, a lower bound)'}.`,
			'The markdown baseline has one plain .md post per page of the synthetic site (same page count), one template, no images.',
			"The sharp floor has two parts: the Astro image variants, and the preview cards' sharp work (SVG to PNG, photo to round portrait). satori's layout of the cards is not sharp work and is in neither.",
		],
	};
	console.log(
		`bench: sizes ${options.sizes.join(', ')}, seed ${options.seed}; ${results.machine.cpus} × ${results.machine.cpuModel}, load ${loadNow()}`,
	);
	for (const size of options.sizes) {
		await benchSize(options, size, results);
		await writeReports(options, results);
	}
	const budgeted = budgetSize(options.sizes);
	if (budgeted !== undefined) await syntheticBudget(options, budgeted, results);
	if (options.experiments) {
		const size = options.sizes.filter((n) => n <= 100).at(-1);
		if (size !== undefined) await experiments(options, size, results);
		await writeReports(options, results);
	}
	if (options.real) await realSite(options, results);
	const markdown = await writeReports(options, results);
	console.log(`\n${markdown}`);
	console.log(
		`written: ${path.relative(projectRoot, path.join(options.reports, 'bench.md'))}, bench.json`,
	);
}

try {
	await main();
} catch (error) {
	if (error instanceof UsageError) {
		console.error(`bench: ${error.message}\n\n${USAGE}`);
		process.exitCode = 2;
	} else {
		console.error(error instanceof Error ? (error.stack ?? error.message) : error);
		process.exitCode = 1;
	}
}
