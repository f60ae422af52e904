/**
 * Importing photos as they come from a phone: test images are made with sharp at test time (a
 * JPEG with EXIF orientation 6 and GPS tags, a PNG with transparency, a WebP, a text file named
 * .jpg, a fake HEIC), imported into a temporary folder, and checked: upright, no metadata left,
 * bounded, square portraits cut around what stands out, originals unchanged byte for byte, and
 * an existing file never overwritten.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	collectSources,
	planImport,
	runImport,
	type ImportTarget,
	type Outcome,
} from '../../scripts/lib/photos/import.ts';
import {
	boundedSize,
	heicSupported,
	kindOfName,
	photoFileName,
	portraitSide,
} from '../../scripts/lib/photos/process.ts';
import { drawPlaceholder } from '../../scripts/lib/scaffold/placeholders.ts';
import { contentCopy, projectRoot } from './scaffold-support.ts';

const RED = { r: 220, g: 30, b: 30 };
const BLUE = { r: 30, g: 60, b: 220 };
const GREY = { r: 128, g: 128, b: 128 };

/** The tags of the first IFD of an EXIF block (`Exif\0\0` + TIFF), with SHORT values read. */
function ifd0(exif: Buffer): Map<number, number> {
	const tiff = exif.subarray(exif.toString('latin1', 0, 6) === 'Exif\0\0' ? 6 : 0);
	const little = tiff.toString('latin1', 0, 2) === 'II';
	const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
	const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
	const start = u32(4);
	const tags = new Map<number, number>();
	for (let i = 0; i < u16(start); i++) {
		const entry = start + 2 + i * 12;
		tags.set(u16(entry), u16(entry + 8));
	}
	return tags;
}
const ORIENTATION = 0x0112;
const GPS_IFD = 0x8825;

/** A phone photo: stored 3200x2400 lying on its side (left half red), EXIF orientation 6, GPS. */
function phonePhoto(): Promise<Buffer> {
	return sharp({ create: { width: 3200, height: 2400, channels: 3, background: BLUE } })
		.composite([
			{
				input: { create: { width: 1600, height: 2400, channels: 3, background: RED } },
				left: 0,
				top: 0,
			},
		])
		.jpeg({ quality: 90 })
		.withMetadata({ orientation: 6 })
		.withExifMerge({
			IFD0: { Make: 'PhoneMaker', Model: 'Phone 15' },
			IFD3: {
				GPSLatitudeRef: 'N',
				GPSLatitude: '47/1 36/1 22/1',
				GPSLongitudeRef: 'W',
				GPSLongitude: '122/1 19/1 55/1',
			},
		})
		.toBuffer();
}

/** A grey photo with a bright red disc near its right edge: what a face-aware crop should keep. */
function offCentreSubject(): Promise<Buffer> {
	const disc = Buffer.from(
		'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><circle cx="200" cy="200" r="190" fill="rgb(230,40,40)"/></svg>',
	);
	return sharp({ create: { width: 1600, height: 800, channels: 3, background: GREY } })
		.composite([{ input: disc, left: 1150, top: 200 }])
		.jpeg()
		.toBuffer();
}

async function pixel(image: Buffer, x: number, y: number): Promise<number[]> {
	return [
		...(await sharp(image).extract({ left: x, top: y, width: 1, height: 1 }).raw().toBuffer()),
	];
}

/** Share of pixels that are clearly red. */
async function redShare(image: Buffer): Promise<number> {
	const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
	let red = 0;
	for (let i = 0; i < data.length; i += info.channels) {
		if ((data[i] ?? 0) > 180 && (data[i + 1] ?? 255) < 100) red++;
	}
	return red / (info.width * info.height);
}

async function hashes(dir: string): Promise<Map<string, string>> {
	const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) =>
		e.isFile(),
	);
	return new Map(
		await Promise.all(
			names.map(async (entry) => {
				const file = path.join(entry.parentPath, entry.name);
				return [
					file,
					createHash('sha256')
						.update(await readFile(file))
						.digest('hex'),
				] as const;
			}),
		),
	);
}

