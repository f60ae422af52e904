/**
 * Writes a planned synthetic site to disk: the text files, the images (drawn a few at a time) and
 * a manifest of every file with its size and SHA-256, so a benchmark can reuse an up-to-date site
 * instead of drawing it again, and tests can compare two runs byte for byte.
 *
 * Safety: it never writes into the project's own `content/` (nor into a folder that contains
 * it), and it only clears a folder that is empty or holds a site it generated before.
 */
import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { imageFiles, textFiles } from './files.ts';
import { renderImage, type Texture } from './images.ts';
import type { SitePlan } from './plan.ts';

/** Bump when the generator's output changes, so cached sites are drawn again. */
export const GENERATOR_VERSION = 1;
export const MANIFEST = '.synthetic-site.json';

export interface ManifestFile {
	path: string;
	bytes: number;
	sha256: string;
}

export interface Manifest {
	generator: 'synthetic-site';
	version: number;
	seed: number;
	recaps: number;
	texture: Texture;
	now: string;
	files: ManifestFile[];
}

export interface WriteOptions {
	/** The content root to create. */
	outDir: string;
	/** The project's own content folder, which must never be written to. */
	protectedDir: string;
	texture: Texture;
	/** Images drawn at once (default: the machine's available parallelism). */
	concurrency?: number;
	onProgress?: (done: number, total: number) => void;
}

/** The real path of `target`, or of its nearest existing ancestor joined with the rest. */
function realish(target: string): string {
	const absolute = path.resolve(target);
	let existing = absolute;
	while (!existsSync(existing)) {
		const parent = path.dirname(existing);
		if (parent === existing) break;
		existing = parent;
	}
	return path.join(realpathSync(existing), path.relative(existing, absolute));
}

function isInside(child: string, parent: string): boolean {
	const relative = path.relative(parent, child);
	return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Throws if writing (or clearing) `outDir` could touch `protectedDir`. */
export function assertSafeOutDir(outDir: string, protectedDir: string): void {
	const out = realish(outDir);
	const keep = realish(protectedDir);
	if (isInside(out, keep)) {
		throw new Error(
			`refusing to write a synthetic site into ${outDir}: it is inside the project's content folder (${protectedDir}); choose a folder such as test-output/synthetic`,
		);
	}
	if (isInside(keep, out)) {
		throw new Error(
			`refusing to write a synthetic site into ${outDir}: it contains the project's content folder (${protectedDir}); choose a folder of its own`,
		);
	}
}

export async function readManifest(outDir: string): Promise<Manifest | undefined> {
	try {
		const manifest = JSON.parse(await readFile(path.join(outDir, MANIFEST), 'utf8')) as Manifest;
		return manifest.generator === 'synthetic-site' ? manifest : undefined;
	} catch {
		return undefined;
	}
}

/** True when `outDir` holds a complete site generated with these settings. */
export async function isUpToDate(
	outDir: string,
	plan: SitePlan,
	texture: Texture,
): Promise<boolean> {
	const manifest = await readManifest(outDir);
	if (
		!manifest ||
		manifest.version !== GENERATOR_VERSION ||
		manifest.seed !== plan.options.seed ||
		manifest.recaps !== plan.options.recaps ||
		manifest.texture !== texture
	) {
		return false;
	}
	// Sizes, not hashes: cheap, and enough to notice a file left edited by an interrupted benchmark.
	const sizes = await Promise.all(
		manifest.files.map((file) =>
			stat(path.join(outDir, file.path)).then(
				(info) => info.size,
				() => -1,
			),
		),
	);
	return manifest.files.every((file, index) => sizes[index] === file.bytes);
}

async function clearOutDir(outDir: string): Promise<void> {
	if (!existsSync(outDir)) return;
	const names = await readdir(outDir);
	if (names.length === 0) return;
	if (!(await readManifest(outDir))) {
		throw new Error(
			`refusing to clear ${outDir}: it is not empty and holds no ${MANIFEST} from an earlier run; choose an empty or new folder`,
		);
	}
	await rm(outDir, { recursive: true, force: true });
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** Runs `work` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapLimit<T, R>(
	items: readonly T[],
	limit: number,
	work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results: R[] = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await work(items[index]!, index);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
	return results;
}

export async function writeSite(plan: SitePlan, options: WriteOptions): Promise<Manifest> {
	assertSafeOutDir(options.outDir, options.protectedDir);
	await clearOutDir(options.outDir);
	await mkdir(options.outDir, { recursive: true });
	const files: ManifestFile[] = [];
	const put = async (relative: string, data: Buffer | string) => {
		const target = path.join(options.outDir, relative);
		await mkdir(path.dirname(target), { recursive: true });
		await writeFile(target, data);
		return { path: relative, bytes: Buffer.byteLength(data), sha256: sha256(data) };
	};
	for (const file of textFiles(plan)) files.push(await put(file.path, file.text));

	const images = imageFiles(plan);
	let done = 0;
	const written = await mapLimit(
		images,
		options.concurrency ?? os.availableParallelism(),
		async (spec) => {
			const entry = await put(spec.path, await renderImage(spec, options.texture));
			options.onProgress?.(++done, images.length);
			return entry;
		},
	);
	files.push(...written);
	files.sort((a, b) => a.path.localeCompare(b.path));

	const manifest: Manifest = {
		generator: 'synthetic-site',
		version: GENERATOR_VERSION,
		seed: plan.options.seed,
		recaps: plan.options.recaps,
		texture: options.texture,
		now: plan.now,
		files,
	};
	await writeFile(path.join(options.outDir, MANIFEST), `${JSON.stringify(manifest, null, '\t')}\n`);
	return manifest;
}
