/**
 * Card portraits kept on disk and cut ahead (src/lib/portrait-cache.ts, the helper process of
 * src/integrations/portraits-ahead.ts): real photos through sharp, a real child process.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { getPriority } from 'node:os';
import path from 'node:path';
import type { ImageMetadata } from 'astro';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { startPortraitsAhead } from '../../src/integrations/portraits-ahead.ts';
import { portraitRef, portraitRefDataUrl } from '../../src/lib/og-cache.ts';
import { roundPortrait } from '../../src/lib/og-raster.ts';
import {
	cutPortraits,
	photoDigest,
	portraitCacheFile,
	readCachedPortrait,
	speakerPhotos,
	storePortrait,
} from '../../src/lib/portrait-cache.ts';
import { temporaryFolders } from './temp-folders.ts';
import { recordingLogger } from './helpers.ts';

const CHI = path.resolve('content/speakers/chi-wang.jpg');
const CHARLIE = path.resolve('content/speakers/charlie-chen.jpg');
const HELPER = path.resolve('src/integrations/portraits-ahead-helper.ts');

const tempDir = temporaryFolders('portraits-');

/** A content folder with two speaker photos (one in a subfolder) and a YAML file. */
async function contentWithSpeakers(): Promise<{ content: string; photos: string[] }> {
	const content = await tempDir();
	const speakers = path.join(content, 'speakers');
	await mkdir(path.join(speakers, 'guests'), { recursive: true });
	const photos = [
		path.join(speakers, 'guests', 'john-roe.jpg'),
		path.join(speakers, 'jane-doe.jpg'),
	];
	await copyFile(CHI, photos[0]!);
	await copyFile(CHARLIE, photos[1]!);
	await writeFile(path.join(speakers, 'jane-doe.yaml'), 'name: Jane Doe\n');
	return { content, photos };
}

/** A whole PNG that is plainly not a cut photo: a red disc. */
function redDisc(): Promise<Buffer> {
	return sharp({
		create: { width: 176, height: 176, channels: 4, background: { r: 255, g: 0, b: 0, alpha: 1 } },
	})
		.png()
		.toBuffer();
}

