/**
 * Deletes built assets that no page, feed or stylesheet refers to. Astro emits the original of
 * every image a content entry names, even when the entry is a draft or a scheduled recap that
 * this build leaves out; shipping those would leak unpublished photos (and waste bytes).
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TEXT = /\.(?:html|xml|json|css|js|mjs|txt|webmanifest|svg)$/i;

export function pruneAssets(): AstroIntegration {
	return {
		name: 'recap:prune-assets',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const root = fileURLToPath(dir);
				const removed = await pruneUnreferenced(root, '_astro');
				if (removed.length > 0) {
					logger.info(`removed ${removed.length} unreferenced asset(s): ${removed.join(', ')}`);
				}
			},
		},
	};
}

/** Removes files of `assetsDir` whose names appear in no text file of the site; returns them. */
export async function pruneUnreferenced(root: string, assetsDir: string): Promise<string[]> {
	const files = (await readdir(root, { recursive: true, withFileTypes: true }))
		.filter((entry) => entry.isFile())
		.map((entry) => path.join(entry.parentPath, entry.name));
	const assets = files.filter((file) =>
		path.relative(root, file).startsWith(`${assetsDir}${path.sep}`),
	);
	const texts = await Promise.all(
		files.filter((file) => TEXT.test(file)).map((file) => readFile(file, 'utf8')),
	);
	const referenced = new Set<string>();
	for (const text of texts) {
		for (const match of text.matchAll(/[\w.-]+\.(?:jpe?g|png|webp|avif|gif|svg|woff2?|css|js)/gi)) {
			referenced.add(match[0]);
		}
	}
	const unreferenced = assets.filter((file) => !referenced.has(path.basename(file)));
	await Promise.all(unreferenced.map((file) => rm(file)));
	return unreferenced.map((file) => path.relative(root, file));
}
