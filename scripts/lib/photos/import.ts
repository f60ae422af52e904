/**
 * Imports photos into a recap's `photos/` folder or as a speaker's portrait. Every photo is
 * decided on first (import, skip, refuse, fail) and only then written, each new file with the
 * `wx` flag so nothing in `content/` is ever overwritten. The originals are only ever read.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isPlaceholder } from '../scaffold/placeholders.ts';
import {
	boundedSize,
	inspectPhoto,
	kindOfName,
	photoFileName,
	PhotoReadError,
	PORTRAIT_MIN,
	portraitSide,
	renderPhoto,
	renderPortrait,
	type Rendered,
} from './process.ts';

export type ImportTarget =
	| { kind: 'recap'; id: string; /** Absolute path of the recap's `photos/` folder. */ dir: string }
	| { kind: 'speaker'; id: string; /** Absolute path of `speakers/<id>.jpg`. */ file: string };

export type Decision =
	| {
			status: 'import';
			source: string;
			output: string;
			width: number;
			height: number;
			/** The output is a scaffold's placeholder, replaced on request. */
			replaces?: boolean;
	  }
	| { status: 'skipped' | 'refused' | 'failed'; source: string; output?: string; reason: string };

export interface Sources {
	/** Files to consider, in the order given (a folder's files sorted by name). */
	files: string[];
	/** What was left out while listing, with why. */
	decisions: Decision[];
}

/**
 * The folder relative paths were typed in: `npm run` moves to the project folder, and keeps the
 * one the command was typed in as `INIT_CWD`.
 */
export function typedFrom(env: NodeJS.ProcessEnv = process.env): string {
	return env.INIT_CWD ?? process.cwd();
}

/** Expands folders (their own files, not subfolders) into files; missing paths fail. */
export function collectSources(args: readonly string[], base = typedFrom()): Sources {
	const files: string[] = [];
	const decisions: Decision[] = [];
	for (const arg of args) {
		const full = path.resolve(base, arg);
		if (!existsSync(full)) {
			decisions.push({ status: 'failed', source: arg, reason: 'no such file or folder' });
			continue;
		}
		if (!statSync(full).isDirectory()) {
			files.push(full);
			continue;
		}
		for (const entry of readdirSync(full, { withFileTypes: true }).sort((a, b) =>
			a.name.localeCompare(b.name, 'en'),
		)) {
			const file = path.join(full, entry.name);
			if (entry.isDirectory()) {
				decisions.push({
					status: 'skipped',
					source: file,
					reason: 'a folder inside the folder: name it on its own to import it too',
				});
			} else if (kindOfName(entry.name) !== 'hidden') {
				files.push(file);
			}
		}
	}
	return { files, decisions };
}

export interface ImportOptions {
	/** Replace an existing file only if it is a placeholder a scaffold drew. */
	replacePlaceholder?: boolean;
}

