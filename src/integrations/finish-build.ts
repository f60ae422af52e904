/**
 * What every `astro build` does to its output once Astro is done, as one integration so the steps
 * can overlap:
 *
 * 1. prune assets no page names (src/integrations/prune-assets.ts), then put the photo in place
 *    of each original a page still links to (src/integrations/photo-originals.ts);
 * 2. index the pages for search with pagefind (src/integrations/pagefind.ts);
 * 3. write `_headers`, whose CSP hashes every inline style (src/integrations/hosting-headers.ts).
 *
 * pagefind indexes in its own process while this one reads the output once for both pruning and
 * the headers' hashes; the headers are written last, from the final set of files. One after the
 * other the three took 2.3-2.5 s on the 100-recap benchmark site; side by side, see the README.
 * Each step still logs under its own name (`[recap:pagefind] indexed …`).
 */
import type { AstroIntegration } from 'astro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InlineCodeOfPages, writeHostingHeaders } from './hosting-headers.ts';
import { listFiles, readTextFiles } from './output-files.ts';
import { buildSearchIndex, PAGEFIND_DIR } from './pagefind.ts';
import { photoStubs } from '../lib/photo-originals.ts';
import { describeStubbed, restoreReferencedOriginals } from './photo-originals.ts';
import { collectAssetNames, describeRemoved, removeUnreferenced } from './prune-assets.ts';

export function finishBuild(): AstroIntegration {
	return {
		name: 'recap:finish-build',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const root = fileURLToPath(dir);
				// An index left in the folder is not a page: pagefind replaces it, so it is not read.
				const indexDir = path.join(root, PAGEFIND_DIR) + path.sep;
				const files = (await listFiles(root)).filter((file) => !file.startsWith(indexDir));
				const indexing = buildSearchIndex(root);
				const referenced = new Set<string>();
				const pages = new InlineCodeOfPages(root);
				const reading = readTextFiles(files, (file, text) => {
					collectAssetNames(text, referenced);
					pages.add(file, text);
				});
				// Both settle before either failure is thrown: pagefind's process must be closed.
				const [index, read] = await Promise.allSettled([indexing, reading]);
				if (read.status === 'rejected') throw read.reason;
				if (index.status === 'rejected') throw index.reason;

				const removed = await removeUnreferenced(root, files, '_astro', referenced);
				if (removed.length > 0) logger.fork('recap:prune-assets').info(describeRemoved(removed));
				const gone = new Set(removed.map((file) => path.join(root, file)));
				const remaining = new Set(files.filter((file) => !gone.has(file)));
				const stubs = photoStubs();
				const restored = await restoreReferencedOriginals(root, remaining, stubs);
				if (stubs.sources.size > 0) {
					logger.fork('recap:photo-originals').info(describeStubbed(stubs.sources.size, restored));
				}

				const { pageCount, fileCount, outputPath } = index.value;
				const search = logger.fork('recap:pagefind');
				search.info(
					`indexed ${pageCount} page(s) of ${fileCount} HTML file(s) into ` +
						`${path.relative(root, outputPath)}/`,
				);
				if (pageCount === 0) {
					search.warn('no page has data-pagefind-body: search will find nothing');
				}

				await writeHostingHeaders(root, pages, logger.fork('recap:hosting-headers'));
			},
		},
	};
}
