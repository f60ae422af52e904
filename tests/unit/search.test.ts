import { describe, expect, it } from 'vitest';
import { buildCrossLinks } from '../../src/lib/crosslinks.ts';
import {
	pagefindAttributes,
	pagefindFilterQuery,
	resultContext,
	searchFilters,
	searchQuery,
	searchStateFromQuery,
	searchStatus,
	selectedCount,
} from '../../src/lib/search.ts';
import { buildRoadshow } from './helpers.ts';

const links = buildCrossLinks(buildRoadshow());
const talksOf = (recapId: string) => links.talks.filter(({ recap }) => recap.id === recapId);

describe('searchFilters', () => {
	it('gives a recap its city and every company and topic of its talks, once each', () => {
		expect(searchFilters(talksOf('example-city-2026'))).toEqual({
			city: ['Example City'],
			company: ['Example Corp'],
			topic: ['Embeddings', 'Vector search'],
		});
	});

	it('gives a talk its own city, company and topics', () => {
		const vectors = links.talkById.get('example-city-2026/vectors');
		expect(vectors && searchFilters([vectors])).toEqual({
			city: ['Example City'],
			company: ['Example Corp'],
			topic: ['Embeddings', 'Vector search'],
		});
	});

	it('adds extra values first (a speaker’s own company), across cities', () => {
		const talks = links.talksBySpeaker.get('jane-doe') ?? [];
		expect(searchFilters(talks, { company: ['Example Corp'] })).toEqual({
			city: ['Sample Town', 'Example City'],
			company: ['Example Corp'],
			topic: ['Vector search', 'Embeddings'],
		});
		expect(searchFilters([], { company: ['Sample Inc'] })).toEqual({
			city: [],
			company: ['Sample Inc'],
			topic: [],
		});
	});
});

describe('pagefindAttributes', () => {
	it('puts each value in its own attribute and names them all in data-pagefind-filter', () => {
		expect(
			pagefindAttributes(
				{ city: ['Seattle'], company: ['Notion', 'Acme, Inc.'], topic: ['Embeddings'] },
				'Talk',
			),
		).toEqual({
			'data-pagefind-filter':
				'city[data-search-city-1], company[data-search-company-1], ' +
				'company[data-search-company-2], topic[data-search-topic-1]',
			'data-search-city-1': 'Seattle',
			'data-search-company-1': 'Notion',
			'data-search-company-2': 'Acme, Inc.',
			'data-search-topic-1': 'Embeddings',
			'data-pagefind-meta': 'kind:Talk',
		});
	});

	it('leaves out data-pagefind-filter when there is no value, but keeps the kind', () => {
		expect(pagefindAttributes({ city: [], company: [], topic: [] }, 'Speaker')).toEqual({
			'data-pagefind-meta': 'kind:Speaker',
		});
	});
});

describe('pagefindFilterQuery and selectedCount', () => {
	it.each([
		[{}, {}, 0],
		[{ city: [], topic: [] }, {}, 0],
		[{ city: ['Seattle'] }, { city: { any: ['Seattle'] } }, 1],
		[
			{ city: ['Seattle', 'Tokyo'], company: ['Notion'] },
			{ city: { any: ['Seattle', 'Tokyo'] }, company: { any: ['Notion'] } },
			3,
		],
	])('%j → %j (%i ticked)', (selection, query, count) => {
		expect(pagefindFilterQuery(selection)).toEqual(query);
		expect(selectedCount(selection)).toBe(count);
	});
});

describe('searchStatus', () => {
	it.each([
		[{ term: 'embedding', count: 2, filters: 0 }, '2 results for “embedding”'],
		[{ term: ' embedding ', count: 1, filters: 1 }, '1 result for “embedding”, 1 filter on'],
		[{ term: 'zebra', count: 0, filters: 0 }, 'No results for “zebra”'],
		[{ term: '', count: 7, filters: 2 }, '7 results, 2 filters on'],
	])('%j reads %j', (state, expected) => {
		expect(searchStatus(state)).toBe(expected);
	});
});

describe('searchStateFromQuery and searchQuery', () => {
	it('read the names the form submits without JavaScript', () => {
		expect(
			searchStateFromQuery(new URLSearchParams('q=embedding&city=Seattle&topic=&topic=Embeddings')),
		).toEqual({ term: 'embedding', selection: { city: ['Seattle'], topic: ['Embeddings'] } });
		expect(searchStateFromQuery(new URLSearchParams(''))).toEqual({ term: '', selection: {} });
	});

	it('write a query that reads back the same', () => {
		const selection = { city: ['Seattle'], company: ['Acme, Inc.'] };
		const query = searchQuery(' ray serve ', selection);
		expect(query).toBe('?q=ray+serve&city=Seattle&company=Acme%2C+Inc.');
		expect(searchStateFromQuery(new URLSearchParams(query))).toEqual({
			term: 'ray serve',
			selection,
		});
		expect(searchQuery('  ', {})).toBe('');
	});
});

describe('resultContext', () => {
	it.each([
		['Talk', { city: ['Seattle'], company: ['Notion'] }, 'Talk · Seattle · Notion'],
		['Recap', { city: ['Seattle'], company: ['Notion', 'Uber'] }, 'Recap · Seattle'],
		[
			'Speaker',
			{ city: ['Seattle', 'Tokyo'], company: ['Uber'] },
			'Speaker · Seattle · Tokyo · Uber',
		],
		[undefined, {}, ''],
	])('%s %j reads %j', (kind, filters, expected) => {
		expect(resultContext(kind, filters)).toBe(expected);
	});
});
