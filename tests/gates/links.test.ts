/**
 * The link gate (scripts/check-links.ts): its pure parts, the real site, and fixture sites with
 * one of each fault it must catch (tests/fixtures/gates/links/).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { checkSiteLinks, findLinkProblems, formatLinkProblem } from '../../scripts/lib/links.ts';
import { parseLinkPage } from '../../scripts/lib/links/page.ts';
import { resolveSitePath, type SiteIndex } from '../../scripts/lib/links/targets.ts';
import { sourceOfPage, UNKNOWN_SOURCE, type SourceContext } from '../../scripts/lib/sources.ts';
import { srcsetUrls, urlSyntaxProblem } from '../../scripts/lib/url-syntax.ts';
import { siteConfig } from '../../src/site.config.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = path.join(root, 'tests/fixtures/gates/links');
const FIXTURE_SITE = new URL('https://fixture.example.com/');
/** In the broken fixture, `alpha` is a talk of the demo recap; `series-continues` is not. */
const fixtureExists = (file: string) => file === 'content/recaps/demo/talks/alpha.mdx';

describe('srcsetUrls', () => {
	it.each([
		['/a-480.webp 480w, /a-800.webp 800w', ['/a-480.webp', '/a-800.webp']],
		['/a.webp 1x,/a@2x.webp 2x', ['/a.webp', '/a@2x.webp']],
		['/a.webp', ['/a.webp']],
		[
			'/img/w_100,h_50.jpg 1x, /img/w_200,h_100.jpg 2x',
			['/img/w_100,h_50.jpg', '/img/w_200,h_100.jpg'],
		],
		['/a.webp, /b.webp 2x', ['/a.webp', '/b.webp']],
		['  ', []],
	])('reads %j', (srcset, urls) => {
		expect(srcsetUrls(srcset)).toEqual(urls);
	});
});

describe('urlSyntaxProblem', () => {
	it.each([
		'/recaps/seattle/',
		'../photos/a.jpg',
		'#notion',
		'https://www.anyscale.com/blog/ray-data?x=1#y',
		'http://localhost:4321/',
		'https://127.0.0.1/',
		'//cdn.example.com/a.js',
		'mailto:team@example.com?subject=Hi',
		'tel:+12065550100',
		'data:image/gif;base64,R0lGODlhAQABAAAAACw=',
		'  https://example.com/  ',
	])('accepts %j', (href) => {
		expect(urlSyntaxProblem(href)).toBeUndefined();
	});

	it.each([
		['https://exa mple.com/', /whitespace/],
		['/recaps/a b/', /whitespace/],
		['https:\\\\example.com', /backslash/],
		['https:/example.com/', /"https:\/\/" followed by the host/],
		['https:example.com', /"https:\/\/" followed by the host/],
		['http://', /does not parse/],
		['https://example/', /no top-level domain/],
		['https://example..com/', /invalid label ""/],
		['https://-example.com/', /invalid label "-example"/],
		['mailto:', /needs an address/],
		['mailto:team', /needs an address/],
		['javascript:alert(1)', /not allowed/],
		['htps://example.com/', /unexpected URL scheme "htps:"/],
	])('rejects %j', (href, problem) => {
		expect(urlSyntaxProblem(href)).toMatch(problem);
	});
});

describe('resolveSitePath', () => {
	const files = new Set([
		'index.html',
		'recaps/a/index.html',
		'rss.xml',
		'404.html',
		'café/index.html',
	]);

	it.each([
		['/', { kind: 'file', file: 'index.html' }],
		['/recaps/a/', { kind: 'file', file: 'recaps/a/index.html' }],
		['/rss.xml', { kind: 'file', file: 'rss.xml' }],
		['/404.html', { kind: 'file', file: '404.html' }],
		['/caf%C3%A9/', { kind: 'file', file: 'café/index.html' }],
		['/recaps/a', { kind: 'missing-slash', redirect: '/recaps/a/' }],
		['/recaps/b/', { kind: 'not-found', file: 'recaps/b/index.html' }],
		['/rss.xml/', { kind: 'not-found', file: 'rss.xml/index.html' }],
		['/recaps/', { kind: 'not-found', file: 'recaps/index.html' }],
		['/%E0%A4%A', { kind: 'bad-encoding' }],
	])('resolves %s', (sitePath, target) => {
		expect(resolveSitePath(sitePath, files)).toEqual(target);
	});
});

