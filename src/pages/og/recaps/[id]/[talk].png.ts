/**
 * The preview card of each talk of a visible recap, drawn at build time and cached between
 * builds (src/lib/og-cache.ts). Path: `talkCardPath` in og-card.ts.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCrossLinks } from '../../../../lib/content.ts';
import { talkCard } from '../../../../lib/og-cache.ts';
import type { Recap, Talk } from '../../../../lib/site.ts';
import { talkAnchor } from '../../../../lib/urls.ts';
import { siteConfig } from '../../../../site.config.ts';

export const getStaticPaths = (async () => {
	const links = await getCrossLinks();
	return links.talks.map(({ talk, recap }) => ({
		params: { id: talk.recapId, talk: talkAnchor(talk.id) },
		props: { talk, recap },
	}));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ talk: Talk; recap: Recap }> = async ({ props }) => {
	const { png } = await talkCard(props.talk, props.recap, {
		lang: siteConfig.lang,
		siteUrl: siteConfig.url,
	});
	return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
