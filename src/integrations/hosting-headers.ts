/**
 * Writes the build output's `_headers` (Netlify / Cloudflare Pages) once the site and its search
 * index are built: the policy's `style-src` must list the SHA-256 of every inline `<style>` and
 * `style` attribute the build produced, so the file can only be written from the build output.
 * It goes into the output folder only; `public/` holds no `_headers` that could disagree.
 * The rules themselves are pure and unit-tested: src/lib/headers.ts.
 */
import type { AstroIntegration } from 'astro';
import { access, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
import { PAGEFIND_DIR } from './pagefind.ts';

const PREAMBLE = [
	'Written by `astro build` (src/integrations/hosting-headers.ts, rules in src/lib/headers.ts).',
	"Do not edit: change the rules there and rebuild. The CSP hashes are of this build's inline",
	'styles. Netlify and Cloudflare Pages read this file; README "Hosting" has other hosts.',
];

export function hostingHeaders(): AstroIntegration {
	return {
		name: 'recap:hosting-headers',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const root = fileURLToPath(dir);
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
				const { rules, problems } = await headersForBuild(root);
				await writeFile(target, renderHeadersFile(rules, PREAMBLE));
				logger.info(`wrote _headers: ${rules.length} rules`);
				for (const problem of problems) logger.warn(`_headers: ${problem}`);
			},
		},
	};
}

/** The `_headers` rules for a built site, and anything that could make hosts misread them. */
export async function headersForBuild(
	root: string,
): Promise<{ rules: HeaderRule[]; problems: string[] }> {
	const files = (await readdir(root, { recursive: true, withFileTypes: true }))
		.filter((entry) => entry.isFile())
		.map((entry) =>
			path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
		)
		.sort();
	const searchPage = `${SEARCH_PATH.slice(1)}index.html`;
	const styleHashes = new Set<string>();
	const styleAttributeHashes = new Set<string>();
	const searchScriptHashes = new Set<string>();
	for (const file of files.filter((name) => name.endsWith('.html'))) {
		const code = inlineCode(await readFile(path.join(root, file), 'utf8'));
		for (const style of code.styles) styleHashes.add(hashSource(style));
		for (const value of code.styleAttributes) styleAttributeHashes.add(hashSource(value));
		if (file === searchPage) {
			for (const script of code.scripts) searchScriptHashes.add(hashSource(script));
		} else if (code.scripts.length > 0) {
			// Only the search page may run a script; the policy of every other page forbids it.
			throw new Error(
				`${file} has an inline script, and only ${SEARCH_PATH} may run one (DESIGN.md: zero ` +
					'client JavaScript elsewhere). Remove it, or make it a data block such as JSON-LD.',
			);
		}
	}
	const inputs = { styleHashes: [...styleHashes], styleAttributeHashes: [...styleAttributeHashes] };
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
			search: searchPolicy({ ...inputs, scriptHashes: [...searchScriptHashes] }),
		},
	);
	// Every file as the URL path it is served at, plus an address that does not exist.
	const paths = [
		...files.map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`),
		'/no-such-page/',
	];
	return { rules, problems: headersFileProblems(rules, paths) };
}