describe('sourceOfPage', () => {
	const exists = (file: string) => file === 'content/recaps/seattle/talks/notion.mdx';

	it.each<[string, SourceContext, string]>([
		['/', {}, 'src/pages/index.astro'],
		['/404.html', {}, 'src/pages/404.astro'],
		['/rss.xml', {}, 'src/pages/rss.xml.ts'],
		['/recaps/seattle/', {}, 'content/recaps/seattle/index.md'],
		[
			'/recaps/seattle/',
			{ exists: (file) => file === 'content/recaps/seattle/index.mdx' },
			'content/recaps/seattle/index.mdx',
		],
		[
			'/recaps/seattle/',
			{ sections: ['notion'], exists },
			'content/recaps/seattle/talks/notion.mdx',
		],
		[
			'/recaps/seattle/',
			{ sections: ['demo', 'notion'], exists },
			'content/recaps/seattle/talks/notion.mdx',
		],
		[
			'/recaps/seattle/',
			{ sections: ['series-continues'], exists },
			'content/recaps/seattle/index.md',
		],
		['/recaps/seattle/notion/', {}, 'content/recaps/seattle/talks/notion.md'],
		['/recaps/seattle/notion/', { exists }, 'content/recaps/seattle/talks/notion.mdx'],
		['/feed.json', {}, 'src/pages/feed.json.ts'],
		['/reading/', {}, 'src/pages/reading.astro'],
		['/speakers/', {}, 'src/pages/speakers/index.astro'],
		['/speakers/ada/', {}, 'src/pages/speakers/[id].astro'],
		[
			'/speakers/ada/',
			{ exists: (file: string) => file === 'content/speakers/ada.yaml' },
			'content/speakers/ada.yaml',
		],
		[
			'/companies/acme/',
			{ exists: (file: string) => file.endsWith('acme.json') },
			'content/companies/acme.json',
		],
		['/topics/', {}, 'src/pages/topics/index.astro'],
		['/topics/serving/', {}, 'src/pages/topics/[id]/index.astro'],
		['/topics/serving/rss.xml', {}, 'src/pages/topics/[id]/rss.xml.ts'],
		['/series/2026/', {}, 'src/pages/series/[id]/index.astro'],
		['/series/2026/rss.xml', {}, 'src/pages/series/[id]/rss.xml.ts'],
		['/writeups/x/', {}, UNKNOWN_SOURCE],
		['/recaps/seattle', {}, UNKNOWN_SOURCE],
	])('maps %s %j to %s', (page, context, source) => {
		expect(sourceOfPage(page, context)).toBe(source);
	});
});

describe('parseLinkPage', () => {
	const page = parseLinkPage(
		`<!DOCTYPE html><html><head>
		<link rel="canonical" href="https://site.example/a/"><link rel="alternate" href="/rss.xml">
		<meta property="og:image" content="https://site.example/og.png"></head><body>
		<a name="old"></a><h2 id="top-title">T</h2>
		<section id="notion"><div><a href="/x/" target="_BLANK" rel="NoOpener external">x</a>
		<img src="/a.webp" srcset="/a-1.webp 1x, /a-2.webp 2x" alt=""></div></section>
		<picture><source srcset="/b.avif"></picture></body></html>`,
		'/a/',
	);

	it('collects every id and a[name] as a fragment target', () => {
		expect([...page.ids].sort()).toEqual(['notion', 'old', 'top-title']);
	});

	it('collects each URL with where it was found, skipping rel=alternate', () => {
		expect(page.links.map((link) => [link.via, link.href])).toEqual([
			['a[href]', '/x/'],
			['link[href]', 'https://site.example/a/'],
			['img[src]', '/a.webp'],
			['img[srcset]', '/a-1.webp'],
			['img[srcset]', '/a-2.webp'],
			['source[srcset]', '/b.avif'],
			['meta[content]', 'https://site.example/og.png'],
		]);
	});

	it('records target, rel and the enclosing sections', () => {
		expect(page.links[0]).toMatchObject({
			targetBlank: true,
			rel: ['noopener', 'external'],
			sections: ['notion'],
		});
	});
});

describe('findLinkProblems', () => {
	const site = (pages: Record<string, string>, files: string[] = []): SiteIndex => ({
		siteUrl: new URL('https://site.example/'),
		files: new Set([...Object.keys(pages), ...files]),
		pages: new Map(
			Object.entries(pages).map(([file, html]) => [
				file,
				parseLinkPage(html, file === 'index.html' ? '/' : `/${file.replace(/index\.html$/, '')}`),
			]),
		),
	});

	it('treats absolute links to the site host as internal, and flags http', () => {
		const problems = findLinkProblems(
			site({
				'index.html':
					'<a href="https://site.example/nope/">a</a><a href="http://site.example/">b</a>',
			}),
		);
		expect(problems.map((problem) => problem.problem)).toEqual([
			'not found: the site has no nope/index.html',
			'links to the site over http: (use https:)',
		]);
	});

	it('ignores external <link> hints but checks same-site ones', () => {
		const problems = findLinkProblems(
			site({
				'index.html':
					'<link rel="preconnect" href="https://cdn.example.org"><link rel="icon" href="/gone.svg">',
			}),
		);
		expect(problems).toEqual([
			{
				page: '/',
				link: '/gone.svg',
				problem: 'not found: the site has no gone.svg',
				source: 'src/pages/index.astro',
			},
		]);
	});

	it('reports a link repeated on one page once', () => {
		const problems = findLinkProblems(
			site({ 'index.html': '<a href="/nope/">a</a><a href="/nope/">b</a>' }),
		);
		expect(problems).toHaveLength(1);
	});

	it('accepts #top and text fragments, and checks fragments only on HTML pages', () => {
		const problems = findLinkProblems(
			site(
				{
					'index.html': '<a href="#top">a</a><a href="#:~:text=x">b</a><a href="/i.svg#icon">c</a>',
				},
				['i.svg'],
			),
		);
		expect(problems).toEqual([]);
	});
});

