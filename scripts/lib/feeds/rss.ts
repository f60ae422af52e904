/**
 * RSS 2.0 rules (https://www.rssboard.org/rss-specification) for a parsed feed, plus the habits
 * feed readers rely on: absolute links, unique guids, RFC 822 dates, and HTML content that parses
 * and uses absolute URLs. Pure: takes the parsed document, returns problems.
 */
import { htmlFragmentProblems, htmlFragmentUrls } from './html-fragment.ts';
import { rfc822Problem } from './dates.ts';
import { absoluteUrlProblem, type FeedCheckOptions, type FeedProblem } from './shared.ts';
import {
	asElement,
	attributeOf,
	childrenOf,
	childText,
	namespacePrefix,
	textOf,
	type XmlElement,
} from './xml.ts';

const ATOM = 'http://www.w3.org/2005/Atom';
const CONTENT = 'http://purl.org/rss/1.0/modules/content/';

/** Whether a parsed XML document is an RSS feed (its root element is `<rss>`). */
export function isRss(document: XmlElement): boolean {
	return 'rss' in document;
}

/**
 * Every RSS 2.0 problem in a parsed feed (see `xml.ts` `parseXml`).
 *
 * @example rssProblems(parseXml('<rss version="2.0"><channel>...</channel></rss>'))
 */
export function rssProblems(document: XmlElement, options: FeedCheckOptions = {}): FeedProblem[] {
	const rss = asElement(document.rss) ?? {};
	const problems: FeedProblem[] = [];
	if (attributeOf(rss, 'version') !== '2.0') {
		problems.push({ where: 'rss', problem: 'the <rss> element needs version="2.0"' });
	}
	const channels = childrenOf(rss, 'channel');
	if (channels.length !== 1) {
		problems.push({
			where: 'rss',
			problem: `needs exactly one <channel>, found ${channels.length}`,
		});
	}
	const channel = asElement(channels[0]);
	const prefixes = {
		atom: namespacePrefix(rss, ATOM) ?? namespacePrefix(channel, ATOM),
		content: namespacePrefix(rss, CONTENT) ?? namespacePrefix(channel, CONTENT),
	};
	problems.push(...channelProblems(channel, prefixes.atom, options));
	problems.push(...itemsProblems(childrenOf(channel, 'item'), prefixes.content, options));
	return problems;
}

function channelProblems(
	channel: XmlElement | undefined,
	atomPrefix: string | undefined,
	options: FeedCheckOptions,
): FeedProblem[] {
	const problems: string[] = [];
	for (const name of ['title', 'link', 'description']) {
		if (!childText(channel, name)?.trim()) problems.push(`missing required <${name}>`);
	}
	problems.push(...urlProblems('link', childText(channel, 'link'), options));
	for (const name of ['pubDate', 'lastBuildDate']) problems.push(...dateProblems(channel, name));
	const image = asElement(childrenOf(channel, 'image')[0]);
	for (const name of ['url', 'link']) {
		problems.push(...urlProblems(`image/${name}`, childText(image, name), options));
	}
	if (atomPrefix !== undefined) problems.push(...selfLinkProblems(channel, atomPrefix, options));
	return problems.map((problem) => ({ where: 'channel', problem }));
}

/** With the Atom namespace declared, the channel must say where the feed lives. */
function selfLinkProblems(
	channel: XmlElement | undefined,
	prefix: string,
	options: FeedCheckOptions,
): string[] {
	const self = childrenOf(channel, `${prefix}:link`).find(
		(link) => attributeOf(link, 'rel') === 'self',
	);
	if (self === undefined)
		return [`missing <${prefix}:link rel="self"> (the Atom namespace is declared)`];
	const href = attributeOf(self, 'href');
	const field = `${prefix}:link[rel=self]`;
	const syntax = href === undefined ? undefined : absoluteUrlProblem(href.trim());
	if (syntax === undefined && options.feedUrl !== undefined && href?.trim() !== options.feedUrl) {
		return [`${field} is ${href}, but the feed is served at ${options.feedUrl}`];
	}
	const problems = urlProblems(field, href ?? '', options);
	return problems;
}

