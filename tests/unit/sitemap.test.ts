import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildCrossLinks } from '../../src/lib/crosslinks.ts';
import type { SiteModel } from '../../src/lib/site.ts';
import { renderSitemap, sitemapEntries, type SitemapEntry } from '../../src/lib/sitemap.ts';
import { roadshowInputs, seriesInput } from '../fixtures/unit/roadshow.ts';
import { buildFrom, buildRoadshow } from './helpers.ts';

const entriesOf = (site: SiteModel) => sitemapEntries(site, buildCrossLinks(site));
const production = entriesOf(buildRoadshow());
const lastmodOf = (entries: readonly SitemapEntry[], path: string) => {
	const entry = entries.find((candidate) => candidate.path === path);
	if (!entry) throw new Error(`no sitemap entry for ${path}`);
	return entry.lastmod;
};

describe('sitemapEntries', () => {
	it('lists every page of a production build, in a stable order', () => {
		expect(production.map((entry) => entry.path)).toEqual([
			'/',
			'/series/example-roadshow-2026/',
			'/recaps/sample-town-2026/',
			'/recaps/sample-town-2026/pipelines/',
			'/recaps/sample-town-2026/panel/',
			'/recaps/sample-town-2026/hallway/',
			'/recaps/example-city-2026/',
			'/recaps/example-city-2026/opening/',
			'/recaps/example-city-2026/vectors/',
			'/speakers/',
			'/speakers/jane-doe/',
			'/speakers/john-roe/',
			'/speakers/mary-major/',
			'/companies/',
			'/companies/demo-labs/',
			'/companies/example-corp/',
			'/companies/sample-inc/',
			'/topics/',
			'/topics/batch-inference/',
			'/topics/embeddings/',
			'/topics/vector-search/',
			'/reading/',
		]);
	});

	it('lists each page once', () => {
		const paths = production.map((entry) => entry.path);
		expect(new Set(paths).size).toBe(paths.length);
	});

	it('never lists anything only a draft or scheduled recap has', () => {
		const paths = production.map((entry) => entry.path).join('\n');
		for (const id of [
			'demo-ville-2026',
			'test-harbor-2026',
			'dana-demo',
			'hal-harbor',
			'ville-systems',
			'harbor-works',
			'model-serving',
			'llm-inference',
		]) {
			expect(paths).not.toContain(id);
		}
	});

	it('lists them with includeUnpublished, as the dev server shows them', () => {
		const paths = entriesOf(buildRoadshow({ includeUnpublished: true })).map((e) => e.path);
		expect(paths).toEqual(
			expect.arrayContaining([
				'/recaps/demo-ville-2026/serving/',
				'/speakers/hal-harbor/',
				'/topics/model-serving/',
			]),
		);
	});

	it.each([
		// Everything, and the indexes: the newest publication (Sample Town, 2026-04-15).
		['/', '2026-04-15'],
		['/series/example-roadshow-2026/', '2026-04-15'],
		['/speakers/', '2026-04-15'],
		['/reading/', '2026-04-15'],
		// A recap and its talks: the recap's publication.
		['/recaps/example-city-2026/', '2026-03-20'],
		['/recaps/example-city-2026/vectors/', '2026-03-20'],
		// A speaker, company or topic: the newest recap they appear in.
		['/speakers/john-roe/', '2026-03-20'],
		['/speakers/jane-doe/', '2026-04-15'],
		['/companies/sample-inc/', '2026-03-20'],
		['/topics/embeddings/', '2026-03-20'],
		['/topics/vector-search/', '2026-04-15'],
	])('%s last changed on %s', (path, lastmod) => {
		expect(lastmodOf(production, path)).toBe(lastmod);
	});

	it('a series with no visible recap yet takes the site’s date', () => {
		const inputs = roadshowInputs();
		inputs.series['sample-summit-2026'] = seriesInput({ name: 'Sample Summit 2026' });
		expect(lastmodOf(entriesOf(buildFrom(inputs)), '/series/sample-summit-2026/')).toBe(
			'2026-04-15',
		);
	});

	it('a site with nothing published has its pages without dates', () => {
		const entries = entriesOf(buildRoadshow({ today: '2026-01-01' }));
		expect(entries.map((entry) => entry.path)).toEqual([
			'/',
			'/series/example-roadshow-2026/',
			'/speakers/',
			'/companies/',
			'/topics/',
			'/reading/',
		]);
		expect(entries.every((entry) => entry.lastmod === undefined)).toBe(true);
	});
});

describe('renderSitemap', () => {
	const siteUrl = 'https://recaps.example.com/';

	it('is a sitemaps.org urlset of absolute addresses', () => {
		expect(
			renderSitemap([{ path: '/', lastmod: '2026-04-15' }, { path: '/speakers/' }], siteUrl),
		).toBe(
			[
				'<?xml version="1.0" encoding="UTF-8"?>',
				'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
				'<url><loc>https://recaps.example.com/</loc><lastmod>2026-04-15</lastmod></url>',
				'<url><loc>https://recaps.example.com/speakers/</loc></url>',
				'</urlset>',
				'',
			].join('\n'),
		);
	});

	it('escapes the addresses', () => {
		expect(renderSitemap([{ path: '/search/?a=1&b=2' }], siteUrl)).toContain(
			'<loc>https://recaps.example.com/search/?a=1&amp;b=2</loc>',
		);
	});

	it('parses back to the entries it was given', () => {
		const parsed = new XMLParser({ isArray: (name) => name === 'url' }).parse(
			renderSitemap(production, siteUrl),
		) as { urlset: { url: { loc: string; lastmod?: string }[] } };
		expect(parsed.urlset.url).toEqual(
			production.map(({ path, lastmod }) => ({
				loc: new URL(path, siteUrl).href,
				...(lastmod ? { lastmod } : {}),
			})),
		);
	});

	it('an empty sitemap is a valid, empty urlset', () => {
		expect(renderSitemap([], siteUrl)).toBe(
			'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n</urlset>\n',
		);
	});
});
