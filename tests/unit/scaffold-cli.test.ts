/**
 * The real commands (`node scripts/new-*.ts`) on temporary copies of the content folder: what
 * they write, that they write nothing at all when any file exists or the input is wrong, and
 * that a scaffolded city, once its TODOs are filled in, shapes into the site like any recap.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isPlaceholder } from '../../scripts/lib/scaffold/placeholders.ts';
import { applyPlan, type Plan } from '../../scripts/lib/scaffold/plan.ts';
import { buildContent, contentCopy, fill, projectRoot } from './scaffold-support.ts';

const NODE = existsSync(path.join(projectRoot, 'node_modules/.bin/node'))
	? path.join(projectRoot, 'node_modules/.bin/node')
	: process.execPath;

/** Each test starts node a few times; a busy machine can take seconds per start. */
const SLOW = 60_000;

interface Run {
	code: number | null;
	out: string;
}

/** Runs `scripts/<script>` from the project folder with the given flags (and typed answers). */
function run(script: string, args: readonly string[], input?: string): Run {
	const result = spawnSync(NODE, [path.join(projectRoot, 'scripts', script), ...args], {
		cwd: projectRoot,
		input: input ?? '',
		encoding: 'utf8',
		env: { ...process.env, RECAP_NOW: '2026-07-01', NO_COLOR: '1' },
		timeout: 60_000,
	});
	return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

/** Every file under a folder with a hash of its bytes: equal maps mean nothing changed. */
async function snapshot(dir: string): Promise<Map<string, string>> {
	const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) =>
		entry.isFile(),
	);
	const hashes = await Promise.all(
		files.map(async (entry) => {
			const file = path.join(entry.parentPath, entry.name);
			const hash = createHash('sha256')
				.update(await readFile(file))
				.digest('hex');
			return [path.relative(dir, file), hash] as const;
		}),
	);
	return new Map(hashes.sort(([a], [b]) => a.localeCompare(b)));
}

let content: string;
let remove: () => Promise<void>;
beforeEach(async () => {
	({ dir: content, remove } = await contentCopy());
});
afterEach(() => remove());

const ZURICH = [
	'--city',
	'Zürich',
	'--country',
	'Switzerland',
	'--venue',
	'Kongresshaus Zürich',
	'--date',
	'2026-06-10',
];

