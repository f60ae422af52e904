/**
 * Encodes event photos ahead of Astro's image phase (src/lib/photos-ahead.ts), in a helper
 * process started as `astro build` starts and run at the lowest CPU priority, so it only ever
 * takes a core the build leaves idle. The image service sends it the photos as pages record them
 * (src/image-service.ts); it puts their variants in Astro's image cache, where the image phase
 * finds them.
 *
 * Nothing depends on the helper: a variant it has not encoded yet is encoded by the image phase,
 * as without it, and a photo changed since the build read it is left alone. It never runs under
 * `astro dev`. When the build ends it stops, and any file it was writing is removed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import {
	setPhotosAheadChannel,
	type PhotosAheadMessage,
	type PhotosAheadReport,
} from '../lib/photos-ahead.ts';
import { removeHalfWritten, startLowPriorityHelper } from './low-priority-helper.ts';

const HELPER = fileURLToPath(new URL('./photos-ahead-helper.ts', import.meta.url));
/** How long the end of the build waits for the helper to report and exit. */
const FINISH_MS = 5_000;

export interface PhotosAheadHelper {
	readonly pid: number | undefined;
	/** Sends one message; a no-op once the helper has gone. */
	send: (message: PhotosAheadMessage) => void;
	/** Stops the helper, removes what it was writing, and reports what it did. */
	finish(logger: AstroIntegrationLogger): Promise<void>;
}

/** Starts the helper; its files go in Astro's image cache folder `cacheDir`. */
export function startPhotosAhead(cacheDir: string): PhotosAheadHelper {
	const { child, exited, output } = startLowPriorityHelper(HELPER, [], { input: true });
	// A helper that died leaves the build to encode everything itself.
	let gone = false;
	child.stdin?.on('error', () => (gone = true));
	void exited.then(() => (gone = true));

	return {
		pid: child.pid,
		send: (message) => {
			if (!gone) child.stdin?.write(`${JSON.stringify(message)}\n`);
		},
		async finish(logger) {
			child.stdin?.end();
			const timeout = new Promise<'late'>((resolve) =>
				setTimeout(() => resolve('late'), FINISH_MS).unref(),
			);
			if ((await Promise.race([exited, timeout])) === 'late') child.kill();
			const code = await exited;
			await removeHalfWritten(cacheDir, child.pid);
			const { stdout, stderr } = output();
			let report: PhotosAheadReport | undefined;
			try {
				report = JSON.parse(stdout) as PhotosAheadReport;
			} catch {
				report = undefined;
			}
			if (code !== 0 || !report) {
				const why = stderr.trim().split('\n').at(-1) || `exit code ${code}`;
				logger.warn(`event photos not encoded ahead (${why}); the image phase encoded them`);
				return;
			}
			logger.debug(
				`event photos: ${report.encoded} variant(s) encoded ahead, ${report.found} found in the cache, ${report.skipped.length} photo(s) left to the image phase`,
			);
		},
	};
}

/** The integration: the helper for `astro build` only. */
export function photosAhead(): AstroIntegration {
	let helper: PhotosAheadHelper | undefined;
	return {
		name: 'recap:photos-ahead',
		hooks: {
			'astro:config:setup': ({ command, config }) => {
				if (command !== 'build') return;
				helper = startPhotosAhead(path.join(fileURLToPath(config.cacheDir), 'assets'));
				setPhotosAheadChannel(helper.send);
			},
			'astro:build:done': async ({ logger }) => {
				setPhotosAheadChannel(undefined);
				await helper?.finish(logger);
				helper = undefined;
			},
		},
	};
}
