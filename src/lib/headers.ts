/**
 * The HTTP headers the built site should be served with, as a Netlify / Cloudflare Pages
 * `_headers` file: cache lifetimes, security headers and a Content-Security-Policy whose
 * `style-src` lists the hash of every inline style the site ships (the build inlines all CSS, and
 * Shiki colours code with `style` attributes). src/integrations/hosting-headers.ts reads the
 * build output and writes `_headers` with these functions; the CSP browser test reads it back.
 *
 * Rules are disjoint on purpose: no two rules that can match one path set the same header. Hosts
 * disagree on overlaps (Cloudflare Pages joins the values with commas, which for
 * Content-Security-Policy means "enforce both" and for Cache-Control means nonsense), so only
 * the site-wide security headers sit under `/*`; caching and the CSP are set per top-level folder.
 */
import { createHash } from 'node:crypto';
import { decodeHTMLAttribute } from 'entities';
import { ELEMENT_NODE, parse, TEXT_NODE, walkSync, type DocumentNode } from 'ultrahtml';

/** One `_headers` rule: a path pattern and the headers for responses whose path matches it. */
export interface HeaderRule {
	/** `/`, `/feed.json`, `/recaps/*`: `*` matches anything (slashes too), `:name` one segment. */
	path: string;
	headers: readonly (readonly [name: string, value: string])[];
	/** Why the rule exists; written as a comment above it. */
	comment?: string | undefined;
}

/** The CSP source expression for the SHA-256 of some inline code: `'sha256-…'`. */
export function hashSource(code: string): string {
	return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}

/** The inline code of one HTML page that a Content-Security-Policy has to allow. */
export interface InlineCode {
	/** The text of every `<style>` element. */
	styles: string[];
	/** The value of every `style="…"` attribute, entities decoded (what the browser hashes). */
	styleAttributes: string[];
	/** The text of every inline `<script>` the browser runs (JSON-LD and other data blocks are not). */
	scripts: string[];
}

/**
 * Script types CSP governs: classic and module scripts, import maps, speculation rules. Anything
 * else (`application/ld+json`) is a data block the browser never runs and CSP never checks.
 */
function isGovernedScript(type: string | undefined): boolean {
	const normalized = (type ?? '').trim().toLowerCase();
	return (
		normalized === '' ||
		['module', 'importmap', 'speculationrules'].includes(normalized) ||
		/^(?:text|application)\/(?:x-)?(?:java|ecma)script$/.test(normalized)
	);
}

/** Finds the inline styles, style attributes and inline scripts of an HTML page. */
export function inlineCode(html: string): InlineCode {
	const found: InlineCode = { styles: [], styleAttributes: [], scripts: [] };
	walkSync(parse(html) as DocumentNode, (node) => {
		if (node.type !== ELEMENT_NODE) return;
		const attributes: Partial<Record<string, string>> = node.attributes;
		if (attributes.style !== undefined) {
			found.styleAttributes.push(decodeHTMLAttribute(attributes.style));
		}
		// Raw-text elements: their text, undecoded, is exactly what the browser hashes.
		const text = node.children
			.map((child) => (child.type === TEXT_NODE ? child.value : ''))
			.join('');
		if (node.name === 'style') found.styles.push(text);
		if (
			node.name === 'script' &&
			attributes.src === undefined &&
			isGovernedScript(attributes.type)
		) {
			found.scripts.push(text);
		}
	});
	return found;
}

/** A Content-Security-Policy as directive → sources, in the order it is written. */
export type Policy = ReadonlyMap<string, readonly string[]>;

/** Serializes a policy: `default-src 'none'; img-src 'self' data:; …`. */
export function serializePolicy(policy: Policy): string {
	return [...policy].map(([directive, sources]) => [directive, ...sources].join(' ')).join('; ');
}

export interface PolicyInputs {
	/** Hash sources of every inline `<style>` on the site (see `hashSource`). */
	styleHashes: readonly string[];
	/** Hash sources of every `style="…"` value on the site (Shiki's token colours). */
	styleAttributeHashes: readonly string[];
}

/**
 * The policy of every page but search: no script at all, no connections; styles only from the
 * site's own files or inline with a listed hash (`'unsafe-hashes'` lets a hash match a `style`
 * attribute, CSP Level 3); images from the site or `data:`; the web manifest from the site.
 */
