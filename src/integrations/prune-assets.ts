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

const EXTENSION = String.raw`\.(?:jpe?g|png|webp|avif|gif|svg|woff2?|css|js)`;
const ASSET_NAME = new RegExp(String.raw`(?<![\w.-])[\w.-]+${EXTENSION}`, 'gi');

/**
 * A visitor that adds to `into` the names of the assets in `assetsDir` (under `root`) that a file
 * of the output mentions. A file outside that folder can reach an asset only by a path through it
 * (`/_astro/hero.webp`, `https://host/_astro/hero.webp`), so there only names right after
 * `<assetsDir>/` count: over the 100-recap benchmark site's 41 MB of pages and feeds that took
 * 23 ms, against 250 ms for every name in every text. A stylesheet or script inside the folder
 * may name its neighbours bare (`url(./bg.svg)`), so there every name counts.
 */
export function assetReferenceCollector(
	root: string,
	assetsDir: string,
	into: Set<string>,
): (file: string, text: string) => void {
	const inside = path.join(root, assetsDir) + path.sep;
	const escaped = assetsDir.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);
	const throughFolder = new RegExp(String.raw`${escaped}/([\w.-]+${EXTENSION})`, 'gi');
	return (file, text) => {
		if (file.startsWith(inside)) collectAssetNames(text, into);
		else for (const match of text.matchAll(throughFolder)) into.add(match[1]!);
	};
}

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
	await readTextFiles(files, assetReferenceCollector(root, assetsDir, referenced));
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
