/**
 * `npm run check:content` end to end, as a function: every bad-content case (one mistake each,
 * built from tests/fixtures/bad-content/_base) prints exactly its expected.txt; the good base, the
 * real content and the odd-but-legal site print nothing; nothing is ever written to a content
 * folder. The command itself runs once per exit code, as a child process.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	checkContent,
	formatReport,
	type CheckReport,
} from '../../scripts/lib/content-check/index.ts';
import { formatProblem } from '../../src/lib/errors.ts';
import { assembleCase, baseDir, listCases } from '../fixtures/bad-content/assemble.ts';
import { projectRoot, testOutput } from '../support/build.ts';

const cases = await listCases();
const caseRoot = (name: string) => path.join(testOutput, 'bad-content', name, 'content');

/** Checks a folder the way the tests compare it: files named `content/…`. */
const check = (root: string): Promise<CheckReport> => checkContent({ root, folder: 'content' });
const lines = (report: CheckReport) => report.problems.map(formatProblem);

/** A digest of every file's path and bytes under a folder. */
async function digest(folder: string): Promise<string> {
	const hash = createHash('sha256');
	const files = (await readdir(folder, { recursive: true, withFileTypes: true }))
		.filter((entry) => entry.isFile())
		.map((entry) => path.join(entry.parentPath, entry.name))
		.toSorted();
	for (const file of files) {
		hash
			.update(path.relative(folder, file))
			.update('\0')
			.update(await readFile(file));
	}
	return hash.digest('hex');
}

it('has at least 20 cases, each with its expected lines', () => {
	expect(cases.length).toBeGreaterThanOrEqual(20);
	for (const { name, expected } of cases) expect(expected, name).not.toEqual([]);
});

describe.each(cases)('bad content: $name', ({ name, changes, expected }) => {
	it(`prints exactly expected.txt (${changes.why})`, async () => {
		const root = await assembleCase(name, caseRoot(name));
		const before = await digest(root);
		expect(lines(await check(root))).toEqual(expected);
		expect(await digest(root)).toBe(before);
	});
});

describe('good content', () => {
	it.each([
		['the bad-content base', baseDir],
		['the real content', path.join(projectRoot, 'content')],
		[
			'the odd-but-legal site',
			path.join(projectRoot, 'tests/fixtures/sites/odd-but-legal/content'),
		],
		[
			'the example-roadshow site',
			path.join(projectRoot, 'tests/fixtures/sites/example-roadshow/content'),
		],
	])('%s has no problems, and is left untouched', async (_, root) => {
		const before = await digest(root);
		const report = await check(root);
		expect(lines(report)).toEqual([]);
		expect(report.entries).toBeGreaterThan(0);
		expect(await digest(root)).toBe(before);
	});
});

describe('several mistakes at once', () => {
	const names = ['missing-speaker', 'missing-alt', 'http-url', 'small-hero', 'empty-talk'];
	const root = path.join(testOutput, 'bad-content', '_several', 'content');
	let report: CheckReport;

	beforeAll(async () => {
		report = await check(await assembleCase(names, root));
	});

	it('prints every problem in one run', () => {
		const expected = cases
			.filter((badCase) => names.includes(badCase.name))
			.flatMap((badCase) => badCase.expected);
		expect(lines(report).toSorted()).toEqual(expected.toSorted());
	});

	it('sorts the problems by file, then line', () => {
		const places = report.problems.map(({ file, line }) => `${file}:${line}`);
		expect(places).toEqual([
			'content/companies/example-corp.yaml:2',
			'content/recaps/example-city-2026/index.mdx:10',
			'content/recaps/example-city-2026/talks/case-study.mdx:9',
			'content/recaps/example-city-2026/talks/keynote.mdx:7',
			'content/speakers/john-roe.yaml:4',
		]);
	});

	it('ends the report with a summary', () => {
		expect(formatReport(report).at(-1)).toBe(
			'check-content: 5 problems in 5 files (9 entries in content)',
		);
	});
});

describe('the command line', () => {
	const node = path.join(projectRoot, 'node_modules', '.bin', 'node');
	const run = (content: string) =>
		spawnSync(node, ['scripts/check-content.ts', '--content', content], {
			cwd: projectRoot,
			encoding: 'utf8',
			env: { ...process.env, NO_COLOR: '1' },
		});
	const badCase = 'missing-speaker';

	beforeAll(async () => {
		await assembleCase(badCase, caseRoot(badCase));
	});

	it('exits 1 and prints one `file:line field: problem -> fix` line per problem', () => {
		const folder = path.relative(projectRoot, caseRoot(badCase)).split(path.sep).join('/');
		const result = run(folder);
		const expected = cases.find(({ name }) => name === badCase)?.expected ?? [];
		const output = result.stdout.trimEnd().split('\n');
		expect(result.status, result.stderr).toBe(1);
		expect(output.slice(0, -1)).toEqual(
			expected.map((line) => line.replace(/^content\//, `${folder}/`)),
		);
		for (const line of output.slice(0, -1)) {
			expect(line).toMatch(/^\S+:\d+ \S+: .+ -> .+$/);
		}
		expect(output.at(-1)).toBe(`check-content: 1 problem in 1 file (9 entries in ${folder})`);
	});

	it('exits 0 with a one-line summary on good content', () => {
		const folder = path.relative(projectRoot, baseDir).split(path.sep).join('/');
		const result = run(folder);
		expect(result.status, result.stderr).toBe(0);
		expect(result.stdout).toBe(`check-content: no problems (9 entries in ${folder})\n`);
	});

	it('exits 2 and says why when there is no content folder', () => {
		const result = run('test-output/no-such-folder');
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('no content folder at');
	});
});
