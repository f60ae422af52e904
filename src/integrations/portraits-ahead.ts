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
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { setPriority } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { buildFolders, ogCacheDir } from '../build-folders.ts';
import { isTemporaryOf } from '../lib/atomic-write.ts';
import { portraitCacheDir, type CutReport } from '../lib/portrait-cache.ts';

const HELPER = fileURLToPath(new URL('./portraits-ahead-helper.ts', import.meta.url));
/** The lowest priority there is: the helper only ever gets a core nothing else wants. */
const LOWEST_PRIORITY = 19;

/** The running helper: `finish` reports what it did, or stops it if it is not done. */
interface Helper {
	readonly pid: number | undefined;
	/** Settles when the helper process has ended, however it ended. */
	readonly ended: Promise<unknown>;
	finish(logger: AstroIntegrationLogger): Promise<void>;
}

/** Starts the helper on a content folder, keeping the portraits in `dir`. */
export function startPortraitsAhead(contentDir: string, dir: string): Helper {
	const child: ChildProcess = spawn(process.execPath, [HELPER, contentDir, dir], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	try {
		if (child.pid !== undefined) setPriority(child.pid, LOWEST_PRIORITY);
	} catch {
		// Not allowed to lower it here: it runs at normal priority, still on a spare core mostly.
	}
	let stdout = '';
	let stderr = '';
	child.stdout?.setEncoding('utf8').on('data', (text: string) => (stdout += text));
	child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
	const exited = new Promise<number | null>((resolve) => {
		child.once('error', (error) => {
			stderr += error.message;
			resolve(null);
		});
		child.once('exit', (code) => resolve(code));
	});
	// Never outlives the build, even one that fails before it ends.
	const stopOnExit = () => child.kill();
	process.once('exit', stopOnExit);
	void exited.then(() => process.off('exit', stopOnExit));

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
				report = JSON.parse(stdout) as CutReport & { ms: number };
			} catch {
				report = undefined;
			}
			if (code !== 0 || !report) {
				const why = stderr.trim().split('\n').at(-1) || `exit code ${code}`;
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

/** Removes the temporary files a stopped helper may have left (named with its process id). */
async function removeHalfWritten(dir: string, pid: number | undefined): Promise<void> {
	if (pid === undefined) return;
	const names = await readdir(dir).catch(() => [] as string[]);
	await Promise.all(
		names
			.filter((name) => isTemporaryOf(name, pid))
			.map((name) => rm(path.join(dir, name), { force: true })),
	);
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
