/** What each page needs, picked from the site model once so pages only render. */
import {
	relatedTalks,
	seriesNeighbours,
	type CrossLinks,
	type SeriesNeighbours,
	type TalkInRecap,
} from './crosslinks.ts';
import type { Company, Recap, Series, SiteModel, Speaker, Talk, Topic, Writeup } from './site.ts';
import { recapPath, seriesPath } from './urls.ts';

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
	totals: SeriesTotals;
}

/**
 * The series the home page and the navigation feature: the configured one when the content has
 * it, else the series of the newest recap, else the first series. A fork (or a test fixture)
 * with other content still gets a working home page and header.
 */
export function featuredSeries(site: SiteModel, configuredId: string): Series | undefined {
	return (
		site.series.find((s) => s.id === configuredId) ??
		site.series.find((s) => s.id === site.recaps[0]?.seriesId) ??
		site.series[0]
	);
}

/** The home page: the latest recap, the rest, and the featured series at a glance. */
export function homePageData(site: SiteModel, featuredSeriesId: string): HomePageData {
	const [latest, ...earlier] = site.recaps;
	const series = featuredSeries(site, featuredSeriesId);
	return {
		latest,
		earlier,
		series,
		totals: seriesTotals(site.recaps.filter((recap) => recap.seriesId === series?.id)),
	};
}

/** One step of a breadcrumb trail; the last one is the current page and has no link. */
export interface Crumb {
	label: string;
	path?: string | undefined;
}

/** Home › Series › Recap (› Talk): the trail for a recap or one of its talks. */
export function recapCrumbs(recap: Recap, talk?: Talk): Crumb[] {
	const crumbs: Crumb[] = [
		{ label: 'Home', path: '/' },
		{ label: recap.seriesName, path: seriesPath(recap.seriesId) },
		{ label: `${recap.city}`, path: talk ? recapPath(recap.id) : undefined },
	];
	if (talk) crumbs.push({ label: talk.title });
	return crumbs;
}

/** The recaps (newest first) with at least one visible talk on a topic. */
export function recapsWithTopic(site: SiteModel, links: CrossLinks, topicId: string): Recap[] {
	const recapIds = new Set((links.talksByTopic.get(topicId) ?? []).map(({ recap }) => recap.id));
	return site.recaps.filter((recap) => recapIds.has(recap.id));
}

export interface SeriesPageData {
	series: Series;
	/** The series' visible recaps, oldest stop first (travel order). */
	recaps: readonly Recap[];
	totals: SeriesTotals;
}

export interface SeriesTotals {
	/** Cities and countries with a published recap. */
	cities: number;
	countries: number;
	talks: number;
	speakers: number;
}

/** Numbers "so far" over a series' visible recaps. */
export function seriesTotals(recaps: readonly Recap[]): SeriesTotals {
	return {
		cities: new Set(recaps.map((recap) => recap.city)).size,
		countries: new Set(recaps.map((recap) => recap.country)).size,
		talks: recaps.reduce((sum, recap) => sum + recap.talks.length, 0),
		speakers: new Set(recaps.flatMap((recap) => recap.speakers.map((speaker) => speaker.id))).size,
	};
}

export function seriesPageData(site: SiteModel, seriesId: string): SeriesPageData {
	const series = site.series.find((s) => s.id === seriesId);
	if (!series) throw new Error(`No series "${seriesId}"`);
	const recaps = site.recaps.filter((recap) => recap.seriesId === seriesId).toReversed();
	return { series, recaps, totals: seriesTotals(recaps) };
}

export interface TalkPageData {
	talk: Talk;
	recap: Recap;
	related: readonly TalkInRecap[];
	crumbs: Crumb[];
}

export function talkPageData(links: CrossLinks, talkId: string): TalkPageData {
	const entry = links.talkById.get(talkId);
	if (!entry) throw new Error(`No visible talk "${talkId}"`);
	return {
		...entry,
		related: relatedTalks(entry.talk, links),
		crumbs: recapCrumbs(entry.recap, entry.talk),
	};
}

export interface SpeakerPageData {
	speaker: Speaker;
	talks: readonly TalkInRecap[];
	/** Distinct cities the speaker has spoken in. */
	cities: readonly string[];
}

