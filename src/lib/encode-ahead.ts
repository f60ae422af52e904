/**
 * Encoding a photo's next variants while Astro encodes the current one.
 *
 * Astro's image phase works through the photos two at a time, and through each photo's variants
 * one after the other: at most two encodings run at once, and a core idles whenever one of them
 * waits on the disk. `src/image-service.ts` uses this module so that when Astro asks for one
 * variant of a photo, the photo's other variants that Astro will ask for next start too, from the
 * same bytes. When Astro reaches them, it takes the finished (or running) result.
 *
 * This module is the scheduling only, with the work passed in, so it is tested without Astro.
 */

/** What an image service's `transform` returns. */
export interface EncodedImage {
	data: Uint8Array;
	format: string;
}

/** A transform as Astro passes it around; `transformKey` reads the fields that decide pixels. */
export type TransformFields = Readonly<Record<string, unknown>>;

/**
 * Which variant a transform makes: the photo's built URL (its name carries a hash of the photo's
 * bytes) and every field Astro's sharp service reads. Astro's record of the variants and its
 * later call to `transform` agree on it.
 */
export function transformKey(src: string, fields: TransformFields): string {
	const { width, height, format, quality, fit, position, background } = fields;
	return JSON.stringify([src, width, height, format, quality, fit, position, background]);
}

/** One variant of a photo in Astro's record of a build's images. */
export interface RecordedVariant {
	key: string;
	/** Where Astro writes it, e.g. `/_astro/hero.BbXT3OV5_Z1N8ngH.webp`. */
	finalPath: string;
	transform: TransformFields;
}

/** Each recorded variant's key, to the variants of its photo. */
export function variantsByKey(
	photos: Iterable<readonly RecordedVariant[]>,
): Map<string, readonly RecordedVariant[]> {
	const index = new Map<string, readonly RecordedVariant[]>();
	for (const variants of photos) for (const variant of variants) index.set(variant.key, variants);
	return index;
}

/**
 * The variants of the photo `key` belongs to that are worth encoding ahead: the others Astro will
 * ask for, those it does not already have in its cache. Their order is Astro's.
 */
export function variantsToEncodeAhead(
	index: ReadonlyMap<string, readonly RecordedVariant[]>,
	key: string,
	isCached: (variant: RecordedVariant) => boolean,
): RecordedVariant[] {
	return (index.get(key) ?? []).filter((variant) => variant.key !== key && !isCached(variant));
}

export interface EncodeAheadOptions {
	/** Encodings the queue runs at once, besides those the image phase runs itself. */
	concurrency?: number;
	/**
	 * Finished results waiting to be taken are held in memory; past this many bytes no new
	 * encoding starts until some are taken.
	 */
	maxHeldBytes?: number;
}

export interface EncodeAheadStats {
	offered: number;
	/** Started by the queue itself. */
	startedAhead: number;
	/** Taken while still queued, so started by the taker. */
	startedOnTake: number;
	taken: number;
	/** Bytes of finished results not yet taken. */
	heldBytes: number;
	/** Encodings the queue itself is running. */
	running: number;
}

export interface EncodeAhead<T extends EncodedImage = EncodedImage> {
	/**
	 * Queues `encode` under `key`, unless that key was offered before (queued, running, waiting to
	 * be taken, or taken). Returns whether it was queued.
	 */
	offer(key: string, encode: () => Promise<T>): boolean;
	/**
	 * The result for `key`, which then leaves the queue: a queued encoding starts now, a running
	 * one is awaited. `undefined` when nothing was offered under `key`, or it was taken already.
	 */
	take(key: string): Promise<T> | undefined;
	readonly stats: Readonly<EncodeAheadStats>;
}

interface Entry<T> {
	encode: () => Promise<T>;
	result?: Promise<T>;
	/** Bytes counted in `heldBytes` for this entry's finished, untaken result. */
	held: number;
}

export function createEncodeAhead<T extends EncodedImage = EncodedImage>({
	concurrency = 2,
	maxHeldBytes = 64 * 1024 * 1024,
}: EncodeAheadOptions = {}): EncodeAhead<T> {
	const entries = new Map<string, Entry<T>>();
	/** Keys already taken: offered again, they are not encoded twice. */
	const taken = new Set<string>();
	/** Keys offered and not yet started, oldest first. */
	const queue: string[] = [];
	const stats: EncodeAheadStats = {
		offered: 0,
		startedAhead: 0,
		startedOnTake: 0,
		taken: 0,
		heldBytes: 0,
		running: 0,
	};

	function start(key: string, entry: Entry<T>): void {
		stats.running++;
		const result = entry.encode();
		entry.result = result;
		result
			.then(
				(image) => {
					// Still waiting to be taken: count it against the budget until it is.
					if (entries.get(key) === entry) {
						entry.held = image.data.byteLength;
						stats.heldBytes += entry.held;
					}
				},
				() => undefined,
			)
			.finally(() => {
				stats.running--;
				pump();
			});
	}

	function pump(): void {
		while (stats.running < concurrency && stats.heldBytes < maxHeldBytes && queue.length > 0) {
			const key = queue.shift()!;
			const entry = entries.get(key);
			// Gone (taken while queued) or already started by its taker.
			if (!entry || entry.result) continue;
			stats.startedAhead++;
			start(key, entry);
		}
	}

	return {
		stats,
		offer(key, encode) {
			if (entries.has(key) || taken.has(key)) return false;
			entries.set(key, { encode, held: 0 });
			queue.push(key);
			stats.offered++;
			pump();
			return true;
		},
		take(key) {
			const entry = entries.get(key);
			if (!entry) return undefined;
			entries.delete(key);
			taken.add(key);
			stats.taken++;
			if (entry.held > 0) {
				stats.heldBytes -= entry.held;
				entry.held = 0;
				pump();
			}
			if (entry.result) return entry.result;
			// Still queued: the taker is waiting, so it starts now, besides the queue's own work.
			stats.startedOnTake++;
			return entry.encode();
		},
	};
}
