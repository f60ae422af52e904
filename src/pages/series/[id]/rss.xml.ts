import type { APIRoute, GetStaticPaths } from 'astro';
import { feedItemsFor, getSite } from '../../../lib/content.ts';
import { rssResponse } from '../../../lib/feeds.ts';
import { absoluteUrl, feedPath, seriesPath } from '../../../lib/urls.ts';
import { siteConfig } from '../../../site.config.ts';

export const getStaticPaths = (async () => {
	const site = await getSite();
	return site.series.map((series) => ({ params: { id: series.id } }));
}) satisfies GetStaticPaths;

/** The published recaps of one series, newest first. */
export const GET: APIRoute = async ({ params }) => {
	const site = await getSite();
	const series = site.series.find((s) => s.id === params.id)!;
	return rssResponse(
		{
			title: `${series.name} | ${siteConfig.title}`,
			description: series.description,
			pageUrl: absoluteUrl(seriesPath(series.id), siteConfig.url),
			selfUrl: absoluteUrl(feedPath({ series: series.id }), siteConfig.url),
			lang: siteConfig.lang,
		},
		await feedItemsFor(site.recaps.filter((recap) => recap.seriesId === series.id)),
	);
};
