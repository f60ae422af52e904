/**
 * Event photos encoded ahead of Astro's image phase: which photos and variants the image service
 * sends (src/lib/photos-ahead.ts), and the helper process that encodes them into Astro's image
 * cache (src/integrations/photos-ahead-helper.ts), run as a build runs it: a real process and
 * Astro's real sharp service.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { getPriority, tmpdir } from 'node:os';
import path from 'node:path';
import sharpService from 'astro/assets/services/sharp';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { imageEncoders } from '../../src/image.config.ts';
import { startPhotosAhead } from '../../src/integrations/photos-ahead.ts';
import { sha256 } from '../../src/lib/photo-originals.ts';
import {
	cacheFileOf,
	photoJobs,
	photosAheadChannel,
	setPhotosAheadChannel,
	type PhotoJob,
	type PhotosAheadMessage,
	type PhotosAheadReport,
	type RecordedPhoto,
} from '../../src/lib/photos-ahead.ts';
import { recordingLogger } from './helpers.ts';

const cacheDir = '/build/.cache/astro/assets';

/** What the build hands the helper first: the image settings, as Astro passes them. */
const imageConfig = {
	service: { entrypoint: 'astro/assets/services/sharp', config: imageEncoders },
};
const hero = path.resolve('content/recaps/ray-day-seattle-2026/photos/hero.jpg');
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

function photo(source: string | undefined, widths: number[]): RecordedPhoto {
	return {
		source,
		variants: widths.map((width) => ({
			finalPath: `/_astro/${path.basename(source ?? 'x', '.jpg')}_${width}.webp`,
			transform: { src: `/_astro/${path.basename(source ?? 'x')}`, width, format: 'webp' },
		})),
	};
}

describe('photoJobs', () => {
	const digests = new Map([
		['/content/hero.jpg', 'a'.repeat(64)],
		['/content/jane.jpg', 'b'.repeat(64)],
		['/content/group.jpg', 'c'.repeat(64)],
	]);
	const options = (sent = new Set<string>(), cached = new Set<string>()) => ({
		digestOf: (source: string) => digests.get(source),
		cacheDir,
		isCached: (file: string) => cached.has(file),
		sent,
	});

	it('sends each event photo once, with every variant and the cache file Astro looks for', () => {
		const sent = new Set<string>();
		const record = [photo('/content/hero.jpg', [480, 800, 1200])];
		expect(photoJobs(record, options(sent))).toEqual([
			{
				source: '/content/hero.jpg',
				digest: 'a'.repeat(64),
				variants: [480, 800, 1200].map((width) => ({
					transform: { src: '/_astro/hero.jpg', width, format: 'webp' },
					cacheFile: `${cacheDir}/hero_${width}.webp`,
				})),
			},
		]);
		// Looked at again with more photos recorded: only the new ones.
		const more = [...record, photo('/content/group.jpg', [480])];
		expect(photoJobs(more, options(sent)).map((job) => job.source)).toEqual(['/content/group.jpg']);
	});

	it('leaves portraits to the image phase: no variant as wide as an event photo', () => {
		expect(photoJobs([photo('/content/jane.jpg', [72, 144, 160, 320])], options())).toEqual([]);
	});

	it('leaves out variants already in the cache, and photos with none missing', () => {
		const cached = new Set([`${cacheDir}/hero_480.webp`, `${cacheDir}/group_480.webp`]);
		const jobs = photoJobs(
			[photo('/content/hero.jpg', [480, 800]), photo('/content/group.jpg', [480])],
			options(new Set(), cached),
		);
		expect(jobs).toHaveLength(1);
		expect(jobs[0]!.variants.map((variant) => variant.cacheFile)).toEqual([
			`${cacheDir}/hero_800.webp`,
		]);
	});

	it('leaves out a photo without a source file or without a stub', () => {
		const record = [photo(undefined, [800]), photo('/content/not-stubbed.jpg', [800])];
		expect(photoJobs(record, options())).toEqual([]);
	});

	it("names a variant's cache file as Astro does: its output name, in the cache folder", () => {
		expect(cacheFileOf('/_astro/hero.Bb_Z1N.webp', cacheDir)).toBe(`${cacheDir}/hero.Bb_Z1N.webp`);
	});
});

describe('the channel to the helper', () => {
	beforeEach(() => setPhotosAheadChannel(undefined));

	it('is open between the integration and the image service, and closes', () => {
		expect(photosAheadChannel()).toBeUndefined();
		const messages: PhotosAheadMessage[] = [];
		setPhotosAheadChannel((message) => messages.push(message));
		photosAheadChannel()?.({ config: {} });
		expect(messages).toEqual([{ config: {} }]);
		setPhotosAheadChannel(undefined);
		expect(photosAheadChannel()).toBeUndefined();
	});
});

