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
					const shown = removed.slice(0, LISTED);
					const more = removed.length - shown.length;
					logger.info(
						`removed ${removed.length} unreferenced asset(s): ${shown.join(', ')}` +
							(more > 0 ? ` and ${more} more` : ''),
					);
				}
			},
		},
	};
}

/** How many removed files the log names; a large series removes thousands of originals. */
const LISTED = 10;
/** Text files read at once: enough to keep the disk busy, few enough to hold little memory. */
const READ_AT_ONCE = 32;

/** Removes files of `assetsDir` whose names appear in no text file of the site; returns them. */
export async function pruneUnreferenced(root: string, assetsDir: string): Promise<string[]> {
	const files = (await readdir(root, { recursive: true, withFileTypes: true }))
		.filter((entry) => entry.isFile())
		.map((entry) => path.join(entry.parentPath, entry.name));
	const assets = files.filter((file) =>
		path.relative(root, file).startsWith(`${assetsDir}${path.sep}`),
	);
	// Read a few at a time and keep only the names found: a 1000-city site has 10,000 pages, and
	// reading them all at once held a gigabyte.
	const texts = files.filter((file) => TEXT.test(file));
	const referenced = new Set<string>();
	for (let start = 0; start < texts.length; start += READ_AT_ONCE) {
		const batch = texts.slice(start, start + READ_AT_ONCE);
		for (const text of await Promise.all(batch.map((file) => readFile(file, 'utf8')))) {
			for (const match of text.matchAll(ASSET_NAME)) referenced.add(match[0]);
		}
	}
	const unreferenced = assets.filter((file) => !referenced.has(path.basename(file)));
	await Promise.all(unreferenced.map((file) => rm(file)));
	return unreferenced.map((file) => path.relative(root, file));
}

const ASSET_NAME = /[\w.-]+\.(?:jpe?g|png|webp|avif|gif|svg|woff2?|css|js)/gi;