export function speakerPageData(links: CrossLinks, speakerId: string): SpeakerPageData {
	const speaker = links.speakers.find((s) => s.id === speakerId);
	if (!speaker) throw new Error(`No speaker "${speakerId}" with a visible talk`);
	const talks = links.talksBySpeaker.get(speakerId) ?? [];
	return { speaker, talks, cities: [...new Set(talks.map(({ recap }) => recap.city))] };
}

export interface CompanyPageData {
	company: Company;
	speakers: readonly Speaker[];
	talks: readonly TalkInRecap[];
}

export function companyPageData(links: CrossLinks, companyId: string): CompanyPageData {
	const company = links.companies.find((c) => c.id === companyId);
	if (!company) throw new Error(`No company "${companyId}" with a visible talk`);
	return {
		company,
		speakers: links.speakersByCompany.get(companyId) ?? [],
		talks: links.talksByCompany.get(companyId) ?? [],
	};
}

export interface TopicPageData {
	topic: Topic;
	talks: readonly TalkInRecap[];
}

export function topicPageData(links: CrossLinks, topicId: string): TopicPageData {
	const topic = links.topics.find((t) => t.id === topicId);
	if (!topic) throw new Error(`No topic "${topicId}" with a visible talk`);
	return { topic, talks: links.talksByTopic.get(topicId) ?? [] };
}

export interface ReadingEntry {
	writeup: Writeup;
	/** The talks that point readers to it. */
	citedBy: readonly TalkInRecap[];
}

/** Every writeup cited by a visible talk, with those talks: the "Further reading" page. */
export function readingPageData(links: CrossLinks): ReadingEntry[] {
	return links.writeups
		.map((writeup) => ({ writeup, citedBy: links.talksByWriteup.get(writeup.id) ?? [] }))
		.toSorted((a, b) => a.writeup.title.localeCompare(b.writeup.title, 'en'));
}

export interface RecapNavigation {
	crumbs: Crumb[];
	/** The stops before and after this one in its series. */
	neighbours: SeriesNeighbours;
	/** Talks from other cities related to this recap's talks, strongest ties first. */
	related: readonly TalkInRecap[];
}

/** Breadcrumbs, prev/next within the series and related talks from other cities. */
export function recapNavigation(
	site: SiteModel,
	links: CrossLinks,
	recap: Recap,
	limit = 6,
): RecapNavigation {
	return {
		crumbs: recapCrumbs(recap),
		neighbours: seriesNeighbours(recap, site),
		related: relatedTalks(recap.talks, links, limit),
	};
}

/** An entry of an index page (speakers, companies, topics) with the talks behind it. */
export interface IndexEntry<T> {
	item: T;
	talks: readonly TalkInRecap[];
}

/** Speakers with a visible talk, by name, with their talks. */
export function speakerIndex(links: CrossLinks): IndexEntry<Speaker>[] {
	return links.speakers.map((item) => ({ item, talks: links.talksBySpeaker.get(item.id) ?? [] }));
}

/** Companies with a visible talk or speaker, by name, with their talks. */
export function companyIndex(links: CrossLinks): IndexEntry<Company>[] {
	return links.companies.map((item) => ({ item, talks: links.talksByCompany.get(item.id) ?? [] }));
}

/** Topics of visible talks, by name, with their talks. */
export function topicIndex(links: CrossLinks): IndexEntry<Topic>[] {
	return links.topics.map((item) => ({ item, talks: links.talksByTopic.get(item.id) ?? [] }));
}

/**
 * A count with its noun.
 *
 * @example countOf(1, 'talk') // '1 talk'
 * @example countOf(3, 'talk') // '3 talks'
 */
export function countOf(count: number, noun: string, plural = `${noun}s`): string {
	return `${count} ${count === 1 ? noun : plural}`;
}

/** The series' headline numbers: what is planned, and how far it has got. */
export function seriesFigures(
	series: Series,
	totals: SeriesTotals,
): { label: string; value: number }[] {
	return [
		{ label: 'Cities planned', value: series.plannedCities },
		{ label: 'Countries planned', value: series.plannedCountries },
		{ label: 'Cities with a recap', value: totals.cities },
		{ label: 'Countries so far', value: totals.countries },
		{ label: 'Talks so far', value: totals.talks },
		{ label: 'Speakers so far', value: totals.speakers },
	];
}
