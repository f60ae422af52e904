/**
 * Search over the built site with pagefind: what each indexed page says about itself (its filter
 * values and kind, as `data-pagefind-*` attributes) and the small pure pieces of the search page's
 * script (filter queries, status lines). No DOM and no `astro:*` here: pages pass shaped data in,
 * and the browser script imports these functions.
 */
import type { TalkInRecap } from './crosslinks.ts';

/** The filters readers can narrow results by, in the order the search page shows them. */
export const SEARCH_FILTERS = [
	{ key: 'city', label: 'City' },
	{ key: 'company', label: 'Company' },
	{ key: 'topic', label: 'Topic' },
] as const;

export type SearchFilterKey = (typeof SEARCH_FILTERS)[number]['key'];

/** A page's values for every filter, without repeats, in first-seen order. */
export type SearchFilterValues = Record<SearchFilterKey, string[]>;

/**
 * The filter values of a page about these talks: their cities, companies and topics. `extra`
 * adds values the talks do not carry (a speaker's own company).
 *
 * @example searchFilters([{ talk, recap }]) // { city: ['Seattle'], company: ['Notion'], topic: ['Embeddings', …] }
 */
export function searchFilters(
	talks: readonly TalkInRecap[],
	extra: Partial<SearchFilterValues> = {},
): SearchFilterValues {
	const unique = (values: readonly string[]) => [...new Set(values)];
	return {
		city: unique([...(extra.city ?? []), ...talks.map(({ recap }) => recap.city)]),
		company: unique([...(extra.company ?? []), ...talks.map(({ talk }) => talk.company.name)]),
		topic: unique([
			...(extra.topic ?? []),
			...talks.flatMap(({ talk }) => talk.topics.map((topic) => topic.name)),
		]),
	};
}

/**
 * The attributes that tell pagefind a page's filter values and kind, to spread onto the element
 * that carries `data-pagefind-body`. Each value sits in an attribute of its own
 * (`data-search-topic-2="Embeddings"`) and `data-pagefind-filter` names them
 * (`topic[data-search-topic-2]`): pagefind takes only one inline `key:value` per element, and a
 * value in an attribute may contain commas.
 *
 * @example pagefindAttributes({ city: ['Seattle'], company: [], topic: [] }, 'Recap')
 * // { 'data-pagefind-filter': 'city[data-search-city-1]', 'data-search-city-1': 'Seattle',
 * //   'data-pagefind-meta': 'kind:Recap' }
 */
export function pagefindAttributes(
	filters: SearchFilterValues,
	kind: string,
): Record<string, string> {
	const attributes: Record<string, string> = {};
	const captures: string[] = [];
	for (const { key } of SEARCH_FILTERS) {
		filters[key].forEach((value, index) => {
			const name = `data-search-${key}-${index + 1}`;
			attributes[name] = value;
			captures.push(`${key}[${name}]`);
		});
	}
	return {
		...(captures.length > 0 ? { 'data-pagefind-filter': captures.join(', ') } : {}),
		...attributes,
		// Inline metadata must come last and runs to the end of the attribute.
		'data-pagefind-meta': `kind:${kind}`,
	};
}

/** What a reader picked: for each filter, the values ticked. */
export type FilterSelection = Partial<Record<SearchFilterKey, readonly string[]>>;

/**
 * The `filters` option of `pagefind.search` for a selection: any ticked value within a filter,
 * every filter that has one ticked (Seattle or Tokyo, and Notion).
 *
 * @example pagefindFilterQuery({ city: ['Seattle', 'Tokyo'], topic: [] }) // { city: { any: ['Seattle', 'Tokyo'] } }
 */
export function pagefindFilterQuery(selection: FilterSelection): Record<string, { any: string[] }> {
	const query: Record<string, { any: string[] }> = {};
	for (const { key } of SEARCH_FILTERS) {
		const values = selection[key] ?? [];
		if (values.length > 0) query[key] = { any: [...values] };
	}
	return query;
}

/** How many values are ticked across every filter. */
export function selectedCount(selection: FilterSelection): number {
	return SEARCH_FILTERS.reduce((sum, { key }) => sum + (selection[key]?.length ?? 0), 0);
}

/**
 * The line that announces the state of a search to everyone (it is a live region).
 *
 * @example searchStatus({ term: 'embedding', count: 2, filters: 1 }) // '2 results for “embedding”, 1 filter on'
 */
export function searchStatus({
	term,
	count,
	filters,
}: {
	term: string;
	count: number;
	filters: number;
}): string {
	const trimmed = term.trim();
	const results = `${count === 0 ? 'No' : count} result${count === 1 ? '' : 's'}`;
	const what = trimmed === '' ? '' : ` for “${trimmed}”`;
	const on = filters === 0 ? '' : `, ${filters} filter${filters === 1 ? '' : 's'} on`;
	return `${results}${what}${on}`;
}

/**
 * Reads the search state from a URL's query (`?q=embedding&city=Seattle`), the same names the
 * form submits without JavaScript, so a search can be linked to and reloaded.
 */
export function searchStateFromQuery(params: URLSearchParams): {
	term: string;
	selection: FilterSelection;
} {
	const selection: FilterSelection = {};
	for (const { key } of SEARCH_FILTERS) {
		const values = params.getAll(key).filter((value) => value !== '');
		if (values.length > 0) selection[key] = values;
	}
	return { term: params.get('q') ?? '', selection };
}

/** The query string for a search state, the inverse of `searchStateFromQuery`. */
export function searchQuery(term: string, selection: FilterSelection): string {
	const params = new URLSearchParams();
	if (term.trim() !== '') params.set('q', term.trim());
	for (const { key } of SEARCH_FILTERS) {
		for (const value of selection[key] ?? []) params.append(key, value);
	}
	const query = params.toString();
	return query === '' ? '' : `?${query}`;
}

/**
 * The line above a result's title: its kind, then where, then who (a recap names no company: it
 * has many).
 *
 * @example resultContext('Talk', { city: ['Seattle'], company: ['Notion'] }) // 'Talk · Seattle · Notion'
 */
export function resultContext(
	kind: string | undefined,
	filters: Partial<Record<string, readonly string[]>>,
): string {
	return [
		...(kind ? [kind] : []),
		...(filters.city ?? []),
		...(kind === 'Recap' ? [] : (filters.company ?? [])),
	].join(' · ');
}
