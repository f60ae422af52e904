/**
 * The round speaker portraits preview cards embed, kept on disk by their photo's bytes, so that
 * they can be cut before the cards need them. A cold build of the 100-recap benchmark site cuts
 * 320 of them: 3.4 s of sharp work that otherwise lands in the page phase, where the main thread
 * (satori, pages) and sharp's threads (the cards) already keep both cores busy. Cut ahead by a
 * low-priority helper while Astro starts up (about one core is idle then; see
 * src/integrations/portraits-ahead.ts), they cost the page phase only a file read each.
 *
 * Plain Node and sharp only: the helper runs this module outside the build's bundler.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { writeFileAtomically } from './atomic-write.ts';
import { PORTRAIT_PNG_OPTIONS, PORTRAIT_SIZE, roundPortrait } from './og-raster.ts';

/** The portraits' folder inside the card cache's folder (`ogCacheDir`). */
export function portraitCacheDir(ogDir: string): string {
	return path.join(ogDir, 'portraits');
}

/** What besides the photo's bytes decides a portrait's pixels; a change is a new file name. */
const RECIPE = JSON.stringify({
	size: PORTRAIT_SIZE,
	png: PORTRAIT_PNG_OPTIONS,
	sharp: sharp.versions,
	cut: 'rotated upright, cover, on white, round',
});

/** sha256 of a photo's bytes, hex: what a card's portrait reference names (og-cache.ts). */
export function photoDigest(bytes: Buffer): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/** Where the portrait of the photo with this digest is kept. */
export function portraitCacheFile(dir: string, digest: string): string {
	const name = createHash('sha256').update(`${RECIPE}\n${digest}`).digest('hex');
	return path.join(dir, `${name}.png`);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** The last chunk of every PNG: length 0, type IEND, and its fixed CRC. */
const PNG_END = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/**
 * The kept portrait of the photo with this digest, or undefined when there is none or the file is
 * not a whole PNG (cut short, or overwritten by something else): the caller cuts it again.
 */
export async function readCachedPortrait(dir: string, digest: string): Promise<Buffer | undefined> {
	let png: Buffer;
	try {
		png = await readFile(portraitCacheFile(dir, digest));
	} catch {
		return undefined;
	}
	const whole =
		png.length > PNG_SIGNATURE.length + PNG_END.length &&
		png.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE) &&
		png.subarray(png.length - PNG_END.length).equals(PNG_END);
	return whole ? png : undefined;
}

/**
 * Keeps a portrait, atomically: the build and the helper may write the same one at once, and a
 * reader only ever finds a whole PNG.
 */
export async function storePortrait(dir: string, digest: string, png: Buffer): Promise<void> {
	await mkdir(dir, { recursive: true });
	await writeFileAtomically(portraitCacheFile(dir, digest), png);
}

/**
 * The portrait of a photo (its file or bytes, and their `photoDigest`): the kept one, or cut now
 * and kept. `cut` says which. Keeping is best effort: a portrait that cannot be kept is still
 * returned (and cut again next time), with why in `notKept`.
 */
export async function keptOrCutPortrait(
	dir: string,
	digest: string,
	photo: string | Buffer,
): Promise<{ png: Buffer; cut: boolean; notKept?: unknown }> {
	const kept = await readCachedPortrait(dir, digest);
	if (kept) return { png: kept, cut: false };
	const png = await roundPortrait(photo);
	try {
		await storePortrait(dir, digest, png);
		return { png, cut: true };
	} catch (error) {
		return { png, cut: true, notKept: error };
	}
}

/** What `cutPortraits` did. */
export interface CutReport {
	/** Photos cut and kept. */
	cut: number;
	/** Photos whose portrait was already kept. */
	found: number;
	/** Photos that could not be cut (unreadable or not an image) or kept, each with its error. */
	failed: { file: string; error: string }[];
}

/**
 * Cuts and keeps the portrait of each photo not kept yet, one at a time (the helper is meant to
 * use idle time, not to compete for it). A photo that fails is reported and skipped: the build
 * names its problem where a card needs it.
 */
export async function cutPortraits(
	photos: readonly string[],
	dir: string,
	onCut: (file: string) => void = () => undefined,
): Promise<CutReport> {
	const report: CutReport = { cut: 0, found: 0, failed: [] };
	const fail = (file: string, error: unknown) =>
		report.failed.push({ file, error: error instanceof Error ? error.message : String(error) });
	for (const file of photos) {
		try {
			const bytes = await readFile(file);
			const { cut, notKept } = await keptOrCutPortrait(dir, photoDigest(bytes), bytes);
			// The helper is only worth its time for what it keeps.
			if (notKept !== undefined) fail(file, notKept);
			else if (cut) {
				onCut(file);
				report.cut++;
			} else {
				report.found++;
			}
		} catch (error) {
			fail(file, error);
		}
	}
	return report;
}

/** Image files a photo field can point at (as Astro's `image()` reads them). */
const PHOTO = /\.(avif|gif|jpe?g|png|tiff?|webp)$/i;

/**
 * The speaker photos of a content folder: every image under `speakers/`, sorted. A speaker whose
 * photo lives elsewhere still gets a card portrait; the build cuts it when the card is drawn.
 */
export async function speakerPhotos(contentDir: string): Promise<string[]> {
	const folder = path.join(contentDir, 'speakers');
	let names: string[];
	try {
		names = await readdir(folder, { recursive: true });
	} catch {
		return [];
	}
	return names
		.filter((name) => PHOTO.test(name))
		.sort()
		.map((name) => path.join(folder, name));
}
