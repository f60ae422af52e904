/**
 * Checks beyond the schemas and references, over already-parsed entries: photos too small for
 * where they are shown, and talks with no text. Pure functions.
 */
import type { ContentProblem } from '../../../src/lib/errors.ts';
import type { Photo, RawContent, RawEntry } from '../../../src/lib/site.ts';
import type { CollectionName } from '../../../src/schemas/shared.ts';
import { valueAt } from './issues.ts';
import type { ParsedEntry } from './schema.ts';
import type { ParsedFile } from './parse.ts';

/** The smallest photo that still looks sharp where it is shown. */
export interface PhotoMinimum {
	collection: CollectionName;
	/** The photo field, e.g. `hero`. */
	field: string;
	/** What the photo is, in messages. */
	use: string;
	/** Minimum width in pixels. */
	width: number;
	/** Minimum height in pixels, when it matters (square portraits). */
	height?: number;
}

/**
 * The one table of photo minimums. Heroes and group photos span the page (the widest image
 * breakpoint is 1600 px), talk photos sit in the text column, portraits are cropped square.
 */
export const PHOTO_MINIMUMS: readonly PhotoMinimum[] = [
	{ collection: 'speakers', field: 'photo', use: 'a speaker portrait', width: 400, height: 400 },
	{ collection: 'recaps', field: 'hero', use: 'a hero photo', width: 1200 },
	{ collection: 'recaps', field: 'groupPhoto', use: 'a group photo', width: 1200 },
	{ collection: 'talks', field: 'photo', use: 'a talk photo', width: 800 },
];

/** Photos smaller than {@link PHOTO_MINIMUMS} allows. SVGs scale, so they are never too small. */
export function checkPhotoSizes(
	raw: RawContent,
	parsed: ReadonlyMap<string, ParsedFile>,
	minimums: readonly PhotoMinimum[] = PHOTO_MINIMUMS,
): ContentProblem[] {
	return minimums.flatMap((minimum) =>
		(raw[minimum.collection] as readonly RawEntry<unknown>[]).flatMap((entry) => {
			const photo = valueAt(entry.data, [minimum.field]) as Photo | undefined;
			if (!photo || photo.src.format === 'svg') return [];
			const { width, height } = photo.src;
			const minHeight = minimum.height ?? 0;
			if (width >= minimum.width && height >= minHeight) return [];
			const file = entry.filePath ?? '';
			const source = parsed.get(file);
			const path = [minimum.field, 'src'];
			const size = minimum.height
				? `${minimum.width}x${minimum.height} px`
				: `${minimum.width} px wide`;
			return [
				{
					file,
					line: source?.lineOf(path) ?? 1,
					field: `${minimum.field}.src`,
					problem: `${String(valueAt(source?.data, path))} is ${width}x${height} px, too small for ${minimum.use} (at least ${size})`,
					fix: `use a larger original, at least ${size}`,
				},
			];
		}),
	);
}

/** Talks whose body has no text: the section would be a heading with nothing under it. */
export function checkTalkBodies(entries: readonly ParsedEntry[]): ContentProblem[] {
	return entries.flatMap(({ entry, parsed }) => {
		if (entry.collection !== 'talks' || !parsed.body) return [];
		if (hasText(parsed.body.text, entry.path.endsWith('.mdx') ? 'mdx' : 'md')) return [];
		return [
			{
				file: parsed.file,
				// The closing `---`: the body may not have a line of its own.
				line: parsed.body.line - 1,
				field: '(text)',
				problem: 'the talk has no text',
				fix: 'write what the session covered below the closing ---',
			},
		];
	});
}

/**
 * Whether a body has any text once comments are left out: HTML comments in Markdown; in MDX,
 * its own brace-and-slash comments and the import and export lines too.
 */
export function hasText(body: string, format: 'md' | 'mdx' = 'md'): boolean {
	const withoutComments = body.replace(/<!--[\s\S]*?-->/g, '');
	if (format === 'md') return withoutComments.trim() !== '';
	return (
		withoutComments
			.replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
			.replace(/^(?:import|export)\s.*$/gm, '')
			.trim() !== ''
	);
}
