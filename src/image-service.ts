/**
 * The site's image service (`image.service.entrypoint` in astro.config.mjs): Astro's sharp
 * service, making exactly the same files, plus two things in `astro build`. When Astro's image
 * phase asks for one variant of a photo, the photo's other variants start encoding as well, from
 * the same bytes, so all four of libuv's threads encode instead of Astro's two
 * (src/lib/encode-ahead.ts). And while pages render, each event photo they record goes to a
 * low-priority helper process that puts its variants in Astro's image cache on an idle core
 * (src/lib/photos-ahead.ts).
 *
 * - Which other variants: those in Astro's record of the build's images
 *   (`globalThis.astroAsset.staticImages`, filled while pages render) that are not already in
 *   Astro's image cache, since Astro never asks for those. If the record is missing or shaped
 *   otherwise (a later Astro), nothing is encoded ahead and the build is Astro's own.
 * - A result encoded ahead is used only for the very bytes it was made from.
 * - The original Astro hands over is a stub standing for the photo (src/lib/photo-originals.ts);
 *   the photo is read from its source file.
 * - Under `astro dev` this is Astro's sharp service, untouched.
 *
 * Measured and not kept (100-recap benchmark site, cold builds alternated with this code):
 * queueing each variant as soon as a page records it, so photos encode while pages render, cost
 * ~5 more core-seconds and 0-3 s of wall (routes and cards slowed by more than the image phase
 * gained); queueing the next four photos' variants from their own files, so the queue never
 * waits on Astro's loop, left the phase's first 8 s (1600 small portrait variants, 1.8 cores
 * busy) as they were: what holds them is Astro's own work per variant, not an idle queue;
 * starting the event photos in this process once every card was drawn, while the last pages
 * render, moved 2-3 s from the image phase to the page phase and gained nothing (the pages'
 * thread lost the core to the encoders). The helper at the lowest priority gets only what
 * nothing else wants.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { LocalImageService } from 'astro';
import sharpService from 'astro/assets/services/sharp';
import {
	createEncodeAhead,
	transformKey,
	variantsByKey,
	variantsToEncodeAhead,
	type EncodedImage,
	type RecordedVariant,
	type TransformFields,
} from './lib/encode-ahead.ts';
import { originalBytes, photoStubs } from './lib/photo-originals.ts';
import { photoJobs, photosAheadChannel, type RecordedPhoto } from './lib/photos-ahead.ts';

type Transform = LocalImageService['transform'];

interface EncodedAhead extends EncodedImage {
	/** The bytes it was made from. */
	input: Uint8Array;
}

/**
 * Two per core. Astro's own two encodings are often waiting for a result this queue is already
 * making, so the queue alone must keep libuv's four threads busy: on the 100-recap benchmark
 * site the image phase took 27.2 s (twice) at 1.93 cores busy, against 29.6 s at 1.86 with one
 * per core; three per core gave 27.0 s.
 */
const ahead = createEncodeAhead<EncodedAhead>({ concurrency: 2 * availableParallelism() });

const assetsCache = path.join(import.meta.env.RECAP_CACHE_DIR_PATH ?? '', 'assets');

let recorded: Map<string, readonly RecordedVariant[]> | undefined;

/**
 * Astro's record of the build's image variants, by photo, indexed by variant; empty if it is not
 * there. Read once, on the image phase's first call: by then every page has rendered.
 */
function recordedVariants(): ReadonlyMap<string, readonly RecordedVariant[]> {
	recorded ??= variantsByKey(recordedPhotos());
	return recorded;
}

function recordedPhotos(): RecordedVariant[][] {
	return recordedPhotosWithSources().map((photo) =>
		photo.variants.map(({ finalPath, transform }) => ({
			key: transformKey(transform.src as string, transform),
			finalPath,
			transform,
		})),
	);
}

/**
 * Astro's record of the build's images, photo by photo, in Astro's order: each variant's
 * transform with `src` as the photo's built URL (as Astro later passes it to `transform`), and
 * the file Astro read the photo from.
 */
