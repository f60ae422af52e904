/**
 * Writes a complete synthetic content root for benchmarks and load tests: series, companies,
 * speakers with portraits, writeups, topics and recaps with their talks and photos, all plainly
 * fictional ("Example City 17", "Jane Doe 42 of Example Corp 3") and valid against the schemas.
 * The same --recaps and --seed always give the same files, byte for byte.
 *
 * Usage: node scripts/generate-site.ts --recaps N --seed S --out <dir> [--texture grain|flat]
 *
 * Build it with the real site's code:
 *   RECAP_CONTENT_DIR=<dir> RECAP_NOW=2026-11-01T12:00:00Z RECAP_OUT_DIR=<out> npm run build
 *
 * It refuses to write into the project's content/ folder, and only replaces a folder that is
 * empty or holds a site it generated before.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { TEXTURES, type Texture } from './lib/synthetic/images.ts';
import { planSite } from './lib/synthetic/plan.ts';
import { writeSite } from './lib/synthetic/write.ts';

const projectRoot = fileURLToPath(new URL('../', import.meta.url));

function readOptions() {
	const { values } = parseArgs({
		options: {
			recaps: { type: 'string' },
			seed: { type: 'string', default: '1' },
			out: { type: 'string' },
			texture: { type: 'string', default: 'grain' },
		},
	});
	if (values.recaps === undefined || values.out === undefined) {
		throw new Error(
			'usage: node scripts/generate-site.ts --recaps N --seed S --out <dir> [--texture grain|flat]',
		);
	}
	if (!TEXTURES.includes(values.texture as Texture)) {
		throw new Error(`--texture must be one of ${TEXTURES.join(', ')}`);
	}
	return {
		recaps: Number(values.recaps),
		seed: Number(values.seed),
		out: path.resolve(values.out),
		texture: values.texture as Texture,
	};
}

async function main(): Promise<void> {
	const options = readOptions();
	const started = performance.now();
	const plan = planSite({ recaps: options.recaps, seed: options.seed });
	const manifest = await writeSite(plan, {
		outDir: options.out,
		protectedDir: path.join(projectRoot, 'content'),
		texture: options.texture,
		onProgress: (done, total) => {
			if (done % 100 === 0 || done === total) process.stdout.write(`\rimages ${done}/${total}`);
		},
	});
	process.stdout.write('\n');
	const count = (collection: keyof typeof plan.entries) => plan.entries[collection].length;
	const megabytes = manifest.files.reduce((sum, file) => sum + file.bytes, 0) / 1024 / 1024;
	console.log(
		`wrote ${manifest.files.length} files (${megabytes.toFixed(1)} MB) to ${path.relative(process.cwd(), options.out) || '.'} in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
			`${count('recaps')} recaps, ${count('talks')} talks, ${count('speakers')} speakers, ${count('companies')} companies, ` +
			`${count('series')} series, ${count('topics')} topics, ${count('writeups')} writeups, ${plan.images.length} images`,
	);
	console.log(`build it with RECAP_CONTENT_DIR=${options.out} RECAP_NOW=${plan.now}`);
}

try {
	await main();
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
}
