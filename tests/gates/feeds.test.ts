/**
 * The feed gate (scripts/check-feeds.ts): its pure parts, the real site's feeds, and fixture sites
 * with one of each fault it must catch (tests/fixtures/gates/feeds/).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { checkSiteFeeds, feedFileProblems, formatFeedProblem } from '../../scripts/lib/feeds.ts';
import { rfc3339Problem, rfc822Problem } from '../../scripts/lib/feeds/dates.ts';
import { htmlFragmentProblems } from '../../scripts/lib/feeds/html-fragment.ts';
import { jsonFeedProblems } from '../../scripts/lib/feeds/json-feed.ts';
import { rssProblems } from '../../scripts/lib/feeds/rss.ts';
import { parseXml, xmlSyntaxProblem } from '../../scripts/lib/feeds/xml.ts';
import { siteConfig } from '../../src/site.config.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = path.join(root, 'tests/fixtures/gates/feeds');
const FIXTURE_SITE = new URL('https://fixture.example.com/');

describe('rfc822Problem', () => {
	it.each([
		'Thu, 09 Apr 2026 00:00:00 GMT',
		'Thu, 9 Apr 2026 00:00:00 GMT',
		'09 Apr 2026 00:00 +0000',
		'Sat, 28 Feb 2026 18:30:00 -0800',
		'Thu, 29 Feb 2024 12:00:00 EST',
		'Wed, 01 Jan 2025 00:00:00 UT',
		'thu, 09 apr 2026 00:00:00 gmt',
	])('accepts %j', (value) => {
		expect(rfc822Problem(value)).toBeUndefined();
	});

	it.each([
		['2026-04-09', /is not an RFC 822 date/],
		['Fri, 09 Apr 2026', /is not an RFC 822 date/],
		['Fri, 09 Apr 2026 00:00:00 GMT', /09 Apr 2026 is a Thu, not a Fri/],
		['Thu, 09 Apr 26 00:00:00 GMT', /4 digits/],
		['Thu, 31 Apr 2026 00:00:00 GMT', /day 31 does not exist/],
		['Sun, 29 Feb 2026 00:00:00 GMT', /day 29 does not exist/],
		['Thu, 09 Avr 2026 00:00:00 GMT', /unknown month "Avr"/],
		['Thu, 09 Apr 2026 24:00:00 GMT', /not a time of day/],
		['Thu, 09 Apr 2026 00:00:00 CET', /unknown time zone "CET"/],
		['Thu, 09 Apr 2026 00:00:00 +2400', /unknown time zone/],
		['Thursday, 09 Apr 2026 00:00:00 GMT', /is not an RFC 822 date/],
	])('rejects %j', (value, problem) => {
		expect(rfc822Problem(value)).toMatch(problem);
	});
});

describe('rfc3339Problem', () => {
	it.each(['2026-04-09T00:00:00Z', '2026-04-09T18:30:00.5-08:00'])('accepts %j', (value) => {
		expect(rfc3339Problem(value)).toBeUndefined();
	});

	it.each([
		['2026-04-09', /not an RFC 3339 date-time/],
		['Thu, 09 Apr 2026 00:00:00 GMT', /not an RFC 3339 date-time/],
		['2026-02-30T00:00:00Z', /day 30 does not exist/],
		['2026-13-01T00:00:00Z', /no month 13/],
	])('rejects %j', (value, problem) => {
		expect(rfc3339Problem(value)).toMatch(problem);
	});
});

describe('htmlFragmentProblems', () => {
	it('accepts clean content with absolute https URLs', () => {
		const html =
			'<figure><img src="https://s.example/a.jpg" srcset="https://s.example/a.jpg 1x" alt="A"><figcaption>A</figcaption></figure>' +
			'<p>Text &amp; <a href="https://s.example/b/#c">a link</a>, <a href="mailto:a@s.example">mail</a>.</p>' +
			'<pre><code>x &lt; y</code></pre>';
		expect(htmlFragmentProblems(html)).toEqual([]);
	});

	it.each([
		['<p>a<div>b</div></p>', /Stray end tag '<\/p>' \(close-order\)/],
		[
			'<p><a href="https://s.example/">a <a href="https://s.example/b">b</a></a></p>',
			/<a> element is not permitted as a descendant of <a>/,
		],
		['<div><span>unclosed</div>', /Unclosed element '<span>' \(close-order\)/],
		['<p>stray</span></p>', /Stray end tag '<\/span>'/],
		['<p class="a" class="b">x</p>', /no-dup-attr/],
		['<img src="https://s.example/a.jpg" alt=""></img>', /void-content/],
		['<p>&nbsq;</p>', /unrecognized-char-ref/],
		['<img src="/a.jpg" alt="">', /img\[src\] "\/a.jpg" is not an absolute https URL/],
		['<img src="a.jpg" alt="">', /img\[src\] "a.jpg" is not an absolute https URL/],
		['<img src="http://s.example/a.jpg" alt="">', /not an absolute https URL/],
		['<img src="https://s.example/a.jpg" srcset="/a.jpg 2x" alt="">', /img\[srcset\] "\/a.jpg"/],
		['<a href="#notion">x</a>', /a\[href\] "#notion" is not an absolute https URL/],
		['<video src="https://s.example/v.mp4" poster="/p.jpg"></video>', /video\[poster\] "\/p.jpg"/],
	])('flags %j', (html, problem) => {
		expect(htmlFragmentProblems(html).join('\n')).toMatch(problem);
	});
});

describe('xmlSyntaxProblem', () => {
	it('accepts well-formed XML and names the line and column of a fault', () => {
		expect(xmlSyntaxProblem('<rss version="2.0"><channel/></rss>')).toBeUndefined();
		expect(xmlSyntaxProblem('<rss>\n<channel></rss>')).toMatch(/^not well-formed XML at 2:\d+: /);
		expect(xmlSyntaxProblem('<rss><title>a & b</title></rss>')).toMatch(/not well-formed/);
	});
});

describe('rssProblems', () => {
	const feed = (channel: string, attributes = '') =>
		parseXml(`<rss version="2.0"${attributes}><channel>${channel}</channel></rss>`);
	const head = '<title>T</title><link>https://s.example/</link><description>D</description>';
	const problemsOf = (channel: string, attributes?: string) =>
		rssProblems(feed(channel, attributes)).map(({ where, problem }) => `${where}: ${problem}`);

	it('accepts a minimal feed', () => {
		expect(problemsOf(head)).toEqual([]);
	});

	it('requires version 2.0 and the channel title, link and description', () => {
		expect(rssProblems(parseXml('<rss><channel><link>/</link></channel></rss>'))).toEqual([
			{ where: 'rss', problem: 'the <rss> element needs version="2.0"' },
			{ where: 'channel', problem: 'missing required <title>' },
			{ where: 'channel', problem: 'missing required <description>' },
			{
				where: 'channel',
				problem: 'link: "/" is not an absolute URL (feed readers need https://…)',
			},
		]);
	});

	it('needs a title or a description on every item', () => {
		expect(problemsOf(`${head}<item><link>https://s.example/a/</link></item>`)).toEqual([
			'item 1: needs a <title> or a <description>',
		]);
	});

	it('needs absolute permalink guids, but not when isPermaLink="false"', () => {
		expect(
			problemsOf(
				`${head}<item><title>A</title><guid>a-1</guid></item><item><title>B</title><guid isPermaLink="false">b-1</guid></item>`,
			),
		).toEqual(['item 1 "A": guid: "a-1" is not an absolute URL (feed readers need https://…)']);
	});

	it('keeps numeric guids as text when it compares them', () => {
		expect(
			problemsOf(
				`${head}<item><title>A</title><guid isPermaLink="false">0010</guid></item><item><title>B</title><guid isPermaLink="false">10</guid></item>`,
			),
		).toEqual([]);
	});

	it('requires atom:link rel=self once the Atom namespace is declared, under any prefix', () => {
		const atom = ' xmlns:a="http://www.w3.org/2005/Atom"';
		expect(problemsOf(head, atom)).toEqual([
			'channel: missing <a:link rel="self"> (the Atom namespace is declared)',
		]);
		expect(problemsOf(`${head}<a:link rel="self" href="feed.xml"/>`, atom)).toEqual([
			'channel: a:link[rel=self]: "feed.xml" is not an absolute URL (feed readers need https://…)',
		]);
		expect(
			problemsOf(`${head}<a:link rel="self" href="https://s.example/rss.xml"/>`, atom),
		).toEqual([]);
	});

	it('checks content:encoded under whatever prefix the content namespace has', () => {
		expect(
			problemsOf(
				`${head}<item><title>A</title><c:encoded><![CDATA[<img src="/a.jpg" alt="">]]></c:encoded></item>`,
				' xmlns:c="http://purl.org/rss/1.0/modules/content/"',
			),
		).toEqual(['item 1 "A": c:encoded: img[src] "/a.jpg" is not an absolute https URL']);
	});

	it('checks channel dates too', () => {
		expect(problemsOf(`${head}<lastBuildDate>2026-04-09</lastBuildDate>`)).toEqual([
			'channel: lastBuildDate: "2026-04-09" is not an RFC 822 date (write e.g. "Thu, 09 Apr 2026 00:00:00 GMT")',
		]);
	});
});

describe('jsonFeedProblems', () => {
	it.each([
		['not JSON', '{', /not valid JSON/],
		['not an object', '[]', /must be a JSON object/],
		[
			'a JSON Feed 1.0 version',
			'{"version":"https://jsonfeed.org/version/1","title":"T","items":[]}',
			/version must be "https:\/\/jsonfeed.org\/version\/1.1"/,
		],
		['no title', '{"version":"https://jsonfeed.org/version/1.1","items":[]}', /missing title/],
		[
			'no items',
			'{"version":"https://jsonfeed.org/version/1.1","title":"T"}',
			/items must be an array/,
		],
		[
			'a numeric id',
			'{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":1,"content_text":"x"}]}',
			/id must be a non-empty string/,
		],
		[
			'a relative feed_url',
			'{"version":"https://jsonfeed.org/version/1.1","title":"T","feed_url":"/feed.json","items":[]}',
			/feed_url: "\/feed.json" is not an absolute URL/,
		],
		[
			'a bad date',
			'{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"a","content_text":"x","date_published":"2026-04-09"}]}',
			/date_published: "2026-04-09" is not an RFC 3339 date-time/,
		],
		[
			'relative HTML content',
			'{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"a","content_html":"<a href=\\"/x/\\">x</a>"}]}',
			/content_html: a\[href\] "\/x\/" is not an absolute https URL/,
		],
	])('flags %s', (_, text, problem) => {
		expect(
			jsonFeedProblems(text)
				.map((found) => found.problem)
				.join('\n'),
		).toMatch(problem);
	});
});

describe('feedFileProblems', () => {
	it('checks every XML file for well-formedness but only <rss> documents as feeds', () => {
		expect(feedFileProblems('xml', '<urlset><url><loc>x</loc></url></urlset>')).toEqual({
			isFeed: false,
			problems: [],
		});
		expect(feedFileProblems('xml', '<urlset><url></urlset>').problems).toHaveLength(1);
	});
});

describe('the feed gate on the real site', () => {
	it('finds the feeds and no problem in them', async () => {
		const report = await checkSiteFeeds(inject('siteDir'), new URL(siteConfig.url), {
			exists: (file) => existsSync(path.join(root, file)),
		});
		expect(report.feeds).toBeGreaterThan(0);
		expect(report.problems.map(formatFeedProblem)).toEqual([]);
	});
});

describe('the feed gate on fixture sites', () => {
	it('finds nothing wrong with a clean site, and leaves its sitemap alone', async () => {
		const report = await checkSiteFeeds(path.join(fixtures, 'clean'), FIXTURE_SITE);
		expect(report).toEqual({ problems: [], feeds: 2, xmlFiles: 2 });
	});

	const recapSource = 'content/recaps/demo/index.md via src/pages/rss.xml.ts';
	it.each([
		[
			'a pubDate that is not RFC 822',
			'item 1 "Date without a time"',
			'pubDate: "2026-04-09" is not an RFC 822 date (write e.g. "Thu, 09 Apr 2026 00:00:00 GMT")',
			recapSource,
		],
		[
			'a pubDate with the wrong weekday',
			'item 2 "Wrong weekday"',
			'pubDate: "Fri, 09 Apr 2026 00:00:00 GMT": 09 Apr 2026 is a Thu, not a Fri',
			recapSource,
		],
		[
			'a duplicate guid',
			'item 3 "Same guid as the first item"',
			'duplicate guid "https://fixture.example.com/recaps/demo/" (also item 1)',
			'src/pages/rss.xml.ts',
		],
		[
			'a relative item link',
			'item 4 "Relative link"',
			'link: "/recaps/demo/" is not an absolute URL (feed readers need https://…)',
			'src/pages/rss.xml.ts',
		],
		[
			'a relative img src in content:encoded',
			'item 5 "Bad content"',
			'content:encoded: img[src] "/_astro/photo.svg" is not an absolute https URL',
			'src/pages/rss.xml.ts',
		],
		[
			'mis-nested HTML in content:encoded',
			'item 5 "Bad content"',
			'content:encoded: not well-formed HTML at 1:100: <a> element is not permitted as a descendant of <a> (element-permitted-content)',
			'src/pages/rss.xml.ts',
		],
		[
			'a self link that is not where the feed is served',
			'channel',
			'atom:link[rel=self] is https://fixture.example.com/feed.xml, but the feed is served at https://fixture.example.com/rss.xml',
			'src/pages/rss.xml.ts',
		],
	])('catches %s in /rss.xml', async (_, where, problem, source) => {
		const report = await checkSiteFeeds(path.join(fixtures, 'broken'), FIXTURE_SITE);
		expect(report.problems).toContainEqual({ feed: '/rss.xml', where, problem, source });
	});

	it('catches a JSON Feed item without content, a relative URL and a duplicate id', async () => {
		const report = await checkSiteFeeds(path.join(fixtures, 'broken'), FIXTURE_SITE);
		expect(report.problems.filter((found) => found.feed === '/feed.json')).toEqual([
			{
				feed: '/feed.json',
				where: 'item 1 "Relative URL"',
				problem: 'url: "/recaps/demo/" is not an absolute URL (feed readers need https://…)',
				source: 'src/pages/feed.json.ts',
			},
			{
				feed: '/feed.json',
				where: 'item 2 "Duplicate id and no content"',
				problem: 'duplicate id "demo" (also item 1)',
				source: 'src/pages/feed.json.ts',
			},
			{
				feed: '/feed.json',
				where: 'item 2 "Duplicate id and no content"',
				problem: 'needs content_html or content_text',
				source: 'src/pages/feed.json.ts',
			},
		]);
	});

	it('catches XML that is not well-formed', async () => {
		const report = await checkSiteFeeds(path.join(fixtures, 'broken'), FIXTURE_SITE);
		expect(report.problems).toContainEqual({
			feed: '/not-well-formed.xml',
			where: 'file',
			problem:
				"not well-formed XML at 5:1: Expected closing tag 'channel' (opened in line 3, col 2) instead of closing tag 'rss'.",
			source: 'src/pages (unknown route)',
		});
		expect(report.problems).toHaveLength(11);
	});
});

describe('node scripts/check-feeds.ts', () => {
	const cli = (site: string) => runCli('check-feeds.ts', site, '--site', FIXTURE_SITE.href);

	it('prints one line per problem and a summary, and exits 1', () => {
		const { status, lines } = cli('tests/fixtures/gates/feeds/broken');
		expect(status).toBe(1);
		expect(lines).toContain(
			'/rss.xml -> item 2 "Wrong weekday": pubDate: "Fri, 09 Apr 2026 00:00:00 GMT": 09 Apr 2026 is a Thu, not a Fri (source: content/recaps/demo/index.md via src/pages/rss.xml.ts)',
		);
		for (const line of lines.slice(0, -1)) expect(line).toMatch(/^\/\S+ -> .+: .+ \(source: .+\)$/);
		expect(lines.at(-1)).toBe(
			'check-feeds: 11 problems (2 feeds, 2 XML files in tests/fixtures/gates/feeds/broken)',
		);
	});

	it('exits 0 with a one-line summary on a clean site', () => {
		const { status, lines } = cli('tests/fixtures/gates/feeds/clean');
		expect({ status, lines }).toEqual({
			status: 0,
			lines: [
				'check-feeds: no problems (2 feeds, 2 XML files in tests/fixtures/gates/feeds/clean)',
			],
		});
	});

	it('fails when the site has no feed at all', () => {
		const { status, lines } = cli('tests/fixtures/gates/html/clean');
		expect(status).toBe(1);
		expect(lines.at(-1)).toMatch(/^check-feeds: no feed found in /);
	});
});

/** Runs a gate script with the pinned Node from the project root. */
function runCli(script: string, ...args: string[]): { status: number | null; lines: string[] } {
	const result = spawnSync(
		path.join(root, 'node_modules/.bin/node'),
		[path.join(root, 'scripts', script), ...args],
		{ cwd: root, encoding: 'utf8' },
	);
	return { status: result.status, lines: result.stdout.trim().split('\n') };
}
