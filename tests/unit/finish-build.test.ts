/**
 * The parts of finish-build that decide when the output is read: Astro's prerenderer with a call
 * once every page is written, and the stamps that tell whether what was read early still stands.
 */
import { mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AstroPrerenderer } from 'astro';
import { describe, expect, it } from 'vitest';
import { afterPages } from '../../src/integrations/finish-build.ts';
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
