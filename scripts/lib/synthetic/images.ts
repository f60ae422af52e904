/**
 * Draws the synthetic site's JPEGs with sharp: flat shapes on a coloured ground, every image
 * different (its own hue, shapes and positions from its seed), so no two files share bytes and
 * Astro, which names outputs after the source's content hash, encodes every one of them.
 *
 * Texture matters for what a benchmark measures: a flat image encodes much faster than a photo.
 * `grain` (the default) overlays a fixed, seeded noise tile so the pictures compress roughly like
 * camera photos (~0.7 MB at 2400x1600; WebP at 1024 px ~80 ms on the reference machine, about
 * what real photos cost there); `flat` skips it and is a lower bound.
 */
import sharp from 'sharp';
import type { ImageSpec } from './plan.ts';
import { createRandom } from './random.ts';

export type Texture = 'grain' | 'flat';
export const TEXTURES: readonly Texture[] = ['grain', 'flat'];

const TILE = 256;
/** Peak-to-peak strength of the grain, calibrated against real photos' WebP encoding cost. */
const GRAIN_AMPLITUDE = 25;
const JPEG_OPTIONS = { quality: 85 } as const;

/** The SVG of one image: pure, so tests can compare drawings without encoding them. */
export function imageSvg(spec: ImageSpec): string {
	const random = createRandom(spec.seed);
	const { width, height } = spec;
	const hue = random.int(0, 359);
	const shape = () => {
		const colour = `hsl(${random.int(0, 359)},${random.int(25, 60)}%,${random.int(25, 75)}%)`;
		if (random.chance(0.6)) {
			const r = Math.round(Math.min(width, height) * (0.05 + random.next() * 0.25));
			return `<circle cx="${random.int(0, width)}" cy="${random.int(0, height)}" r="${r}" fill="${colour}"/>`;
		}
		const w = Math.round(width * (0.05 + random.next() * 0.3));
		const h = Math.round(height * (0.05 + random.next() * 0.2));
		return `<rect x="${random.int(0, width - w)}" y="${random.int(0, height - h)}" width="${w}" height="${h}" rx="${Math.round(h / 4)}" fill="${colour}"/>`;
	};
	const shapes = Array.from({ length: spec.kind === 'portrait' ? 6 : 14 }, shape).join('');
	const face =
		spec.kind === 'portrait'
			? `<circle cx="${width / 2}" cy="${height * 0.42}" r="${width * 0.22}" fill="hsl(${(hue + 180) % 360},30%,70%)"/>` +
				`<rect x="${width * 0.22}" y="${height * 0.7}" width="${width * 0.56}" height="${height * 0.4}" rx="${width * 0.2}" fill="hsl(${(hue + 180) % 360},30%,60%)"/>`
			: '';
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
		`<rect width="${width}" height="${height}" fill="hsl(${hue},35%,45%)"/>${shapes}${face}</svg>`
	);
}

let grainTile: Promise<Buffer> | undefined;

/** A fixed 256x256 noise tile (seeded, so every run draws the same grain). */
function grain(): Promise<Buffer> {
	grainTile ??= (() => {
		const random = createRandom('synthetic-grain');
		const pixels = Buffer.alloc(TILE * TILE * 3);
		for (let i = 0; i < pixels.length; i++) {
			// Sum of three uniforms: roughly normal, centred on mid-grey (no-op for "overlay").
			const noise = random.next() + random.next() + random.next() - 1.5;
			pixels[i] = Math.max(0, Math.min(255, Math.round(128 + noise * GRAIN_AMPLITUDE)));
		}
		return sharp(pixels, { raw: { width: TILE, height: TILE, channels: 3 } })
			.png()
			.toBuffer();
	})();
	return grainTile;
}

/** The JPEG bytes of one image. Deterministic for a given spec and texture. */
export async function renderImage(spec: ImageSpec, texture: Texture = 'grain'): Promise<Buffer> {
	let image = sharp(Buffer.from(imageSvg(spec)));
	if (texture === 'grain') {
		// Compositing needs the rendered pixels first: flatten the SVG, then overlay the tile.
		const flat = await image.raw().toBuffer({ resolveWithObject: true });
		const { width, height, channels } = flat.info;
		image = sharp(flat.data, { raw: { width, height, channels } }).composite([
			{ input: await grain(), tile: true, blend: 'overlay' },
		]);
	}
	return image.jpeg(JPEG_OPTIONS).toBuffer();
}
