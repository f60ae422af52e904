import type { APIRoute } from 'astro';
import { feedItemsFor, getSite } from '../lib/content.ts';
import { rssResponse } from '../lib/feeds.ts';
import { absoluteUrl, RSS_PATH } from '../lib/urls.ts';
import { siteConfig } from '../site.config.ts';

/** Every published recap, newest first, in full. */
export const GET: APIRoute = async () => {
	const site = await getSite();
	return rssResponse(
		{
			title: siteConfig.title,
			description: siteConfig.description,
			pageUrl: siteConfig.url,
			selfUrl: absoluteUrl(RSS_PATH, siteConfig.url),
			lang: siteConfig.lang,
		},
		await feedItemsFor(site.recaps),
	);
};
