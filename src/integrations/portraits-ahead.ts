/**
 * Cuts the speakers' card portraits ahead of the cards (src/lib/portrait-cache.ts), in a helper
 * process started as `astro build` starts and run at the lowest CPU priority: for its first 6 s,
 * while Astro loads its config, syncs content and bundles, a 2-core machine has about one core
 * idle, and the helper fills it without slowing the build's own work. The cards then find their
 * portraits on disk instead of cutting them in the page phase, where every core is already busy.
 * On the 100-recap benchmark site (320 speaker photos), in alternated cold builds, the page phase
 * went from 18.0-19.0 s to 15.7-16.0 s and the whole build from 54.5-56.6 s to 50.4-54.0 s.
 *
 * Nothing depends on the helper: a portrait it has not cut yet (or could not cut) is cut by the
 * build when a card needs it, as without it. It never runs under `astro dev`, and is stopped, its
 * half-written files removed, if it is still running when the build ends.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { buildFolders, ogCacheDir } from '../build-folders.ts';
import { portraitCacheDir, type CutReport } from '../lib/portrait-cache.ts';
import { removeHalfWritten, startLowPriorityHelper } from './low-priority-helper.ts';

const HELPER = fileURLToPath(new URL('./portraits-ahead-helper.ts', import.meta.url));

/** The running helper: `finish` reports what it did, or stops it if it is not done. */
interface Helper {
	readonly pid: number | undefined;
	/** Settles when the helper process has ended, however it ended. */
	readonly ended: Promise<unknown>;
	finish(logger: AstroIntegrationLogger): Promise<void>;
}

/** Starts the helper on a content folder, keeping the portraits in `dir`. */
export function startPortraitsAhead(contentDir: string, dir: string): Helper {
	const { child, exited, output } = startLowPriorityHelper(HELPER, [contentDir, dir]);
	return {
		pid: child.pid,
		ended: exited,
		async finish(logger) {
			if (child.exitCode === null && child.signalCode === null) {
				child.kill();
				await exited;
				await removeHalfWritten(dir, child.pid);
				logger.info('speaker portraits: helper stopped before it was done (cards cut the rest)');
				return;
			}
			const code = await exited;
			let report: (CutReport & { ms: number }) | undefined;
			try {
				report = JSON.parse(output().stdout) as CutReport & { ms: number };
			} catch {
				report = undefined;
			}
			if (code !== 0 || !report) {
				const why = output().stderr.trim().split('\n').at(-1) || `exit code ${code}`;
				logger.warn(`speaker portraits not cut ahead (${why}); the cards cut them instead`);
				return;
			}
			if (report.failed.length > 0) {
				const [first] = report.failed;
				logger.warn(
					`speaker portraits: ${report.failed.length} photo(s) could not be cut ahead, first ${first!.file}: ${first!.error}`,
				);
			}
			logger.debug(
				`speaker portraits: ${report.cut} cut ahead, ${report.found} already kept (${(report.ms / 1000).toFixed(1)} s)`,
			);
		},
	};
}

/** The integration: the helper for `astro build` only. */
export function portraitsAhead(): AstroIntegration {
	let helper: Helper | undefined;
	return {
		name: 'recap:portraits-ahead',
		hooks: {
			'astro:config:setup': ({ command, config }) => {
				if (command !== 'build') return;
				const { contentDir } = buildFolders(fileURLToPath(config.root));
				// Resolved here, in the process the cards are drawn in, as og-cache.ts resolves it.
				const dir = portraitCacheDir(path.resolve(ogCacheDir(process.env.RECAP_CACHE_DIR)));
				helper = startPortraitsAhead(contentDir, dir);
			},
			'astro:build:done': async ({ logger }) => {
				await helper?.finish(logger);
				helper = undefined;
			},
		},
	};
}
