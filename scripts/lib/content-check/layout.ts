/**
 * Which files of the content folder are entries, under which id, and which files the site would
 * silently skip or load twice. The rules mirror `src/content.config.ts`: data collections are
 * `<collection>/<id>.yaml` (or `.yml`), a recap is `recaps/<recap-id>/index.md` and a talk is
 * `recaps/<recap-id>/talks/<talk>.md` with the id `<recap-id>/<talk>`. Either may be `.mdx`
 * instead, for a body that uses components.
 */
import { closestId, type ContentProblem } from '../../../src/lib/errors.ts';
import { SLUG, type CollectionName } from '../../../src/schemas/shared.ts';

/** How an entry's file is written: a YAML data file, or Markdown (`.md` or `.mdx`) with YAML frontmatter. */
export type EntryFormat = 'yaml' | 'markdown';

/** The extensions of a recap's or a talk's file: Markdown, or MDX when the body needs components. */
const MARKDOWN = new Set(['md', 'mdx']);

/** One file the site loads as a collection entry. */
export interface EntryFile {
	collection: CollectionName;
	/** The id Astro gives the entry (what references name). */
	id: string;
	/** Path relative to the content folder, with `/` separators. */
	path: string;
	format: EntryFormat;
}

/** The entries to check, and the problems with the files themselves. */
export interface Layout {
	/** Every entry the site would load, without the duplicates reported in `problems`. */
	entries: readonly EntryFile[];
	problems: readonly ContentProblem[];
}

/** The collections kept as one YAML file per entry, each in the folder of the same name. */
export const DATA_COLLECTIONS = [
	'series',
	'companies',
	'speakers',
	'writeups',
	'topics',
] as const satisfies readonly CollectionName[];

/** Every folder the content root may hold. */
export const CONTENT_FOLDERS: readonly string[] = [...DATA_COLLECTIONS, 'recaps'];

/** What one entry of each collection is called in messages. */
export const NOUNS: Record<CollectionName, string> = {
	series: 'series',
	companies: 'company',
	speakers: 'speaker',
	writeups: 'writeup',
	topics: 'topic',
	recaps: 'recap',
	talks: 'talk',
};

/** Extensions of files an author means as content; anything else (photos) is not an entry. */
const CONTENT_LIKE = new Set(['yaml', 'yml', 'json', 'md', 'mdx', 'markdown', 'toml']);

/** A file as the layout sees it: an entry, a content file the site would skip, or neither. */
type Classified =
	| { kind: 'entry'; entry: EntryFile; name: string; nameFix?: string | undefined }
	| { kind: 'stray'; problem: string; fix: string }
	| { kind: 'other' };

/**
 * Sorts the content folder's files into entries and problems: files the site would not read
 * (wrong folder or extension), names that are not valid ids, and two files with the same id.
 *
 * @param files every file under the content folder, relative to it, with `/` separators
 * @param file how a path is shown in messages (e.g. `content/speakers/jane-doe.yaml`)
 */
export function layoutOf(files: readonly string[], file: (path: string) => string): Layout {
	const problems: ContentProblem[] = [];
	const candidates: Candidate[] = [];
	for (const path of files.toSorted()) {
		const classified = classify(path, file);
		if (classified.kind === 'stray') {
			problems.push({
				file: file(path),
				line: 1,
				field: '(file)',
				problem: classified.problem,
				fix: classified.fix,
			});
		} else if (classified.kind === 'entry') {
			candidates.push(classified);
		}
	}
	// Recaps first: the talks of a duplicate recap folder go with it (its one problem covers them).
	const recaps = unique(
		candidates.filter(({ entry }) => entry.collection === 'recaps'),
		file,
	);
	const skipped = new Set(recaps.duplicates.map(({ id }) => id));
	const others = unique(
		candidates.filter(
			({ entry }) =>
				entry.collection !== 'recaps' &&
				!(entry.collection === 'talks' && skipped.has(entry.id.split('/')[0] ?? '')),
		),
		file,
	);
	return {
		entries: [...recaps.entries, ...others.entries],
		problems: [...problems, ...recaps.problems, ...others.problems],
	};
}

