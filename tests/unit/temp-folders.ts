/** Temporary folders for a test file, all removed once its tests are done. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/** Call at the top of a test file (or describe); each call of the result makes a new folder. */
export function temporaryFolders(prefix: string): () => Promise<string> {
	const folders: string[] = [];
	afterAll(() =>
		Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))),
	);
	return async () => {
		const folder = await mkdtemp(path.join(tmpdir(), prefix));
		folders.push(folder);
		return folder;
	};
}
