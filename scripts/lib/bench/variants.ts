/**
 * The image variants a build produced, read from Astro's own record of them
 * (`globalThis.astroAsset.staticImages` after `build()`): for every output file, the source image
 * on disk and the transform (width, height, format, quality). The sharp floor re-encodes exactly
 * these; the edit check maps re-encoded files back to their sources.
 */

export interface Variant {
	/** The output file, e.g. `/_astro/hero.AbC123_Z1x2.webp`. */
	finalPath: string;
	/** Absolute path of the source image. */
	source: string;
	width?: number | undefined;
	height?: number | undefined;
	format?: string | undefined;
	quality?: number | string | undefined;
	fit?: string | undefined;
	position?: string | undefined;
	background?: string | undefined;
}

const num = (value: unknown) => (typeof value === 'number' ? value : undefined);
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** Reads Astro's static image map (an unknown shape, checked field by field) into variants. */
export function variantsFromStaticImages(staticImages: unknown): Variant[] {
	if (!(staticImages instanceof Map)) return [];
	const variants: Variant[] = [];
	for (const value of (staticImages as Map<unknown, unknown>).values()) {
		const entry = value as { originalSrcPath?: unknown; transforms?: unknown };
		const source = str(entry.originalSrcPath);
		if (!source || !(entry.transforms instanceof Map)) continue;
		for (const transformEntry of (entry.transforms as Map<unknown, unknown>).values()) {
			const { finalPath, transform } = transformEntry as {
				finalPath?: unknown;
				transform?: unknown;
			};
			const options = (transform ?? {}) as Record<string, unknown>;
			const path = str(finalPath);
			if (!path) continue;
			const quality = options.quality;
			variants.push({
				finalPath: path,
				source,
				width: num(options.width),
				height: num(options.height),
				format: str(options.format),
				quality: typeof quality === 'number' || typeof quality === 'string' ? quality : undefined,
				fit: str(options.fit),
				position: str(options.position),
				background: str(options.background),
			});
		}
	}
	return variants.sort((a, b) => a.finalPath.localeCompare(b.finalPath));
}

/** A short class for a variant, for cost breakdowns: `webp 1600w q72`, `jpg 1200w`. */
export function variantClass(variant: Variant): string {
	const size = variant.width ?? variant.height ?? 'orig';
	const quality = variant.quality === undefined ? '' : ` q${variant.quality}`;
	return `${variant.format ?? 'orig'} ${size}w${quality}`;
}