type Candidate = Extract<Classified, { kind: 'entry' }>;

/**
 * Ids that differ only in letter case (or a .yaml and a .yml of one name) are the same entry on a
 * case-insensitive disk or host: the first valid name wins, the others are reported.
 */
function unique(candidates: readonly Candidate[], file: (path: string) => string) {
	const problems: ContentProblem[] = [];
	const entries: EntryFile[] = [];
	const duplicates: EntryFile[] = [];
	const groups = Map.groupBy(
		candidates,
		({ entry }) => `${entry.collection}:${entry.id.toLowerCase()}`,
	);
	for (const group of groups.values()) {
		const [primary, ...others] = group.toSorted(
			(a, b) => Number(a.nameFix !== undefined) - Number(b.nameFix !== undefined),
		);
		if (!primary) continue;
		entries.push(primary.entry);
		if (primary.nameFix) {
			problems.push({
				file: file(primary.entry.path),
				line: 1,
				field: '(file)',
				...invalidName(primary, file),
			});
		}
		for (const { entry } of others) {
			duplicates.push(entry);
			if (entry.format === 'markdown' && stem(entry.path) === stem(primary.entry.path)) {
				// index.md and index.mdx, or keynote.md and keynote.mdx: one entry written twice.
				problems.push({
					file: file(entry.path),
					line: 1,
					field: '(file)',
					problem: `${file(entry.path)} and ${file(primary.entry.path)} are both the ${NOUNS[entry.collection]} "${primary.entry.id}"`,
					fix: 'keep one of the two files (.md, unless the body needs components) and delete the other',
				});
				continue;
			}
			const recap = entry.collection === 'recaps';
			const name = (path: string) => (recap ? `${folderOf(path)}/` : path);
			problems.push({
				file: file(entry.path),
				line: 1,
				field: '(file)',
				problem: `${file(name(entry.path))} and ${file(name(primary.entry.path))} are both the ${NOUNS[entry.collection]} "${primary.entry.id}" (ids ignore ${recap ? '' : 'the extension and '}letter case)`,
				fix: `keep one of the two ${recap ? 'folders' : 'files'} and delete the other`,
			});
		}
	}
	return { entries, duplicates, problems };
}

/** A path without its extension: `recaps/a/talks/b.md` -> `recaps/a/talks/b`. */
function stem(path: string): string {
	return path.slice(0, path.lastIndexOf('.'));
}

/** A path's folder: `recaps/a/talks/b.md` -> `recaps/a/talks`. */
function folderOf(path: string): string {
	return path.slice(0, path.lastIndexOf('/'));
}

function invalidName(
	{ entry, nameFix }: { entry: EntryFile; nameFix?: string | undefined },
	file: (path: string) => string,
) {
	if (entry.collection === 'recaps') {
		return {
			problem: `the folder name "${entry.id}" is not a valid id (it becomes the recap's web address)`,
			fix: `rename the folder to ${file(`recaps/${nameFix}`)}/: lowercase letters and digits joined by hyphens`,
		};
	}
	const where = entry.collection === 'talks' ? " (it becomes the talk's web address)" : '';
	return {
		problem: `the file name is not a valid id${where}`,
		fix: `rename it to ${nameFix}: lowercase letters and digits joined by hyphens`,
	};
}

