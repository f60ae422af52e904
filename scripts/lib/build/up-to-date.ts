/**
 * Whether a finished build's output is still exactly what building again would produce, so
 * `npm run build` can skip a build when nothing has changed (scripts/build.ts). It works the way
 * make and git's index do. Just before a build it records:
 *
 * - the size and modification time (to the nanosecond) of every input file: the project
 *   (`src/`, `public/`, the content folder, the config files and `package-lock.json`) and npm's
 *   record of what is installed (`node_modules/.package-lock.json`);
 * - the settings the output depends on: the `astro build` arguments, the `RECAP_*`, `PUBLIC_*`,
 *   `ASTRO_*` and `VITE_*` variables and `NODE_ENV`, the Node version, and the build's "today".
 *   Scheduled recaps appear on their day, so a build stays current only for the day it was made.
 *
 * Once the build succeeds, it records the output the same way, in `<cacheDir>/last-build.json`.
 * The next build is skipped only if all three are unchanged, so an output someone edited or
 * deleted is rebuilt too. A file saved within a few seconds of the record also has its contents
 * hashed: a second save in the same clock tick at the same size would not change its stat.
 *
 * Anything unknown (no record, an unreadable record, a failed or interrupted build) means build.
 * A file saved again with the same contents still counts as changed: only the file's size and
 * time are compared, as make does.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BuildFolders } from '../../../src/build-folders.ts';
import { resolveToday } from '../../../src/lib/dates.ts';
import { siteConfig } from '../../../src/site.config.ts';

/** What is known of one file: enough to tell that it changed without reading it. */
export interface FileState {
	size: number;
	/** Modification time in nanoseconds, as a decimal string (beyond a double's precision). */
	mtimeNs: string;
	/** Only for files modified within `RACY_MS` of the record (see the module comment). */
	sha256?: string;
}

/** Absolute path (inputs) or path inside the output folder (outputs) -> state. */
export type Snapshot = Record<string, FileState>;

export interface BuildRecord {
	version: typeof RECORD_VERSION;
	/** When the build started (ISO). */
	builtAt: string;
	settings: Record<string, string>;
	inputs: Snapshot;
	outputs: Snapshot;
}

const RECORD_VERSION = 1;

/** The record's name inside Astro's cache folder. */
export const RECORD_FILE = 'last-build.json';

/** Files modified less than this long before a record also get their contents hashed. */
export const RACY_MS = 3000;

/**
 * Folders of the project that are not inputs of the site: what builds, tests and the benchmark
 * write (so a build is never made stale by its own output), and the repository itself.
 * `node_modules` is stood in for by npm's `node_modules/.package-lock.json`, which every install
 * rewrites.
 */
export const NOT_INPUTS = [
	'.git',
	'node_modules',
	'.astro',
	'.cache',
	'dist',
	'test-output',
	'reports',
] as const;

const INSTALLED = path.join('node_modules', '.package-lock.json');

/** Environment variables the build reads (the site's own, and what Vite and Astro pass on). */
const SETTING_VARIABLE = /^(?:RECAP_|PUBLIC_|ASTRO_|VITE_)/;
/** Variables of that kind that leave the output as it is: the benchmark's trace of the cards. */
const NOT_SETTINGS = new Set(['RECAP_CARD_TRACE_DIR']);
const SETTING_NAMES = new Set([
	'NODE_ENV',
	'SITE',
	'BASE_URL',
	'MODE',
	'DEV',
	'PROD',
	'SSR',
	'ASSETS_PREFIX',
]);

/**
 * The settings a build's output depends on besides its files, as name -> value. `today` is the
 * build's calendar day in the site's time zone (src/lib/dates.ts `resolveToday`).
 */
export function buildSettings(options: {
	argv: readonly string[];
	env: NodeJS.ProcessEnv;
	today: string;
	nodeVersion: string;
}): Record<string, string> {
	const settings: Record<string, string> = {
		'astro build arguments': JSON.stringify(options.argv),
		'the build date': options.today,
		'the Node version': options.nodeVersion,
	};
	for (const name of Object.keys(options.env).sort()) {
		const value = options.env[name];
		const read = SETTING_VARIABLE.test(name) || SETTING_NAMES.has(name);
		if (value !== undefined && read && !NOT_SETTINGS.has(name)) {
			settings[name] = value;
		}
	}
	return settings;
}

/** The settings of a build run now, in this process, with `astro build` arguments `argv`. */
export function currentSettings(
	argv: readonly string[],
	env: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
	return buildSettings({
		argv,
		env,
		// The build's own "today" (src/lib/content.ts): the day scheduled recaps are measured by.
		today: resolveToday(env.RECAP_NOW, () => new Date(), siteConfig.timeZone),
		nodeVersion: process.version,
	});
}

/** Names of settings that differ between two records, sorted. */
export function changedSettings(
	before: Record<string, string>,
	after: Record<string, string>,
): string[] {
	const names = new Set([...Object.keys(before), ...Object.keys(after)]);
	return [...names].filter((name) => before[name] !== after[name]).sort();
}

