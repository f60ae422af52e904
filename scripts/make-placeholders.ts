/**
 * Draws placeholder images for every photo the content expects but does not have yet.
 *
 * No real photos of the events or the speakers exist when a recap is first written, so this
 * maintainer script fills the gaps with images that are plainly placeholders: speaker portraits
 * show the person's initials on a calm background, event photos show abstract shapes and a
 * "Placeholder photo" label. It never overwrites an existing file, so a real photo dropped in
 * under the same name replaces the placeholder for good and the site uses it on the next build.
 *
 * What it draws:
 * - `content/speakers/<id>.jpg` (or the speaker's `photo.src`): 800x800 portrait with initials.
 * - In each recap: the `hero` (2400x1350), the `groupPhoto` (2400x1200, one figure per person in
 *   `people`, left to right) and each talk's `photo` (1600x1067).
 *
 * Output is deterministic: colours and shapes come from a hash of the file path or speaker id.
 * Text is rendered by librsvg with system fonts (DejaVu Sans), so the committed JPEGs are what the
 * site uses and this script does not run in CI.
 *
 * Usage: node scripts/make-placeholders.ts [--dry-run] [--content <dir>]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { parse as parseYaml } from 'yaml';
import { frontmatterOf } from './lib/scaffold/content.ts';
import {
	centredText,
	hash,
	initials,
	PLACEHOLDER_MARKER,
	svgOf,
} from './lib/scaffold/placeholders.ts';

/** One image to draw: where it goes, its size, and how to draw it as SVG. */
interface Target {
	path: string;
	width: number;
	height: number;
	draw: () => string;
}

interface Speaker {
	id: string;
	name: string;
	photoPath: string;
}

const JPEG_OPTIONS = { quality: 80, mozjpeg: true } as const;
const PORTRAIT = { width: 800, height: 800 };
const HERO = { width: 2400, height: 1350 };
const GROUP = { width: 2400, height: 1200 };
const SESSION = { width: 1600, height: 1067 };

// ---------------------------------------------------------------------------------------------
// Reading the content

type Data = Record<string, unknown>;

function asRecord(value: unknown): Data | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as Data)
		: undefined;
}

function readYaml(file: string): Data {
	return asRecord(parseYaml(readFileSync(file, 'utf8'))) ?? {};
}

/** The YAML between the opening and closing `---` lines of a `.md` or `.mdx` file. */

/** A photo field's `src`, when it is a relative path this script can fill. */
function photoSrc(field: unknown): string | undefined {
	const src = asRecord(field)?.src;
	return typeof src === 'string' && /^\.\.?\//.test(src) ? src : undefined;
}

function listFiles(dir: string, pattern: RegExp): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((name) => pattern.test(name))
		.sort()
		.map((name) => join(dir, name));
}

function listDirs(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort()
		.map((name) => join(dir, name));
}

function readSpeakers(contentDir: string): Speaker[] {
	const dir = join(contentDir, 'speakers');
	return listFiles(dir, /\.ya?ml$/).map((file) => {
		const id = basename(file).replace(/\.ya?ml$/, '');
		const data = readYaml(file);
		const name = typeof data.name === 'string' && data.name.trim() ? data.name : id;
		const src = photoSrc(data.photo) ?? `./${id}.jpg`;
		return { id, name, photoPath: resolve(dir, src) };
	});
}

// ---------------------------------------------------------------------------------------------
// Deciding what to draw

function speakerTargets(speakers: Speaker[]): Target[] {
	return speakers.map((speaker) => ({
		path: speaker.photoPath,
		...PORTRAIT,
		draw: () => portraitSvg(speaker.id, initials(speaker.name)),
	}));
}

