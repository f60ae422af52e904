/**
 * What a build left on disk: HTML pages, the files in `_astro/` by format, feeds, preview cards,
 * and the files in the cache folder (to count what a rebuild added).
 */
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface FormatCount {
	count: number;
	bytes: number;
}

export interface OutputSummary {
	/** HTML files: the pages a reader can open. */
	pages: number;
	/** Every file of the site. */
	files: number;
	totalBytes: number;
	/** `_astro/` files by extension (webp, jpg, css, …). */
	assets: Record<string, FormatCount>;
	/** RSS and JSON feeds. */
	feeds: FormatCount;
	/** Preview card PNGs under `og/`. */
	cards: FormatCount;
}

async function listFiles(dir: string): Promise<{ file: string; bytes: number }[]> {
	if (!existsSync(dir)) return [];
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return Promise.all(
		entries
			.filter((entry) => entry.isFile())
			.map(async (entry) => {
				const file = path.join(entry.parentPath, entry.name);
				return {
					file: path.relative(dir, file).split(path.sep).join('/'),
					bytes: (await stat(file)).size,
				};
			}),
	);
}

export function extensionOf(file: string): string {
	const dot = file.lastIndexOf('.');
	return dot === -1 ? '(none)' : file.slice(dot + 1).toLowerCase();
}

export async function summarizeOutput(outDir: string): Promise<OutputSummary> {
	const files = await listFiles(outDir);
	const summary: OutputSummary = {
		pages: 0,
		files: files.length,
		totalBytes: 0,
		assets: {},
		feeds: { count: 0, bytes: 0 },
		cards: { count: 0, bytes: 0 },
	};
	const add = (count: FormatCount, bytes: number) => {
		count.count++;
		count.bytes += bytes;
	};
	for (const { file, bytes } of files) {
		summary.totalBytes += bytes;
		if (file.endsWith('.html')) summary.pages++;
		if (file.startsWith('_astro/'))
			add((summary.assets[extensionOf(file)] ??= { count: 0, bytes: 0 }), bytes);
		else if (/(^|\/)(rss\.xml|feed\.json)$/.test(file)) add(summary.feeds, bytes);
		else if (file.startsWith('og/') && file.endsWith('.png')) add(summary.cards, bytes);
	}
	return summary;
}

/** Image outputs only (webp, jpg, png, avif, gif) out of an `_astro/` summary. */
export function imageAssets(assets: Record<string, FormatCount>): Record<string, FormatCount> {
	return Object.fromEntries(
		Object.entries(assets).filter(([ext]) =>
			['webp', 'jpg', 'jpeg', 'png', 'avif', 'gif'].includes(ext),
		),
	);
}

/** The set of file paths under `dir` (relative), for before/after comparisons of a cache. */
export async function fileSet(dir: string): Promise<Set<string>> {
	return new Set((await listFiles(dir)).map((entry) => entry.file));
}
