/**
 * The feed gate: every XML file in the built site is well-formed, every RSS feed (an `<rss>` root)
 * follows RSS 2.0, a `feed.json` follows JSON Feed 1.1, and every URL a feed gives on the site
 * exists in the build. Problems are traced to the feed's source and, for items, the recap's.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { jsonFeedProblems } from './feeds/json-feed.ts';
import { isRss, rssProblems } from './feeds/rss.ts';
import type { FeedCheckOptions, FeedProblem } from './feeds/shared.ts';
import { parseXml, xmlSyntaxProblem } from './feeds/xml.ts';
import { indexSite, type SiteIndex } from './links.ts';
import { siteUrlProblem } from './links/targets.ts';
import { sitePathOfUrl, siteUrlOfPath, urlPathOfFile } from './site-files.ts';
import { sourceOfPage, UNKNOWN_SOURCE, type SourceContext } from './sources.ts';

/** One problem in one feed of the site. */
export interface SiteFeedProblem {
	/** The feed's URL path, e.g. `/rss.xml`. */
	feed: string;
	/** Where in the feed, e.g. `item 1 "Seattle"`. */
	where: string;
	problem: string;
	/** The file to edit, relative to the project root. */
	source: string;
}

/** What {@link checkSiteFeeds} found, with counts for the summary. */
export interface FeedReport {
	problems: SiteFeedProblem[];
	/** Feeds checked (RSS and JSON Feed). */
	feeds: number;
	/** XML files checked for well-formedness. */
	xmlFiles: number;
}

/** How problems are traced back to sources. */
export interface FeedGateOptions {
	exists?: SourceContext['exists'];
}

/** The outcome of checking one file: whether it is a feed, and its problems. */
export interface FeedFileResult {
	/** The file is a feed (RSS or JSON Feed), not other XML such as a sitemap. */
	isFeed: boolean;
	problems: FeedProblem[];
}

/**
 * Checks one file's text. Pure: `kind` says how to read it. XML must be well-formed whatever it
 * is; only an `<rss>` document is then checked as a feed.
 */
export function feedFileProblems(
	kind: 'xml' | 'json',
	text: string,
	options: FeedCheckOptions = {},
): FeedFileResult {
	if (kind === 'json') return { isFeed: true, problems: jsonFeedProblems(text, options) };
	const syntax = xmlSyntaxProblem(text);
	if (syntax !== undefined)
		return { isFeed: false, problems: [{ where: 'file', problem: syntax }] };
	const document = parseXml(text);
	return isRss(document)
		? { isFeed: true, problems: rssProblems(document, options) }
		: { isFeed: false, problems: [] };
}

/** Finds and checks every feed in a built site. */
export async function checkSiteFeeds(
	siteDir: string,
	siteUrl: URL,
	options: FeedGateOptions = {},
): Promise<FeedReport> {
	const site = await indexSite(siteDir, siteUrl);
	const report: FeedReport = { problems: [], feeds: 0, xmlFiles: 0 };
	for (const file of site.files) {
		const kind = feedKindOf(file);
		if (kind === undefined) continue;
		if (kind === 'xml') report.xmlFiles++;
		const feed = urlPathOfFile(file);
		const result = feedFileProblems(kind, await readFile(path.join(siteDir, file), 'utf8'), {
			feedUrl: siteUrlOfPath(feed, siteUrl).href,
			siteUrlProblem: (url) => siteProblemOf(url, site),
		});
		if (result.isFeed) report.feeds++;
		report.problems.push(...result.problems.map((found) => locate(feed, found, site, options)));
	}
	return report;
}

/** How to read a file of the site, if it may be a feed: XML files, and JSON Feeds by name. */
function feedKindOf(file: string): 'xml' | 'json' | undefined {
	if (file.endsWith('.xml')) return 'xml';
	return path.posix.basename(file) === 'feed.json' ? 'json' : undefined;
}

/** Checks a feed URL that points into the site against the build. */
function siteProblemOf(url: string, site: SiteIndex): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return undefined;
	}
	return parsed.host === site.siteUrl.host ? siteUrlProblem(parsed, site) : undefined;
}

/** Names the feed and the source: the feed's route, and for an item the page it links to. */
function locate(
	feed: string,
	{ where, problem, itemLink }: FeedProblem,
	site: SiteIndex,
	options: FeedGateOptions,
): SiteFeedProblem {
	const feedSource = sourceOfPage(feed, { exists: options.exists });
	const itemPath = itemLink === undefined ? undefined : itemSitePath(itemLink, site.siteUrl);
	const itemSource = itemPath === undefined ? UNKNOWN_SOURCE : sourceOfPage(itemPath);
	const source = itemSource === UNKNOWN_SOURCE ? feedSource : `${itemSource} via ${feedSource}`;
	return { feed, where, problem, source };
}

function itemSitePath(link: string, siteUrl: URL): string | undefined {
	try {
		return sitePathOfUrl(new URL(link), siteUrl);
	} catch {
		return undefined;
	}
}

/**
 * One report line: `feed -> where: problem (source: file)`.
 *
 * @example formatFeedProblem(p) // '/rss.xml -> item 1 "Seattle": pubDate: ... (source: content/recaps/seattle/index.mdx via src/pages/rss.xml.ts)'
 */
export function formatFeedProblem({ feed, where, problem, source }: SiteFeedProblem): string {
	return `${feed} -> ${where}: ${problem} (source: ${source})`;
}