const byName = (outcomes: readonly Outcome[], name: string) => {
	const found = outcomes.find((outcome) => path.basename(outcome.source) === name);
	if (!found) throw new Error(`no outcome for ${name}`);
	return found;
};

let work: string;
let camera: string;
beforeAll(async () => {
	work = await mkdtemp(path.join(os.tmpdir(), 'recap-photos-'));
	camera = path.join(work, 'camera');
	await mkdir(path.join(camera, 'videos'), { recursive: true });
	await writeFile(path.join(camera, 'IMG_0042.JPG'), await phonePhoto());
	await writeFile(
		path.join(camera, 'Bühne Zürich.png'),
		await sharp({
			create: { width: 1000, height: 600, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
		})
			.composite([
				{
					input: {
						create: { width: 200, height: 200, channels: 4, background: { ...RED, alpha: 1 } },
					},
					left: 400,
					top: 200,
				},
			])
			.png()
			.toBuffer(),
	);
	await writeFile(
		path.join(camera, 'stage.webp'),
		await sharp({ create: { width: 900, height: 600, channels: 3, background: BLUE } })
			.webp()
			.toBuffer(),
	);
	await writeFile(path.join(camera, 'notes.jpg'), 'these are my notes, not a photo\n');
	// The box header of an HEIC file with nothing after it: too short to decode anywhere.
	await writeFile(
		path.join(camera, 'IMG_0043.HEIC'),
		Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(40)]),
	);
	await writeFile(path.join(camera, 'clip.mov'), 'not a photo either');
	await writeFile(path.join(camera, '.DS_Store'), 'finder');
	await writeFile(path.join(camera, 'face.jpg'), await offCentreSubject());
}, 30_000);
afterAll(() => rm(work, { recursive: true, force: true }));

describe('names and sizes', () => {
	it.each([
		['IMG_0042.HEIC', 'img-0042.jpg'],
		['Bühne Zürich.png', 'buhne-zurich.jpg'],
		['DSC 001 (1).JPG', 'dsc-001-1.jpg'],
		['/Users/me/Desktop/Group Photo.webp', 'group-photo.jpg'],
	])('%s -> %s', (original, name) => {
		expect(photoFileName(original)).toBe(name);
	});

	it('names a photo with no Latin letters by a stable hash', () => {
		expect(photoFileName('東京.jpg')).toMatch(/^photo-[0-9a-f]{8}\.jpg$/);
		expect(photoFileName('東京.jpg')).toBe(photoFileName('東京.png'));
		expect(photoFileName('大阪.jpg')).not.toBe(photoFileName('東京.jpg'));
	});

	it('knows photos by their extension and leaves dot files alone', () => {
		expect(
			['a.JPG', 'a.jpeg', 'a.png', 'a.WebP', 'a.heic', 'a.HEIF', 'a.avif'].map(kindOfName),
		).toEqual(Array(7).fill('photo'));
		expect(['a.mov', 'a.txt', 'a.gif', 'a'].map(kindOfName)).toEqual(Array(4).fill('other'));
		expect(kindOfName('.DS_Store')).toBe('hidden');
	});

	it('bounds the long side to 2400 without enlarging, and sizes portraits', () => {
		expect(boundedSize({ width: 4032, height: 3024 })).toEqual({ width: 2400, height: 1800 });
		expect(boundedSize({ width: 3024, height: 4032 })).toEqual({ width: 1800, height: 2400 });
		expect(boundedSize({ width: 900, height: 600 })).toEqual({ width: 900, height: 600 });
		expect(portraitSide({ width: 4032, height: 3024 })).toBe(800);
		expect(portraitSide({ width: 600, height: 700 })).toBe(600);
	});

	it('reports whether this machine can read HEIC', () => {
		// Informative: the prebuilt sharp has HEIF for AVIF only; a system libvips may add HEVC.
		expect(typeof heicSupported()).toBe('boolean');
	});
});

