import type { APIRoute } from 'astro';
import { siteConfig } from '../site.config.ts';

/** The web app manifest: name, colours and icons for "add to home screen". */
export const GET: APIRoute = () =>
	new Response(
		`${JSON.stringify(
			{
				name: siteConfig.title,
				short_name: siteConfig.title,
				description: siteConfig.description,
				lang: siteConfig.lang,
				start_url: '/',
				display: 'standalone',
				background_color: '#fbfbf9',
				theme_color: '#0a5fb4',
				icons: [
					{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
					{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
					{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
				],
			},
			null,
			'\t',
		)}\n`,
		{ headers: { 'content-type': 'application/manifest+json; charset=utf-8' } },
	);
