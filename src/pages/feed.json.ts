import type { APIRoute } from 'astro';
import { feedItemsFor, getSite } from '../lib/content.ts';
import { toJsonFeed } from '../lib/feeds.ts';
import { absoluteUrl, JSON_FEED_PATH } from '../lib/urls.ts';
import { siteConfig } from '../site.config.ts';

/** The same items as /rss.xml, as a JSON Feed 1.1. */
export const GET: APIRoute = async () => {
	const site = await getSite();
	const feed = toJsonFeed(
		{
			title: siteConfig.title,
			description: siteConfig.description,
			pageUrl: siteConfig.url,
			selfUrl: absoluteUrl(JSON_FEED_PATH, siteConfig.url),
			lang: siteConfig.lang,
		},
		await feedItemsFor(site.recaps),
	);
	return new Response(`${JSON.stringify(feed, null, '\t')}\n`, {
		headers: { 'content-type': 'application/feed+json; charset=utf-8' },
	});
};
