/**
 * Draws preview cards (satori -> SVG -> sharp -> PNG) and caches the PNGs on disk by a content
 * hash, so a build only redraws the cards whose content changed. The layout itself is the pure
 * `ogCardTree` of og-card.ts; this module is the impure side: fonts, portraits, files.
 * Issue 6, items 1 and 6.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { ImageMetadata } from 'astro';
import { ogCacheDir } from '../build-folders.ts';
import satoriPackage from 'satori/package.json';
import sharp from 'sharp';
// The fonts ship with the project (Noto Sans from @fontsource), inlined into the build so the
// renderer never looks for files at run time. satori reads woff, not woff2.
import cyrillic400 from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff?inline';
import cyrillic700 from '@fontsource/noto-sans/files/noto-sans-cyrillic-700-normal.woff?inline';
import cyrillicExt400 from '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-400-normal.woff?inline';
import cyrillicExt700 from '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-700-normal.woff?inline';
import greek400 from '@fontsource/noto-sans/files/noto-sans-greek-400-normal.woff?inline';
import greek700 from '@fontsource/noto-sans/files/noto-sans-greek-700-normal.woff?inline';
import greekExt400 from '@fontsource/noto-sans/files/noto-sans-greek-ext-400-normal.woff?inline';
import greekExt700 from '@fontsource/noto-sans/files/noto-sans-greek-ext-700-normal.woff?inline';
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff?inline';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff?inline';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff?inline';
import latinExt700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff?inline';
import vietnamese400 from '@fontsource/noto-sans/files/noto-sans-vietnamese-400-normal.woff?inline';
import vietnamese700 from '@fontsource/noto-sans/files/noto-sans-vietnamese-700-normal.woff?inline';
import {
	OG_FONT_FAMILY,
	OG_HEIGHT,
	OG_WIDTH,
	ogCardTree,
	portraitSpeakers,
	recapCardData,
	siteCardData,
	talkCardData,
	withImagePlaceholders,
	withoutNoOpImageClips,
	type OgCardContext,
	type OgCardData,
	type OgElement,
} from './og-card.ts';
import { writeFileAtomically } from './atomic-write.ts';
import { CARD_PNG_OPTIONS, rasterizeCard, roundPortrait } from './og-raster.ts';
import { keptOrCutPortrait, photoDigest, portraitCacheDir } from './portrait-cache.ts';
import type { Recap, Series, Speaker, Talk } from './site.ts';

/** A font as satori takes it. */
export interface OgFont {
	name: string;
	data: Buffer;
	weight: 400 | 700;
	style: 'normal';
}

/**
 * Each unicode subset is registered under a name of its own: satori keeps one font per name and
 * weight, and falls back to the other registered names glyph by glyph. The card asks for
 * `OG_FONT_FAMILY` (the Latin subset); accents, Cyrillic, Greek and Vietnamese fall through.
 */
const FONT_FILES: readonly { name: string; weight: 400 | 700; dataUrl: string }[] = [
	{ name: OG_FONT_FAMILY, weight: 400, dataUrl: latin400 },
	{ name: OG_FONT_FAMILY, weight: 700, dataUrl: latin700 },
	{ name: `${OG_FONT_FAMILY} Latin Ext`, weight: 400, dataUrl: latinExt400 },
	{ name: `${OG_FONT_FAMILY} Latin Ext`, weight: 700, dataUrl: latinExt700 },
	{ name: `${OG_FONT_FAMILY} Cyrillic`, weight: 400, dataUrl: cyrillic400 },
	{ name: `${OG_FONT_FAMILY} Cyrillic`, weight: 700, dataUrl: cyrillic700 },
	{ name: `${OG_FONT_FAMILY} Cyrillic Ext`, weight: 400, dataUrl: cyrillicExt400 },
	{ name: `${OG_FONT_FAMILY} Cyrillic Ext`, weight: 700, dataUrl: cyrillicExt700 },
	{ name: `${OG_FONT_FAMILY} Greek`, weight: 400, dataUrl: greek400 },
	{ name: `${OG_FONT_FAMILY} Greek`, weight: 700, dataUrl: greek700 },
	{ name: `${OG_FONT_FAMILY} Greek Ext`, weight: 400, dataUrl: greekExt400 },
	{ name: `${OG_FONT_FAMILY} Greek Ext`, weight: 700, dataUrl: greekExt700 },
	{ name: `${OG_FONT_FAMILY} Vietnamese`, weight: 400, dataUrl: vietnamese400 },
	{ name: `${OG_FONT_FAMILY} Vietnamese`, weight: 700, dataUrl: vietnamese700 },
];

