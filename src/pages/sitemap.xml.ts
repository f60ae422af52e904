import type { APIRoute } from 'astro';
import { getCrossLinks, getSite } from '../lib/content.ts';
import { renderSitemap, sitemapEntries } from '../lib/sitemap.ts';
import { siteConfig } from '../site.config.ts';

export const GET: APIRoute = async () => {
	const [site, links] = await Promise.all([getSite(), getCrossLinks()]);
	return new Response(renderSitemap(sitemapEntries(site, links), siteConfig.url), {
		headers: { 'content-type': 'application/xml; charset=utf-8' },
	});
};
