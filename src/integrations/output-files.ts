/** Reading a finished build's output: every file's path, and each text file read once. */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** Absolute paths of every file under `root`, in no particular order. */
export async function listFiles(root: string): Promise<string[]> {
	return (await readdir(root, { recursive: true, withFileTypes: true }))
		.filter((entry) => entry.isFile())
		.map((entry) => path.join(entry.parentPath, entry.name));
}

/** The files that can name an asset or hold inline code: pages, feeds, styles, scripts. */
const TEXT_FILE = /\.(?:html|xml|json|css|js|mjs|txt|webmanifest|svg)$/i;

/** Text files read at once: enough to keep the disk busy, few enough to hold little memory. */
const READ_AT_ONCE = 32;

/**
 * Reads each text file of `files` once and hands it to `visit`, a few at a time: a 1000-city site
 * has 10,000 pages, and reading them all at once held a gigabyte.
 */
export async function readTextFiles(
	files: readonly string[],
	visit: (file: string, text: string) => void,
): Promise<void> {
	const texts = files.filter((file) => TEXT_FILE.test(file));
	for (let start = 0; start < texts.length; start += READ_AT_ONCE) {
		const batch = texts.slice(start, start + READ_AT_ONCE);
		const read = await Promise.all(batch.map((file) => readFile(file, 'utf8')));
		read.forEach((text, index) => visit(batch[index]!, text));
	}
}

/** Each text file of `files` (see `readTextFiles`) with its size and time of last change. */
export async function textFileStamps(files: readonly string[]): Promise<Map<string, string>> {
	const texts = files.filter((file) => TEXT_FILE.test(file));
	const stamps = new Map<string, string>();
	for (let start = 0; start < texts.length; start += READ_AT_ONCE) {
		const batch = texts.slice(start, start + READ_AT_ONCE);
		const stats = await Promise.all(batch.map((file) => stat(file)));
		stats.forEach(({ size, mtimeMs }, index) => stamps.set(batch[index]!, `${size} ${mtimeMs}`));
	}
	return stamps;
}
