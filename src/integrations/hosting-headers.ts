/**
 * Writes the build output's `_headers` (Netlify / Cloudflare Pages) once the site and its search
 * index are built (called by src/integrations/finish-build.ts): the policy's `style-src` must list the SHA-256 of every inline `<style>` and
 * `style` attribute the build produced, so the file can only be written from the build output.
 * It goes into the output folder only; `public/` holds no `_headers` that could disagree.
 * The rules themselves are pure and unit-tested: src/lib/headers.ts.
 */
import type { AstroIntegrationLogger } from 'astro';
import { access, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
	hashSource,
	headersFileProblems,
	hostingRules,
	inlineCode,
	renderHeadersFile,
	searchPolicy,
	sitePolicy,
	type HeaderRule,
} from '../lib/headers.ts';
import { SEARCH_PATH } from '../lib/urls.ts';
import { listFiles } from './output-files.ts';
import { PAGEFIND_DIR } from './pagefind.ts';

const PREAMBLE = [
	'Written by `astro build` (src/integrations/hosting-headers.ts, rules in src/lib/headers.ts).',
	"Do not edit: change the rules there and rebuild. The CSP hashes are of this build's inline",
	'styles. Netlify and Cloudflare Pages read this file; README "Hosting" has other hosts.',
];

/**
 * Writes `<root>/_headers` from the inline code `pages` collected, once pruning and the search
 * index are done (the rules name the output's top-level folders and check every file's URL).
 */
export async function writeHostingHeaders(
	root: string,
	pages: InlineCodeOfPages,
	logger: AstroIntegrationLogger,
): Promise<void> {
	const target = path.join(root, '_headers');
	const copied = await access(target).then(
		() => true,
		() => false,
	);
	if (copied) {
		logger.warn(
			'replacing the _headers copied from public/: the file is generated; change the rules ' +
				'in src/lib/headers.ts and delete public/_headers',
		);
	}
	const { rules, problems } = await headersForBuild(root, pages);
	await writeFile(target, renderHeadersFile(rules, PREAMBLE));
	logger.info(`wrote _headers: ${rules.length} rules`);
	for (const problem of problems) logger.warn(`_headers: ${problem}`);
}

/**
 * The hashes of every page's inline styles and style attributes, and of the search page's inline
 * scripts, gathered one page at a time as the output is read (src/integrations/output-files.ts).
 */
export class InlineCodeOfPages {
	readonly styleHashes = new Set<string>();
	readonly styleAttributeHashes = new Set<string>();
	readonly searchScriptHashes = new Set<string>();
	readonly #root: string;
	readonly #searchPage: string;

	constructor(root: string) {
		this.#root = root;
		this.#searchPage = path.join(root, SEARCH_PATH.slice(1), 'index.html');
	}

	/** Adds one file of the output; anything but an HTML page is ignored. */
	add(file: string, text: string): void {
		if (!file.endsWith('.html')) return;
		const code = inlineCode(text);
		for (const style of code.styles) this.styleHashes.add(hashSource(style));
		for (const value of code.styleAttributes) this.styleAttributeHashes.add(hashSource(value));
		if (file === this.#searchPage) {
			for (const script of code.scripts) this.searchScriptHashes.add(hashSource(script));
		} else if (code.scripts.length > 0) {
			// Only the search page may run a script; the policy of every other page forbids it.
			throw new Error(
				`${toUrlPath(this.#root, file)} has an inline script, and only ${SEARCH_PATH} may run one ` +
					'(DESIGN.md: zero client JavaScript elsewhere). Remove it, or make it a data block ' +
					'such as JSON-LD.',
			);
		}
	}
}

/** `<root>/a/b.html` -> `a/b.html`, with forward slashes on every platform. */
const toUrlPath = (root: string, file: string) =>
	path.relative(root, file).split(path.sep).join('/');

/** The `_headers` rules for a built site, and anything that could make hosts misread them. */
async function headersForBuild(
	root: string,
	pages: InlineCodeOfPages,
): Promise<{ rules: HeaderRule[]; problems: string[] }> {
	const files = (await listFiles(root)).map((file) => toUrlPath(root, file)).sort();
	const inputs = {
		styleHashes: [...pages.styleHashes],
		styleAttributeHashes: [...pages.styleAttributeHashes],
	};
	const topLevel = (await readdir(root, { withFileTypes: true })).map((entry) => ({
		name: entry.name,
		directory: entry.isDirectory(),
	}));
	const rules = hostingRules(
		{
			entries: topLevel,
			assetsDir: '_astro',
			searchIndexDir: PAGEFIND_DIR,
			searchPageDir: SEARCH_PATH.replaceAll('/', ''),
		},
		{
			site: sitePolicy(inputs),
			search: searchPolicy({ ...inputs, scriptHashes: [...pages.searchScriptHashes] }),
		},
	);
	// Every file as the URL path it is served at, plus an address that does not exist.
	const paths = [
		...files.map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`),
		'/no-such-page/',
	];
	return { rules, problems: headersFileProblems(rules, paths) };
}