export function sitePolicy({ styleHashes, styleAttributeHashes }: PolicyInputs): Policy {
	const unique = (values: readonly string[]) => [...new Set(values)].sort();
	return new Map<string, readonly string[]>([
		['default-src', ["'none'"]],
		['script-src', ["'none'"]],
		[
			'style-src',
			[
				"'self'",
				...(styleAttributeHashes.length > 0 ? ["'unsafe-hashes'"] : []),
				...unique([...styleHashes, ...styleAttributeHashes]),
			],
		],
		['img-src', ["'self'", 'data:']],
		['font-src', ["'self'"]],
		['manifest-src', ["'self'"]],
		['base-uri', ["'self'"]],
		['form-action', ["'self'"]],
		['frame-ancestors', ["'none'"]],
		['object-src', ["'none'"]],
	]);
}

/**
 * The search page's policy: the site policy plus what pagefind needs and nothing more. Scripts
 * from the site's own files (the page's script, `/pagefind/pagefind.js` and its web worker) and
 * any inline script of the page by hash; `'wasm-unsafe-eval'` to compile pagefind's WebAssembly
 * (it allows no `eval` of JavaScript); `connect-src 'self'` to fetch the index.
 */
export function searchPolicy(
	inputs: PolicyInputs & {
		/** Hash sources of the search page's own inline scripts, if the build inlined any. */
		scriptHashes: readonly string[];
	},
): Policy {
	const policy = new Map(sitePolicy(inputs));
	policy.set('script-src', [
		"'self'",
		"'wasm-unsafe-eval'",
		...[...new Set(inputs.scriptHashes)].sort(),
	]);
	policy.set('connect-src', ["'self'"]);
	policy.set('worker-src', ["'self'"]);
	// Keep the directives in a stable, readable order: the new ones after script-src.
	const order = [
		'default-src',
		'script-src',
		'connect-src',
		'worker-src',
		...[...policy.keys()].filter(
			(key) => !['default-src', 'script-src', 'connect-src', 'worker-src'].includes(key),
		),
	];
	return new Map(order.map((key) => [key, policy.get(key) ?? []]));
}