/** Paths added, removed or changed between two snapshots, sorted. */
export function changedFiles(before: Snapshot, after: Snapshot): string[] {
	const changed: string[] = [];
	for (const [file, was] of Object.entries(before)) {
		const now = after[file];
		if (
			!now ||
			now.size !== was.size ||
			now.mtimeNs !== was.mtimeNs ||
			(was.sha256 !== undefined && now.sha256 !== was.sha256)
		) {
			changed.push(file);
		}
	}
	for (const file of Object.keys(after)) if (!(file in before)) changed.push(file);
	return changed.sort();
}

export interface SnapshotOptions {
	/** Leave out these absolute paths (files or whole folders). */
	skip?: (absolutePath: string) => boolean;
	/** Key each file by its path relative to this folder (default: absolute paths). */
	relativeTo?: string;
	/** Hash files modified after this time (ms since the epoch)... */
	racyAfterMs?: number;
	/** ...and these files, whatever their time (absolute paths). */
	hash?: ReadonlySet<string>;
}

/** The state of every file under `dir` (following symbolic links); nothing if it is missing. */
export async function snapshotTree(dir: string, options: SnapshotOptions = {}): Promise<Snapshot> {
	const snapshot: Snapshot = {};
	const visit = async (folder: string, depth: number): Promise<void> => {
		if (depth > MAX_DEPTH) throw new Error(`${folder}: folders nested too deep (a link loop?)`);
		let entries;
		try {
			entries = await readdir(folder, { withFileTypes: true });
		} catch (error) {
			if (isMissing(error)) return;
			throw error;
		}
		await Promise.all(
			entries.map(async (entry) => {
				const file = path.join(folder, entry.name);
				if (options.skip?.(file)) return;
				const isDirectory = entry.isSymbolicLink()
					? await stat(file).then(
							(s) => s.isDirectory(),
							() => false,
						)
					: entry.isDirectory();
				if (isDirectory) return visit(file, depth + 1);
				const state = await fileState(file, options);
				if (state)
					snapshot[options.relativeTo ? path.relative(options.relativeTo, file) : file] = state;
			}),
		);
	};
	await visit(dir, 0);
	return snapshot;
}

const MAX_DEPTH = 64;

/** One file's state; undefined if it is gone (a dangling link, or deleted meanwhile). */
export async function fileState(
	file: string,
	options: Pick<SnapshotOptions, 'racyAfterMs' | 'hash'> = {},
): Promise<FileState | undefined> {
	let info;
	try {
		info = await stat(file, { bigint: true });
	} catch (error) {
		if (isMissing(error)) return undefined;
		throw error;
	}
	if (!info.isFile()) return undefined;
	const state: FileState = { size: Number(info.size), mtimeNs: info.mtimeNs.toString() };
	const racy =
		options.racyAfterMs !== undefined && Number(info.mtimeNs / 1_000_000n) >= options.racyAfterMs;
	if (racy || options.hash?.has(file)) {
		state.sha256 = createHash('sha256')
			.update(await readFile(file))
			.digest('hex');
	}
	return state;
}

const isMissing = (error: unknown) =>
	error instanceof Error &&
	'code' in error &&
	(error.code === 'ENOENT' || error.code === 'ENOTDIR');

/**
 * Every input file of a build: the project minus `NOT_INPUTS` and the output and cache folders,
 * npm's install record, and the content folder wherever it is (even inside a left-out folder, as
 * the benchmark's sites are).
 */
export async function snapshotInputs(
	folders: BuildFolders,
	options: Pick<SnapshotOptions, 'racyAfterMs' | 'hash'> = {},
): Promise<Snapshot> {
	const skipped = new Set([
		...NOT_INPUTS.map((name) => path.join(folders.root, name)),
		folders.outDir,
		folders.cacheDir,
	]);
	const skip = (file: string) => skipped.has(file) || path.basename(file) === '.DS_Store';
	const [project, content, installed] = await Promise.all([
		snapshotTree(folders.root, {
			...options,
			skip: (file) => skip(file) || file === folders.contentDir,
		}),
		snapshotTree(folders.contentDir, { ...options, skip }),
		fileState(path.join(folders.root, INSTALLED), options),
	]);
	return {
		...project,
		...content,
		...(installed ? { [path.join(folders.root, INSTALLED)]: installed } : {}),
	};
}

/** Every file of the build output, keyed by its path inside the output folder. */
export function snapshotOutputs(
	folders: BuildFolders,
	options: Pick<SnapshotOptions, 'racyAfterMs' | 'hash'> = {},
): Promise<Snapshot> {
	return snapshotTree(folders.outDir, { ...options, relativeTo: folders.outDir });
}

export const recordPath = (folders: BuildFolders) => path.join(folders.cacheDir, RECORD_FILE);

