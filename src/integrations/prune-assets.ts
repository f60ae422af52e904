/**
 * Deletes built assets that no page, feed or stylesheet refers to. Astro emits the original of
 * every image a content entry names, even when the entry is a draft or a scheduled recap that
 * this build leaves out; shipping those would leak unpublished photos (and waste bytes).
 * Run after every build by src/integrations/finish-build.ts, in the same read of the output as
 * the `_headers` step.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { listFiles, readTextFiles } from './output-files.ts';

/**
 * Every name of an asset a text mentions, added to `into`. A name is a run of `[\w.-]` that ends
 * in an asset extension; the lookbehind starts each match at the start of such a run only, which
 * finds the same names twice as fast as trying every position inside it.
 */
export function collectAssetNames(text: string, into: Set<string>): void {
	for (const match of text.matchAll(ASSET_NAME)) into.add(match[0]);
}

const ASSET_NAME = /(?<![\w.-])[\w.-]+\.(?:jpe?g|png|webp|avif|gif|svg|woff2?|css|js)/gi;

/**
 * Removes the files of `assetsDir` (under `root`) whose names are not in `referenced`; returns
 * them, relative to `root`. `files` are absolute paths of every file of the output.
 */
export async function removeUnreferenced(
	root: string,
	files: readonly string[],
	assetsDir: string,
	referenced: ReadonlySet<string>,
): Promise<string[]> {
	const unreferenced = files.filter(
		(file) =>
			path.relative(root, file).startsWith(`${assetsDir}${path.sep}`) &&
			!referenced.has(path.basename(file)),
	);
	await Promise.all(unreferenced.map((file) => rm(file)));
	return unreferenced.map((file) => path.relative(root, file));
}

/** Removes files of `assetsDir` whose names appear in no text file of the site; returns them. */
export async function pruneUnreferenced(root: string, assetsDir: string): Promise<string[]> {
	const files = await listFiles(root);
	const referenced = new Set<string>();
	await readTextFiles(files, (_, text) => collectAssetNames(text, referenced));
	return removeUnreferenced(root, files, assetsDir, referenced);
}

/** The log line for what was removed: a large series removes thousands of originals. */
export function describeRemoved(removed: readonly string[], listed = 10): string {
	const shown = removed.slice(0, listed);
	const more = removed.length - shown.length;
	return (
		`removed ${removed.length} unreferenced asset(s): ${shown.join(', ')}` +
		(more > 0 ? ` and ${more} more` : '')
	);
}