describe('importing into a recap', { timeout: 30_000 }, () => {
	let outcomes: Outcome[];
	let photos: string;
	let originalsBefore: Map<string, string>;

	beforeAll(async () => {
		photos = path.join(work, 'recap-photos');
		await mkdir(photos);
		originalsBefore = await hashes(camera);
		const target: ImportTarget = { kind: 'recap', id: 'test', dir: photos };
		const sources = collectSources([camera]);
		outcomes = [
			...sources.decisions,
			...(await runImport(await planImport(sources.files, target), target)),
		] as Outcome[];
	}, 30_000);

	it('writes each photo under its predictable name', () => {
		expect(
			outcomes.map((o) => [path.basename(o.source), o.status, o.output && path.basename(o.output)]),
		).toEqual([
			['videos', 'skipped', undefined],
			['Bühne Zürich.png', 'written', 'buhne-zurich.jpg'],
			['clip.mov', 'skipped', undefined],
			['face.jpg', 'written', 'face.jpg'],
			['IMG_0042.JPG', 'written', 'img-0042.jpg'],
			['IMG_0043.HEIC', 'failed', undefined],
			['notes.jpg', 'failed', undefined],
			['stage.webp', 'written', 'stage.jpg'],
		]);
	});

	it('turns the phone photo upright and bounds it to 2400 px', async () => {
		const image = await readFile(path.join(photos, 'img-0042.jpg'));
		expect(byName(outcomes, 'IMG_0042.JPG')).toMatchObject({ width: 1800, height: 2400 });
		const meta = await sharp(image).metadata();
		expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1800, 2400]);
		// Stored lying on its side with its left half red: upright, red is on top.
		const [top, bottom] = [await pixel(image, 900, 100), await pixel(image, 900, 2300)];
		expect(top[0]).toBeGreaterThan(180);
		expect(top[2]).toBeLessThan(90);
		expect(bottom[2]).toBeGreaterThan(180);
		expect(bottom[0]).toBeLessThan(90);
	});

	it('the original carried orientation 6 and GPS; the copies carry no metadata at all', async () => {
		const original = await sharp(await readFile(path.join(camera, 'IMG_0042.JPG'))).metadata();
		const tags = ifd0(original.exif ?? Buffer.alloc(0));
		expect(tags.get(ORIENTATION)).toBe(6);
		expect(tags.has(GPS_IFD)).toBe(true);
		for (const name of ['img-0042.jpg', 'buhne-zurich.jpg', 'stage.jpg', 'face.jpg']) {
			const bytes = await readFile(path.join(photos, name));
			const meta = await sharp(bytes).metadata();
			expect([name, meta.exif, meta.xmp, meta.iptc, meta.icc, meta.orientation]).toEqual([
				name,
				undefined,
				undefined,
				undefined,
				undefined,
				undefined,
			]);
			expect(bytes.includes(Buffer.from('Exif\0\0'))).toBe(false);
			expect(bytes.includes(Buffer.from('PhoneMaker'))).toBe(false);
		}
	});

	it('never enlarges, and puts transparent areas on white', async () => {
		expect(byName(outcomes, 'stage.webp')).toMatchObject({ width: 900, height: 600 });
		const png = await readFile(path.join(photos, 'buhne-zurich.jpg'));
		expect(await sharp(png).metadata()).toMatchObject({ width: 1000, height: 600 });
		expect((await pixel(png, 10, 10)).every((channel) => channel > 245)).toBe(true);
		expect((await pixel(png, 500, 300))[0]).toBeGreaterThan(180);
	});

	it('says why a file was skipped or failed', () => {
		expect(byName(outcomes, 'clip.mov').reason).toBe(
			'not a photo this imports (JPEG, PNG, WebP, HEIC)',
		);
		expect(byName(outcomes, 'notes.jpg').reason).toMatch(
			/^not a photo that can be read \(.+\) -> check the file opens in an image viewer/,
		);
		expect(byName(outcomes, 'IMG_0043.HEIC').reason).toMatch(
			heicSupported()
				? /^not a photo that can be read/
				: /^HEIC photos cannot be read on this machine .* -> export it as JPEG/,
		);
		expect(byName(outcomes, 'videos').reason).toBe(
			'a folder inside the folder: name it on its own to import it too',
		);
	});

	it('reports sizes, and leaves every original byte for byte as it was', async () => {
		expect(byName(outcomes, 'IMG_0042.JPG').bytes).toBeGreaterThan(1000);
		expect(await hashes(camera)).toEqual(originalsBefore);
	});

	it('refuses a name that exists, writes nothing over it, and still imports the rest', async () => {
		const mine = path.join(photos, 'img-0042.jpg');
		const before = await readFile(mine);
		await rm(path.join(photos, 'stage.jpg'));
		const target: ImportTarget = { kind: 'recap', id: 'test', dir: photos };
		const files = [path.join(camera, 'IMG_0042.JPG'), path.join(camera, 'stage.webp')];
		const again = await runImport(await planImport(files, target), target);
		expect(again.map((o) => o.status)).toEqual(['refused', 'written']);
		expect(again[0]?.reason).toMatch(/^a file with that name exists and is never overwritten -> /);
		expect(await readFile(mine)).toEqual(before);
	});

	it('refuses the second of two photos that would get the same name', async () => {
		const twins = path.join(work, 'twins');
		await mkdir(twins);
		await writeFile(
			path.join(twins, 'IMG_0042.jpg'),
			await readFile(path.join(camera, 'face.jpg')),
		);
		await writeFile(
			path.join(twins, 'img 0042.png'),
			await sharp({ create: { width: 50, height: 50, channels: 3, background: RED } })
				.png()
				.toBuffer(),
		);
		const dir = path.join(work, 'twins-out');
		const decisions = await planImport(collectSources([twins]).files, {
			kind: 'recap',
			id: 't',
			dir,
		});
		expect(decisions.map((d) => d.status)).toEqual(['import', 'refused']);
		expect(decisions[1]).toMatchObject({
			reason:
				'img 0042.png in this import gets the same name -> rename one of the originals (a copy) and import it on its own',
		});
	});
});

