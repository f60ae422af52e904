/**
 * A scaffold is planned first (which files to create, which file to edit, with their full
 * contents), then applied. Plans are plain data, so tests check them without touching the disk;
 * `applyPlan` is the only place that writes, and it never overwrites: every new file is opened
 * with the `wx` flag, so even a file that appears between the check and the write is refused.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { drawPlaceholder, type PlaceholderSpec } from './placeholders.ts';

/** What goes into a new file. */
export type FileContent =
	| { type: 'text'; text: string }
	| { type: 'placeholder'; spec: PlaceholderSpec }
	/** Bytes made when the plan is applied, e.g. a portrait cut from a photo. */
	| { type: 'render'; describe: string; render: () => Promise<Buffer> };

export interface PlannedFile {
	/** Path relative to the content folder, with `/` separators. */
	path: string;
	content: FileContent;
}

/** A change to a file that exists (only ever the series' `stops`). */
export interface PlannedEdit {
	path: string;
	/** The file as the plan read it; the edit is refused if it changed since. */
	before: string;
	after: string;
	/** What changes, e.g. `added the stop Zürich, Switzerland, 2026-06-10`. */
	summary: string;
}

export interface Plan {
	files: PlannedFile[];
	edits: PlannedEdit[];
	/** Things worth knowing that are not problems, e.g. an existing portrait that is reused. */
	notes: string[];
	/** What to do next, in order. */
	next: string[];
}

/** One thing wrong with what was typed: the flag it came from and how to fix it. */
export interface InputProblem {
	flag: string;
	message: string;
}

/** The input cannot be scaffolded; every problem is listed so all are fixed in one go. */
export class InputError extends Error {
	override name = 'InputError';
	readonly problems: readonly InputProblem[];

	constructor(problems: readonly InputProblem[]) {
		super(problems.map(formatInputProblem).join('\n'));
		this.problems = problems;
	}
}

/** `--city: ... -> ...`, one line (a problem with no flag of its own is just its message). */
export function formatInputProblem({ flag, message }: InputProblem): string {
	return flag === '' ? message : `--${flag}: ${message}`;
}

/** The text files of a plan by path, for tests and dry runs. */
export function textOf(plan: Plan, file: string): string {
	const found = plan.files.find((candidate) => candidate.path === file);
	if (found?.content.type !== 'text') throw new Error(`the plan has no text file ${file}`);
	return found.content.text;
}

export type ApplyOutcome =
	| { status: 'written'; files: { path: string; bytes: number }[]; edits: PlannedEdit[] }
	| {
			status: 'refused';
			/** Files of the plan that exist already (or appeared while writing). */
			existing: string[];
			/** Files that changed since the plan read them. */
			changed: string[];
	  };

/** The files of the plan that exist, and edited files that changed since the plan was made. */
export function conflictsOf(
	plan: Plan,
	contentDir: string,
): { existing: string[]; changed: string[] } {
	const existing = plan.files
		.map((file) => file.path)
		.filter((file) => existsSync(path.join(contentDir, file)));
	const changed = plan.edits
		.filter((edit) => readOrNull(path.join(contentDir, edit.path)) !== edit.before)
		.map((edit) => edit.path);
	return { existing, changed };
}

function readOrNull(file: string): string | null {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return null;
	}
}

async function bytesOf(content: FileContent): Promise<Buffer> {
	switch (content.type) {
		case 'text':
			return Buffer.from(content.text, 'utf8');
		case 'placeholder':
			return drawPlaceholder(content.spec);
		case 'render':
			return content.render();
	}
}

/**
 * Writes the plan, all or nothing: if any new file exists, or an edited file changed since it
 * was read, nothing is written. Images are rendered before the first write, and if a write fails
 * half-way (a file appeared in the meantime, the disk is full), the files and folders this call
 * created are removed again, so the content folder is as it was.
 */
export async function applyPlan(plan: Plan, contentDir: string): Promise<ApplyOutcome> {
	const conflicts = conflictsOf(plan, contentDir);
	if (conflicts.existing.length > 0 || conflicts.changed.length > 0) {
		return { status: 'refused', ...conflicts };
	}
	const rendered = await Promise.all(
		plan.files.map(async (file) => ({ path: file.path, bytes: await bytesOf(file.content) })),
	);

	const createdFiles: string[] = [];
	const createdDirs: string[] = [];
	const undo = () => {
		for (const file of createdFiles.toReversed()) rmSync(file, { force: true });
		for (const dir of createdDirs.toReversed()) {
			try {
				rmdirSync(dir); // only succeeds while empty: never removes anything else
			} catch {
				// not empty or already gone: leave it
			}
		}
	};

	try {
		for (const file of rendered) {
			const target = path.join(contentDir, file.path);
			const first = mkdirSync(path.dirname(target), { recursive: true });
			if (first !== undefined) createdDirs.push(...dirsBetween(first, path.dirname(target)));
			await writeFile(target, file.bytes, { flag: 'wx' });
			createdFiles.push(target);
		}
		for (const edit of plan.edits) {
			const target = path.join(contentDir, edit.path);
			if (readOrNull(target) !== edit.before) {
				undo();
				return { status: 'refused', existing: [], changed: [edit.path] };
			}
			// Write beside it, then swap: a crash never leaves a half-written series file.
			const temporary = `${target}.new-${process.pid}`;
			try {
				await writeFile(temporary, edit.after, { flag: 'wx' });
				renameSync(temporary, target);
			} finally {
				rmSync(temporary, { force: true }); // gone already once renamed
			}
		}
	} catch (error) {
		undo();
		if (isNodeError(error) && error.code === 'EEXIST') {
			return { status: 'refused', existing: existingOf(plan, contentDir), changed: [] };
		}
		throw error;
	}
	return {
		status: 'written',
		files: rendered.map((file) => ({ path: file.path, bytes: file.bytes.length })),
		edits: plan.edits,
	};
}

function existingOf(plan: Plan, contentDir: string): string[] {
	return plan.files
		.map((file) => file.path)
		.filter((file) => existsSync(path.join(contentDir, file)));
}

/** `mkdirSync(recursive)` returns the first folder it made; these are all it made, outermost first. */
function dirsBetween(first: string, last: string): string[] {
	const dirs = [last];
	let dir = last;
	while (dir !== first && path.dirname(dir) !== dir) {
		dir = path.dirname(dir);
		dirs.unshift(dir);
	}
	return dirs;
}

function isNodeError(error: unknown): error is NodeJS.ErrnoException {
	return error instanceof Error && 'code' in error;
}
