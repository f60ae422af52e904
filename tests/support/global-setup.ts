/**
 * Builds the real site once per test run, for every test of the "site" project (build checks,
 * quality gates, browser tests), and hands them its folder through `inject('siteDir')`.
 */
import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { astroBuild } from './build.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Absolute path of the real site's build output. */
		siteDir: string;
	}
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	// A folder per run, so two runs at once (an editor's and a terminal's) never share a build.
	const outDir = `test-output/site-${process.pid}`;
	const build = await astroBuild({ outDir });
	if (build.code !== 0) throw new Error(`The real site did not build:\n${build.output}`);
	project.provide('siteDir', build.outDir);
	return async () => {
		await rm(build.outDir, { recursive: true, force: true });
		await rm(`${build.outDir}-cache`, { recursive: true, force: true });
	};
}