describe('the link gate on the real site', () => {
	it('finds no broken link', async () => {
		const report = await checkSiteLinks(inject('siteDir'), new URL(siteConfig.url), {
			exists: (file) => existsSync(path.join(root, file)),
		});
		expect(report.pages).toBeGreaterThan(0);
		expect(report.links).toBeGreaterThan(0);
		expect(report.problems.map(formatLinkProblem)).toEqual([]);
	});
});

describe('the link gate on fixture sites', () => {
	it('finds nothing wrong with a clean site', async () => {
		const report = await checkSiteLinks(path.join(fixtures, 'clean'), FIXTURE_SITE);
		expect(report.problems.map(formatLinkProblem)).toEqual([]);
	});

	it.each([
		[
			'a broken internal link',
			'/',
			'/recaps/missing/',
			'not found: the site has no recaps/missing/index.html',
			'src/pages/index.astro',
		],
		[
			'a missing trailing slash',
			'/',
			'/recaps/demo',
			'missing trailing slash: the host would redirect to /recaps/demo/',
			'src/pages/index.astro',
		],
		[
			'a broken #fragment on another page',
			'/',
			'/recaps/demo/#no-such-talk',
			'broken fragment: /recaps/demo/ has no element with id="no-such-talk"',
			'src/pages/index.astro',
		],
		[
			'a broken same-page #fragment',
			'/',
			'#nowhere',
			'broken fragment: / has no element with id="nowhere"',
			'src/pages/index.astro',
		],
		[
			'a broken #fragment in a talk section',
			'/recaps/demo/',
			'#beta',
			'broken fragment: /recaps/demo/ has no element with id="beta"',
			'content/recaps/demo/talks/alpha.mdx',
		],
		[
			'a broken link in a template section of a recap',
			'/recaps/demo/',
			'/series/',
			'not found: the site has no series/index.html',
			'content/recaps/demo/index.md',
		],
		[
			'target=_blank without noopener',
			'/',
			'https://example.com/',
			'target="_blank" without rel="noopener"',
			'src/pages/index.astro',
		],
		[
			'an external href with invalid syntax',
			'/',
			'https://exa mple.com/',
			'invalid URL: contains whitespace or a control character (encode spaces as %20)',
			'src/pages/index.astro',
		],
		[
			'a missing image',
			'/',
			'/_astro/missing.svg',
			'not found: the site has no _astro/missing.svg',
			'src/pages/index.astro',
		],
		[
			'a missing srcset candidate',
			'/',
			'/_astro/gone.svg',
			'not found: the site has no _astro/gone.svg',
			'src/pages/index.astro',
		],
		[
			'a relative link on the 404 page',
			'/404.html',
			'recaps/demo/',
			'relative link on a page served at any URL: write it from the site root (/recaps/demo/)',
			'src/pages/404.astro',
		],
	])('catches %s, naming the page', async (_, page, link, problem, source) => {
		const report = await checkSiteLinks(path.join(fixtures, 'broken'), FIXTURE_SITE, {
			exists: fixtureExists,
		});
		expect(report.problems).toContainEqual({ page, link, problem, source });
	});

	it('reports nothing else', async () => {
		const report = await checkSiteLinks(path.join(fixtures, 'broken'), FIXTURE_SITE);
		expect(report.problems).toHaveLength(11);
	});
});

describe('node scripts/check-links.ts', () => {
	const cli = (site: string) => runCli('check-links.ts', site, '--site', FIXTURE_SITE.href);

	it('prints one line per problem and a summary, and exits 1', () => {
		const { status, lines } = cli('tests/fixtures/gates/links/broken');
		expect(status).toBe(1);
		expect(lines).toHaveLength(12);
		expect(lines).toContain(
			'/ -> /recaps/demo/#no-such-talk: broken fragment: /recaps/demo/ has no element with id="no-such-talk" (source: src/pages/index.astro)',
		);
		for (const line of lines.slice(0, -1)) expect(line).toMatch(PROBLEM_LINE);
		expect(lines.at(-1)).toBe(
			'check-links: 11 problems (3 pages, 14 links in tests/fixtures/gates/links/broken)',
		);
	});

	it('exits 0 with a one-line summary on a clean site', () => {
		const { status, lines } = cli('tests/fixtures/gates/links/clean');
		expect({ status, lines }).toEqual({
			status: 0,
			lines: ['check-links: no problems (3 pages, 21 links in tests/fixtures/gates/links/clean)'],
		});
	});
});

/** `page -> link: problem (source: file)` */
const PROBLEM_LINE = /^\/\S* -> .+: .+ \(source: .+\)$/;

/** Runs a gate script with the pinned Node from the project root. */
function runCli(script: string, ...args: string[]): { status: number | null; lines: string[] } {
	const result = spawnSync(
		path.join(root, 'node_modules/.bin/node'),
		[path.join(root, 'scripts', script), ...args],
		{ cwd: root, encoding: 'utf8' },
	);
	return { status: result.status, lines: result.stdout.trim().split('\n') };
}
