/**
 * `npm run build` (scripts/build.ts) over a copy of the real content, with real builds: it builds
 * when there is no earlier build, leaves a current output alone, builds again when content, the
 * output or a setting changed or when asked to, and never trusts a failed build.
 */
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentCopy, npmBuild, projectRoot, type BuildOptions } from '../support/build.ts';

const RECAP = 'recaps/ray-day-seattle-2026/index.md';

/** Modification time of every page of interest, to show a skipped build wrote nothing. */
async function times(outDir: string): Promise<bigint[]> {
	const pages = ['index.html', 'recaps/ray-day-seattle-2026/index.html', '_headers'];
	return Promise.all(
		pages.map(async (page) => (await stat(path.join(outDir, page), { bigint: true })).mtimeNs),
	);
}

describe('npm run build', () => {
	let options: BuildOptions;
	let recapFile: string;

	beforeAll(async () => {
		const contentDir = await contentCopy('npm-build', async () => {});
		recapFile = path.join(projectRoot, contentDir, RECAP);
		options = { outDir: 'test-output/npm-build', contentDir };
		// A build left by an earlier run of this test would make the first step skip.
		for (const folder of [options.outDir, `${options.outDir}-cache`]) {
			await rm(path.join(projectRoot, folder), { recursive: true, force: true });
		}
	});

	it('builds when no earlier build is recorded', async () => {
		const result = await npmBuild(options);
		expect(result.code, result.output).toBe(0);
		expect(result.output).toContain('building: no earlier build is recorded');
		expect(result.output).toContain('[build] Complete!');
		// A full build: the photos went into the bundle as stubs (src/integrations/photo-originals.ts).
		expect(result.output).toMatch(
			/\[recap:photo-originals\] [1-9]\d* photo\(s\) bundled as stubs and read from their own files\n/,
		);
	});

	it('leaves the output alone when nothing changed, and says how to build anyway', async () => {
		const before = await times(path.join(projectRoot, options.outDir));
		const result = await npmBuild(options);
		expect(result.code, result.output).toBe(0);
		expect(result.output).toMatch(
			/test-output\/npm-build\/ is up to date: none of \d+ input files, the settings or the \d+ output files changed since the build of .+ To build anyway: npm run build -- --force/,
		);
		expect(result.output).not.toContain('[build]');
		expect(await times(path.join(projectRoot, options.outDir))).toEqual(before);
	});

	it('builds again after a content edit, and the page has it', async () => {
		const text = await readFile(recapFile, 'utf8');
		const edited = text.replace(/^title: .*$/m, 'title: Ray Day Seattle, edited for the test');
		expect(edited).not.toBe(text);
		await writeFile(recapFile, edited);
		const result = await npmBuild(options);
		expect(result.code, result.output).toBe(0);
		expect(result.output).toContain(
			`building: 1 input file(s) changed since the last build: ${path.join(options.contentDir!, RECAP)}`,
		);
		const page = await readFile(
			path.join(projectRoot, options.outDir, 'recaps/ray-day-seattle-2026/index.html'),
			'utf8',
		);
		expect(page).toContain('Ray Day Seattle, edited for the test');
	});

	it('builds again when a setting changed, or with --force', async () => {
		const moved = await npmBuild({ ...options, now: '2026-06-02T12:00:00Z' });
		expect(moved.code, moved.output).toBe(0);
		expect(moved.output).toContain(
			'building: the settings changed since the last build: RECAP_NOW, the build date',
		);
		const forced = await npmBuild({ ...options, now: '2026-06-02T12:00:00Z' }, ['--force']);
		expect(forced.code, forced.output).toBe(0);
		expect(forced.output).toContain('building: --force');
		expect(forced.output).toContain('[build] Complete!');
	});

	it('never trusts a failed build: the next run builds again', async () => {
		const text = await readFile(recapFile, 'utf8');
		await writeFile(recapFile, text.replace(/^title: .*$/m, 'title:'));
		const failed = await npmBuild(options);
		expect(failed.code).not.toBe(0);
		expect(failed.output).toContain(path.join(options.contentDir!, RECAP));
		await writeFile(recapFile, text);
		const fixed = await npmBuild(options);
		expect(fixed.code, fixed.output).toBe(0);
		expect(fixed.output).toContain('building: no earlier build is recorded');
	});
});
