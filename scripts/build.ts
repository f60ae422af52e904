/**
 * `npm run build`: `astro build`, skipped when the last build's output is still current.
 *
 * Before building, it compares the project's files, the settings and the output folder with the
 * record the last successful build left (scripts/lib/build/up-to-date.ts). If nothing changed,
 * it says so and leaves the output alone; otherwise it says what changed and builds. Every other
 * argument goes to `astro build`.
 *
 * Usage: npm run build [-- --force] [-- <astro build options>]
 *   --force   build even if nothing changed
 * Exit code: astro build's (0 when skipped).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFolders } from '../src/build-folders.ts';
import {
	buildUnlessCurrent,
	currentSettings,
	shownPath,
	type Freshness,
} from './lib/build/up-to-date.ts';

const root = process.cwd();
const args = process.argv.slice(2);
const force = args.includes('--force');
const astroArgs = args.filter((arg) => arg !== '--force');
const folders = buildFolders(root);

/** glibc malloc arenas for libvips' threads: 4 measured fastest (README, "Build performance"). */
const ARENAS = '4';

function astroBuild(): Promise<void> {
	const astro = path.join(
		path.dirname(fileURLToPath(import.meta.resolve('astro/package.json'))),
		'bin',
		'astro.mjs',
	);
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [astro, 'build', ...astroArgs], {
			stdio: 'inherit',
			env: { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? ARENAS },
		});
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			if (code === 0) resolve();
			else reject(new BuildFailed(code ?? (signal ? 128 : 1)));
		});
	});
}

class BuildFailed extends Error {
	readonly exitCode: number;
	constructor(exitCode: number) {
		super(`astro build exited with code ${exitCode}`);
		this.exitCode = exitCode;
	}
}

function describeSkip(freshness: Extract<Freshness, { upToDate: true }>): string {
	const outDir = shownPath(root, folders.outDir);
	const when = freshness.record.builtAt.replace('T', ' ').slice(0, 16);
	return (
		`${outDir}/ is up to date: none of ${freshness.inputs} input files, the settings or the ` +
		`${freshness.outputs} output files changed since the build of ${when} UTC. ` +
		'To build anyway: npm run build -- --force'
	);
}

try {
	const freshness = await buildUnlessCurrent(folders, currentSettings(astroArgs), {
		force,
		build: astroBuild,
		log: (line) => console.log(line),
	});
	if (freshness.upToDate) console.log(describeSkip(freshness));
} catch (error) {
	if (error instanceof BuildFailed) {
		process.exitCode = error.exitCode;
	} else {
		console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
		process.exitCode = 1;
	}
}
