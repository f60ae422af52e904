/** What each page needs, picked from the site model once so pages only render. */
import type { Recap, Series, SiteModel } from './site.ts';

export interface RecapPageData {
	recap: Recap;
	series: Series | undefined;
}

/** The recap with this id and its series. */
export function recapPageData(site: SiteModel, recapId: string): RecapPageData {
	const recap = site.recaps.find((r) => r.id === recapId);
	if (!recap) throw new Error(`No visible recap "${recapId}"`);
	return { recap, series: site.series.find((s) => s.id === recap.seriesId) };
}

export interface HomePageData {
	/** The newest visible recap, if any has been published. */
	latest: Recap | undefined;
	/** The other visible recaps, newest first. */
	earlier: readonly Recap[];
	/** The series featured on the home page. */
	series: Series | undefined;
	/** Figures for "the series at a glance". */
	totals: { recaps: number; talks: number; speakers: number };
}

/** The home page: the latest recap, the rest, and the featured series at a glance. */
export function homePageData(site: SiteModel, featuredSeriesId: string): HomePageData {
	const [latest, ...earlier] = site.recaps;
	const series = site.series.find((s) => s.id === featuredSeriesId);
	const recaps = series ? site.recaps.filter((recap) => recap.seriesId === series.id) : [];
	return {
		latest,
		earlier,
		series,
		totals: {
			recaps: recaps.length,
			talks: recaps.reduce((sum, recap) => sum + recap.talks.length, 0),
			speakers: new Set(recaps.flatMap((recap) => recap.speakers.map((speaker) => speaker.id)))
				.size,
		},
	};
}
