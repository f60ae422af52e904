/**
 * The parts of finish-build that decide when the output is read: Astro's prerenderer with a call
 * once every page is written, and the stamps that tell whether what was read early still stands.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger, AstroPrerenderer } from 'astro';
import { describe, expect, it } from 'vitest';
import { afterPages, finishBuild } from '../../src/integrations/finish-build.ts';
import { textFileStamps } from '../../src/integrations/output-files.ts';

describe('afterPages', () => {
	function recordingPrerenderer(calls: string[]): AstroPrerenderer {
		return {
			name: 'base',
			setup: () => {
				calls.push('setup');
				return Promise.resolve();
			},
			getStaticPaths: () => {
				calls.push('paths');
				return Promise.resolve([]);
			},
			render: (request) => {
				calls.push(`render ${new URL(request.url).pathname}`);
				return Promise.resolve(new Response('page'));
			},
			teardown: () => {
				calls.push('teardown');
				return Promise.resolve();
			},
		};
	}

	it('passes every call through, and reports the pages written after the base tears down', async () => {
		const calls: string[] = [];
		const wrapped = afterPages(recordingPrerenderer(calls), () => calls.push('pages written'));
		await wrapped.setup?.();
		expect(await wrapped.getStaticPaths()).toEqual([]);
		const response = await wrapped.render(new Request('http://localhost/a/'), {
			routeData: {} as never,
		});
		expect(await (response as Response).text()).toBe('page');
		expect(calls).toEqual(['setup', 'paths', 'render /a/']);
		await wrapped.teardown?.();
		expect(calls.slice(-2)).toEqual(['teardown', 'pages written']);
	});

	it('reports nothing when the base fails to tear down, and passes the error on', async () => {
		const calls: string[] = [];
		const base = {
			...recordingPrerenderer(calls),
			teardown: () => Promise.reject(new Error('still busy')),
		};
		const wrapped = afterPages(base, () => calls.push('pages written'));
		await expect(wrapped.teardown?.()).rejects.toThrow('still busy');
		expect(calls).not.toContain('pages written');
	});

	it('works with a base that has no setup, teardown or images of its own', async () => {
		const calls: string[] = [];
		const { name, getStaticPaths, render } = recordingPrerenderer(calls);
		const wrapped = afterPages({ name, getStaticPaths, render }, () => calls.push('pages written'));
		expect(wrapped.setup).toBeUndefined();
		expect(wrapped.collectStaticImages).toBeUndefined();
		await wrapped.teardown?.();
		expect(calls).toEqual(['pages written']);
	});
});

describe('textFileStamps', () => {
	it('stamps text files only, and a rewrite changes the stamp', async () => {
		const root = await mkdtemp(path.join(tmpdir(), 'stamps-'));
		const page = path.join(root, 'index.html');
		const photo = path.join(root, 'hero.webp');
		await writeFile(page, '<p>one</p>');
		await writeFile(photo, 'x');
		const before = await textFileStamps([page, photo]);
		expect([...before.keys()]).toEqual([page]);
		await writeFile(page, '<p>two</p>');
		// Same size, so only the time tells them apart: make sure it moves.
		await utimes(page, new Date(), new Date(Date.now() + 5000));
		const after = await textFileStamps([page, photo]);
		expect(after.get(page)).not.toBe(before.get(page));
	});
});

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('timed out waiting');
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

describe('finishBuild', () => {
	const page = (photo: string) =>
		`<!doctype html><html lang="en"><body data-pagefind-body><h1>Recap</h1><img src="/_astro/${photo}" alt=""></body></html>`;

	/** An output folder with one page naming `photo`, and `photos` in `_astro/`. */
	async function output(photo: string, photos: readonly string[] = []): Promise<string> {
		const root = await mkdtemp(path.join(tmpdir(), 'finish-'));
		await mkdir(path.join(root, '_astro'));
		await writeFile(path.join(root, 'index.html'), page(photo));
		await addPhotos(root, photos);
		return root;
	}

	async function addPhotos(root: string, photos: readonly string[]): Promise<void> {
		for (const photo of photos) await writeFile(path.join(root, '_astro', photo), 'x');
	}

	/** Runs the integration's hooks as `astro build` does, with `between` after the pages. */
	async function build(root: string, between: () => Promise<void>): Promise<string[]> {
		const hooks = finishBuild().hooks as Record<string, (options: unknown) => unknown>;
		const dir = pathToFileURL(root + path.sep);
		await hooks['astro:config:done']!({ config: { outDir: dir, adapter: undefined } });
		let wrap: ((base: AstroPrerenderer) => AstroPrerenderer) | undefined;
		await hooks['astro:build:start']!({ setPrerenderer: (set: typeof wrap) => (wrap = set) });
		const base: AstroPrerenderer = {
			name: 'base',
			getStaticPaths: () => Promise.resolve([]),
			render: () => Promise.resolve(new Response('')),
		};
		// Every page written: the output starts being read here.
		await wrap!(base).teardown?.();
		await between();
		const messages: string[] = [];
		const logger = {
			fork: () => logger,
			info: (message: string) => messages.push(message),
			warn: (message: string) => messages.push(message),
		} as unknown as AstroIntegrationLogger;
		await hooks['astro:build:done']!({ dir, logger });
		return messages;
	}

	it(
		'prunes by the pages the build ends with, when one changed after it was first read',
		{ timeout: 30_000 },
		async () => {
			const root = await output('old.abc.webp', ['old.abc.webp', 'new.abc.webp']);
			const index = path.join(root, 'index.html');
			await build(root, async () => {
				// Once pagefind has written its index, the early read (one page) is long done.
				await until(() => existsSync(path.join(root, 'pagefind', 'pagefind-entry.json')));
				await writeFile(index, page('new.abc.webp'));
				await utimes(index, new Date(), new Date(Date.now() + 5000));
			});
			expect(await readdir(path.join(root, '_astro'))).toEqual(['new.abc.webp']);
			expect(await readdir(root)).toEqual(expect.arrayContaining(['_headers', 'pagefind']));
		},
	);

	it(
		'keeps the images written after the pages, which the pages name, and nothing else',
		{ timeout: 30_000 },
		async () => {
			const root = await output('hero.abc_320.webp');
			// Astro's image phase: variants appear, the pages stay as they were.
			await build(root, () => addPhotos(root, ['hero.abc_320.webp', 'draft.abc_320.webp']));
			expect(await readdir(path.join(root, '_astro'))).toEqual(['hero.abc_320.webp']);
		},
	);
});
