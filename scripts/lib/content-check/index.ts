/**
 * Checks a content folder without an Astro build and returns every problem at once: files the
 * site would skip or load twice, YAML that does not parse, the real schemas (with photos checked
 * on disk), every reference (through the site's own `buildSite`, drafts included), photo sizes
 * and empty talks. Used by `scripts/check-content.ts` and by the build's integration
 * (src/integrations/check-content.ts). Reads the folder; never writes to it.
 *
 * Steps: load (the only I/O) → layout → parse → schema → references → extra checks → format.
 */
import path from 'node:path';
import { checkPhotoSizes, checkTalkBodies } from './checks.ts';
import { sortProblems, type CheckReport } from './format.ts';
import { layoutOf } from './layout.ts';
import { loadContent, type LoadedContent } from './load.ts';
import { parseEntryFile } from './parse.ts';
import { checkReferences } from './references.ts';
import { runSchemas } from './schema.ts';

export type { CheckReport } from './format.ts';
export { formatReport } from './format.ts';

/** Where the content is and how to name it. */
export interface CheckOptions {
	/** The content folder: absolute, or relative to the working directory. */
	root: string;
	/**
	 * How the folder is written in messages, with `/` separators: `content` prints
	 * `content/speakers/jane-doe.yaml`. Default: its path relative to the working directory.
	 */
	folder?: string;
	/** Today, `YYYY-MM-DD`; no problem depends on it (unpublished recaps are checked too). */
	today?: string;
}

/**
 * Checks the content folder and returns every problem, sorted.
 *
 * @example
 * const report = await checkContent({ root: 'content' });
 * for (const line of formatReport(report)) console.log(line);
 */
export async function checkContent(options: CheckOptions): Promise<CheckReport> {
	const root = path.resolve(options.root);
	const folder = options.folder ?? path.relative(process.cwd(), root).split(path.sep).join('/');
	return checkLoadedContent(await loadContent(root), {
		folder,
		today: options.today ?? new Date().toISOString().slice(0, 10),
	});
}

/** The pure part of {@link checkContent}: every check over an already-loaded folder. */
export function checkLoadedContent(
	content: LoadedContent,
	{ folder, today }: { folder: string; today: string },
): CheckReport {
	const file = (relative: string) => (folder ? `${folder}/${relative}` : relative);
	const layout = layoutOf(content.files, file);
	const entries = layout.entries.map((entry) => ({
		entry,
		parsed: parseEntryFile(file(entry.path), content.texts.get(entry.path) ?? '', entry.format),
	}));
	const parsed = new Map(entries.map(({ parsed }) => [parsed.file, parsed]));
	const schemas = runSchemas(entries, { images: content.images, file });
	return {
		problems: sortProblems([
			...layout.problems,
			...schemas.problems,
			...checkReferences(schemas.raw, { invalid: schemas.invalid, parsed, today }),
			...checkPhotoSizes(schemas.raw, parsed),
			...checkTalkBodies(entries),
		]),
		entries: entries.length,
		folder,
	};
}