/** Response headers every path gets, whatever it serves. */
export const SECURITY_HEADERS = [
	['X-Content-Type-Options', 'nosniff'],
	['Referrer-Policy', 'strict-origin-when-cross-origin'],
	['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
	['Cross-Origin-Opener-Policy', 'same-origin'],
] as const;

/** File names with a content hash: cache for a year, never revalidate. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else: cache, but ask the server (a cheap 304) before each reuse. */
export const REVALIDATE = 'public, max-age=0, must-revalidate';

export interface SiteLayout {
	/** The top-level files and folders of the build output. */
	entries: readonly { name: string; directory: boolean }[];
	/** Folder of hashed build assets (Astro's `_astro`). */
	assetsDir: string;
	/** Folder of the search index (`pagefind`). */
	searchIndexDir: string;
	/** Folder of the search page (`search`). */
	searchPageDir: string;
}

/** Files a host reads as configuration and never serves. */
const HOST_FILES = new Set(['_headers', '_redirects', '_routes.json']);

/**
 * Every `_headers` rule for a build: security headers for all paths; caching by kind of file; the
 * strict policy for every page and the search policy for the search page only.
 */
export function hostingRules(
	layout: SiteLayout,
	policies: { site: Policy; search: Policy },
): HeaderRule[] {
	const site = serializePolicy(policies.site);
	const page = (path: string): HeaderRule => ({
		path,
		headers: [
			['Cache-Control', REVALIDATE],
			['Content-Security-Policy', site],
		],
	});
	const special = new Set([layout.assetsDir, layout.searchIndexDir, layout.searchPageDir]);
	const others = [...layout.entries]
		.filter(({ name }) => !special.has(name) && !HOST_FILES.has(name))
		.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
		.map(({ name, directory }) => page(directory ? `/${name}/*` : `/${name}`));
	return [
		{
			path: '/*',
			comment: 'Every response, including the not-found page at any address.',
			headers: SECURITY_HEADERS,
		},
		{
			path: `/${layout.assetsDir}/*`,
			comment: 'Build assets: every file name carries a hash of its content.',
			headers: [['Cache-Control', IMMUTABLE]],
		},
		{
			path: `/${layout.searchIndexDir}/*`,
			comment:
				'The search index: pagefind.js, its worker and its WebAssembly keep their names from build ' +
				'to build, so revalidate them all.',
			headers: [['Cache-Control', REVALIDATE]],
		},
		{
			path: `/${layout.searchPageDir}/*`,
			comment:
				'The search page, the only page with a script: pagefind needs script-src, ' +
				"'wasm-unsafe-eval' and connect-src.",
			headers: [
				['Cache-Control', REVALIDATE],
				['Content-Security-Policy', serializePolicy(policies.search)],
			],
		},
		{ ...page('/'), comment: 'Pages, feeds and everything else: no script at all.' },
		...others,
	];
}

/** Writes rules as a `_headers` file, with a header comment. */
export function renderHeadersFile(
	rules: readonly HeaderRule[],
	preamble: readonly string[],
): string {
	const lines = preamble.map((line) => (line === '' ? '#' : `# ${line}`));
	for (const rule of rules) {
		lines.push('');
		if (rule.comment) lines.push(`# ${rule.comment}`);
		lines.push(rule.path, ...rule.headers.map(([name, value]) => `  ${name}: ${value}`));
	}
	return `${lines.join('\n')}\n`;
}

/** Reads a `_headers` file back into rules (comments and blank lines dropped). */
export function parseHeadersFile(text: string): HeaderRule[] {
	const rules: { path: string; headers: [string, string][] }[] = [];
	text.split(/\r?\n/).forEach((line, index) => {
		if (line.trim() === '' || line.trim().startsWith('#')) return;
		if (!/^\s/.test(line)) {
			rules.push({ path: line.trim(), headers: [] });
			return;
		}
		const rule = rules.at(-1);
		const colon = line.indexOf(':');
		if (!rule || colon === -1) {
			throw new Error(`_headers line ${index + 1}: expected "Name: value" under a path: ${line}`);
		}
		rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
	});
	return rules;
}

/**
 * Whether a request path matches a rule's pattern, the way Netlify and Cloudflare Pages match:
 * `*` matches any characters (slashes too), `:name` one path segment, the rest literally.
 *
 * @example matchesPath('/recaps/*', '/recaps/ray-day-seattle-2026/') // true
 */
export function matchesPath(pattern: string, pathname: string): boolean {
	const source = pattern
		.split(/(\*|:[A-Za-z_]\w*)/)
		.map((part) => {
			if (part === '*') return '.*';
			if (part.startsWith(':')) return '[^/]+';
			return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
		})
		.join('');
	return new RegExp(`^${source}$`).test(pathname);
}

/**
 * The headers a host sends for a path: every matching rule's, in file order. A header set by two
 * matching rules is joined with ", " (what Cloudflare Pages does) and reported in `conflicts`.
 */
export function headersForPath(
	rules: readonly HeaderRule[],
	pathname: string,
): { headers: Record<string, string>; conflicts: string[] } {
	const headers: Record<string, string> = {};
	const conflicts: string[] = [];
	for (const rule of rules) {
		if (!matchesPath(rule.path, pathname)) continue;
		for (const [name, value] of rule.headers) {
			const key = name.toLowerCase();
			const previous = headers[key];
			if (previous !== undefined) conflicts.push(`${name} (again from ${rule.path})`);
			headers[key] = previous === undefined ? value : `${previous}, ${value}`;
		}
	}
	return { headers, conflicts };
}

/** Cloudflare Pages' limits on a `_headers` file. */
export const HEADERS_FILE_LIMITS = { rules: 100, lineLength: 2000 } as const;

/**
 * What could make hosts serve the file differently from what it says: more rules or longer lines
 * than Cloudflare Pages accepts, and any path (of those given) that two rules set one header for.
 */
export function headersFileProblems(
	rules: readonly HeaderRule[],
	paths: readonly string[],
): string[] {
	const problems: string[] = [];
	if (rules.length > HEADERS_FILE_LIMITS.rules) {
		problems.push(
			`${rules.length} rules; Cloudflare Pages reads at most ${HEADERS_FILE_LIMITS.rules}`,
		);
	}
	for (const rule of rules) {
		for (const [name, value] of rule.headers) {
			const length = `  ${name}: ${value}`.length;
			if (length > HEADERS_FILE_LIMITS.lineLength) {
				problems.push(
					`${rule.path} ${name} is ${length} characters; Cloudflare Pages reads lines of at most ` +
						`${HEADERS_FILE_LIMITS.lineLength}`,
				);
			}
		}
	}
	for (const path of paths) {
		const { conflicts } = headersForPath(rules, path);
		if (conflicts.length > 0) problems.push(`${path}: set twice: ${conflicts.join(', ')}`);
	}
	return problems;
}