/** What a file under the content folder is, by its path alone. */
function classify(path: string, file: (path: string) => string): Classified {
	const parts = path.split('/');
	const name = parts.at(-1) ?? '';
	// Like Astro's glob loader, skip hidden files (.DS_Store) and anything in hidden folders. A
	// README.md is notes for people, except in a talks/ folder, where the site would read it.
	const inTalks = parts.length === 4 && parts[0] === 'recaps' && parts[2] === 'talks';
	if (parts.some((part) => part.startsWith('.')) || (/^readme\.md$/i.test(name) && !inTalks)) {
		return { kind: 'other' };
	}
	const dot = name.lastIndexOf('.');
	const base = dot > 0 ? name.slice(0, dot) : name;
	const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
	if (!CONTENT_LIKE.has(extension)) return { kind: 'other' };
	const [top = '', folder = '', third = ''] = parts;
	const stray = (problem: string, fix: string): Classified => ({ kind: 'stray', problem, fix });
	const kinds = CONTENT_FOLDERS.map((kind) => file(`${kind}/`)).join(', ');

	if (parts.length === 1) {
		return stray(
			'files directly in the content folder are not read',
			`move it into one of ${kinds}`,
		);
	}
	if ((DATA_COLLECTIONS as readonly string[]).includes(top)) {
		const collection = top as (typeof DATA_COLLECTIONS)[number];
		if (parts.length > 2) {
			return stray(
				`files in sub-folders of ${file(`${top}/`)} are not read`,
				`move it to ${file(`${top}/${name}`)}`,
			);
		}
		if (extension !== 'yaml' && extension !== 'yml') {
			const json = extension === 'json' ? ' (JSON is also valid YAML, so renaming is enough)' : '';
			return stray(
				`only .yaml files are read in ${file(`${top}/`)}`,
				`save it as ${file(`${top}/${base}.yaml`)}${json}`,
			);
		}
		const id = slugify(base);
		return entry({ collection, id, path, format: 'yaml' }, base, `${id}.${extension}`);
	}
	if (top === 'recaps') {
		const talks = file(`recaps/${folder}/talks/`);
		if (parts.length === 2) {
			return stray(
				`files directly in ${file('recaps/')} are not read`,
				`give each recap its own folder: ${file('recaps/<recap-id>/index.md')}`,
			);
		}
		if (
			parts.length === 3 &&
			base === 'index' &&
			MARKDOWN.has(extension) &&
			name === name.toLowerCase()
		) {
			return entry(
				{ collection: 'recaps', id: folder, path, format: 'markdown' },
				folder,
				slugify(folder),
			);
		}
		if (parts.length === 3 && base.toLowerCase() === 'index') {
			return stray(
				'a recap is read from index.md (or index.mdx) only',
				`rename it to ${file(`recaps/${folder}/index.md`)}`,
			);
		}
		if (parts.length === 4 && third === 'talks' && MARKDOWN.has(extension)) {
			const id = `${folder}/${base}`;
			return entry(
				{ collection: 'talks', id, path, format: 'markdown' },
				base,
				`${slugify(base)}.${extension}`,
			);
		}
		if (parts.length === 4 && third === 'talks') {
			return stray('only .md (or .mdx) talks are read', `save it as ${talks}${base}.md`);
		}
		if (parts.length === 3 && (MARKDOWN.has(extension) || extension === 'markdown')) {
			return stray(
				`talks are read only from ${talks}`,
				`move it to ${talks}${base}.${MARKDOWN.has(extension) ? extension : 'md'}`,
			);
		}
		return stray(
			'is not read: a recap folder holds index.md, talks/*.md and photos',
			`move it to ${talks} if it is a talk, or delete it`,
		);
	}
	const guess = closestId(top, CONTENT_FOLDERS);
	return stray(
		`${file(`${top}/`)} is not a content folder, so its files are not read`,
		guess
			? `did you mean ${file(`${guess}/`)}? Move the file there`
			: `move it into one of ${kinds}`,
	);
}

function entry(file: EntryFile, name: string, fixed: string): Classified {
	return { kind: 'entry', entry: file, name, nameFix: SLUG.test(name) ? undefined : fixed };
}

/**
 * A file or folder name as an id: lowercase, runs of other characters turned into one hyphen.
 * Close to what Astro's glob loader does with data file names (`Jane Doe.yaml` is `jane-doe`).
 *
 * @example slugify('Jane Doe') // 'jane-doe'
 */
export function slugify(name: string): string {
	const slug = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	return slug === '' ? name.toLowerCase() : slug;
}
