/**
 * The preview card of each visible recap (drafts and scheduled recaps get none), drawn at build
 * time and cached between builds (src/lib/og-cache.ts). Path: `recapCardPath` in og-card.ts.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../lib/content.ts';
import { recapCard } from '../../../lib/og-cache.ts';
import type { Recap } from '../../../lib/site.ts';
import { siteConfig } from '../../../site.config.ts';

export const getStaticPaths = (async () => {
	const site = await getSite();
	return site.recaps.map((recap) => ({ params: { id: recap.id }, props: { recap } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ recap: Recap }> = async ({ props }) => {
	const { png } = await recapCard(props.recap, { lang: siteConfig.lang, siteUrl: siteConfig.url });
	return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
