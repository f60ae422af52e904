/**
 * The sharp half of a preview card: the SVG satori laid out, rasterised and encoded, and a speaker
 * photo cut into the round portrait the card embeds. Kept apart from og-cache.ts (which needs the
 * build's bundler for its fonts) so `npm run bench` replays exactly this work in its sharp floor.
 */
import sharp from 'sharp';

/**
 * zlib level 6, not 9: on a 1200x630 card level 9 took 35 ms against 6 ms for level 6, for
 * 55 KB against 69 KB. Cards are fetched by link unfurlers and feed readers, once per share, so
 * the bytes matter far less than six thousand cards' build time on a large series.
 */
export const CARD_PNG_OPTIONS = { compressionLevel: 6 } as const;

/**
 * A card's PNG from its SVG, as og-cache.ts prepares it (`ogCardSvg`). The card is opaque: no
 * alpha channel, a quarter fewer bytes.
 */
export function rasterizeCard(svg: string): Promise<Buffer> {
	return sharp(Buffer.from(svg)).flatten().png(CARD_PNG_OPTIONS).toBuffer();
}

/** Portrait edge in pixels: twice the largest disc a card draws, for a crisp downscale. */
export const PORTRAIT_SIZE = 176;

/** Cuts the portrait round (alpha), so the card needs no clip path to do it. */
const ROUND_MASK = Buffer.from(
	`<svg xmlns="http://www.w3.org/2000/svg" width="${PORTRAIT_SIZE}" height="${PORTRAIT_SIZE}"><circle cx="${PORTRAIT_SIZE / 2}" cy="${PORTRAIT_SIZE / 2}" r="${PORTRAIT_SIZE / 2}"/></svg>`,
);

/**
 * zlib level 6: on the benchmark's 800 px portraits level 9 took 15 ms against 9 ms, for 1% fewer
 * bytes that only live inside the card's SVG.
 */
export const PORTRAIT_PNG_OPTIONS = { compressionLevel: 6 } as const;

/** A speaker photo (file or bytes) as the small round PNG a card embeds. */
export function roundPortrait(photo: string | Buffer): Promise<Buffer> {
	return sharp(photo)
		.rotate()
		.resize(PORTRAIT_SIZE, PORTRAIT_SIZE, { fit: 'cover' })
		.flatten({ background: '#ffffff' })
		.ensureAlpha()
		.composite([{ input: ROUND_MASK, blend: 'dest-in' }])
		.png(PORTRAIT_PNG_OPTIONS)
		.toBuffer();
}
