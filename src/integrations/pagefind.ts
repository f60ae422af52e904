/**
 * Builds the search index with pagefind over the finished build output, into its `pagefind/`
 * folder (called by src/integrations/finish-build.ts). Only the build output is touched: never `public/` (astro-paper's `cp -r dist/pagefind
 * public/` is the anti-pattern), and nothing of it is committed. `astro dev` has no index; the
 * search page says so when `/pagefind/pagefind.js` does not load.
 *
 * What is indexed is decided by the pages: recaps, talks and speakers mark their main content
 * with `data-pagefind-body` (and their filters and kind with `data-pagefind-*` attributes,
 * src/lib/search.ts), so every other page stays out of the index.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';

/** The index folder inside the build output; the search page loads `/pagefind/pagefind.js`. */
export const PAGEFIND_DIR = 'pagefind';

/**
 * pagefind's ready-made UIs, written beside the index whether used or not. The search page uses
 * only the JS API (pagefind.js and its worker), so these are deleted: a script that sits on the
 * site unused is still one `script-src 'self'` allows on the search page.
 */
const UNUSED_UI_FILES = [
	'pagefind-ui.js',
	'pagefind-ui.css',
	'pagefind-modular-ui.js',
	'pagefind-modular-ui.css',
	'pagefind-component-ui.js',
	'pagefind-component-ui.css',
	'pagefind-highlight.js',
];

/**
 * Indexes the HTML of a built site into `<root>/pagefind/`; throws on any pagefind error. Returns
 * how many pages the index holds (those with `data-pagefind-body`) of how many HTML files it read.
 */
export async function buildSearchIndex(
	root: string,
): Promise<{ pageCount: number; fileCount: number; outputPath: string }> {
	const outputPath = path.join(root, PAGEFIND_DIR);
	const fail = (step: string, errors: readonly string[]) =>
		new Error(`pagefind could not ${step} (${root}):\n  ${errors.join('\n  ')}`);
	try {
		const { index, errors } = await pagefind.createIndex({});
		if (!index) throw fail('start', errors);
		const added = await index.addDirectory({ path: root });
		if (added.errors.length > 0) throw fail('index the site', added.errors);
		// A stale index from an earlier build in the same folder must not survive.
		await rm(outputPath, { recursive: true, force: true });
		const written = await index.writeFiles({ outputPath });
		if (written.errors.length > 0) throw fail('write the index', written.errors);
		await Promise.all(
			UNUSED_UI_FILES.map((file) => rm(path.join(outputPath, file), { force: true })),
		);
		const entry = JSON.parse(
			await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8'),
		) as { languages: Record<string, { page_count: number }> };
		const pageCount = Object.values(entry.languages).reduce(
			(sum, language) => sum + language.page_count,
			0,
		);
		return { pageCount, fileCount: added.page_count, outputPath };
	} finally {
		await pagefind.close();
	}
}
