/**
 * The one step that touches the disk: lists every file of the content folder, reads the text of
 * the files that can be entries and measures every other file with sharp, so the checks after it
 * are pure functions of what was loaded. Nothing is ever written.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

/** What sharp found in a file that is not an entry: an image's size and format, or why not. */
export type ImageProbe =
	{ ok: true; width: number; height: number; format: string } | { ok: false; reason: string };

/** The content folder as the checks see it. */
export interface LoadedContent {
	/** Every file, relative to the content folder, with `/` separators, sorted. */
	files: readonly string[];
	/** The text of every `.yaml`, `.yml`, `.md` and `.mdx` file, by relative path. */
	texts: ReadonlyMap<string, string>;
	/** Every other file, measured as an image, by relative path. */
	images: ReadonlyMap<string, ImageProbe>;
}

const TEXT = /\.(?:ya?ml|mdx?)$/i;

/** Reads the content folder at `root` (an absolute path); throws if there is no such folder. */
export async function loadContent(root: string): Promise<LoadedContent> {
	const info = await stat(root).catch(() => undefined);
	if (!info?.isDirectory()) throw new Error(`no content folder at ${root}`);
	const files = (await readdir(root, { recursive: true, withFileTypes: true }))
		.filter((entry) => entry.isFile())
		.map((entry) =>
			path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
		)
		.toSorted();
	const texts = await mapLimit(
		files.filter((file) => TEXT.test(file)),
		async (file) => [file, await readFile(path.join(root, file), 'utf8')] as const,
	);
	const images = await mapLimit(
		files.filter((file) => !TEXT.test(file)),
		async (file) => [file, await probeImage(path.join(root, file))] as const,
	);
	return { files, texts: new Map(texts), images: new Map(images) };
}

/** Measures an image as readers will see it (after EXIF rotation); never throws. */
export async function probeImage(file: string): Promise<ImageProbe> {
	try {
		const metadata = await sharp(file).metadata();
		// sharp reports AVIF as HEIF with AV1 compression; Astro calls it avif.
		const format =
			metadata.format === 'heif' && metadata.compression === 'av1' ? 'avif' : metadata.format;
		return {
			ok: true,
			width: metadata.autoOrient.width,
			height: metadata.autoOrient.height,
			format,
		};
	} catch (error) {
		return { ok: false, reason: error instanceof Error ? error.message : String(error) };
	}
}

/** Maps over items with at most `limit` calls in flight, so a large site never runs out of file handles. */
async function mapLimit<T, R>(
	items: readonly T[],
	map: (item: T) => Promise<R>,
	limit = 16,
): Promise<R[]> {
	const results: R[] = new Array<R>(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await map(items[index] as T);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return results;
}