function recapTargets(contentDir: string, speakers: Speaker[]): Target[] {
	const names = new Map(speakers.map((speaker) => [speaker.id, speaker.name]));
	const targets: Target[] = [];
	for (const recapDir of listDirs(join(contentDir, 'recaps'))) {
		const indexFile = ['index.md', 'index.mdx']
			.map((name) => join(recapDir, name))
			.find((file) => existsSync(file));
		if (!indexFile) continue;
		const recap = frontmatterOf(readFileSync(indexFile, 'utf8'));
		const label = (path: string) => relative(contentDir, path);

		const hero = photoSrc(recap.hero);
		if (hero) targets.push(sceneTarget(resolve(recapDir, hero), HERO, label));

		const group = photoSrc(recap.groupPhoto);
		if (group) {
			const people = asRecord(recap.groupPhoto)?.people;
			const ids = Array.isArray(people) ? people.filter((id) => typeof id === 'string') : [];
			const faces = ids.map((id) => ({ id, initials: initials(names.get(id) ?? id) }));
			const path = resolve(recapDir, group);
			targets.push({ path, ...GROUP, draw: () => groupSvg(label(path), faces, GROUP) });
		}

		for (const talkFile of listFiles(join(recapDir, 'talks'), /\.mdx?$/)) {
			const photo = photoSrc(frontmatterOf(readFileSync(talkFile, 'utf8')).photo);
			if (photo) targets.push(sceneTarget(resolve(dirname(talkFile), photo), SESSION, label));
		}
	}
	return targets;
}

function sceneTarget(
	path: string,
	size: { width: number; height: number },
	label: (path: string) => string,
): Target {
	return { path, ...size, draw: () => sceneSvg(label(path), size) };
}

/** Keeps the first target for each path (two talks may share a photo). */
function uniqueByPath(targets: Target[]): Target[] {
	const byPath = new Map<string, Target>();
	for (const target of targets) if (!byPath.has(target.path)) byPath.set(target.path, target);
	return [...byPath.values()];
}

// ---------------------------------------------------------------------------------------------
// Colours and shapes, derived from a hash so every run draws the same image

