/**
 * Runs real `astro build`s for the build tests: the project's own site, or a copy of its content
 * with one thing broken. Output goes under test-output/, never into dist/ or content/.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const testOutput = path.join(projectRoot, 'test-output');

export interface BuildResult {
	code: number | null;
	output: string;
	outDir: string;
}

export interface BuildOptions {
	/** Where to write the site, relative to the project root. */
	outDir: string;
	/** Content folder to build, relative to the project root (default `content`). */
	contentDir?: string;
	/** The build's "now" (RECAP_NOW). */
	now?: string;
}

/** Runs `astro build` with the project's pinned Node and returns its exit code and output. */
export function astroBuild(options: BuildOptions): Promise<BuildResult> {
	return runBuild([path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], options);
}

/**
 * Runs `npm run build`'s script (scripts/build.ts: astro build unless the output is current)
 * with `args`, the same way.
 */
export function npmBuild(
	options: BuildOptions,
	args: readonly string[] = [],
): Promise<BuildResult> {
	return runBuild([path.join(projectRoot, 'scripts/build.ts'), ...args], options);
}

function runBuild(
	argv: readonly string[],
	{ outDir, contentDir, now = '2026-06-01T12:00:00Z' }: BuildOptions,
): Promise<BuildResult> {
	const absoluteOut = path.join(projectRoot, outDir);
	const bin = path.join(projectRoot, 'node_modules', '.bin');
	return new Promise((resolve, reject) => {
		const child = spawn(path.join(bin, 'node'), argv, {
			cwd: projectRoot,
			env: {
				...productionEnv(process.env),
				PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
				RECAP_OUT_DIR: absoluteOut,
				// Each build keeps its own content store and image cache, so builds of different
				// content never see each other's entries.
				RECAP_CACHE_DIR: `${absoluteOut}-cache`,
				RECAP_NOW: now,
				...(contentDir ? { RECAP_CONTENT_DIR: `./${contentDir}` } : {}),
				ASTRO_TELEMETRY_DISABLED: '1',
				FORCE_COLOR: '0',
				NO_COLOR: '1',
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, output, outDir: absoluteOut }));
	});
}

/**
 * Copies the project's content to `test-output/fixtures/<name>/content` and applies `edit`,
 * returning the copy's path relative to the project root.
 */
export async function contentCopy(
	name: string,
	edit: (
		file: (relative: string) => { read(): Promise<string>; write(text: string): Promise<void> },
	) => Promise<void>,
): Promise<string> {
	const relative = path.join('test-output', 'fixtures', name, 'content');
	const target = path.join(projectRoot, relative);
	await rm(target, { recursive: true, force: true });
	await mkdir(path.dirname(target), { recursive: true });
	await cp(path.join(projectRoot, 'content'), target, { recursive: true });
	await edit((file) => ({
		read: () => readFile(path.join(target, file), 'utf8'),
		write: (text) => writeFile(path.join(target, file), text),
	}));
	return relative;
}

/**
 * The environment a production build should see: the test runner's own NODE_ENV=test and Vite's
 * `import.meta.env` values (DEV=1 and the like) removed, so the build behaves as `npm run build`.
 */
export function productionEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	const clean: NodeJS.ProcessEnv = { ...env, NODE_ENV: 'production' };
	for (const key of ['DEV', 'PROD', 'SSR', 'MODE', 'BASE_URL', 'SITE', 'ASSETS_PREFIX']) {
		Reflect.deleteProperty(clean, key);
	}
	return clean;
}
