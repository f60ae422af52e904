/** The site's own preview card: the image of every page that has no card of its own. */
import type { APIRoute } from 'astro';
import { getCrossLinks, getSite } from '../../lib/content.ts';
import { siteCard } from '../../lib/og-cache.ts';
import { featuredSeries } from '../../lib/pages.ts';
import { siteConfig } from '../../site.config.ts';

export const GET: APIRoute = async () => {
	const [site, links] = await Promise.all([getSite(), getCrossLinks()]);
	const series = featuredSeries(site, siteConfig.featuredSeries);
	if (!series) return new Response(null, { status: 404 });
	const { png } = await siteCard(series, links.speakers, siteConfig.title, {
		lang: siteConfig.lang,
		siteUrl: siteConfig.url,
	});
	return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
