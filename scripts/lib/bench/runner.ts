/**
 * The child process of every benchmark measurement, so each one gets a fresh process whose CPU
 * time and peak memory are its own. `node scripts/lib/bench/runner.ts <job.json>`:
 *
 * - `build`: Astro's programmatic `build()` over `root` (environment from the parent: content,
 *   output and cache folders, RECAP_NOW, NODE_ENV=production), then Astro's record of the image
 *   variants it produced, written to `variantsOut`; with `upToDate`, wrapped in the check
 *   `npm run build` makes first (scripts/lib/build/up-to-date.ts);
 * - `floor`: sharp alone encoding a list of variants, one at a time (`sequential`) or all queued at
 *   once so sharp's default concurrency applies (`parallel`), optionally with other encoder
 *   settings (what-if runs);
 * - `card-floor`: the same for the preview cards' sharp work (each card's SVG to PNG, each
 *   speaker photo to its round portrait), from the trace a cold build left.
 *
 * The last stdout line is `BENCH_RESULT <json>` with `process.resourceUsage()` (CPU in µs, max RSS
 * in KB) and the job's figures.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { encodeVariant } from './encode.ts';
import { buildFolders } from '../../../src/build-folders.ts';
import { buildUnlessCurrent, currentSettings } from '../build/up-to-date.ts';
import { rasterizeCard, roundPortrait } from '../../../src/lib/og-raster.ts';
import {
	RESULT_MARKER,
	type BuildJob,
	type CardFloorJob,
	type ClassCost,
	type FloorFigures,
	type FloorJob,
	type Job,
	type RunnerResult,
} from './protocol.ts';
import { variantClass, variantsFromStaticImages, type Variant } from './variants.ts';

async function runBuild(job: BuildJob): Promise<Pick<RunnerResult, 'variants' | 'upToDate'>> {
	if (job.sharpConcurrency !== undefined) sharp.concurrency(job.sharpConcurrency);
	const build = async () => {
		const astro = await import('astro');
		await astro.build({ root: job.root, logLevel: 'info', ...(job.inlineConfig ?? {}) });
	};
	let upToDate: RunnerResult['upToDate'];
	if (job.upToDate) {
		// As scripts/build.ts does it, with the same folders and settings.
		const freshness = await buildUnlessCurrent(buildFolders(job.root), currentSettings([]), {
			force: job.upToDate === 'force',
			build,
			log: (line) => console.log(line),
		});
		if (freshness.upToDate) {
			console.log(`up to date: ${freshness.inputs} inputs, ${freshness.outputs} outputs`);
			if (job.variantsOut) await writeFile(job.variantsOut, '[]');
			return { variants: 0, upToDate: { skipped: true } };
		}
		upToDate = { skipped: false, reason: freshness.reason };
	} else {
		await build();
	}
	const record = (globalThis as { astroAsset?: { staticImages?: unknown } }).astroAsset;
	const variants = variantsFromStaticImages(record?.staticImages);
	if (job.variantsOut) await writeFile(job.variantsOut, JSON.stringify(variants));
	return { variants: variants.length, ...(upToDate ? { upToDate } : {}) };
}

async function runFloor(job: FloorJob): Promise<FloorFigures> {
	sharp.cache(false); // as Astro's sharp service does
	const all = JSON.parse(await readFile(job.variantsFile, 'utf8')) as Variant[];
	const skip = new Set(job.skipWidths ?? []);
	const variants = all.filter((v) => v.width === undefined || !skip.has(v.width));
	// Sources are read before the clock starts: the floor is the encoding, not the disk.
	const sources = new Map<string, Buffer>();
	for (const variant of variants) {
		if (!sources.has(variant.source)) sources.set(variant.source, await readFile(variant.source));
	}
	const formatOf = (variant: Variant) =>
		job.reformat && variant.format === job.reformat.from ? job.reformat.to : variant.format;
	return timeTasks(
		variants.map((variant) => ({
			kind: variantClass({ ...variant, format: formatOf(variant) }),
			run: () =>
				encodeVariant(sources.get(variant.source)!, variant, job.config, formatOf(variant)),
		})),
		job.mode,
	);
}

async function runCardFloor(job: CardFloorJob): Promise<FloorFigures> {
	sharp.cache(false);
	// Read before the clock starts, as for the photos: each card drawn once, each photo cut once.
	const files = (await readdir(job.traceDir)).filter((name) => name.endsWith('.svg')).sort();
	const svgs = await Promise.all(
		files.map((name) => readFile(path.join(job.traceDir, name), 'utf8')),
	);
	const portraitList = await readFile(path.join(job.traceDir, 'portraits.txt'), 'utf8').catch(
		() => '',
	);
	const photos = await Promise.all(
		[...new Set(portraitList.split('\n').filter(Boolean))].map((file) => readFile(file)),
	);
	const tasks = [
		...photos.map((photo) => ({ kind: 'portrait 176x176 png', run: () => roundPortrait(photo) })),
		...svgs.map((svg) => ({ kind: 'card 1200x630 png', run: () => rasterizeCard(svg) })),
	];
	return timeTasks(tasks, job.mode);
}

/**
 * Times sharp tasks the way every floor is timed: all queued at once (`parallel`, so sharp's own
 * concurrency applies), or one at a time (`sequential`), which also gives the cost per class.
 */
async function timeTasks(
	tasks: readonly { kind: string; run: () => Promise<Buffer> }[],
	mode: 'sequential' | 'parallel',
): Promise<FloorFigures> {
	const started = performance.now();
	if (mode === 'parallel') {
		const outputs = await Promise.all(tasks.map((task) => task.run()));
		return {
			variants: tasks.length,
			encodeMs: performance.now() - started,
			outputBytes: outputs.reduce((sum, output) => sum + output.length, 0),
		};
	}
	const byClass: Record<string, ClassCost> = {};
	let outputBytes = 0;
	for (const task of tasks) {
		const start = performance.now();
		const output = await task.run();
		const entry = (byClass[task.kind] ??= { count: 0, ms: 0, bytes: 0 });
		entry.count++;
		entry.ms += performance.now() - start;
		entry.bytes += output.length;
		outputBytes += output.length;
	}
	return { variants: tasks.length, encodeMs: performance.now() - started, outputBytes, byClass };
}

async function main(): Promise<void> {
	const jobFile = process.argv[2];
	if (!jobFile) throw new Error('usage: node scripts/lib/bench/runner.ts <job.json>');
	const job = JSON.parse(await readFile(jobFile, 'utf8')) as Job;
	const started = performance.now();
	let result: RunnerResult;
	try {
		const extra =
			job.kind === 'build'
				? await runBuild(job)
				: { floor: job.kind === 'floor' ? await runFloor(job) : await runCardFloor(job) };
		result = {
			ok: true,
			wallMs: performance.now() - started,
			usage: process.resourceUsage(),
			...extra,
		};
	} catch (error) {
		console.error(error);
		result = {
			ok: false,
			error: error instanceof Error ? error.message : String(error),
			wallMs: performance.now() - started,
			usage: process.resourceUsage(),
		};
	}
	process.stdout.write(`\n${RESULT_MARKER}${JSON.stringify(result)}\n`);
	// Astro and sharp may keep handles open; the measurement is done.
	process.exit(result.ok ? 0 : 1);
}

await main();