describe('a speaker portrait', { timeout: 30_000 }, () => {
	it('is exactly 800x800, cut around the subject, without metadata', async () => {
		const file = path.join(work, 'portrait.jpg');
		const target: ImportTarget = { kind: 'speaker', id: 'jane-doe', file };
		const [outcome] = await runImport(
			await planImport([path.join(camera, 'face.jpg')], target),
			target,
		);
		expect(outcome).toMatchObject({ status: 'written', width: 800, height: 800 });
		const image = await readFile(file);
		const meta = await sharp(image).metadata();
		expect([meta.width, meta.height, meta.exif]).toEqual([800, 800, undefined]);
		// The disc sits at x 1160-1540 of 1600: a centre crop (400-1200) would hold almost none of it.
		expect(await redShare(image)).toBeGreaterThan(0.15);
	});

	it('turns a phone photo upright first', async () => {
		const file = path.join(work, 'upright.jpg');
		const target: ImportTarget = { kind: 'speaker', id: 'x', file };
		await runImport(await planImport([path.join(camera, 'IMG_0042.JPG')], target), target);
		expect(await sharp(await readFile(file)).metadata()).toMatchObject({ width: 800, height: 800 });
	});

	it('refuses a photo too small, and more than one photo', async () => {
		const small = path.join(work, 'small.png');
		await writeFile(
			small,
			await sharp({ create: { width: 300, height: 500, channels: 3, background: GREY } })
				.png()
				.toBuffer(),
		);
		const target: ImportTarget = { kind: 'speaker', id: 'x', file: path.join(work, 'never.jpg') };
		expect(await planImport([small], target)).toEqual([
			{
				status: 'failed',
				source: small,
				reason: '300x500 is too small for a portrait -> use a photo of at least 400x400 px',
			},
		]);
		const two = await planImport([small, small], target);
		expect(two.map((d) => d.status)).toEqual(['refused', 'refused']);
		expect(existsSync(target.file)).toBe(false);
	});

	it('replaces a scaffold placeholder only when asked, and a real portrait never', async () => {
		const file = path.join(work, 'placeholder.jpg');
		await writeFile(
			file,
			await drawPlaceholder({ kind: 'portrait', size: 800, name: 'Jane Doe', seed: 'jane-doe' }),
		);
		const target: ImportTarget = { kind: 'speaker', id: 'jane-doe', file };
		const source = [path.join(camera, 'face.jpg')];

		const [refused] = await planImport(source, target);
		expect(refused).toMatchObject({
			status: 'refused',
			reason:
				'that file is the placeholder a scaffold drew -> run again with --replace-placeholder to put this photo in its place',
		});

		const [replaced] = await runImport(
			await planImport(source, target, { replacePlaceholder: true }),
			target,
		);
		expect(replaced?.status).toBe('written');
		const real = await readFile(file);
		expect(await redShare(real)).toBeGreaterThan(0.15);

		const [kept] = await runImport(
			await planImport(source, target, { replacePlaceholder: true }),
			target,
		);
		expect(kept).toMatchObject({ status: 'refused' });
		expect(kept?.reason).toMatch(
			/^the speaker has a portrait already, and it is never overwritten/,
		);
		expect(await readFile(file)).toEqual(real);
	});
});

