/**
 * Writing a cache file so that a reader only ever finds it whole: the bytes go to a temporary
 * file beside it, named `<file>.<process id>-<n>.tmp`, then are renamed over it. Two processes
 * writing the same file at once (two builds sharing a cache, or a build and its helper) each
 * write their own temporary file, and one whole file wins.
 */
import { rename, rm, writeFile } from 'node:fs/promises';

let temporaryFiles = 0;

/** Writes `data` to `file` atomically; the folder must exist. A failed write leaves no file. */
export async function writeFileAtomically(file: string, data: Uint8Array): Promise<void> {
	const temporary = `${file}.${process.pid}-${++temporaryFiles}.tmp`;
	try {
		await writeFile(temporary, data);
		await rename(temporary, file);
	} catch (error) {
		await rm(temporary, { force: true });
		throw error;
	}
}

/** Whether a file name is a temporary file of `writeFileAtomically` in process `pid`. */
export function isTemporaryOf(name: string, pid: number): boolean {
	return name.endsWith('.tmp') && name.includes(`.${pid}-`);
}