describe('new:recap', { timeout: SLOW }, () => {
	it('writes the recap, the example talk and the placeholder hero, and adds the stop', async () => {
		const seriesBefore = await readFile(
			path.join(content, 'series/ray-on-the-road-2026.yaml'),
			'utf8',
		);
		const result = run('new-recap.ts', ['--content', content, ...ZURICH, '--yes']);
		expect(result.code).toBe(0);
		const folder = path.join(content, 'recaps/ray-day-zurich-2026');
		expect(await readdir(folder, { recursive: true })).toEqual(
			expect.arrayContaining(['index.md', 'talks/example-talk.md', 'photos/hero.jpg']),
		);
		const hero = await readFile(path.join(folder, 'photos/hero.jpg'));
		expect(await sharp(hero).metadata()).toMatchObject({
			format: 'jpeg',
			width: 2400,
			height: 1350,
		});
		expect(await isPlaceholder(hero)).toBe(true);
		expect(await readFile(path.join(content, 'series/ray-on-the-road-2026.yaml'), 'utf8')).toBe(
			`${seriesBefore}  - city: Zürich\n    country: Switzerland\n    date: 2026-06-10\n`,
		);
		expect(result.out).toContain('recaps/ray-day-zurich-2026/index.md');
		expect(result.out).toContain('added the stop Zürich, Switzerland, 2026-06-10');
		expect(result.out).toMatch(/Next:\n {2}1\. Fill in the fields marked TODO/);
		expect(result.out).toContain('npm run photos -- <folder or files> --recap ray-day-zurich-2026');
	});

	it('writes nothing when the recap exists, and lists what it would have written', async () => {
		const before = await snapshot(content);
		const result = run('new-recap.ts', [
			'--content',
			content,
			'--city',
			'Seattle',
			'--venue',
			'X',
			'--date',
			'2026-04-09',
			'--id',
			'ray-day-seattle-2026',
			'--yes',
		]);
		expect(result.code).toBe(1);
		expect(result.out).toContain(
			'nothing written: it never overwrites a file, and these exist already:',
		);
		expect(result.out).toMatch(/! .*recaps\/ray-day-seattle-2026\/index\.md/);
		expect(result.out).toMatch(/recaps\/ray-day-seattle-2026\/talks\/example-talk\.md\n/);
		expect(result.out).toContain('(added the date 2026-04-09 to the stop Seattle)');
		expect(result.out).toContain('Hint: that recap has been started already');
		expect(await snapshot(content)).toEqual(before);
	});

	it('writes nothing when only one of its files exists, and leaves that file as it was', async () => {
		const talk = path.join(content, 'recaps/ray-day-zurich-2026/talks/example-talk.md');
		await mkdir(path.dirname(talk), { recursive: true });
		await writeFile(talk, 'my own notes\n');
		const before = await snapshot(content);
		const result = run('new-recap.ts', ['--content', content, ...ZURICH, '--yes']);
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/! .*talks\/example-talk\.md\n/);
		expect(result.out).toMatch(/recaps\/ray-day-zurich-2026\/index\.md\n/);
		expect(await snapshot(content)).toEqual(before);
		expect(await readFile(talk, 'utf8')).toBe('my own notes\n');
	});

	it('names each wrong flag and writes nothing', async () => {
		const before = await snapshot(content);
		const result = run('new-recap.ts', [
			'--content',
			content,
			'--city',
			'Zürich',
			'--date',
			'2026-13-01',
			'--series',
			'ray-on-the-rode-2026',
			'--yes',
		]);
		expect(result.code).toBe(1);
		expect(result.out).toBe(
			[
				'new:recap: nothing written:',
				'  --series: there is no series "ray-on-the-rode-2026" in content/series/ -> did you mean "ray-on-the-road-2026"?',
				'  --country: missing -> the country of Zürich, e.g. --country Switzerland (it is a new stop of the series)',
				'  --venue: missing -> where the event took place, e.g. --venue "Kongresshaus Zürich"',
				'  --date: `date` is not a real calendar date: check the month and the day',
				'',
			].join('\n'),
		);
		expect(await snapshot(content)).toEqual(before);
		expect(run('new-recap.ts', ['--content', content, '--town', 'Zürich']).out).toContain(
			"Unknown option '--town' -> see the list of flags with --help",
		);
	});

	it('shows the plan on --dry-run and writes nothing', async () => {
		const before = await snapshot(content);
		const result = run('new-recap.ts', ['--content', content, ...ZURICH, '--dry-run']);
		expect(result.code).toBe(0);
		expect(result.out).toContain('would write (dry run, nothing written)');
		expect(result.out).toContain('photos/hero.jpg (placeholder image, 2400x1350)');
		expect(await snapshot(content)).toEqual(before);
	});

	it('asks for what the flags leave out, and writes once confirmed', () => {
		const answers = ['', 'Zürich', 'Switzerland', 'Kongresshaus Zürich', '2026-06-10', '', 'y', ''];
		const result = run('new-recap.ts', ['--content', content], answers.join('\n'));
		expect(result.out).toContain('Recap id (its folder name) [ray-day-zurich-2026]: ');
		expect(result.code).toBe(0);
		expect(existsSync(path.join(content, 'recaps/ray-day-zurich-2026/index.md'))).toBe(true);
	});

	it('asks again for an answer that is wrong', () => {
		const answers = [
			'',
			'Zürich',
			'Switzerland',
			'Kongresshaus',
			'10.06.2026',
			'',
			'2026-06-10',
			'n',
		];
		const result = run('new-recap.ts', ['--content', content], answers.join('\n'));
		expect(result.out).toContain(
			'--date: `date` must be a date written YYYY-MM-DD, e.g. 2026-04-09',
		);
		expect(result.out).toContain('Nothing written.');
		expect(result.code).toBe(1);
	});
});