let fonts: readonly OgFont[] | undefined;

/** The card fonts: Noto Sans regular and bold, Latin, Latin Extended, Cyrillic, Greek, Vietnamese. */
export function ogFonts(): readonly OgFont[] {
	fonts ??= FONT_FILES.map(({ name, weight, dataUrl }) => ({
		name,
		weight,
		style: 'normal',
		data: Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'),
	}));
	return fonts;
}

/**
 * For `npm run bench` only: with `RECAP_CARD_TRACE_DIR` set, each card drawn leaves its SVG in
 * that folder and each portrait cut adds its photo's path to `portraits.txt` there, so the
 * benchmark's sharp floor can replay the cards' sharp work (og-raster.ts) without satori.
 */
const cardTrace = ((dir: string | undefined) => {
	if (!dir) return undefined;
	let cards = 0;
	mkdirSync(dir, { recursive: true });
	return {
		card: (svg: string) => writeFileSync(path.join(dir, `card-${++cards}.svg`), svg),
		portrait: (file: string) => appendFileSync(path.join(dir, 'portraits.txt'), `${file}\n`),
	};
})(process.env.RECAP_CARD_TRACE_DIR);

/**
 * A card's SVG, ready for `rasterizeCard`: satori's layout of the tree, with the image clips that
 * change no pixel dropped (`withoutNoOpImageClips`). Both run on the SVG with its images' `data:`
 * URLs stood in for (`withImagePlaceholders`), a third of its size, and the URLs go back last.
 * Characters no card font has (CJK, emoji, other scripts) are drawn as the font's blank box:
 * satori asks `loadAdditionalAsset` for a font, and gets none, rather than failing the build or
 * fetching one from the network.
 *
 * satori is the largest cost of a cold build that is not image encoding: 5-7 ms a card alone,
 * ~9 ms in a build (5.1 s of the main thread for the 100-recap site's 601 cards), a third of it
 * shaping text and a quarter writing glyph outlines as paths. Laying out only what differs
 * between cards (the header, band and decoration drawn once per series and label) measured 25-33%
 * less, about 0.8 s of a 50 s build: not worth stitching two SVGs together. Registering only the
 * Latin fonts changed nothing (fallback fonts cost only when a glyph needs them).
 */
export async function ogCardSvg(
	tree: OgElement,
	cardFonts: readonly OgFont[] = ogFonts(),
): Promise<string> {
	// Loaded on the first card actually drawn: a rebuild served from the cache never needs it.
	const { default: satori } = await import('satori');
	const { tree: standIn, restore } = withImagePlaceholders(tree);
	const svg = await satori(standIn, {
		width: OG_WIDTH,
		height: OG_HEIGHT,
		fonts: [...cardFonts],
		loadAdditionalAsset: () => Promise.resolve([]),
	});
	return restore(withoutNoOpImageClips(svg));
}

/** Draws one card: its SVG (`ogCardSvg`) as a PNG. */
export async function renderOgCard(
	tree: OgElement,
	cardFonts: readonly OgFont[] = ogFonts(),
): Promise<Buffer> {
	const svg = await ogCardSvg(tree, cardFonts);
	cardTrace?.card(svg);
	return rasterizeCard(svg);
}

/**
 * How a portrait appears in a card's data until the card is drawn: a reference to the photo's
 * bytes (`portraitRef`), not the picture itself. The cache key then costs a hash of a few words
 * per speaker, and a build whose cards are all cached never resizes a photo.
 */
const PORTRAIT_REF = 'portrait:sha256:';

/** What a cache has done since it was created; for tests and benchmarks, never logged. */
export interface OgCacheStats {
	/** Cards drawn (not found in memory nor on disk). */
	drawn: number;
	/** Cards found in the cache folder. */
	diskHits: number;
	/** Cards asked for again in the same build (the page, then each feed). */
	memoryHits: number;
}

/** A card in the cache folder. */
export interface CachedCard {
	file: string;
	/** Its length in bytes, as a feed's enclosure gives it. */
	bytes: number;
}