/** mulberry32: a seeded generator returning numbers in [0, 1). */
function seededRandom(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function hslToHex(hue: number, saturation: number, lightness: number): string {
	const s = saturation / 100;
	const l = lightness / 100;
	const a = s * Math.min(l, 1 - l);
	const channel = (n: number) => {
		const k = (n + hue / 30) % 12;
		const value = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
		return Math.round(value * 255)
			.toString(16)
			.padStart(2, '0');
	};
	return `#${channel(0)}${channel(8)}${channel(4)}`;
}

/** A calm, muted two-colour gradient whose hue comes from the seed text. */
function palette(seed: string): { from: string; to: string; hue: number } {
	const hue = hash(seed) % 360;
	return { hue, from: hslToHex(hue, 34, 46), to: hslToHex((hue + 35) % 360, 38, 28) };
}

// ---------------------------------------------------------------------------------------------
// Drawing

function gradientBackground(seed: string, { width, height }: { width: number; height: number }) {
	const { from, to } = palette(seed);
	return (
		`<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">` +
		`<stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/>` +
		`</linearGradient></defs><rect width="${width}" height="${height}" fill="url(#bg)"/>`
	);
}

/** The "Placeholder photo" pill with the file it stands in for underneath. */
function placeholderLabel(x: number, y: number, width: number, file: string): string {
	const size = Math.round(width * 0.03);
	const pillWidth = Math.round(size * 12.5);
	const pillHeight = Math.round(size * 2);
	return (
		`<rect x="${x - pillWidth / 2}" y="${y - pillHeight / 2}" width="${pillWidth}" height="${pillHeight}" rx="${pillHeight / 2}" fill="#000000" fill-opacity="0.35"/>` +
		centredText(x, y, size, 'Placeholder photo', 'font-weight="700"') +
		centredText(x, y + pillHeight, Math.round(size * 0.45), file, 'fill-opacity="0.75"')
	);
}

function portraitSvg(id: string, letters: string): string {
	const size = PORTRAIT;
	const centre = size.width / 2;
	return svgOf(
		size.width,
		size.height,
		gradientBackground(id, size) +
			`<circle cx="${centre}" cy="370" r="235" fill="#ffffff" fill-opacity="0.12"/>` +
			centredText(centre, 370, letters.length > 2 ? 150 : 200, letters, 'font-weight="700"') +
			centredText(centre, 715, 30, 'PLACEHOLDER', 'letter-spacing="8" fill-opacity="0.8"'),
	);
}

/** Soft circles and rounded bars scattered from a seed: abstract, never a likeness. */
function abstractShapes(seed: string, { width, height }: { width: number; height: number }) {
	const random = seededRandom(hash(seed));
	const shapes: string[] = [];
	for (let i = 0; i < 9; i++) {
		const r = Math.round(height * (0.08 + random() * 0.22));
		const cx = Math.round(random() * width);
		const cy = Math.round(random() * height);
		const opacity = (0.05 + random() * 0.12).toFixed(2);
		shapes.push(
			`<circle cx="${cx}" cy="${cy}" r="${r}" fill="#ffffff" fill-opacity="${opacity}"/>`,
		);
	}
	for (let i = 0; i < 4; i++) {
		const w = Math.round(width * (0.15 + random() * 0.25));
		const h = Math.round(height * 0.05);
		const x = Math.round(random() * (width - w));
		const y = Math.round(height * (0.6 + random() * 0.35));
		shapes.push(
			`<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${h / 2}" fill="#ffffff" fill-opacity="0.08"/>`,
		);
	}
	return shapes.join('');
}

function sceneSvg(file: string, size: { width: number; height: number }): string {
	return svgOf(
		size.width,
		size.height,
		gradientBackground(file, size) +
			abstractShapes(file, size) +
			placeholderLabel(size.width / 2, size.height / 2, size.width, file),
	);
}

/** One abstract figure per person, left to right, each head labelled with initials. */
function groupSvg(
	file: string,
	people: { id: string; initials: string }[],
	size: { width: number; height: number },
): string {
	const slot = size.width / Math.max(people.length, 1);
	const headRadius = Math.round(Math.min(slot * 0.3, size.height * 0.13));
	const headY = Math.round(size.height * 0.52);
	const figures = people.map((person, index) => {
		const cx = Math.round(slot * (index + 0.5));
		const { hue } = palette(person.id);
		const colour = hslToHex(hue, 30, 70);
		const bodyWidth = headRadius * 2.6;
		const bodyTop = headY + headRadius * 1.25;
		return (
			`<rect x="${cx - bodyWidth / 2}" y="${bodyTop}" width="${bodyWidth}" height="${size.height}" rx="${bodyWidth / 2}" fill="${colour}" fill-opacity="0.55"/>` +
			`<circle cx="${cx}" cy="${headY}" r="${headRadius}" fill="${colour}" fill-opacity="0.85"/>` +
			centredText(cx, headY, Math.round(headRadius * 0.75), person.initials, 'font-weight="700"')
		);
	});
	return svgOf(
		size.width,
		size.height,
		gradientBackground(file, size) +
			figures.join('') +
			placeholderLabel(size.width / 2, Math.round(size.height * 0.14), size.width, file),
	);
}

// ---------------------------------------------------------------------------------------------
// Writing

async function render(target: Target): Promise<Buffer> {
	// The marker lets `npm run photos -- --replace-placeholder` put a real photo in its place.
	return sharp(Buffer.from(target.draw()))
		.jpeg(JPEG_OPTIONS)
		.withExif({ IFD0: { ImageDescription: `${PLACEHOLDER_MARKER}: replace me with a real photo` } })
		.toBuffer();
}

async function writeTarget(target: Target, dryRun: boolean): Promise<string> {
	const shown = relative(process.cwd(), target.path);
	const dimensions = `${target.width}x${target.height}`;
	if (existsSync(target.path)) return `skip ${shown} (exists)`;
	if (!/^\.jpe?g$/i.test(extname(target.path))) {
		return `skip ${shown} (only .jpg placeholders are drawn)`;
	}
	if (dryRun) return `would write ${shown} (${dimensions})`;
	const image = await render(target);
	mkdirSync(dirname(target.path), { recursive: true });
	writeFileSync(target.path, image, { flag: 'wx' }); // 'wx' fails rather than overwrite
	return `wrote ${shown} (${dimensions}, ${(image.length / 1024).toFixed(1)} KB)`;
}

function readOptions(): { contentDir: string; dryRun: boolean } {
	const { values } = parseArgs({
		options: {
			content: { type: 'string', default: './content' },
			'dry-run': { type: 'boolean', default: false },
		},
	});
	return { contentDir: resolve(values.content), dryRun: values['dry-run'] };
}

async function main(): Promise<void> {
	const { contentDir, dryRun } = readOptions();
	if (!existsSync(contentDir)) throw new Error(`no content folder at ${contentDir}`);
	const speakers = readSpeakers(contentDir);
	const targets = uniqueByPath([
		...speakerTargets(speakers),
		...recapTargets(contentDir, speakers),
	]);
	for (const target of targets) console.log(await writeTarget(target, dryRun));
}

await main();
