/**
 * What happens to a photo on its way into `content/`: turned upright from its EXIF orientation,
 * stripped of every piece of metadata (EXIF with GPS, XMP, IPTC, the ICC profile: sharp writes
 * none unless told to keep it, and the pixels are converted to sRGB), bounded in size without
 * ever being enlarged, and saved as a JPEG. Portraits are cut square around what draws the eye.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { slugify } from '../scaffold/text.ts';

/** The long side of an imported photo, at most: the widest size the site serves. */
export const PHOTO_MAX = 2400;
/** A speaker portrait's side. */
export const PORTRAIT_SIZE = 800;
/** Below this a portrait looks soft on the speaker pages (the schema asks for at least 400x400). */
export const PORTRAIT_MIN = 400;
/** mozjpeg at 82: photos stay sharp at about a third of a camera JPEG's size. */
export const JPEG_OPTIONS = { quality: 82, mozjpeg: true } as const;

/** The file extensions imported; anything else is skipped with a message. */
export const PHOTO_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.heic', '.heif', '.avif'];
const HEIC_EXTENSIONS = new Set(['.heic', '.heif']);
/** What sharp may report for those files (`heif` covers HEIC and AVIF). */
const PHOTO_FORMATS = new Set(['jpeg', 'png', 'webp', 'heif']);

/** True when sharp on this machine can decode HEIC (libvips built with an HEVC decoder). */
export function heicSupported(): boolean {
	const suffixes = sharp.format.heif.input.fileSuffix ?? [];
	return suffixes.includes('.heic');
}

/**
 * The file name a photo gets in `content/`: the original name as an id, with `.jpg`. A name with
 * no Latin letters or digits gets `photo-` and a short hash of the name, so it stays the same on
 * every run.
 *
 * @example photoFileName('IMG_0042.HEIC') // 'img-0042.jpg'
 * @example photoFileName('Zürich Bühne.png') // 'zurich-buhne.jpg'
 */
export function photoFileName(original: string): string {
	const base = path.basename(original, path.extname(original));
	const slug = slugify(base);
	if (slug !== '') return `${slug}.jpg`;
	return `photo-${createHash('sha256').update(base).digest('hex').slice(0, 8)}.jpg`;
}

/** `photo` for an extension this imports, `hidden` for dot files (.DS_Store), else `other`. */
export function kindOfName(name: string): 'photo' | 'hidden' | 'other' {
	if (path.basename(name).startsWith('.')) return 'hidden';
	return PHOTO_EXTENSIONS.includes(path.extname(name).toLowerCase()) ? 'photo' : 'other';
}

/** A photo that could not be read, with the reason written for the person importing it. */
export class PhotoReadError extends Error {
	override name = 'PhotoReadError';
}

export interface SourceInfo {
	/** sharp's name for the format: `jpeg`, `png`, `webp`, `heif`. */
	format: string;
	/** Width and height once turned upright. */
	width: number;
	height: number;
}

/** The ISO-BMFF brands of HEIC/HEIF files (`ftypheic` at byte 4). */
function looksLikeHeic(image: Buffer): boolean {
	if (image.length < 12 || image.toString('latin1', 4, 8) !== 'ftyp') return false;
	return ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(
		image.toString('latin1', 8, 12),
	);
}

/** Reads a photo's format and upright size, or throws a `PhotoReadError` saying why it cannot. */
export async function inspectPhoto(image: Buffer, name: string): Promise<SourceInfo> {
	const heic = HEIC_EXTENSIONS.has(path.extname(name).toLowerCase()) || looksLikeHeic(image);
	let metadata: Metadata;
	try {
		metadata = await sharp(image).metadata();
	} catch (error) {
		if (heic && !heicSupported()) {
			throw new PhotoReadError(
				'HEIC photos cannot be read on this machine (its image library has no HEIC decoder) -> export it as JPEG and import that: on an iPhone, Settings > Camera > Formats > Most Compatible; on a Mac, open it in Preview and File > Export as JPEG',
			);
		}
		const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
		throw new PhotoReadError(
			`not a photo that can be read (${reason}) -> check the file opens in an image viewer; if it does, export it again as JPEG`,
		);
	}
	const { format, width, height } = metadata;
	if (!PHOTO_FORMATS.has(format) || !width || !height) {
		throw new PhotoReadError(
			`the file holds a ${format.toUpperCase()} image, not a JPEG, PNG, WebP or HEIC photo -> export it as JPEG and import that`,
		);
	}
	const upright = metadata.autoOrient;
	return { format, width: upright.width, height: upright.height };
}

/** The size a photo is saved at: upright, the long side at most `PHOTO_MAX`, never enlarged. */
export function boundedSize(
	{ width, height }: { width: number; height: number },
	max = PHOTO_MAX,
): { width: number; height: number } {
	const scale = Math.min(1, max / Math.max(width, height));
	return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/** The side of the square portrait cut from a photo: `PORTRAIT_SIZE`, or less from a smaller photo. */
export function portraitSide({ width, height }: { width: number; height: number }): number {
	return Math.min(PORTRAIT_SIZE, width, height);
}

export interface Rendered {
	data: Buffer;
	width: number;
	height: number;
}

function encode(pipeline: Sharp): Promise<Rendered> {
	// Transparent PNG/WebP areas become white rather than JPEG's default black.
	return pipeline
		.flatten({ background: '#ffffff' })
		.jpeg(JPEG_OPTIONS)
		.toBuffer({ resolveWithObject: true })
		.then(({ data, info }) => ({ data, width: info.width, height: info.height }));
}

/** An event photo: upright, bounded to `PHOTO_MAX`, no metadata, JPEG. */
export function renderPhoto(image: Buffer): Promise<Rendered> {
	return encode(
		sharp(image)
			.rotate()
			.resize({ width: PHOTO_MAX, height: PHOTO_MAX, fit: 'inside', withoutEnlargement: true }),
	);
}

/** A speaker portrait: upright, square, cropped around what draws the eye, no metadata, JPEG. */
export function renderPortrait(image: Buffer, side: number): Promise<Rendered> {
	return encode(sharp(image).rotate().resize(side, side, { fit: 'cover', position: 'attention' }));
}