describe('npm run photos', { timeout: 60_000 }, () => {
	const NODE = existsSync(path.join(projectRoot, 'node_modules/.bin/node'))
		? path.join(projectRoot, 'node_modules/.bin/node')
		: process.execPath;
	const photosCli = (args: readonly string[], env: NodeJS.ProcessEnv = {}) => {
		const result = spawnSync(NODE, [path.join(projectRoot, 'scripts/photos.ts'), ...args], {
			cwd: projectRoot,
			encoding: 'utf8',
			timeout: 60_000,
			env: { ...process.env, ...env },
		});
		return { code: result.status, out: `${result.stdout}${result.stderr}` };
	};

	it('imports into a recap, reports each file, and exits 1 when something failed', async () => {
		const { dir, remove } = await contentCopy();
		try {
			const dry = photosCli([
				'--content',
				dir,
				path.join(camera, 'stage.webp'),
				'--recap',
				'ray-day-seattle-2026',
				'--dry-run',
			]);
			expect(dry.code).toBe(0);
			expect(dry.out).toMatch(
				/would write .*ray-day-seattle-2026\/photos\/stage\.jpg \(900x600\) from /,
			);
			expect(existsSync(path.join(dir, 'recaps/ray-day-seattle-2026/photos/stage.jpg'))).toBe(
				false,
			);

			const good = photosCli([
				'--content',
				dir,
				path.join(camera, 'stage.webp'),
				path.join(camera, 'IMG_0042.JPG'),
				'--recap',
				'ray-day-seattle-2026',
			]);
			expect(good.code).toBe(0);
			expect(good.out).toMatch(/wrote .*photos\/stage\.jpg \(900x600, \d+\.\d KB\) from /);
			expect(good.out).toMatch(/wrote .*photos\/img-0042\.jpg \(1800x2400, \d+\.\d KB\) from /);
			expect(good.out).toContain('2 written, 0 skipped, 0 refused, 0 failed');

			const bad = photosCli([
				'--content',
				dir,
				path.join(camera, 'notes.jpg'),
				path.join(camera, 'stage.webp'),
				'--recap',
				'ray-day-seattle-2026',
			]);
			expect(bad.code).toBe(1);
			expect(bad.out).toContain('0 written, 0 skipped, 1 refused, 1 failed');

			// npm runs scripts from the project folder: relative paths are read from where they were typed.
			const typed = photosCli(['--content', dir, 'face.jpg', '--recap', 'ray-day-seattle-2026'], {
				INIT_CWD: camera,
			});
			expect(typed.code).toBe(0);
			expect(existsSync(path.join(dir, 'recaps/ray-day-seattle-2026/photos/face.jpg'))).toBe(true);

			const wrong = photosCli(['--content', dir, camera, '--recap', 'ray-day-seatle-2026']);
			expect(wrong.code).toBe(1);
			expect(wrong.out).toContain(
				'--recap: there is no recap "ray-day-seatle-2026" in content/recaps/ -> did you mean "ray-day-seattle-2026"?',
			);
			expect(photosCli(['--content', dir, camera]).out).toContain(
				'--recap: where do the photos go? -> --recap <recap-id> for event photos, or --speaker <speaker-id> for a portrait',
			);
		} finally {
			await remove();
		}
	});
});
