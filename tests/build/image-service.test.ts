/**
 * The site's image service (src/image-service.ts) encodes a photo's variants side by side, ahead
 * of Astro's own order; the files must be exactly the ones Astro's stock sharp service makes. The
 * real site, built once for the suite with the project's service, is compared with a build of the
 * same content through `astro/assets/services/sharp` (Astro's programmatic build, run by the
 * benchmark's runner with that one setting changed). File names differ, since Astro's names hash
 * the service's entry point, so the files are compared by content.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, inject, it } from 'vitest';
import { parseRunnerResult } from '../../scripts/lib/bench/logs.ts';
import { imageEncoders } from '../../src/image.config.ts';
import { productionEnv, projectRoot, testOutput } from '../support/build.ts';

const siteDir = inject('siteDir');
const stockDir = path.join(testOutput, `stock-images-${process.pid}`);

afterAll(async () => {
	for (const folder of [stockDir, `${stockDir}-cache`, `${stockDir}.job.json`]) {
		await rm(folder, { recursive: true, force: true });
	}
});

/** The sha256 of every optimised image in a build's `_astro/`, sorted. */
async function imageDigests(outDir: string): Promise<string[]> {
	const folder = path.join(outDir, '_astro');
	const files = (await readdir(folder)).filter((name) => /\.(webp|avif|jpe?g|png)$/.test(name));
	const digests = await Promise.all(
		files.map(async (name) =>
			createHash('sha256')
				.update(await readFile(path.join(folder, name)))
				.digest('hex'),
		),
	);
	return digests.sort();
}

it("makes exactly the image files Astro's sharp service makes", async () => {
	const jobFile = `${stockDir}.job.json`;
	await writeFile(
		jobFile,
		JSON.stringify({
			kind: 'build',
			root: projectRoot,
			inlineConfig: {
				image: { service: { entrypoint: 'astro/assets/services/sharp', config: imageEncoders } },
			},
		}),
	);
	const bin = path.join(projectRoot, 'node_modules', '.bin');
	const { stdout } = await promisify(execFile)(
		path.join(bin, 'node'),
		[path.join(projectRoot, 'scripts/lib/bench/runner.ts'), jobFile],
		{
			cwd: projectRoot,
			maxBuffer: 64 * 1024 * 1024,
			env: {
				...productionEnv(process.env),
				PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
				RECAP_OUT_DIR: stockDir,
				RECAP_CACHE_DIR: `${stockDir}-cache`,
				// As tests/support/build.ts builds the real site.
				RECAP_NOW: '2026-06-01T12:00:00Z',
				ASTRO_TELEMETRY_DISABLED: '1',
				FORCE_COLOR: '0',
				NO_COLOR: '1',
			},
		},
	);
	expect(parseRunnerResult(stdout)?.ok).toBe(true);

	const ours = await imageDigests(siteDir);
	expect(ours.length).toBeGreaterThan(50);
	expect(ours).toEqual(await imageDigests(stockDir));
}, 180_000);