describe('the helper process', () => {
	/** Runs the helper on `messages` until `cacheFiles` are written, closes its input, and gives its report. */
	async function runHelper(
		messages: PhotosAheadMessage[],
		cacheFiles = messages.flatMap((message) =>
			'photo' in message ? message.photo.variants.map((variant) => variant.cacheFile) : [],
		),
	): Promise<PhotosAheadReport> {
		const child = spawn(
			process.execPath,
			[path.resolve('src/integrations/photos-ahead-helper.ts')],
			{
				stdio: ['pipe', 'pipe', 'inherit'],
			},
		);
		let stdout = '';
		child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
		const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
		for (const message of messages) child.stdin.write(`${JSON.stringify(message)}\n`);
		// The helper stops when its input closes: give it the time to encode `cacheFiles` first.
		await waitFor(async () => {
			const names = new Set(
				(await Promise.all(cacheFiles.map((file) => readdir(path.dirname(file)).catch(() => []))))
					.flat()
					.filter((name) => !name.endsWith('.tmp')),
			);
			return cacheFiles.every((file) => names.has(path.basename(file)));
		});
		child.stdin.end();
		expect(await exited).toBe(0);
		return JSON.parse(stdout) as PhotosAheadReport;
	}

	async function waitFor(done: () => Promise<boolean>, ms = 20_000): Promise<void> {
		const until = Date.now() + ms;
		while (!(await done()) && Date.now() < until) {
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	}

	it("puts a photo's variants in the cache folder, byte for byte as Astro's sharp service makes them", async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'photos-ahead-'));
		dirs.push(dir);
		const cache = path.join(dir, 'assets');
		const bytes = await readFile(hero);
		const job: PhotoJob = {
			source: hero,
			digest: sha256(bytes),
			variants: [480, 800].map((width) => ({
				transform: { src: '/_astro/hero.jpg', width, format: 'webp' },
				cacheFile: path.join(cache, `hero_${width}.webp`),
			})),
		};
		const report = await runHelper([{ config: imageConfig }, { photo: job }]);
		expect(report).toEqual({ encoded: 2, found: 0, skipped: [] });
		for (const variant of job.variants) {
			const made = await sharpService.transform(
				bytes,
				variant.transform as never,
				imageConfig as never,
				console,
			);
			expect((await readFile(variant.cacheFile)).equals(Buffer.from(made.data))).toBe(true);
		}
		expect((await readdir(cache)).sort()).toEqual(['hero_480.webp', 'hero_800.webp']);
	}, 60_000);

	it('leaves alone a photo whose bytes are no longer the ones the build read', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'photos-ahead-'));
		dirs.push(dir);
		const cache = path.join(dir, 'assets');
		const variant = (name: string) => ({
			transform: { src: '/_astro/hero.jpg', width: 480, format: 'webp' },
			cacheFile: path.join(cache, name),
		});
		const current: PhotoJob = {
			source: hero,
			digest: sha256(await readFile(hero)),
			variants: [variant('current.webp')],
		};
		// Sent last, so the helper starts on it first.
		const changed: PhotoJob = {
			source: hero,
			digest: '0'.repeat(64),
			variants: [variant('changed.webp')],
		};
		const report = await runHelper(
			[{ config: imageConfig }, { photo: current }, { photo: changed }],
			[current.variants[0]!.cacheFile],
		);
		expect(report).toEqual({
			encoded: 1,
			found: 0,
			skipped: [{ source: hero, why: 'changed since the build read it' }],
		});
		expect(await readdir(cache)).toEqual(['current.webp']);
	}, 60_000);
});

describe('startPhotosAhead', () => {
	it('runs the helper at the lowest priority, and reports what it encoded at debug level', async () => {
		const cache = path.join(await mkdtemp(path.join(tmpdir(), 'photos-ahead-')), 'assets');
		dirs.push(path.dirname(cache));
		const helper = startPhotosAhead(cache);
		expect(getPriority(helper.pid)).toBe(19);
		const cacheFile = path.join(cache, 'hero_480.webp');
		helper.send({ config: imageConfig });
		helper.send({
			photo: {
				source: hero,
				digest: sha256(await readFile(hero)),
				variants: [
					{ transform: { src: '/_astro/hero.jpg', width: 480, format: 'webp' }, cacheFile },
				],
			},
		});
		const until = Date.now() + 20_000;
		while (
			!(await readdir(cache).catch(() => [] as string[])).includes('hero_480.webp') &&
			Date.now() < until
		) {
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		const { logger, said } = recordingLogger();
		await helper.finish(logger);
		expect(said).toEqual([
			{
				level: 'debug',
				message:
					'event photos: 1 variant(s) encoded ahead, 0 found in the cache, 0 photo(s) left to the image phase',
			},
		]);
	}, 60_000);

	it('removes what it was writing when the build ends', async () => {
		const cache = path.join(await mkdtemp(path.join(tmpdir(), 'photos-ahead-')), 'assets');
		dirs.push(path.dirname(cache));
		await mkdir(cache, { recursive: true });
		const helper = startPhotosAhead(cache);
		// As writeFileAtomically names a file the helper had not finished, and one of another process.
		const halfWritten = `hero_480.webp.${helper.pid}-1.tmp`;
		const otherProcess = `hero_800.webp.${process.pid}-1.tmp`;
		await writeFile(path.join(cache, halfWritten), 'half');
		await writeFile(path.join(cache, otherProcess), 'other');
		const { logger } = recordingLogger();
		await helper.finish(logger);
		expect(await readdir(cache)).toEqual([otherProcess]);
	}, 60_000);
});