function itemsProblems(
	items: unknown[],
	contentPrefix: string | undefined,
	options: FeedCheckOptions,
): FeedProblem[] {
	const seenGuids = new Map<string, number>();
	return items.flatMap((value, index) => {
		const item = asElement(value) ?? {};
		const title = childText(item, 'title');
		const where = `item ${index + 1}${title ? ` "${truncate(title)}"` : ''}`;
		const itemLink = childText(item, 'link');
		const problems = [
			...itemFieldProblems(item, options),
			...guidProblems(item, index, seenGuids, options),
			...(contentPrefix ? contentProblems(item, `${contentPrefix}:encoded`, options) : []),
		];
		return problems.map((problem) => ({ where, problem, itemLink }));
	});
}

function itemFieldProblems(item: XmlElement, options: FeedCheckOptions): string[] {
	const problems: string[] = [];
	if (!childText(item, 'title')?.trim() && !childText(item, 'description')?.trim()) {
		problems.push('needs a <title> or a <description>');
	}
	problems.push(...urlProblems('link', childText(item, 'link'), options));
	problems.push(...dateProblems(item, 'pubDate'));
	for (const enclosure of childrenOf(item, 'enclosure')) {
		const url = attributeOf(enclosure, 'url');
		problems.push(...(url === undefined ? ['<enclosure> needs a url'] : []));
		problems.push(...urlProblems('enclosure[url]', url, options));
	}
	return problems;
}

/** guids identify items to readers: unique, and a URL unless `isPermaLink="false"`. */
function guidProblems(
	item: XmlElement,
	index: number,
	seen: Map<string, number>,
	options: FeedCheckOptions,
): string[] {
	const guidElement = childrenOf(item, 'guid')[0];
	const guid = textOf(guidElement)?.trim();
	if (guid === undefined) return [];
	if (guid === '') return ['<guid> is empty'];
	const problems: string[] = [];
	const first = seen.get(guid);
	if (first === undefined) seen.set(guid, index);
	else problems.push(`duplicate guid "${guid}" (also item ${first + 1})`);
	const isPermaLink = attributeOf(guidElement, 'isPermaLink') ?? 'true';
	if (isPermaLink !== 'true' && isPermaLink !== 'false') {
		problems.push(`guid isPermaLink must be "true" or "false", not "${isPermaLink}"`);
	}
	if (isPermaLink === 'true') problems.push(...urlProblems('guid', guid, options));
	return problems;
}

function contentProblems(item: XmlElement, name: string, options: FeedCheckOptions): string[] {
	const html = childText(item, name);
	if (html === undefined) return [];
	const problems = htmlFragmentProblems(html).map((problem) => `${name}: ${problem}`);
	for (const url of htmlFragmentUrls(html)) {
		const problem = options.siteUrlProblem?.(url);
		if (problem !== undefined) problems.push(`${name}: ${url}: ${problem}`);
	}
	return problems;
}

/** A URL field must be absolute http(s); one on the site must also exist in the build. */
function urlProblems(field: string, url: string | undefined, options: FeedCheckOptions): string[] {
	if (url === undefined) return [];
	const problem = absoluteUrlProblem(url.trim());
	if (problem !== undefined) return [`${field}: ${problem}`];
	const missing = options.siteUrlProblem?.(url.trim());
	return missing === undefined ? [] : [`${field}: ${url.trim()}: ${missing}`];
}

function dateProblems(parent: XmlElement | undefined, name: string): string[] {
	const value = childText(parent, name);
	const problem = value === undefined ? undefined : rfc822Problem(value);
	return problem === undefined ? [] : [`${name}: ${problem}`];
}

function truncate(text: string): string {
	return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