/** What a logger was told, by level. */
function runHelper(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
	return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
		const child = spawn(process.execPath, [HELPER, ...args], { env: { ...process.env, ...env } });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

describe('kept portraits', () => {
	it('reads back what was kept, leaving no temporary file', async () => {
		const dir = await tempDir();
		const png = await roundPortrait(CHI);
		const digest = photoDigest(await readFile(CHI));
		await storePortrait(dir, digest, png);
		expect((await readCachedPortrait(dir, digest))?.equals(png)).toBe(true);
		expect(await readdir(dir)).toEqual([path.basename(portraitCacheFile(dir, digest))]);
	});

	it("names each by its photo's bytes", async () => {
		const dir = await tempDir();
		const chi = photoDigest(await readFile(CHI));
		const charlie = photoDigest(await readFile(CHARLIE));
		expect(chi).toMatch(/^[0-9a-f]{64}$/);
		expect(portraitCacheFile(dir, chi)).not.toBe(portraitCacheFile(dir, charlie));
		expect(portraitCacheFile(dir, chi)).toBe(portraitCacheFile(dir, chi));
		expect(path.dirname(portraitCacheFile(dir, chi))).toBe(dir);
		await storePortrait(dir, chi, await redDisc());
		expect(await readCachedPortrait(dir, charlie)).toBeUndefined();
	});

	it('treats a missing folder, an empty file, a cut-short PNG or other bytes as not kept', async () => {
		const digest = photoDigest(await readFile(CHI));
		expect(await readCachedPortrait(path.join(await tempDir(), 'none'), digest)).toBeUndefined();

		const dir = await tempDir();
		const png = await roundPortrait(CHI);
		const file = portraitCacheFile(dir, digest);
		for (const bytes of [
			Buffer.alloc(0),
			png.subarray(0, png.length - 1),
			png.subarray(0, png.length / 2),
			Buffer.from('not a png at all, but long enough to pass a length check'),
			await readFile(CHI),
		]) {
			await writeFile(file, bytes);
			expect(await readCachedPortrait(dir, digest)).toBeUndefined();
		}
	});
});

describe('cutPortraits', () => {
	it('keeps the round portrait of each photo, and reports what it cut', async () => {
		const { photos } = await contentWithSpeakers();
		const dir = await tempDir();
		const cut: string[] = [];
		const report = await cutPortraits(photos, dir, (file) => cut.push(file));
		expect(report).toEqual({ cut: 2, found: 0, failed: [] });
		expect(cut).toEqual(photos);
		for (const photo of photos) {
			const bytes = await readFile(photo);
			const kept = await readCachedPortrait(dir, photoDigest(bytes));
			expect(kept?.equals(await roundPortrait(bytes)), photo).toBe(true);
		}
	});

	it('cuts only what is not kept yet, and again what was kept broken', async () => {
		const { photos } = await contentWithSpeakers();
		const dir = await tempDir();
		await cutPortraits(photos, dir);
		expect(await cutPortraits(photos, dir)).toEqual({ cut: 0, found: 2, failed: [] });

		const broken = portraitCacheFile(dir, photoDigest(await readFile(photos[1]!)));
		await writeFile(broken, (await readFile(broken)).subarray(0, 100));
		expect(await cutPortraits(photos, dir)).toEqual({ cut: 1, found: 1, failed: [] });
		expect(await readCachedPortrait(dir, photoDigest(await readFile(photos[1]!)))).toBeDefined();
	});

	it('names each photo whose portrait it cannot keep', async () => {
		const { photos } = await contentWithSpeakers();
		// A file where the folder should be: nothing can be kept under it.
		const blocked = path.join(await tempDir(), 'blocked');
		await writeFile(blocked, 'a file');
		const report = await cutPortraits(photos, blocked);
		expect(report.cut).toBe(0);
		expect(report.failed.map((failure) => failure.file)).toEqual(photos);
		expect(report.failed[0]!.error).toMatch(/EEXIST|ENOTDIR/);
	});

	it('names each photo it cannot cut, and still cuts the others', async () => {
		const { content, photos } = await contentWithSpeakers();
		const notAnImage = path.join(content, 'speakers', 'broken.jpg');
		await writeFile(notAnImage, 'this is not a JPEG');
		const missing = path.join(content, 'speakers', 'gone.jpg');
		const dir = await tempDir();
		const report = await cutPortraits([notAnImage, missing, ...photos], dir);
		expect(report.cut).toBe(2);
		expect(report.failed.map((failure) => failure.file)).toEqual([notAnImage, missing]);
		expect(report.failed[0]!.error).toMatch(/unsupported image format/);
		expect(report.failed[1]!.error).toMatch(/ENOENT/);
		expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
	});
});

describe('speakerPhotos', () => {
	it('lists every image under speakers/, sorted, and nothing else', async () => {
		const { content, photos } = await contentWithSpeakers();
		expect(await speakerPhotos(content)).toEqual(photos);
	});

	it('finds none in a folder without speakers', async () => {
		expect(await speakerPhotos(await tempDir())).toEqual([]);
		expect(await speakerPhotos(path.join(await tempDir(), 'missing'))).toEqual([]);
	});
});

describe('the helper process', () => {
	it('keeps every speaker portrait, prints its report and lists what it cut for the benchmark', async () => {
		const { content, photos } = await contentWithSpeakers();
		const dir = path.join(await tempDir(), 'og', 'portraits');
		const trace = path.join(await tempDir(), 'trace');
		const first = await runHelper([content, dir], { RECAP_CARD_TRACE_DIR: trace });
		expect(first.code, first.stderr).toBe(0);
		expect(JSON.parse(first.stdout)).toMatchObject({ cut: 2, found: 0, failed: [] });
		expect((await readFile(path.join(trace, 'portraits.txt'), 'utf8')).split('\n')).toEqual([
			...photos,
			'',
		]);
		const again = await runHelper([content, dir]);
		expect(JSON.parse(again.stdout)).toMatchObject({ cut: 0, found: 2, failed: [] });
	});

	it('says how to call it when a folder is missing', async () => {
		const result = await runHelper([]);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('usage: node portraits-ahead-helper.ts');
	});
});

describe('startPortraitsAhead', () => {
	it('runs the helper at the lowest priority and reports what it cut, at debug level', async () => {
		const { content } = await contentWithSpeakers();
		const dir = await tempDir();
		const helper = startPortraitsAhead(content, dir);
		expect(getPriority(helper.pid)).toBe(19);
		// The build ends long after the helper is done.
		await helper.ended;
		const { logger, said } = recordingLogger();
		await helper.finish(logger);
		expect(said).toHaveLength(1);
		expect(said[0]?.level).toBe('debug');
		expect(said[0]?.message).toMatch(
			/^speaker portraits: 2 cut ahead, 0 already kept \(\d+\.\d s\)$/,
		);
	});

	it('warns with the first photo it could not cut', async () => {
		const { content } = await contentWithSpeakers();
		const broken = path.join(content, 'speakers', 'aaa-broken.jpg');
		await writeFile(broken, 'this is not a JPEG');
		const helper = startPortraitsAhead(content, await tempDir());
		const { logger, said } = recordingLogger();
		await helper.ended;
		await helper.finish(logger);
		expect(said[0]?.level).toBe('warn');
		expect(said[0]?.message).toContain(`1 photo(s) could not be cut ahead, first ${broken}`);
	});

	it('stops a helper still running when the build ends, and leaves no half-written file', async () => {
		const { content } = await contentWithSpeakers();
		const dir = await tempDir();
		const helper = startPortraitsAhead(content, dir);
		const { logger, said } = recordingLogger();
		await helper.finish(logger);
		expect(said).toEqual([
			{
				level: 'info',
				message: 'speaker portraits: helper stopped before it was done (cards cut the rest)',
			},
		]);
		const names = await readdir(dir).catch(() => [] as string[]);
		expect(names.filter((name) => name.endsWith('.tmp'))).toEqual([]);
	});
});

describe('portraitRefDataUrl with a portraits folder', () => {
	/** A speaker photo as Astro's `image()` gives it, with its hidden source path. */
	const photo = (fsPath: string): ImageMetadata =>
		Object.assign(
			{ src: '/_astro/x.jpg', width: 800, height: 800, format: 'jpg' as const },
			{ fsPath },
		);

	it('uses the kept portrait instead of cutting the photo again', async () => {
		const dir = await tempDir();
		const jpg = path.join(await tempDir(), 'jane-doe.jpg');
		await copyFile(CHI, jpg);
		const ref = await portraitRef(photo(jpg), 'Jane Doe');
		const red = await redDisc();
		await storePortrait(dir, photoDigest(await readFile(jpg)), red);
		expect(await portraitRefDataUrl(ref, dir)).toBe(
			`data:image/png;base64,${red.toString('base64')}`,
		);
	});

	it('cuts a portrait not kept (or kept broken) from the photo, and keeps it', async () => {
		const jpg = path.join(await tempDir(), 'john-roe.jpg');
		await copyFile(CHARLIE, jpg);
		const ref = await portraitRef(photo(jpg), 'John Roe');
		const cut = await roundPortrait(jpg);
		const digest = photoDigest(await readFile(jpg));

		const empty = await tempDir();
		expect(await portraitRefDataUrl(ref, empty)).toBe(
			`data:image/png;base64,${cut.toString('base64')}`,
		);
		expect((await readCachedPortrait(empty, digest))?.equals(cut)).toBe(true);

		const broken = await tempDir();
		await writeFile(portraitCacheFile(broken, digest), cut.subarray(0, 50));
		expect(await portraitRefDataUrl(ref, broken)).toBe(
			`data:image/png;base64,${cut.toString('base64')}`,
		);
		expect((await readCachedPortrait(broken, digest))?.equals(cut)).toBe(true);
	});

	it('still cuts the portrait when the folder cannot be written', async () => {
		const jpg = path.join(await tempDir(), 'jane-roe.jpg');
		await copyFile(CHI, jpg);
		const ref = await portraitRef(photo(jpg), 'Jane Roe');
		// A file where the folder should be: nothing can be kept under it.
		const blocked = path.join(await tempDir(), 'blocked');
		await writeFile(blocked, 'a file');
		const cut = await roundPortrait(jpg);
		expect(await portraitRefDataUrl(ref, blocked)).toBe(
			`data:image/png;base64,${cut.toString('base64')}`,
		);
	});
});
