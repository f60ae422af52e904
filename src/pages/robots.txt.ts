import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/urls.ts';
import { siteConfig } from '../site.config.ts';

export const GET: APIRoute = () =>
	new Response(
		`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl('/sitemap.xml', siteConfig.url)}\n`,
		{
			headers: { 'content-type': 'text/plain; charset=utf-8' },
		},
	);