describe('new:speaker and new:talk', { timeout: SLOW }, () => {
	it('add a speaker with a new company, and a talk after the last one', async () => {
		const speaker = run('new-speaker.ts', [
			'--content',
			content,
			'--name',
			'Jane Doe',
			'--role',
			'Staff Engineer',
			'--company',
			'example-corp',
			'--company-name',
			'Example Corp',
			'--yes',
		]);
		expect(speaker.code).toBe(0);
		const portrait = await readFile(path.join(content, 'speakers/jane-doe.jpg'));
		expect(await sharp(portrait).metadata()).toMatchObject({ width: 800, height: 800 });
		expect(await isPlaceholder(portrait)).toBe(true);
		expect(await readFile(path.join(content, 'companies/example-corp.yaml'), 'utf8')).toContain(
			'name: Example Corp\n',
		);

		const talk = run('new-talk.ts', [
			'--content',
			content,
			'--recap',
			'ray-day-seattle-2026',
			'--title',
			'Example Corp: a story',
			'--speakers',
			'jane-doe',
			'--yes',
		]);
		expect(talk.code).toBe(0);
		const text = await readFile(
			path.join(content, 'recaps/ray-day-seattle-2026/talks/example-corp.md'),
			'utf8',
		);
		expect(text).toContain('order: 8\n');
		expect(text).toContain('company: example-corp\n');
	});

	it('refuse to overwrite a speaker, byte for byte', async () => {
		const file = path.join(content, 'speakers/chi-wang.yaml');
		const before = await readFile(file);
		const result = run('new-speaker.ts', [
			'--content',
			content,
			'--name',
			'Chi Wang',
			'--role',
			'Someone else',
			'--company',
			'salesforce',
			'--yes',
		]);
		expect(result.code).toBe(1);
		expect(result.out).toMatch(/! .*speakers\/chi-wang\.yaml\n/);
		expect(await readFile(file)).toEqual(before);
	});

	it('refuse an unknown recap or speaker with the flag and the fix', () => {
		const result = run('new-talk.ts', [
			'--content',
			content,
			'--recap',
			'ray-day-zurich-2026',
			'--title',
			'T',
			'--speakers',
			'jane-doe',
			'--yes',
		]);
		expect(result.code).toBe(1);
		expect(result.out).toContain(
			'--recap: there is no recap "ray-day-zurich-2026" in content/recaps/ -> check the spelling (one of: ray-day-seattle-2026), or create it first with npm run new:recap',
		);
		expect(result.out).toContain(
			'--speakers: there is no speaker "jane-doe" in content/speakers/ -> check the spelling (one of: charlie-chen, chi-wang, haocheng-bian, jiwei-cao, mickey-liu, peng-zhang, rahul-samir-mehta, robert-nishihara, suman-debnath), or add them first: npm run new:speaker -- --id jane-doe --name "..." --role "..." --company ...',
		);
	});
});

