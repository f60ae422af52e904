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
 * other the three took 2.3-2.5 s on the 100-recap benchmark site, side by side 1.6 s. Indexing
 * and reading now start as soon as the last page is written, while Astro still encodes the images
 * (which write no text file): a cold build of that site has 0.3 s of them left for its end.
 * Each step still logs under its own name (`[recap:pagefind] indexed …`).
 */
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InlineCodeOfPages, writeHostingHeaders } from './hosting-headers.ts';
import { listFiles, readTextFiles, textFileStamps } from './output-files.ts';
import { buildSearchIndex, PAGEFIND_DIR } from './pagefind.ts';
import { photoStubs } from '../lib/photo-originals.ts';
import { describeStubbed, restoreReferencedOriginals } from './photo-originals.ts';
import { assetReferenceCollector, describeRemoved, removeUnreferenced } from './prune-assets.ts';

export function finishBuild(): AstroIntegration {
	let outDir: string | undefined;
	let hasAdapter = false;
	let early: { root: string; output: Promise<OutputRead> } | undefined;
	return {
		name: 'recap:finish-build',
		hooks: {
			'astro:config:done': ({ config }) => {
				outDir = fileURLToPath(config.outDir);
				hasAdapter = config.adapter !== undefined;
			},
			'astro:build:start': ({ setPrerenderer }) => {
				// An adapter may set a prerenderer of its own, which this one must not replace.
				if (hasAdapter) return;
				// The last page is written well before the build is done: Astro then encodes the
				// images, which adds no text file. Indexing and reading start there, beside it.
				setPrerenderer((base) =>
					afterPages(base, () => {
						if (outDir === undefined) return;
						const output = readOutput(outDir, PRERENDER_DIR);
						// Awaited in astro:build:done; until then a failure must not go unhandled.
						output.catch(() => undefined);
						early = { root: outDir, output };
					}),
				);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const root = fileURLToPath(dir);
				const files = await listFiles(root);
				// Read early, the text files must be the ones the build ends with; if not, or if the
				// early read failed, it is done again now (and a real failure then stops the build).
				let output = early?.root === root ? await early.output.catch(() => undefined) : undefined;
				if (output && !sameStamps(output.stamps, await textFileStamps(pagesOf(root, files)))) {
					output = undefined;
				}
				output ??= await readOutput(root);
				const { index, referenced, pages } = output;

				const removed = await removeUnreferenced(root, files, '_astro', referenced);
				if (removed.length > 0) logger.fork('recap:prune-assets').info(describeRemoved(removed));
				const gone = new Set(removed.map((file) => path.join(root, file)));
				const remaining = new Set(files.filter((file) => !gone.has(file)));
				const stubs = photoStubs();
				const restored = await restoreReferencedOriginals(root, remaining, stubs);
				if (stubs.sources.size > 0) {
					logger.fork('recap:photo-originals').info(describeStubbed(stubs.sources.size, restored));
				}

				const { pageCount, fileCount, outputPath } = index;
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

/**
 * Where Astro keeps the bundle it renders pages with, inside the output folder until the build
 * is done. Its chunks name every asset, so it must not count as a reference. Should a later
 * Astro keep it elsewhere, the early read finds files the build does not end with and is redone.
 */
const PRERENDER_DIR = '.prerender';

/** What astro:build:done needs from the pages, feeds and styles of the output. */
interface OutputRead {
	index: Awaited<ReturnType<typeof buildSearchIndex>>;
	/** Names of the assets the output's text files mention. */
	referenced: Set<string>;
	pages: InlineCodeOfPages;
	/** The text files read, each with its size and time of change. */
	stamps: ReadonlyMap<string, string>;
}

/**
 * The files the site is made of: all but `skipDir` and a search index left in the folder (not a
 * page: pagefind replaces it).
 */
function pagesOf(root: string, files: readonly string[], skipDir?: string): string[] {
	const skipped = [PAGEFIND_DIR, ...(skipDir ? [skipDir] : [])].map(
		(dir) => path.join(root, dir) + path.sep,
	);
	return files.filter((file) => !skipped.some((dir) => file.startsWith(dir)));
}

/**
 * Indexes the pages for search in pagefind's process while this one reads every text file once,
 * for the asset names it mentions and for the inline code of each page.
 */
async function readOutput(root: string, skipDir?: string): Promise<OutputRead> {
	const files = pagesOf(root, await listFiles(root), skipDir);
	const stamps = await textFileStamps(files);
	const indexing = buildSearchIndex(root);
	const referenced = new Set<string>();
	const pages = new InlineCodeOfPages(root);
	const collectReferences = assetReferenceCollector(root, '_astro', referenced);
	const reading = readTextFiles(files, (file, text) => {
		collectReferences(file, text);
		pages.add(file, text);
	});
	// Both settle before either failure is thrown: pagefind's process must be closed.
	const [index, read] = await Promise.allSettled([indexing, reading]);
	if (read.status === 'rejected') throw read.reason;
	if (index.status === 'rejected') throw index.reason;
	return { index: index.value, referenced, pages, stamps };
}

function sameStamps(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
	return a.size === b.size && [...a].every(([file, stamp]) => b.get(file) === stamp);
}

/**
 * Astro's own prerenderer, with `pagesWritten` called once every page and endpoint is written
 * (Astro calls `teardown` then, before it generates the images).
 */
export function afterPages(base: AstroPrerenderer, pagesWritten: () => void): AstroPrerenderer {
	return {
		name: 'recap:after-pages',
		getStaticPaths: () => base.getStaticPaths(),
		render: (request, options) => base.render(request, options),
		...(base.setup ? { setup: () => base.setup!() } : {}),
		...(base.collectStaticImages ? { collectStaticImages: () => base.collectStaticImages!() } : {}),
		teardown: async () => {
			await base.teardown?.();
			pagesWritten();
		},
	};
}
