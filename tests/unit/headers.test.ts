import { describe, expect, it } from 'vitest';
import {
	hashSource,
	headersFileProblems,
	headersForPath,
	hostingRules,
	IMMUTABLE,
	inlineCode,
	matchesPath,
	parseHeadersFile,
	renderHeadersFile,
	REVALIDATE,
	searchPolicy,
	serializePolicy,
	sitePolicy,
	type HeaderRule,
} from '../../src/lib/headers.ts';

const ELEMENT = hashSource('a{b:c}');
const ATTRIBUTE = hashSource('color:#D73A49;--shiki-dark:#FF7B72');
const inputs = { styleHashes: [ELEMENT], styleAttributeHashes: [ATTRIBUTE] };

describe('hashSource', () => {
	it('is the quoted base64 SHA-256 of the exact text', () => {
		// The SHA-256 of the empty string, as every CSP hash tool writes it.
		expect(hashSource('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
		expect(hashSource('a{b:c}')).not.toBe(hashSource('a{b:c}\n'));
	});
});

describe('inlineCode', () => {
	const page = [
		'<!doctype html><html><head>',
		'<style>\n\t@layer reset, base;\n</style>',
		'<script type="application/ld+json">{"@type":"Event","name":"<style>x</style>"}</script>',
		'</head><body>',
		'<pre style="color:#24292e;--x:&quot;a&quot;"><code>&lt;style&gt;no&lt;/style&gt;</code></pre>',
		'<p>style="not an attribute"</p>',
		'<script type="module" src="/_astro/search.js"></script>',
		'<script type="module">import "/x.js";</script>',
		'<script>alert(1)</script>',
		'<script type="text/plain">not run</script>',
		'</body></html>',
	].join('');

	it('finds <style> text exactly as written, decoded style attributes and runnable scripts', () => {
		expect(inlineCode(page)).toEqual({
			styles: ['\n\t@layer reset, base;\n'],
			styleAttributes: ['color:#24292e;--x:"a"'],
			scripts: ['import "/x.js";', 'alert(1)'],
		});
	});

	it('finds nothing in a page without inline code', () => {
		expect(inlineCode('<p>Hello</p>')).toEqual({ styles: [], styleAttributes: [], scripts: [] });
	});
});

describe('sitePolicy and searchPolicy', () => {
	it('forbid every script on pages, and allow styles by hash only', () => {
		expect(serializePolicy(sitePolicy(inputs))).toBe(
			[
				"default-src 'none'",
				"script-src 'none'",
				`style-src 'self' 'unsafe-hashes' ${[ELEMENT, ATTRIBUTE].sort().join(' ')}`,
				"img-src 'self' data:",
				"font-src 'self'",
				"manifest-src 'self'",
				"base-uri 'self'",
				"form-action 'self'",
				"frame-ancestors 'none'",
				"object-src 'none'",
			].join('; '),
		);
	});

	it("add 'unsafe-hashes' only when some style attribute needs a hash", () => {
		const policy = sitePolicy({ styleHashes: [ELEMENT], styleAttributeHashes: [] });
		expect(policy.get('style-src')).toEqual(["'self'", ELEMENT]);
	});

	it('list each hash once, sorted, so two builds write the same bytes', () => {
		const policy = sitePolicy({
			styleHashes: [ELEMENT, ATTRIBUTE, ELEMENT],
			styleAttributeHashes: [ATTRIBUTE],
		});
		expect(policy.get('style-src')).toEqual([
			"'self'",
			"'unsafe-hashes'",
			...[ELEMENT, ATTRIBUTE].sort(),
		]);
	});

	it('give search scripts from the site, WebAssembly and fetches, and nothing else more', () => {
		const script = hashSource('import "/x.js";');
		const search = searchPolicy({ ...inputs, scriptHashes: [script] });
		const site = sitePolicy(inputs);
		expect(search.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", script]);
		expect(search.get('connect-src')).toEqual(["'self'"]);
		expect(search.get('worker-src')).toEqual(["'self'"]);
		const changed = [...search.keys()].filter(
			(key) => JSON.stringify(search.get(key)) !== JSON.stringify(site.get(key)),
		);
		expect(changed.sort()).toEqual(['connect-src', 'script-src', 'worker-src']);
		expect(serializePolicy(search)).toMatch(
			/^default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+'; connect-src 'self'; worker-src 'self'; style-src /,
		);
	});
});

describe('hostingRules', () => {
	const rules = hostingRules(
		{
			entries: [
				{ name: 'speakers', directory: true },
				{ name: '_astro', directory: true },
				{ name: 'pagefind', directory: true },
				{ name: 'search', directory: true },
				{ name: 'index.html', directory: false },
				{ name: 'rss.xml', directory: false },
				{ name: '_headers', directory: false },
				{ name: '404.html', directory: false },
			],
			assetsDir: '_astro',
			searchIndexDir: 'pagefind',
			searchPageDir: 'search',
		},
		{ site: sitePolicy(inputs), search: searchPolicy({ ...inputs, scriptHashes: [] }) },
	);
	const site = serializePolicy(sitePolicy(inputs));
	const search = serializePolicy(searchPolicy({ ...inputs, scriptHashes: [] }));

	it('has a rule per kind of path, the rest sorted by name, host files left out', () => {
		expect(rules.map((rule) => rule.path)).toEqual([
			'/*',
			'/_astro/*',
			'/pagefind/*',
			'/search/*',
			'/',
			'/404.html',
			'/index.html',
			'/rss.xml',
			'/speakers/*',
		]);
	});

	it.each([
		['/_astro/hero.DPXuU_kx.webp', { 'cache-control': IMMUTABLE }],
		['/pagefind/pagefind.js', { 'cache-control': REVALIDATE }],
		['/search/', { 'cache-control': REVALIDATE, 'content-security-policy': search }],
		['/search/?q=ray', { 'cache-control': REVALIDATE, 'content-security-policy': search }],
		['/', { 'cache-control': REVALIDATE, 'content-security-policy': site }],
		['/speakers/jane-doe/', { 'cache-control': REVALIDATE, 'content-security-policy': site }],
		['/rss.xml', { 'cache-control': REVALIDATE, 'content-security-policy': site }],
		// A missing address gets the site-wide headers only (the host serves 404.html there).
		['/no-such-page/', {}],
	])('%s gets the security headers and %j', (path, expected) => {
		const { headers, conflicts } = headersForPath(rules, path.replace(/\?.*$/, ''));
		expect(conflicts).toEqual([]);
		expect(headers).toEqual({
			'x-content-type-options': 'nosniff',
			'referrer-policy': 'strict-origin-when-cross-origin',
			'permissions-policy': 'camera=(), microphone=(), geolocation=()',
			'cross-origin-opener-policy': 'same-origin',
			...expected,
		});
	});

	it('sets no header twice for any path, so every host serves what the file says', () => {
		const paths = ['/', '/index.html', '/404.html', '/rss.xml', '/search/', '/speakers/a/', '/x/'];
		expect(headersFileProblems(rules, [...paths, '/_astro/a.js', '/pagefind/a.pf_meta'])).toEqual(
			[],
		);
	});
});

describe('renderHeadersFile and parseHeadersFile', () => {
	const rules: HeaderRule[] = [
		{ path: '/*', comment: 'Everything.', headers: [['X-Content-Type-Options', 'nosniff']] },
		{
			path: '/recaps/*',
			headers: [
				['Cache-Control', REVALIDATE],
				['Content-Security-Policy', "default-src 'none'; img-src 'self' data:"],
			],
		},
	];

	it('write the Netlify / Cloudflare Pages format', () => {
		expect(renderHeadersFile(rules, ['Generated.', '', 'Do not edit.'])).toBe(
			[
				'# Generated.',
				'#',
				'# Do not edit.',
				'',
				'# Everything.',
				'/*',
				'  X-Content-Type-Options: nosniff',
				'',
				'/recaps/*',
				`  Cache-Control: ${REVALIDATE}`,
				"  Content-Security-Policy: default-src 'none'; img-src 'self' data:",
				'',
			].join('\n'),
		);
	});

	it('read back what they wrote (comments dropped)', () => {
		const parsed = parseHeadersFile(renderHeadersFile(rules, ['Generated.']));
		expect(parsed).toEqual(rules.map(({ path, headers }) => ({ path, headers })));
	});

	it('refuse a header line with no path above it', () => {
		expect(() => parseHeadersFile('  X-Frame-Options: DENY\n')).toThrow(
			'_headers line 1: expected "Name: value" under a path',
		);
	});
});

describe('matchesPath', () => {
	it.each([
		['/*', '/', true],
		['/*', '/recaps/a/', true],
		['/', '/', true],
		['/', '/index.html', false],
		['/recaps/*', '/recaps/', true],
		['/recaps/*', '/recaps/a/b/', true],
		['/recaps/*', '/recapsx/', false],
		['/recaps/*', '/other/recaps/a', false],
		['/rss.xml', '/rss.xml', true],
		['/rss.xml', '/rssxxml', false],
		['/speakers/:id/', '/speakers/jane-doe/', true],
		['/speakers/:id/', '/speakers/a/b/', false],
	])('%s against %s: %s', (pattern, path, expected) => {
		expect(matchesPath(pattern, path)).toBe(expected);
	});
});

describe('headersForPath and headersFileProblems', () => {
	it('join a header two matching rules set, as Cloudflare Pages does, and report it', () => {
		const rules: HeaderRule[] = [
			{ path: '/*', headers: [['Cache-Control', REVALIDATE]] },
			{ path: '/_astro/*', headers: [['Cache-Control', IMMUTABLE]] },
		];
		expect(headersForPath(rules, '/_astro/a.js')).toEqual({
			headers: { 'cache-control': `${REVALIDATE}, ${IMMUTABLE}` },
			conflicts: ['Cache-Control (again from /_astro/*)'],
		});
		expect(headersFileProblems(rules, ['/', '/_astro/a.js'])).toEqual([
			'/_astro/a.js: set twice: Cache-Control (again from /_astro/*)',
		]);
	});

	it('report lines and rule counts beyond what Cloudflare Pages reads', () => {
		const long: HeaderRule = {
			path: '/',
			headers: [['Content-Security-Policy', 'x'.repeat(2000)]],
		};
		const many = Array.from({ length: 101 }, (_, index) => ({
			path: `/p${index}`,
			headers: [] as const,
		}));
		expect(headersFileProblems([long], [])).toEqual([
			'/ Content-Security-Policy is 2027 characters; Cloudflare Pages reads lines of at most 2000',
		]);
		expect(headersFileProblems(many, [])).toEqual([
			'101 rules; Cloudflare Pages reads at most 100',
		]);
	});
});
