/**
 * Every indexable page of the site with the date its content last changed, for the sitemap.
 * Derived from the same model as the pages, so a draft or scheduled recap can never be listed.
 */
import type { CrossLinks, TalkInRecap } from './crosslinks.ts';
import { escapeXml } from './feed.ts';
import type { SiteModel } from './site.ts';
import {
	absoluteUrl,
	companyPath,
	READING_PATH,
	recapPath,
	seriesPath,
	speakerPath,
	talkPath,
	topicPath,
} from './urls.ts';

export interface SitemapEntry {
	/** Root-relative path of the page. */
	path: string;
	/** Calendar date (YYYY-MM-DD) the page's content last changed: its newest recap's publication. */
	lastmod?: string | undefined;
}

/** Every page a search engine should index, in a stable order. */
export function sitemapEntries(site: SiteModel, links: CrossLinks): SitemapEntry[] {
	const newest = (talks: readonly TalkInRecap[]) =>
		talks.reduce<string | undefined>(
			(latest, { recap }) =>
				latest === undefined || recap.publishDate > latest ? recap.publishDate : latest,
			undefined,
		);
	const everything = newest(links.talks);
	return [
		{ path: '/', lastmod: everything },
		...site.series.map((series) => ({
			path: seriesPath(series.id),
			lastmod:
				newest(links.talks.filter(({ recap }) => recap.seriesId === series.id)) ?? everything,
		})),
		...site.recaps.flatMap((recap) => [
			{ path: recapPath(recap.id), lastmod: recap.publishDate },
			...recap.talks.map((talk) => ({ path: talkPath(talk.id), lastmod: recap.publishDate })),
		]),
		{ path: speakerPath(), lastmod: everything },
		...links.speakers.map((s) => ({
			path: speakerPath(s.id),
			lastmod: newest(links.talksBySpeaker.get(s.id) ?? []),
		})),
		{ path: companyPath(), lastmod: everything },
		...links.companies.map((c) => ({
			path: companyPath(c.id),
			lastmod: newest(links.talksByCompany.get(c.id) ?? []),
		})),
		{ path: topicPath(), lastmod: everything },
		...links.topics.map((t) => ({
			path: topicPath(t.id),
			lastmod: newest(links.talksByTopic.get(t.id) ?? []),
		})),
		{ path: READING_PATH, lastmod: everything },
	];
}

/** A sitemaps.org XML document for these entries. */
export function renderSitemap(entries: readonly SitemapEntry[], siteUrl: string): string {
	const urls = entries.map(({ path, lastmod }) => {
		const loc = `<loc>${escapeXml(absoluteUrl(path, siteUrl))}</loc>`;
		return `<url>${loc}${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`;
	});
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
		...urls,
		'</urlset>',
		'',
	].join('\n');
}
