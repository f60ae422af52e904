import type { APIRoute, GetStaticPaths } from 'astro';
import { feedItemsFor, getCrossLinks, getSite } from '../../../lib/content.ts';
import { rssResponse } from '../../../lib/feeds.ts';
import { recapsWithTopic } from '../../../lib/pages.ts';
import { absoluteUrl, feedPath, topicPath } from '../../../lib/urls.ts';
import { siteConfig } from '../../../site.config.ts';

export const getStaticPaths = (async () => {
	const links = await getCrossLinks();
	return links.topics.map((topic) => ({ params: { id: topic.id } }));
}) satisfies GetStaticPaths;

/** The published recaps with at least one talk on this topic, newest first. */
export const GET: APIRoute = async ({ params }) => {
	const [site, links] = await Promise.all([getSite(), getCrossLinks()]);
	const topic = links.topics.find((t) => t.id === params.id)!;
	return rssResponse(
		{
			title: `${topic.name} | ${siteConfig.title}`,
			description: topic.description,
			pageUrl: absoluteUrl(topicPath(topic.id), siteConfig.url),
			selfUrl: absoluteUrl(feedPath({ topic: topic.id }), siteConfig.url),
			lang: siteConfig.lang,
		},
		await feedItemsFor(recapsWithTopic(site, links, topic.id)),
	);
};
