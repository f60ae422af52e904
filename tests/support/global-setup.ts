/**
 * Builds the real site once per test run, for every test of the "site" project (build checks,
 * quality gates, browser tests), and hands them its folder through `inject('siteDir')`.
 */
import type { TestProject } from 'vitest/node';
import { astroBuild } from './build.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Absolute path of the real site's build output. */
		siteDir: string;
	}
}

export default async function setup(project: TestProject): Promise<void> {
	const build = await astroBuild({ outDir: 'test-output/site' });
	if (build.code !== 0) throw new Error(`The real site did not build:\n${build.output}`);
	project.provide('siteDir', build.outDir);
}