describe('a scaffolded city, filled in, shapes into the site', { timeout: SLOW }, () => {
	it('with a speaker, a talk and the stop in the series', async () => {
		const photo = path.join(path.dirname(content), 'jane.png');
		await writeFile(
			photo,
			await sharp({ create: { width: 900, height: 1200, channels: 3, background: '#8899aa' } })
				.png()
				.toBuffer(),
		);
		expect(run('new-recap.ts', ['--content', content, ...ZURICH, '--yes']).code).toBe(0);
		expect(
			run('new-speaker.ts', [
				'--content',
				content,
				'--name',
				'Jane Doe',
				'--role',
				'Engineer',
				'--company',
				'anyscale',
				'--photo',
				photo,
				'--yes',
			]).code,
		).toBe(0);
		expect(
			run('new-talk.ts', [
				'--content',
				content,
				'--recap',
				'ray-day-zurich-2026',
				'--title',
				'Jane on Ray',
				'--speakers',
				'jane-doe',
				'--summary',
				'What Jane said.',
				'--yes',
			]).code,
		).toBe(0);

		// Unfilled, the build stops on the TODO fields.
		await expect(buildContent(content, '2026-07-01')).rejects.toThrow(/`title` is required/);

		const folder = path.join(content, 'recaps/ray-day-zurich-2026');
		const edit = async (file: string, change: (text: string) => string) =>
			writeFile(path.join(folder, file), change(await readFile(path.join(folder, file), 'utf8')));
		await edit('index.md', (text) =>
			fill(
				fill(fill(text, 'title', "'Ray Day Zürich: notes'"), 'description', 'The Zürich stop.'),
				'alt',
				'The stage',
			),
		);
		await edit('talks/example-talk.md', (text) =>
			fill(fill(text, 'title', 'Opening keynote'), 'summary', 'The opening.').replace(
				'speakers: []',
				'speakers:\n  - robert-nishihara',
			),
		);

		const site = await buildContent(content, '2026-07-01');
		const recap = site.recaps.find((r) => r.id === 'ray-day-zurich-2026');
		expect(recap).toMatchObject({
			city: 'Zürich',
			country: 'Switzerland',
			status: 'draft',
			eventDate: '2026-06-10',
		});
		expect(
			recap?.talks.map((talk) => [talk.id, talk.order, talk.speakers.map((s) => s.id)]),
		).toEqual([
			['ray-day-zurich-2026/example-talk', 1, ['robert-nishihara']],
			['ray-day-zurich-2026/anyscale', 2, ['jane-doe']],
		]);
		const portrait = await sharp(
			await readFile(path.join(content, 'speakers/jane-doe.jpg')),
		).metadata();
		expect(portrait).toMatchObject({ width: 800, height: 800 });
		expect(portrait.exif).toBeUndefined();
	});
});

describe('applying a plan', { timeout: SLOW }, () => {
	const text = (file: string, body = 'x\n') => ({
		path: file,
		content: { type: 'text' as const, text: body },
	});

	it('undoes its own files when another file appears half-way, and keeps that file', async () => {
		const late = path.join(content, 'recaps/new/c.md');
		const plan: Plan = {
			files: [
				text('recaps/new/a.md'),
				{
					path: 'recaps/new/b.md',
					content: {
						type: 'render',
						describe: 'appears meanwhile',
						// Someone else writes c.md after the check and before the writes.
						render: async () => {
							await mkdir(path.dirname(late), { recursive: true });
							await writeFile(late, 'theirs\n');
							return Buffer.from('b\n');
						},
					},
				},
				text('recaps/new/c.md', 'ours\n'),
			],
			edits: [],
			notes: [],
			next: [],
		};
		expect(await applyPlan(plan, content)).toEqual({
			status: 'refused',
			existing: ['recaps/new/c.md'],
			changed: [],
		});
		expect(await readdir(path.join(content, 'recaps/new'))).toEqual(['c.md']);
		expect(await readFile(late, 'utf8')).toBe('theirs\n');
	});

	it('refuses an edit to a file that changed since the plan read it, and undoes its new files', async () => {
		const series = 'series/ray-on-the-road-2026.yaml';
		const now = await readFile(path.join(content, series), 'utf8');
		const plan: Plan = {
			files: [text('recaps/fresh/index.md')],
			edits: [{ path: series, before: `${now}# older\n`, after: 'whatever\n', summary: 'x' }],
			notes: [],
			next: [],
		};
		expect(await applyPlan(plan, content)).toEqual({
			status: 'refused',
			existing: [],
			changed: [series],
		});
		expect(existsSync(path.join(content, 'recaps/fresh'))).toBe(false);
		expect(await readFile(path.join(content, series), 'utf8')).toBe(now);
	});
});
