/** Cache files written whole or not at all (src/lib/atomic-write.ts). */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTemporaryOf, writeFileAtomically } from '../../src/lib/atomic-write.ts';
import { temporaryFolders } from './temp-folders.ts';

const tempDir = temporaryFolders('atomic-');

describe('writeFileAtomically', () => {
	it('writes the bytes, replaces an older file, and leaves nothing else behind', async () => {
		const dir = await tempDir();
		const file = path.join(dir, 'card.png');
		await writeFile(file, 'old');
		await writeFileAtomically(file, Buffer.from('new bytes'));
		expect(await readFile(file, 'utf8')).toBe('new bytes');
		expect(await readdir(dir)).toEqual(['card.png']);
	});

	it('keeps one whole file when many writes of it race', async () => {
		const dir = await tempDir();
		const file = path.join(dir, 'portrait.png');
		const versions = Array.from({ length: 20 }, (_, index) => `version ${index} `.repeat(500));
		await Promise.all(versions.map((text) => writeFileAtomically(file, Buffer.from(text))));
		expect(versions).toContain(await readFile(file, 'utf8'));
		expect(await readdir(dir)).toEqual(['portrait.png']);
	});

	it('fails where the folder is missing, and leaves no file', async () => {
		const dir = await tempDir();
		const file = path.join(dir, 'missing', 'card.png');
		await expect(writeFileAtomically(file, Buffer.from('x'))).rejects.toThrow(/ENOENT/);
		expect(await readdir(dir)).toEqual([]);
	});
});

describe('isTemporaryOf', () => {
	it("recognises a process's temporary files and nothing else", () => {
		expect(isTemporaryOf('abc.png.4242-1.tmp', 4242)).toBe(true);
		expect(isTemporaryOf('abc.png.4242-17.tmp', 4242)).toBe(true);
		expect(isTemporaryOf('abc.png.4243-1.tmp', 4242)).toBe(false);
		expect(isTemporaryOf('abc.png', 4242)).toBe(false);
		expect(isTemporaryOf('abc.png.4242-1.tmp.png', 4242)).toBe(false);
	});
});