/** Decides what to do with each file, reading but never writing. */
export async function planImport(
	files: readonly string[],
	target: ImportTarget,
	options: ImportOptions = {},
): Promise<Decision[]> {
	if (target.kind === 'speaker' && files.length > 1) {
		return files.map((source) => ({
			status: 'refused',
			source,
			reason: `a speaker has one portrait, and ${files.length} files were given -> name just the one photo of ${target.id}`,
		}));
	}
	const decisions: Decision[] = [];
	const claimed = new Map<string, string>();
	for (const source of files) {
		const name = path.basename(source);
		if (kindOfName(name) !== 'photo') {
			decisions.push({
				status: 'skipped',
				source,
				reason: 'not a photo this imports (JPEG, PNG, WebP, HEIC)',
			});
			continue;
		}
		let info;
		try {
			info = await inspectPhoto(await readFile(source), name);
		} catch (error) {
			decisions.push({ status: 'failed', source, reason: reasonOf(error) });
			continue;
		}

		const output =
			target.kind === 'recap' ? path.join(target.dir, photoFileName(name)) : target.file;
		const key = output.toLowerCase(); // one name on case-insensitive disks too
		const other = claimed.get(key);
		if (other !== undefined) {
			decisions.push({
				status: 'refused',
				source,
				output,
				reason: `${path.basename(other)} in this import gets the same name -> rename one of the originals (a copy) and import it on its own`,
			});
			continue;
		}
		claimed.set(key, source);

		let replaces = false;
		if (existsSync(output)) {
			const placeholder = await isPlaceholder(await readFile(output));
			if (placeholder && options.replacePlaceholder) {
				replaces = true;
			} else {
				decisions.push({
					status: 'refused',
					source,
					output,
					reason: placeholder
						? 'that file is the placeholder a scaffold drew -> run again with --replace-placeholder to put this photo in its place'
						: target.kind === 'speaker'
							? 'the speaker has a portrait already, and it is never overwritten -> to use this photo instead, move the old portrait out of content/speakers/ yourself, then run this again'
							: 'a file with that name exists and is never overwritten -> if this is a different photo, rename a copy of the original and import that; if it is the same photo, it is in already',
				});
				continue;
			}
		}

		if (target.kind === 'speaker') {
			if (Math.min(info.width, info.height) < PORTRAIT_MIN) {
				decisions.push({
					status: 'failed',
					source,
					reason: `${info.width}x${info.height} is too small for a portrait -> use a photo of at least ${PORTRAIT_MIN}x${PORTRAIT_MIN} px`,
				});
				continue;
			}
			const side = portraitSide(info);
			decisions.push({ status: 'import', source, output, width: side, height: side, replaces });
		} else {
			decisions.push({ status: 'import', source, output, ...boundedSize(info), replaces });
		}
	}
	return decisions;
}

function reasonOf(error: unknown): string {
	if (error instanceof PhotoReadError) return error.message;
	return error instanceof Error ? error.message : String(error);
}

export interface Outcome {
	source: string;
	status: 'written' | 'skipped' | 'refused' | 'failed';
	output?: string | undefined;
	reason?: string | undefined;
	width?: number;
	height?: number;
	bytes?: number;
}

/** Writes every `import` decision; the others are passed through as they are. */
export async function runImport(
	decisions: readonly Decision[],
	target: ImportTarget,
): Promise<Outcome[]> {
	const outcomes: Outcome[] = [];
	for (const decision of decisions) {
		if (decision.status !== 'import') {
			outcomes.push(decision);
			continue;
		}
		const { source, output } = decision;
		try {
			// One photo at a time: a folder of phone photos would not fit in memory at once.
			const original = await readFile(source);
			const rendered: Rendered =
				target.kind === 'speaker'
					? await renderPortrait(original, decision.width)
					: await renderPhoto(original);
			mkdirSync(path.dirname(output), { recursive: true }); // a new recap may have no photos/ yet
			await writeNew(output, rendered.data, decision.replaces === true);
			outcomes.push({
				source,
				status: 'written',
				output,
				width: rendered.width,
				height: rendered.height,
				bytes: rendered.data.length,
			});
		} catch (error) {
			const exists = error instanceof Error && 'code' in error && error.code === 'EEXIST';
			outcomes.push({
				source,
				status: exists ? 'refused' : 'failed',
				output,
				reason: exists
					? 'a file with that name appeared while importing; it was left as it is'
					: reasonOf(error),
			});
		}
	}
	return outcomes;
}

/** Writes a new file (`wx`), or swaps out a placeholder after checking again that it is one. */
async function writeNew(output: string, data: Buffer, replacePlaceholder: boolean): Promise<void> {
	if (!replacePlaceholder) {
		await writeFile(output, data, { flag: 'wx' });
		return;
	}
	const temporary = `${output}.new-${process.pid}`;
	await writeFile(temporary, data, { flag: 'wx' });
	try {
		if (!(await isPlaceholder(await readFile(output)))) {
			throw Object.assign(new Error('the placeholder was replaced meanwhile'), { code: 'EEXIST' });
		}
		renameSync(temporary, output);
	} finally {
		rmSync(temporary, { force: true });
	}
}
