/**
 * Event photos encoded ahead of Astro's image phase, by a helper process that only ever gets a
 * core nothing else wants (src/integrations/photos-ahead.ts).
 *
 * While pages render, the build's main thread often waits on its own file writes and cards, and
 * a core idles on and off; at the start of the image phase Astro works through the speakers' 1600
 * small portrait variants, held by its own work per variant, with a core partly idle again. The
 * image service (src/image-service.ts) sends the helper each event photo as soon as a page has
 * recorded it; the helper encodes its variants with Astro's own sharp service and puts them in
 * Astro's image cache, under the very names Astro looks for, so the image phase finds them there
 * and copies them instead of encoding them. Astro works through the photos from the first
 * recorded; the helper from the last, so the two seldom meet on one photo.
 *
 * This module is the pure part (which photos, which variants, the messages) and the channel
 * between the image service and the integration; it is tested without Astro.
 */
import path from 'node:path';

/** A variant of a photo, as Astro's record of a build's images holds it. */
export interface RecordedPhotoVariant {
	/** Where Astro writes it, e.g. `/_astro/hero.BbXT3OV5_Z1N8ngH.webp`. */
	finalPath: string;
	/** The transform Astro will hand its image service, with `src` as the photo's built URL. */
	transform: Readonly<Record<string, unknown>>;
}

/** A photo in Astro's record of a build's images. */
export interface RecordedPhoto {
	/** The file Astro read the photo from, when the record says. */
	source: string | undefined;
	variants: readonly RecordedPhotoVariant[];
}

/** One photo for the helper. */
export interface PhotoJob {
	/** The photo's source file. */
	source: string;
	/**
	 * The SHA-256 the build's stub for the photo names (src/lib/photo-originals.ts): the bytes
	 * the variants' names were made from. The helper encodes nothing if the file no longer has them.
	 */
	digest: string;
	/** The variants to encode, each with the file Astro's image cache keeps it in. */
	variants: { transform: Record<string, unknown>; cacheFile: string }[];
}

/** What the image service sends the helper, one JSON line each: the image settings first. */
export type PhotosAheadMessage = { config: unknown } | { photo: PhotoJob };

/**
 * Variants this wide or wider are the event photos', each worth encoding early (tens to hundreds
 * of milliseconds each); the speakers' portraits (72-320 px) encode in a few, and what holds
 * their part of the image phase is Astro's own work per variant, which a cache hit costs too.
 */
export const EARLY_MIN_WIDTH = 480;

/**
 * The helper's jobs for the photos of `record` not yet in `sent` (which this adds them to): event
 * photos whose source the build stubbed, with their variants not yet in Astro's image cache.
 * Photos without a source or a stub are left to the image phase.
 */
export function photoJobs(
	record: Iterable<RecordedPhoto>,
	options: {
		/** The SHA-256 of the build's stub for a source file, if it has one. */
		digestOf: (source: string) => string | undefined;
		/** Astro's image cache folder. */
		cacheDir: string;
		isCached: (cacheFile: string) => boolean;
		/** Source files already sent. */
		sent: Set<string>;
	},
): PhotoJob[] {
	const jobs: PhotoJob[] = [];
	for (const { source, variants } of record) {
		if (source === undefined || options.sent.has(source)) continue;
		if (!variants.some(isEventPhotoVariant)) continue;
		const digest = options.digestOf(source);
		if (digest === undefined) continue;
		options.sent.add(source);
		const missing = variants
			.map((variant) => ({
				transform: { ...variant.transform },
				cacheFile: cacheFileOf(variant.finalPath, options.cacheDir),
			}))
			.filter((variant) => !options.isCached(variant.cacheFile));
		if (missing.length > 0) jobs.push({ source, digest, variants: missing });
	}
	return jobs;
}

function isEventPhotoVariant(variant: RecordedPhotoVariant): boolean {
	const { width } = variant.transform;
	return typeof width === 'number' && width >= EARLY_MIN_WIDTH;
}

/**
 * The file Astro's image cache keeps a variant in: its output file's name, in the cache folder
 * (astro/dist/assets/build/generate.js).
 *
 * @example cacheFileOf('/_astro/hero.Bb_Z1N.webp', '/site/.cache/astro/assets') // '/site/.cache/astro/assets/hero.Bb_Z1N.webp'
 */
export function cacheFileOf(finalPath: string, cacheDir: string): string {
	return path.join(cacheDir, path.posix.basename(finalPath));
}

/** What the helper did, as it reports it on exit. */
export interface PhotosAheadReport {
	/** Variants encoded and put in the cache. */
	encoded: number;
	/** Variants found in the cache already (Astro got there first). */
	found: number;
	/** Photos left alone: changed since the build read them, unreadable, or an encoding warned. */
	skipped: { source: string; why: string }[];
}

/**
 * The channel from the image service to the helper: a function taking one message. On
 * `globalThis`, as Astro passes its own image records, since the integration that starts the
 * helper and the image service bundled into the pages' code are separate module graphs.
 */
const CHANNEL = Symbol.for('recap.photosAhead');

type Send = (message: PhotosAheadMessage) => void;

/** The helper's channel, if one is open in this process. */
export function photosAheadChannel(): Send | undefined {
	return (globalThis as { [CHANNEL]?: Send })[CHANNEL];
}

/** Opens the channel (`send`), or closes it (`undefined`). */
export function setPhotosAheadChannel(send: Send | undefined): void {
	const store = globalThis as { [CHANNEL]?: Send };
	if (send) store[CHANNEL] = send;
	else Reflect.deleteProperty(store, CHANNEL);
}
