import rss from '@astrojs/rss';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import type { APIRoute } from 'astro';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import FeedRecap from '../components/FeedRecap.astro';
import { getSite, renderRecapBody, renderTalkBodies } from '../lib/content.ts';
import { escapeXml, toFeedItems } from '../lib/feed.ts';
import { absoluteUrl } from '../lib/urls.ts';
import { siteConfig } from '../site.config.ts';

export const GET: APIRoute = async () => {
	const site = await getSite();
	const container = await AstroContainer.create({
		renderers: await loadRenderers([getContainerRenderer()]),
	});
	const rendered = new Map<string, string>();
	for (const recap of site.recaps) {
		// typescript-eslint cannot see .astro modules' types (astro check does), hence the disable.
		// eslint-disable-next-line @typescript-eslint/no-unsafe-argument
		const html = await container.renderToString(FeedRecap, {
			props: {
				recap,
				Body: await renderRecapBody(recap.id),
				talkBodies: await renderTalkBodies(recap.talks.map((talk) => talk.id)),
				lang: siteConfig.lang,
			},
		});
		rendered.set(recap.id, html);
	}
	const items = toFeedItems(site.recaps, rendered, siteConfig.url);
	const selfUrl = absoluteUrl('/rss.xml', siteConfig.url);
	const newest = items[0]?.pubDate;

	return rss({
		title: siteConfig.title,
		description: siteConfig.description,
		site: siteConfig.url,
		trailingSlash: true,
		xmlns: {
			atom: 'http://www.w3.org/2005/Atom',
			dc: 'http://purl.org/dc/elements/1.1/',
		},
		customData: [
			`<language>${escapeXml(siteConfig.lang)}</language>`,
			`<atom:link href="${escapeXml(selfUrl)}" rel="self" type="application/rss+xml"/>`,
			// The newest item's date, not the build's: two builds of the same content are identical.
			newest ? `<lastBuildDate>${newest.toUTCString()}</lastBuildDate>` : '',
		].join(''),
		items: items.map((item) => ({
			title: item.title,
			link: item.link,
			pubDate: item.pubDate,
			description: item.description,
			content: item.content,
			categories: item.categories,
			customData: item.authors
				.map((author) => `<dc:creator>${escapeXml(author)}</dc:creator>`)
				.join(''),
		})),
	});
};
