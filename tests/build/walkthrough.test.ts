/**
 * Follows CONTRIBUTING.md's "Publish a new city's recap" on a temporary copy of the project: it
 * runs the guide's own commands, as written, and makes the edits the guide asks a person to make
 * (the TODO fields, the texts, `draft: false`). Then it checks that the new city's recap, with
 * its two talks and its photos, is on the home page, the series page and in the feeds, and that
 * the imported photos carry no GPS while the originals are untouched.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { productionEnv, projectRoot } from '../support/build.ts';

const WORK = path.join(projectRoot, 'test-output', 'walkthrough');
const PROJECT = path.join(WORK, 'project');
const HOME = path.join(WORK, 'home');
const RECAP_ID = 'ray-day-example-city-2026';
const RECAP_DIR = path.join(PROJECT, 'content', 'recaps', RECAP_ID);
const SITE = 'https://ray-on-the-road.example.com/';

/** The shell commands of the guide's marketer section, in order. */
async function guideCommands(): Promise<string[]> {
	const guide = await readFile(path.join(projectRoot, 'CONTRIBUTING.md'), 'utf8');
	const start = guide.indexOf("## Publish a new city's recap");
	const end = guide.indexOf('\n## ', start + 1);
	const section = guide.slice(start, end === -1 ? undefined : end);
	return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap(([, block]) =>
		(block ?? '').split('\n').filter((line) => line.trim() !== ''),
	);
}

/** Commands a test cannot or need not run: installing, a server that never exits, git. */
const skipped = (command: string) =>
	command === 'npm ci' || command === 'npm run dev' || command.startsWith('git ');

function run(command: string): { code: number; output: string } {
	const result = spawnSync('bash', ['-c', command], {
		cwd: PROJECT,
		env: {
			...productionEnv(process.env),
			HOME,
			FORCE_COLOR: '0',
			NO_COLOR: '1',
			ASTRO_TELEMETRY_DISABLED: '1',
		},
		encoding: 'utf8',
		timeout: 300_000,
	});
	return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

/** Fills a `# TODO` field (`key:` left empty) in a file's frontmatter. */
async function fill(file: string, fields: Record<string, string>, body?: string): Promise<void> {
	let text = await readFile(file, 'utf8');
	for (const [key, value] of Object.entries(fields)) {
		const pattern = new RegExp(`^(\\s*)${key}:.*$`, 'm');
		if (!pattern.test(text)) throw new Error(`${file} has no ${key}: field to fill`);
		text = text.replace(pattern, `$1${key}: ${value}`);
	}
	if (body !== undefined) text = text.replace(/<!--[\s\S]*?-->\s*$/, `${body}\n`);
	await writeFile(file, text);
}

/** The edits the guide asks the person to make after a command. */
async function editAfter(command: string, state: { talks: string[] }): Promise<void> {
	if (command.startsWith('npm run new:recap')) {
		await fill(
			path.join(RECAP_DIR, 'index.md'),
			{
				title: "'Example Day Example City: two teams, one engine'",
				description:
					'How Example Corp and Sample Inc run their pipelines, from the Example City stop.',
				alt: 'The main stage at the Example Conference Center',
			},
			'Example City hosted the stop at the Example Conference Center, with two talks.',
		);
	}
	if (command.startsWith('npm run new:talk')) {
		const talksDir = path.join(RECAP_DIR, 'talks');
		const created = (await readdir(talksDir)).filter(
			(file) => file !== 'example-talk.md' && !state.talks.includes(file),
		);
		expect(created).toHaveLength(1);
		state.talks.push(...created);
		await fill(
			path.join(talksDir, created[0]!),
			{ summary: 'A fictional session written by the walkthrough test.' },
			'What the session covered, in a few plain sentences written by the test.',
		);
	}
	if (command.startsWith('npm run photos') && command.includes('--recap')) {
		const photos = (await readdir(path.join(RECAP_DIR, 'photos'))).filter((f) => f !== 'hero.jpg');
		expect(photos.length).toBeGreaterThanOrEqual(2);
		await fill(path.join(RECAP_DIR, 'index.md'), { src: `./photos/${photos.sort()[0]!}` });
		await rm(path.join(RECAP_DIR, 'photos', 'hero.jpg'));
	}
}

async function makeCameraPhotos(): Promise<string[]> {
	const dir = path.join(HOME, 'Pictures', 'example-city');
	await mkdir(dir, { recursive: true });
	const files = [
		path.join(dir, 'IMG_0001.jpg'),
		path.join(dir, 'IMG_0002.jpg'),
		path.join(HOME, 'Pictures', 'jane-doe.jpg'),
	];
	const sizes = [
		[2600, 1800],
		[2600, 1800],
		[1200, 1400],
	] as const;
	await Promise.all(
		files.map((file, index) =>
			sharp({
				create: {
					width: sizes[index]![0],
					height: sizes[index]![1],
					channels: 3,
					background: { r: 40 + index * 60, g: 90, b: 160 },
				},
			})
				.jpeg()
				// As a phone writes it: upside-down orientation and a GPS position.
				.withExif({
					IFD0: { Orientation: '3', Make: 'ExamplePhone' },
					IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '47/1 22/1 0/1' },
				})
				.toFile(file),
		),
	);
	return files;
}