export interface OgCardCache {
	/**
	 * Makes sure the card is in the cache folder (found there, or drawn and stored), at most once
	 * per build; nothing but its file name and length is kept in memory.
	 */
	ensure(data: OgCardData): Promise<CachedCard>;
	/** The card's PNG, read from the cache folder (see `ensure`). */
	png(data: OgCardData): Promise<Buffer>;
	/**
	 * The cache key of a card: sha256 of its element tree (the data laid out by the template, so
	 * a change to either is a new key, with no version number to remember to bump), the fonts'
	 * bytes and the renderer's versions and options. Portraits count by their photo's bytes.
	 */
	key(data: OgCardData): string;
	readonly stats: Readonly<OgCacheStats>;
	/** The folder the PNGs are kept in. */
	readonly dir: string;
}

export interface OgCardCacheOptions {
	/** Folder for the cached PNGs; created when first needed. */
	dir: string;
	cardFonts?: readonly OgFont[];
	/** Draws a card's tree; replaceable in tests. */
	draw?: (tree: OgElement, cardFonts: readonly OgFont[]) => Promise<Buffer>;
	/**
	 * The `data:` URL a portrait reference stands for (default: `portraitRefDataUrl`, with the
	 * portraits kept in `portraits/` of `dir`).
	 */
	resolvePortrait?: (ref: string) => Promise<string>;
	/**
	 * Cards drawn at once. Each is satori on the main thread, then rasterising and encoding in
	 * sharp's threads, so with several in flight one card's layout overlaps others' encoding.
	 * Default: three per core. With one per core, sharp's threads often sat idle while the main
	 * thread rendered pages: on the 100-recap site the page phase took 22.1 s at 1.52 cores busy,
	 * against 19.9 s at 1.66 with three per core (six per core: no better).
	 */
	concurrency?: number;
}

/** A card cache over one folder. Writes are atomic (temporary file, then rename). */
export function createOgCardCache({
	dir,
	cardFonts = ogFonts(),
	draw = renderOgCard,
	resolvePortrait = (ref) => portraitRefDataUrl(ref, portraitCacheDir(dir)),
	concurrency = 3 * availableParallelism(),
}: OgCardCacheOptions): OgCardCache {
	const stats: OgCacheStats = { drawn: 0, diskHits: 0, memoryHits: 0 };
	const inMemory = new Map<string, Promise<CachedCard>>();
	const drawing = limit(Math.max(1, concurrency));
	// Anything besides the card's data that changes its pixels.
	const fixed = JSON.stringify({
		fonts: digest(cardFonts.map((font) => `${font.name}/${font.weight}/${digest(font.data)}`)),
		satori: satoriPackage.version,
		sharp: sharp.versions,
		png: CARD_PNG_OPTIONS,
		// How the SVG is prepared for rasterising (see withoutNoOpImageClips).
		svg: 'no-op image clips dropped',
	});
	const keyOf = (data: OgCardData) => digest([fixed, JSON.stringify(ogCardTree(data))]);

	async function withPortraits(data: OgCardData): Promise<OgCardData> {
		const speakers = await Promise.all(
			data.speakers.map(async (speaker) =>
				speaker.portrait?.startsWith(PORTRAIT_REF)
					? { ...speaker, portrait: await resolvePortrait(speaker.portrait) }
					: speaker,
			),
		);
		return { ...data, speakers };
	}

	async function load(data: OgCardData, cardKey: string): Promise<CachedCard> {
		const file = path.join(dir, `${cardKey}.png`);
		try {
			const { size } = await stat(file);
			stats.diskHits++;
			return { file, bytes: size };
		} catch (error) {
			if (!isMissingFile(error)) throw error;
		}
		const png = await drawing(async () => draw(ogCardTree(await withPortraits(data)), cardFonts));
		stats.drawn++;
		await mkdir(dir, { recursive: true });
		// Two builds sharing the folder may draw the same card at once: one whole PNG wins.
		await writeFileAtomically(file, png);
		return { file, bytes: png.length };
	}

	function ensure(data: OgCardData): Promise<CachedCard> {
		const cardKey = keyOf(data);
		const pending = inMemory.get(cardKey);
		if (pending) {
			stats.memoryHits++;
			return pending;
		}
		const loading = load(data, cardKey);
		inMemory.set(cardKey, loading);
		loading.catch(() => inMemory.delete(cardKey));
		return loading;
	}

	return {
		dir,
		stats,
		key: keyOf,
		ensure,
		png: async (data) => readFile((await ensure(data)).file),
	};
}

