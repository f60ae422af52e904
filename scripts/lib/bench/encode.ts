/**
 * Encodes one image variant the way Astro's sharp service does (astro/assets/services/sharp):
 * auto-rotate, resize without enlargement, then the output format with the transform's quality
 * over the service's per-format options. Used by the sharp floor, so "the floor" is exactly the
 * encoding work a build has to do and nothing else.
 */
import sharp from 'sharp';
import type { Variant } from './variants.ts';

/** Per-format encoder options, as in `image.service.config` (e.g. `{ webp: { effort: 2 } }`). */
export type ServiceConfig = Partial<
	Record<'jpeg' | 'png' | 'webp' | 'avif', Record<string, unknown>>
>;

const QUALITY_NAMES: Record<string, number> = { low: 25, mid: 50, high: 80, max: 100 };

export function resolveQuality(quality: Variant['quality']): number | undefined {
	if (quality === undefined) return undefined;
	if (typeof quality === 'number') return quality;
	const parsed = Number.parseInt(quality, 10);
	return Number.isNaN(parsed) ? QUALITY_NAMES[quality] : parsed;
}

type Fit = 'fill' | 'inside' | 'cover' | 'outside' | 'contain';

const FIT: Record<string, Fit> = {
	fill: 'fill',
	contain: 'inside',
	cover: 'cover',
	none: 'outside',
	'scale-down': 'inside',
	outside: 'outside',
	inside: 'inside',
};

/** Encodes `input` as `variant` asks; `format` overrides the output format (what-if runs). */
export async function encodeVariant(
	input: Buffer,
	variant: Variant,
	config: ServiceConfig = {},
	format: string | undefined = variant.format,
): Promise<Buffer> {
	const image = sharp(input, { failOn: 'none', pages: -1 }).rotate();
	const width = variant.width === undefined ? undefined : Math.round(variant.width);
	const height = variant.height === undefined ? undefined : Math.round(variant.height);
	if (width && height) {
		image.resize({
			width,
			height,
			fit: variant.fit ? (FIT[variant.fit] ?? 'inside') : undefined,
			position: variant.position,
			withoutEnlargement: true,
		});
	} else if (height) {
		image.resize({ height, withoutEnlargement: true });
	} else if (width) {
		image.resize({ width, withoutEnlargement: true });
	}
	if (variant.background) image.flatten({ background: variant.background });
	const quality = resolveQuality(variant.quality);
	const withQuality = (options: Record<string, unknown> | undefined) => ({
		...options,
		...(quality === undefined ? {} : { quality }),
	});
	switch (format) {
		case 'webp':
			image.webp(withQuality(config.webp));
			break;
		case 'avif':
			image.avif(withQuality(config.avif));
			break;
		case 'png':
			image.png(withQuality(config.png));
			break;
		case 'jpg':
		case 'jpeg':
			image.jpeg(withQuality(config.jpeg));
			break;
		default:
			break;
	}
	return image.toBuffer();
}
