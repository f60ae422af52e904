/**
 * Placeholder images for a fresh scaffold: a hero photo so a new recap previews before any real
 * photo is in, and a portrait for a speaker whose photo has not arrived. They follow
 * `scripts/make-placeholders.ts` (a calm gradient, abstract shapes or initials, and the word
 * PLACEHOLDER) so nobody mistakes them for real photos, and they carry a marker in their EXIF
 * description so `npm run photos -- --replace-placeholder` can tell them from a real photo.
 */
import sharp from 'sharp';

/** Written into the placeholder's EXIF ImageDescription; `isPlaceholder` looks for it. */
export const PLACEHOLDER_MARKER = 'recap-scaffold-placeholder';

export type PlaceholderSpec =
	| { kind: 'photo'; width: number; height: number; label: string }
	| { kind: 'portrait'; size: number; name: string; seed: string };

/** The hero a new recap starts with: the size of the Seattle hero. */
export const HERO_PLACEHOLDER = { width: 2400, height: 1350 } as const;
/** A speaker portrait: square, as the speaker schema asks. */
export const PORTRAIT_SIZE = 800;

const FONT = "'DejaVu Sans', sans-serif";

/** FNV-1a: a small, stable hash, so the same file always gets the same colours. */
export function hash(text: string): number {
	let h = 0x811c9dc5;
	for (const char of text) {
		h ^= char.codePointAt(0) ?? 0;
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h;
}

function hsl(hue: number, saturation: number, lightness: number): string {
	return `hsl(${hue} ${saturation}% ${lightness}%)`;
}

export function escapeXml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** "Rahul Samir Mehta" -> "RM"; a single name gives one letter. */
export function initials(name: string): string {
	const words = name.trim().split(/\s+/);
	const first = Array.from(words[0] ?? '?')[0] ?? '?';
	const last = words.length > 1 ? (Array.from(words.at(-1) ?? '')[0] ?? '') : '';
	return (first + last).toUpperCase();
}

function background(seed: string, width: number, height: number): string {
	const hue = hash(seed) % 360;
	return (
		`<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">` +
		`<stop offset="0" stop-color="${hsl(hue, 34, 46)}"/><stop offset="1" stop-color="${hsl((hue + 35) % 360, 38, 28)}"/>` +
		`</linearGradient></defs><rect width="${width}" height="${height}" fill="url(#bg)"/>`
	);
}

/** White text centred on (x, y); `y` is the middle of the capital letters, not the baseline. */
export function centredText(x: number, y: number, size: number, text: string, extra = ''): string {
	const baseline = Math.round(y + size * 0.36);
	return `<text x="${x}" y="${baseline}" font-family="${FONT}" font-size="${size}" text-anchor="middle" fill="#ffffff" ${extra}>${escapeXml(text)}</text>`;
}

/** The placeholder as SVG (exported for tests; `drawPlaceholder` renders it). */
export function placeholderSvg(spec: PlaceholderSpec): string {
	if (spec.kind === 'portrait') {
		const { size } = spec;
		const letters = initials(spec.name);
		const body =
			background(spec.seed, size, size) +
			`<circle cx="${size / 2}" cy="${size * 0.46}" r="${size * 0.29}" fill="#ffffff" fill-opacity="0.12"/>` +
			centredText(
				size / 2,
				size * 0.46,
				size * (letters.length > 2 ? 0.19 : 0.25),
				letters,
				'font-weight="700"',
			) +
			centredText(
				size / 2,
				size * 0.89,
				size * 0.04,
				'PLACEHOLDER',
				'letter-spacing="8" fill-opacity="0.8"',
			);
		return svgOf(size, size, body);
	}
	const { width, height, label } = spec;
	const seed = hash(label);
	const circles = Array.from({ length: 7 }, (_, i) => {
		const r = Math.round(height * (0.1 + ((seed >>> i) % 17) / 100));
		const cx = Math.round((width * ((seed >>> (i + 3)) % 97)) / 96);
		const cy = Math.round((height * ((seed >>> (i + 7)) % 89)) / 88);
		return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="#ffffff" fill-opacity="0.08"/>`;
	}).join('');
	const size = Math.round(width * 0.03);
	const pill = { width: size * 12.5, height: size * 2 };
	const body =
		background(label, width, height) +
		circles +
		`<rect x="${width / 2 - pill.width / 2}" y="${height / 2 - pill.height / 2}" width="${pill.width}" height="${pill.height}" rx="${pill.height / 2}" fill="#000000" fill-opacity="0.35"/>` +
		centredText(width / 2, height / 2, size, 'Placeholder photo', 'font-weight="700"') +
		centredText(
			width / 2,
			height / 2 + pill.height,
			Math.round(size * 0.45),
			label,
			'fill-opacity="0.75"',
		);
	return svgOf(width, height, body);
}

/** An SVG document of this size around `body`. */
export function svgOf(width: number, height: number, body: string): string {
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;
}

/** Renders a placeholder as a JPEG carrying the placeholder marker. */
export function drawPlaceholder(spec: PlaceholderSpec): Promise<Buffer> {
	return sharp(Buffer.from(placeholderSvg(spec)))
		.jpeg({ quality: 80, mozjpeg: true })
		.withExif({ IFD0: { ImageDescription: `${PLACEHOLDER_MARKER}: replace me with a real photo` } })
		.toBuffer();
}

/** True when the image is a placeholder drawn by a scaffold (and so safe to replace). */
export async function isPlaceholder(image: Buffer): Promise<boolean> {
	try {
		const { exif } = await sharp(image).metadata();
		return exif !== undefined && exif.includes(PLACEHOLDER_MARKER);
	} catch {
		return false;
	}
}

/** Width and height of what a spec draws. */
export function placeholderSize(spec: PlaceholderSpec): { width: number; height: number } {
	return spec.kind === 'portrait'
		? { width: spec.size, height: spec.size }
		: { width: spec.width, height: spec.height };
}
