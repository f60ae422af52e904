import { describe, expect, it } from 'vitest';
import { homePageData, recapPageData } from '../../src/lib/pages.ts';
import type { SiteModel } from '../../src/lib/site.ts';
import { recapInput, roadshowInputs, seriesInput, talkInput } from '../fixtures/unit/roadshow.ts';
import { buildFrom, buildRoadshow, edit } from './helpers.ts';

const SERIES = 'example-roadshow-2026';

describe('recapPageData', () => {
	const site = buildRoadshow();

	it('finds a visible recap and its series', () => {
		const { recap, series } = recapPageData(site, 'example-city-2026');
		expect(recap.id).toBe('example-city-2026');
		expect(series?.id).toBe(SERIES);
	});

	it('throws for an unknown id', () => {
		expect(() => recapPageData(site, 'nowhere-2026')).toThrowErrorMatchingInlineSnapshot(
			`[Error: No visible recap "nowhere-2026"]`,
		);
	});

	it('throws for a draft in a production build', () => {
		const inputs = roadshowInputs();
		edit(inputs.recaps, 'sample-town-2026', { draft: true });
		expect(() => recapPageData(buildFrom(inputs), 'sample-town-2026')).toThrow(
			'No visible recap "sample-town-2026"',
		);
	});
});

describe('homePageData', () => {
	it('puts the newest recap first and the rest after it', () => {
		const home = homePageData(buildRoadshow(), SERIES);
		expect(home.latest?.id).toBe('sample-town-2026');
		expect(home.earlier.map((recap) => recap.id)).toEqual(['example-city-2026']);
		expect(home.series?.name).toBe('Example Roadshow 2026');
	});

	it('counts recaps, talks and distinct speakers of the featured series', () => {
		// Jane Doe speaks in both cities: she counts once.
		expect(homePageData(buildRoadshow(), SERIES).totals).toEqual({
			recaps: 2,
			talks: 5,
			speakers: 3,
		});
	});

	it('counts only visible recaps', () => {
		const inputs = roadshowInputs();
		edit(inputs.recaps, 'sample-town-2026', { draft: true });
		expect(homePageData(buildFrom(inputs), SERIES).totals).toEqual({
			recaps: 1,
			talks: 2,
			speakers: 2,
		});
	});

	it('counts only the featured series, while latest and earlier span every series', () => {
		const inputs = roadshowInputs();
		inputs.series['sample-summit-2026'] = seriesInput({
			name: 'Sample Summit 2026',
			stops: [{ city: 'Demo Ville', country: 'Demoland', date: '2026-04-25' }],
		});
		inputs.recaps['sample-summit-demo-ville'] = recapInput({
			series: 'sample-summit-2026',
			city: 'Demo Ville',
			eventDate: '2026-04-25',
			publishDate: '2026-04-26',
		});
		inputs.talks['sample-summit-demo-ville/welcome'] = talkInput({ speakers: ['mary-major'] });

		const home = homePageData(buildFrom(inputs), SERIES);
		expect(home.latest?.id).toBe('sample-summit-demo-ville');
		expect(home.earlier.map((recap) => recap.id)).toEqual([
			'sample-town-2026',
			'example-city-2026',
		]);
		expect(home.totals).toEqual({ recaps: 2, talks: 5, speakers: 3 });
	});

	it('has no series and zero totals for an unknown featured series', () => {
		const home = homePageData(buildRoadshow(), 'no-such-series');
		expect(home.series).toBeUndefined();
		expect(home.totals).toEqual({ recaps: 0, talks: 0, speakers: 0 });
	});

	it('has no latest recap when nothing is published', () => {
		const empty: SiteModel = { recaps: [], series: [], speakers: [], companies: [], writeups: [] };
		expect(homePageData(empty, SERIES)).toEqual({
			latest: undefined,
			earlier: [],
			series: undefined,
			totals: { recaps: 0, talks: 0, speakers: 0 },
		});
	});
});