function recordedPhotosWithSources(): RecordedPhoto[] {
	const photos: RecordedPhoto[] = [];
	const staticImages: unknown = (globalThis as { astroAsset?: { staticImages?: unknown } })
		.astroAsset?.staticImages;
	if (!(staticImages instanceof Map)) return photos;
	for (const photo of staticImages.values() as Iterable<unknown>) {
		const { transforms, originalSrcPath } = (photo ?? {}) as {
			transforms?: unknown;
			originalSrcPath?: unknown;
		};
		if (!(transforms instanceof Map)) continue;
		const variants: RecordedPhoto['variants'][number][] = [];
		for (const value of transforms.values() as Iterable<unknown>) {
			const { finalPath, transform } = (value ?? {}) as {
				finalPath?: unknown;
				transform?: TransformFields & { src?: unknown };
			};
			const src =
				typeof transform?.src === 'object' && transform.src !== null
					? (transform.src as { src?: unknown }).src
					: transform?.src;
			if (typeof finalPath !== 'string' || typeof src !== 'string' || !transform) continue;
			variants.push({ finalPath, transform: { ...transform, src } });
		}
		const source = typeof originalSrcPath === 'string' ? originalSrcPath : undefined;
		photos.push({ source, variants });
	}
	return photos;
}

/**
 * While pages render: the event photos they have recorded go to the helper that encodes them
 * ahead into Astro's image cache (src/lib/photos-ahead.ts), looked at every `SEND_EVERY_MS`
 * from the first page that asks for an image until the image phase starts.
 */
const SEND_EVERY_MS = 500;
let imagePhase = false;
let sending = false;

function sendPhotosAhead(imageConfig: unknown): void {
	const send = photosAheadChannel();
	if (!send || sending) return;
	sending = true;
	send({ config: imageConfig });
	const sent = new Set<string>();
	const look = () => {
		if (imagePhase) return clearInterval(timer);
		const digests = new Map<string, string>();
		for (const [digest, source] of photoStubs().sources) digests.set(source, digest);
		const jobs = photoJobs(recordedPhotosWithSources(), {
			digestOf: (source) => digests.get(source),
			cacheDir: assetsCache,
			isCached: existsSync,
			sent,
		});
		for (const photo of jobs) send({ photo });
	};
	const timer = setInterval(look, SEND_EVERY_MS);
	timer.unref();
}

const validateOptions: NonNullable<LocalImageService['validateOptions']> = (
	options,
	imageConfig,
	logger,
) => {
	if (import.meta.env.RECAP_WHOLE_BUILD) sendPhotosAhead(imageConfig);
	return sharpService.validateOptions!(options, imageConfig, logger);
};

/** Whether Astro's image cache has the variant (its file there is named as the output's). */
const isCached = (variant: RecordedVariant) =>
	existsSync(path.join(assetsCache, path.posix.basename(variant.finalPath)));

const transform: Transform = async (inputBuffer, transformOptions, imageConfig, logger) => {
	if (!import.meta.env.RECAP_WHOLE_BUILD) {
		return sharpService.transform(inputBuffer, transformOptions, imageConfig, logger);
	}
	imagePhase = true;
	const { src } = transformOptions;
	const key = transformKey(src, transformOptions);
	for (const variant of variantsToEncodeAhead(recordedVariants(), key, isCached)) {
		ahead.offer(variant.key, async () => ({
			// The very call Astro makes for it (astro/dist/assets/build/generate.js).
			...(await sharpService.transform(
				await photoOf(inputBuffer),
				{ ...variant.transform, src },
				imageConfig,
				logger,
			)),
			input: inputBuffer,
		}));
	}
	const pending = ahead.take(key);
	if (pending) {
		// A failure is retried below, where Astro reports it with the file's name.
		const made = await pending.catch(() => undefined);
		if (made && sameBytes(made.input, inputBuffer)) return { data: made.data, format: made.format };
	}
	return sharpService.transform(await photoOf(inputBuffer), transformOptions, imageConfig, logger);
};

/**
 * The photo an original Astro read stands for: a stub, in a build (src/lib/photo-originals.ts).
 * Astro reads an original once for all of its variants, so each photo is read once.
 */
const photos = new WeakMap<Uint8Array, Promise<Uint8Array>>();
function photoOf(original: Uint8Array): Promise<Uint8Array> {
	let photo = photos.get(original);
	if (!photo) {
		photo = originalBytes(original);
		photos.set(original, photo);
	}
	return photo;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	return a === b || Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

const service: LocalImageService = { ...sharpService, validateOptions, transform };

export default service;