/** Runs at most `max` of the given tasks at once, the rest in the order they were given. */
function limit(max: number): <T>(task: () => Promise<T>) => Promise<T> {
	let running = 0;
	const waiting: (() => void)[] = [];
	return async (task) => {
		if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
		running++;
		try {
			return await task();
		} finally {
			running--;
			waiting.shift()?.();
		}
	};
}

export { ogCacheDir };

let buildCache: OgCardCache | undefined;

/** The cache every page, endpoint and feed of this build shares. */
export function ogCardCache(): OgCardCache {
	buildCache ??= createOgCardCache({ dir: ogCacheDir(process.env.RECAP_CACHE_DIR) });
	return buildCache;
}

/**
 * The portraits drawn lately, by file version or reference. Cards are drawn recap by recap (its
 * card, then its talks'), so a few hundred cover every reuse; keeping all of a 1000-city series'
 * 3000 speakers held 200 MB of data URLs for nothing.
 */
const portraits = new Map<string, Promise<string>>();
const PORTRAITS_KEPT = 256;
const portraitRefs = new Map<string, Promise<string>>();
/**
 * Photos read at once for their hash. A build asks for every card's portraits as soon as it
 * starts (`prefetchCards`); unbounded, a 1000-city series would hold all 3000 photos in memory
 * while the main thread is busy rendering pages.
 */
const readingPhotos = limit(8);
/** Which file each portrait reference was made from, for drawing. */
const portraitFiles = new Map<string, string>();

/**
 * The source file of a speaker photo. Astro gives every `image()` from content this hidden
 * `fsPath` property (the metadata's `src` is the built URL, whose file does not exist yet while
 * pages render).
 */
function photoFile(photo: ImageMetadata, speakerName: string): string {
	const file = (photo as ImageMetadata & { fsPath?: unknown }).fsPath;
	if (typeof file !== 'string' || file === '') {
		throw new Error(
			`Preview cards: the photo of ${speakerName} has no source file (fsPath) -> speaker photos must be image() fields of content entries`,
		);
	}
	return file;
}

/** A file's identity for the memos below: the dev server then picks up a replaced photo. */
async function fileVersion(file: string): Promise<string> {
	const { mtimeMs, size } = await stat(file);
	return `${file}\n${mtimeMs}\n${size}`;
}

/**
 * A speaker photo as a small round PNG `data:` URL for a card, read from its source file.
 * Remembered per file version.
 */
export async function portraitDataUrl(
	photo: ImageMetadata,
	speakerName = 'a speaker',
): Promise<string> {
	return fileDataUrl(photoFile(photo, speakerName));
}

async function fileDataUrl(file: string): Promise<string> {
	return remembered(await fileVersion(file), () => {
		cardTrace?.portrait(file);
		return roundPortrait(file);
	});
}

/** A portrait's `data:` URL from `portraits`, or made by `cut` and remembered there. */
function remembered(key: string, cut: () => Promise<Buffer>): Promise<string> {
	let dataUrl = portraits.get(key);
	if (dataUrl) {
		// Most recently used last: the oldest is the first to go.
		portraits.delete(key);
		portraits.set(key, dataUrl);
		return dataUrl;
	}
	if (portraits.size >= PORTRAITS_KEPT) {
		const oldest = portraits.keys().next();
		if (!oldest.done) portraits.delete(oldest.value);
	}
	dataUrl = cut().then((png) => `data:image/png;base64,${png.toString('base64')}`);
	portraits.set(key, dataUrl);
	// A failed cut is not remembered: the next card asking tries again, and gets the error itself.
	dataUrl.catch(() => portraits.get(key) === dataUrl && portraits.delete(key));
	return dataUrl;
}

/**
 * A speaker photo as a card's data holds it until the card is drawn: `portrait:sha256:<hash of
 * the photo's bytes>`. The bytes, not the file's date, so a fresh clone with a restored cache
 * folder finds its cards. Remembered per file version.
 */
