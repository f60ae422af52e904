/**
 * JSON Feed 1.1 rules (https://www.jsonfeed.org/version/1.1/): the required fields, unique item
 * ids, absolute URLs, RFC 3339 dates, and `content_html` held to the same standard as RSS content.
 */
import { rfc3339Problem } from './dates.ts';
import { htmlFragmentProblems, htmlFragmentUrls } from './html-fragment.ts';
import { absoluteUrlProblem, type FeedCheckOptions, type FeedProblem } from './shared.ts';

const VERSION = 'https://jsonfeed.org/version/1.1';
const FEED_URL_FIELDS = ['home_page_url', 'feed_url', 'icon', 'favicon'] as const;
const ITEM_URL_FIELDS = ['url', 'external_url', 'image', 'banner_image'] as const;

type JsonObject = Readonly<Record<string, unknown>>;

function asObject(value: unknown): JsonObject | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as JsonObject)
		: undefined;
}

/**
 * Every problem in a JSON Feed document's text.
 *
 * @example jsonFeedProblems('{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[]}') // []
 */
export function jsonFeedProblems(text: string, options: FeedCheckOptions = {}): FeedProblem[] {
	let feed: JsonObject | undefined;
	try {
		feed = asObject(JSON.parse(text));
	} catch (error) {
		return [{ where: 'feed', problem: `not valid JSON: ${(error as Error).message}` }];
	}
	if (feed === undefined) return [{ where: 'feed', problem: 'must be a JSON object' }];
	return [...feedProblems(feed, options), ...itemsProblems(feed.items, options)];
}

function feedProblems(feed: JsonObject, options: FeedCheckOptions): FeedProblem[] {
	const problems: string[] = [];
	if (feed.version !== VERSION) problems.push(`version must be "${VERSION}"`);
	if (typeof feed.title !== 'string' || feed.title.trim() === '') problems.push('missing title');
	if (!Array.isArray(feed.items)) problems.push('items must be an array');
	problems.push(...urlFieldProblems(feed, FEED_URL_FIELDS, options));
	if (
		options.feedUrl !== undefined &&
		typeof feed.feed_url === 'string' &&
		feed.feed_url !== options.feedUrl
	) {
		problems.push(`feed_url is ${feed.feed_url}, but the feed is served at ${options.feedUrl}`);
	}
	problems.push(...authorsProblems(feed, options));
	return problems.map((problem) => ({ where: 'feed', problem }));
}

function itemsProblems(items: unknown, options: FeedCheckOptions): FeedProblem[] {
	if (!Array.isArray(items)) return [];
	const seen = new Map<string, number>();
	return items.flatMap((value: unknown, index) => {
		const item = asObject(value) ?? {};
		const title = typeof item.title === 'string' ? ` "${item.title}"` : '';
		const itemLink = typeof item.url === 'string' ? item.url : undefined;
		return itemProblems(item, index, seen, options).map((problem) => ({
			where: `item ${index + 1}${title}`,
			problem,
			itemLink,
		}));
	});
}

function itemProblems(
	item: JsonObject,
	index: number,
	seen: Map<string, number>,
	options: FeedCheckOptions,
): string[] {
	const problems: string[] = [];
	if (typeof item.id !== 'string' || item.id.trim() === '') {
		problems.push('id must be a non-empty string');
	} else if (seen.has(item.id)) {
		problems.push(`duplicate id "${item.id}" (also item ${(seen.get(item.id) ?? 0) + 1})`);
	} else seen.set(item.id, index);
	if (typeof item.content_html !== 'string' && typeof item.content_text !== 'string') {
		problems.push('needs content_html or content_text');
	}
	problems.push(...urlFieldProblems(item, ITEM_URL_FIELDS, options));
	for (const field of ['date_published', 'date_modified']) {
		const value = item[field];
		const problem = typeof value === 'string' ? rfc3339Problem(value) : undefined;
		if (value !== undefined && typeof value !== 'string')
			problems.push(`${field} must be a string`);
		if (problem !== undefined) problems.push(`${field}: ${problem}`);
	}
	if (typeof item.content_html === 'string')
		problems.push(...contentProblems(item.content_html, options));
	problems.push(...authorsProblems(item, options));
	for (const attachment of Array.isArray(item.attachments) ? (item.attachments as unknown[]) : []) {
		problems.push(
			...urlFieldProblems(asObject(attachment) ?? {}, ['url'], options, 'attachments[].'),
		);
	}
	return problems;
}

function contentProblems(html: string, options: FeedCheckOptions): string[] {
	const problems = htmlFragmentProblems(html).map((problem) => `content_html: ${problem}`);
	for (const url of htmlFragmentUrls(html)) {
		const problem = options.siteUrlProblem?.(url);
		if (problem !== undefined) problems.push(`content_html: ${url}: ${problem}`);
	}
	return problems;
}

function authorsProblems(owner: JsonObject, options: FeedCheckOptions): string[] {
	const authors = Array.isArray(owner.authors) ? (owner.authors as unknown[]) : [];
	return authors.flatMap((author) =>
		urlFieldProblems(asObject(author) ?? {}, ['url', 'avatar'], options, 'authors[].'),
	);
}

function urlFieldProblems(
	object: JsonObject,
	fields: readonly string[],
	options: FeedCheckOptions,
	label = '',
): string[] {
	return fields.flatMap((field) => {
		const value = object[field];
		if (value === undefined) return [];
		if (typeof value !== 'string') return [`${label}${field} must be a string`];
		const problem = absoluteUrlProblem(value) ?? options.siteUrlProblem?.(value);
		return problem === undefined ? [] : [`${label}${field}: ${problem}`];
	});
}