/** The record of the last successful build, or why there is none to trust. */
export async function readRecord(
	folders: BuildFolders,
): Promise<{ record: BuildRecord } | { missing: string }> {
	const file = recordPath(folders);
	let text;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		if (isMissing(error)) return { missing: 'no earlier build is recorded' };
		throw error;
	}
	try {
		const record = JSON.parse(text) as Partial<BuildRecord>;
		if (
			record.version !== RECORD_VERSION ||
			typeof record.settings !== 'object' ||
			typeof record.inputs !== 'object' ||
			typeof record.outputs !== 'object'
		) {
			return { missing: `the record of the last build is from another version (${file})` };
		}
		return { record: record as BuildRecord };
	} catch {
		return { missing: `the record of the last build is unreadable (${file})` };
	}
}

export type Freshness =
	| { upToDate: true; record: BuildRecord; inputs: number; outputs: number }
	| { upToDate: false; reason: string };

/** A path as a reason shows it: inside the project relative to it, elsewhere absolute. */
export function shownPath(root: string, file: string): string {
	const relative = path.relative(root, file);
	return relative === '' || relative.startsWith('..') || path.isAbsolute(relative)
		? file
		: relative;
}

/** How many changed paths a reason names before "and N more". */
const NAMED = 3;

function listed(what: string, files: readonly string[], show: (file: string) => string): string {
	const names = files.slice(0, NAMED).map(show).join(', ');
	const more = files.length > NAMED ? ` and ${files.length - NAMED} more` : '';
	return `${files.length} ${what} changed since the last build: ${names}${more}`;
}

/** Whether the output in `folders.outDir` is what a build with `settings` would make now. */
export async function checkFreshness(
	folders: BuildFolders,
	settings: Record<string, string>,
): Promise<Freshness> {
	const read = await readRecord(folders);
	if ('missing' in read) return { upToDate: false, reason: read.missing };
	const { record } = read;
	const settingsChanged = changedSettings(record.settings, settings);
	if (settingsChanged.length > 0) {
		return {
			upToDate: false,
			reason: `the settings changed since the last build: ${settingsChanged.join(', ')}`,
		};
	}
	const hashed = (snapshot: Snapshot, base = '') =>
		new Set(
			Object.entries(snapshot)
				.filter(([, state]) => state.sha256 !== undefined)
				.map(([file]) => path.join(base, file)),
		);
	const inputs = await snapshotInputs(folders, { hash: hashed(record.inputs) });
	const inputsChanged = changedFiles(record.inputs, inputs);
	if (inputsChanged.length > 0) {
		return {
			upToDate: false,
			reason: listed('input file(s)', inputsChanged, (file) => shownPath(folders.root, file)),
		};
	}
	const outputs = await snapshotOutputs(folders, { hash: hashed(record.outputs, folders.outDir) });
	const outputsChanged = changedFiles(record.outputs, outputs);
	if (outputsChanged.length > 0) {
		const outDir = shownPath(folders.root, folders.outDir);
		return {
			upToDate: false,
			reason: listed(`file(s) of ${outDir}/`, outputsChanged, (file) => file),
		};
	}
	return {
		upToDate: true,
		record,
		inputs: Object.keys(inputs).length,
		outputs: Object.keys(outputs).length,
	};
}

/**
 * Runs `build` and records it, so the next `checkFreshness` can trust its output. The inputs are
 * recorded before the build starts (a file saved during the build makes the next one rebuild),
 * the record of any earlier build is deleted first (a failed build leaves none), and nothing is
 * recorded if `build` throws.
 */
export async function buildAndRecord(
	folders: BuildFolders,
	settings: Record<string, string>,
	build: () => Promise<void>,
	clock: () => number = Date.now,
): Promise<BuildRecord> {
	const startedMs = clock();
	const file = recordPath(folders);
	await rm(file, { force: true });
	const inputs = await snapshotInputs(folders, { racyAfterMs: startedMs - RACY_MS });
	await build();
	const outputs = await snapshotOutputs(folders, { racyAfterMs: clock() - RACY_MS });
	const record: BuildRecord = {
		version: RECORD_VERSION,
		builtAt: new Date(startedMs).toISOString(),
		settings,
		inputs,
		outputs,
	};
	await mkdir(path.dirname(file), { recursive: true });
	// Written whole, then renamed: an interrupted write leaves no half record behind.
	await writeFile(`${file}.tmp`, JSON.stringify(record));
	await rename(`${file}.tmp`, file);
	return record;
}

/**
 * What `npm run build` does: unless `force`, skip the build when `checkFreshness` finds the output
 * current; otherwise say why it builds, then `buildAndRecord`. Returns what it found.
 */
export async function buildUnlessCurrent(
	folders: BuildFolders,
	settings: Record<string, string>,
	options: { force: boolean; build: () => Promise<void>; log: (line: string) => void },
): Promise<Freshness> {
	const freshness: Freshness = options.force
		? { upToDate: false, reason: '--force' }
		: await checkFreshness(folders, settings);
	if (freshness.upToDate) return freshness;
	options.log(`building: ${freshness.reason}`);
	await buildAndRecord(folders, settings, options.build);
	return freshness;
}