export async function portraitRef(
	photo: ImageMetadata,
	speakerName = 'a speaker',
): Promise<string> {
	const file = photoFile(photo, speakerName);
	const version = await fileVersion(file);
	let ref = portraitRefs.get(version);
	if (!ref) {
		ref = readingPhotos(() => readFile(file)).then((bytes) => {
			const made = `${PORTRAIT_REF}${photoDigest(bytes)}`;
			portraitFiles.set(made, file);
			return made;
		});
		portraitRefs.set(version, ref);
	}
	return ref;
}

/**
 * The `data:` URL of a portrait reference made by `portraitRef` in this process. With `keptIn`,
 * the portrait is read from that folder when it was cut before (by the build's helper,
 * src/integrations/portraits-ahead.ts, or an earlier build), and kept there when cut now.
 */
export function portraitRefDataUrl(ref: string, keptIn?: string): Promise<string> {
	const file = portraitFiles.get(ref);
	if (!file) return Promise.reject(new Error(`Preview cards: no photo is known for ${ref}`));
	if (keptIn === undefined) return fileDataUrl(file);
	const photo = ref.slice(PORTRAIT_REF.length);
	return remembered(`${keptIn}\n${ref}`, async () => {
		const { png, cut } = await keptOrCutPortrait(keptIn, photo, file);
		if (cut) cardTrace?.portrait(file);
		return png;
	});
}

/** A recap's card data, with its portraits as references (see `portraitRef`). */
export async function recapCardOf(recap: Recap, context: OgCardContext): Promise<OgCardData> {
	return recapCardData(recap, context, await portraitsOf(recap.speakers));
}

/** A talk's card data, with its portraits as references (see `portraitRef`). */
export async function talkCardOf(
	talk: Talk,
	recap: Recap,
	context: OgCardContext,
): Promise<OgCardData> {
	return talkCardData(talk, recap, context, await portraitsOf(talk.speakers));
}

/** A recap's card: its data (for the alt text) and its PNG, through the build's cache. */
export async function recapCard(
	recap: Recap,
	context: OgCardContext,
	cache: OgCardCache = ogCardCache(),
): Promise<{ data: OgCardData; png: Buffer }> {
	const data = await recapCardOf(recap, context);
	return { data, png: await cache.png(data) };
}

/** The site's own card (see `siteCardData`), through the build's cache. */
export async function siteCard(
	series: Series,
	speakers: readonly Speaker[],
	siteTitle: string,
	context: OgCardContext,
	cache: OgCardCache = ogCardCache(),
): Promise<{ data: OgCardData; png: Buffer }> {
	const data = siteCardData(series, speakers, siteTitle, context, await portraitsOf(speakers));
	return { data, png: await cache.png(data) };
}

/** A talk's card: its data (for the alt text) and its PNG, through the build's cache. */
export async function talkCard(
	talk: Talk,
	recap: Recap,
	context: OgCardContext,
	cache: OgCardCache = ogCardCache(),
): Promise<{ data: OgCardData; png: Buffer }> {
	const data = await talkCardOf(talk, recap, context);
	return { data, png: await cache.png(data) };
}

/**
 * Starts putting every recap's and talk's card in the cache, a few at a time, without waiting:
 * the card routes and the feeds then find them ready. Called once a build knows its recaps, so
 * the cards' encoding runs in sharp's threads while the main thread renders pages. A card that
 * fails here fails again, with its error, where a route or feed asks for it.
 */
export function prefetchCards(
	recaps: readonly Recap[],
	context: OgCardContext,
	cache: OgCardCache = ogCardCache(),
): void {
	const ignore = () => undefined;
	for (const recap of recaps) {
		recapCardOf(recap, context)
			.then((data) => cache.ensure(data))
			.catch(ignore);
		for (const talk of recap.talks) {
			talkCardOf(talk, recap, context)
				.then((data) => cache.ensure(data))
				.catch(ignore);
		}
	}
}

async function portraitsOf(speakers: readonly Speaker[]): Promise<Map<string, string>> {
	return new Map(
		await Promise.all(
			portraitSpeakers(speakers).map(
				async (speaker) =>
					[speaker.id, await portraitRef(speaker.photo.src, speaker.name)] as const,
			),
		),
	);
}

function digest(value: string | Buffer | readonly string[]): string {
	const hash = createHash('sha256');
	if (Array.isArray(value)) for (const part of value) hash.update(`${part}\n`);
	else hash.update(value as string | Buffer);
	return hash.digest('hex');
}

function isMissingFile(error: unknown): boolean {
	return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