const digest = async (file: string) =>
	createHash('sha256')
		.update(await readFile(file))
		.digest('hex');

let outputs: string[];
let originals: Map<string, string>;

beforeAll(async () => {
	await rm(WORK, { recursive: true, force: true });
	await mkdir(PROJECT, { recursive: true });
	for (const entry of [
		'src',
		'content',
		'public',
		'scripts',
		'astro.config.mjs',
		'package.json',
		'tsconfig.json',
	]) {
		await cp(path.join(projectRoot, entry), path.join(PROJECT, entry), { recursive: true });
	}
	await symlink(path.join(projectRoot, 'node_modules'), path.join(PROJECT, 'node_modules'));
	const photos = await makeCameraPhotos();
	originals = new Map(
		await Promise.all(photos.map(async (file) => [file, await digest(file)] as const)),
	);

	const state = { talks: [] as string[] };
	outputs = [];
	for (const command of await guideCommands()) {
		if (skipped(command)) continue;
		if (command === 'npm run build') {
			// Step 7: "set draft: false", then build.
			await fill(path.join(RECAP_DIR, 'index.md'), { draft: 'false' });
		}
		const result = run(command);
		outputs.push(`$ ${command}\n${result.output}`);
		if (result.code !== 0) {
			throw new Error(`The guide's command failed (exit ${result.code}):\n${outputs.join('\n')}`);
		}
		await editAfter(command, state);
	}
}, 900_000);

describe("CONTRIBUTING.md's walkthrough", () => {
	it('runs the scaffold, speaker, talk, photo, check and build commands', async () => {
		const commands = (await guideCommands()).filter((c) => !skipped(c));
		for (const name of [
			'new:recap',
			'new:speaker',
			'new:talk',
			'photos',
			'check:content',
			'build',
		]) {
			expect(
				commands.some((c) => c.startsWith(`npm run ${name}`)),
				name,
			).toBe(true);
		}
		expect(outputs.join('\n')).toContain('check-content: no problems');
	});

	it('publishes the new recap with its two talks and photos', async () => {
		const $ = load(
			await readFile(path.join(PROJECT, 'dist', 'recaps', RECAP_ID, 'index.html'), 'utf8'),
		);
		expect($('h1').text()).toBe('Example Day Example City: two teams, one engine');
		expect($('section.talk').length).toBe(2);
		expect($('section.talk .speaker .name').text()).toContain('Jane Doe');
		expect($('section.talk .speaker .name').text()).toContain('John Roe');
		expect($('figure.hero img').attr('src')).toMatch(/^\/_astro\/img-0001\..+\.webp$/);
	});

	it('puts it on the home page, the series page and in the feeds', async () => {
		const dist = path.join(PROJECT, 'dist');
		const home = load(await readFile(path.join(dist, 'index.html'), 'utf8'));
		expect(home('.latest a').first().attr('href')).toBe(`/recaps/${RECAP_ID}/`);
		const series = load(
			await readFile(path.join(dist, 'series', 'ray-on-the-road-2026', 'index.html'), 'utf8'),
		);
		expect(
			series('a')
				.toArray()
				.map((a) => series(a).attr('href')),
		).toContain(`/recaps/${RECAP_ID}/`);
		const rss = new XMLParser().parse(await readFile(path.join(dist, 'rss.xml'), 'utf8')) as {
			rss: { channel: { item: { link: string }[] } };
		};
		expect(rss.rss.channel.item.map((item) => item.link)).toContain(`${SITE}recaps/${RECAP_ID}/`);
		const json = JSON.parse(await readFile(path.join(dist, 'feed.json'), 'utf8')) as {
			items: { url: string }[];
		};
		expect(json.items.map((item) => item.url)).toContain(`${SITE}recaps/${RECAP_ID}/`);
	});

	it('imports photos upright and without GPS, and leaves the originals byte for byte', async () => {
		for (const [file, hash] of originals) expect(await digest(file), file).toBe(hash);
		const imported = path.join(RECAP_DIR, 'photos', 'img-0001.jpg');
		const meta = await sharp(imported).metadata();
		expect(meta.exif).toBeUndefined();
		expect(meta.orientation ?? 1).toBe(1);
		expect(Math.max(meta.width, meta.height)).toBeLessThanOrEqual(2400);
		const portrait = await sharp(
			path.join(PROJECT, 'content', 'speakers', 'jane-doe.jpg'),
		).metadata();
		expect([portrait.width, portrait.height]).toEqual([800, 800]);
		expect(portrait.exif).toBeUndefined();
		// The strings of the EXIF block must not survive anywhere in the file either.
		const bytes = execFileSync('cat', [imported]).toString('latin1');
		expect(bytes).not.toContain('ExamplePhone');
	});
});
