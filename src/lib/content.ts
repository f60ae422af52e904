/**
 * The one thin shell over `astro:content`: it loads every collection, hands them to the pure
 * `buildSite` (which resolves references and throws on dangling ones), builds the cross-link
 * indexes and renders entry bodies. Pages get shaped data from here and never call
 * `getCollection` themselves. Everything is computed once per build and shared by all pages.
 */
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getCollection, getEntry, render } from 'astro:content';
import FeedRecap from '../components/FeedRecap.astro';
import { siteConfig } from '../site.config.ts';
import { buildCrossLinks, type CrossLinks } from './crosslinks.ts';
import { resolveToday } from './dates.ts';
import { newestRecaps, toFeedItems, type FeedItem } from './feed.ts';
import { ogCardCache, prefetchCards, recapCardOf } from './og-cache.ts';
import { readingMinutes } from './reading.ts';
import { buildSite, type Recap, type SiteModel } from './site.ts';
import type { StructuredDataContext } from './structured-data.ts';

/** What structured data needs to know about the site. */
export const structuredDataContext: StructuredDataContext = {
	siteUrl: siteConfig.url,
	siteTitle: siteConfig.title,
	lang: siteConfig.lang,
};

/** The build's "today" in the site's time zone, read once: `RECAP_NOW` when set, else the clock. */
export const buildToday = resolveToday(
	process.env.RECAP_NOW,
	() => new Date(),
	siteConfig.timeZone,
);

let site: Promise<SiteModel> | undefined;
let crossLinks: Promise<CrossLinks> | undefined;
const recapHtml = new Map<string, Promise<string>>();

/** The shaped site, built once per build (or dev-server module load). */
export function getSite(): Promise<SiteModel> {
	if (!site) {
		site = loadSite();
		if (import.meta.env.RECAP_WHOLE_BUILD) {
			// Every card will be asked for: start drawing them now, so their encoding runs in sharp's
			// threads while the pages render (src/lib/og-cache.ts). A failure surfaces at the card.
			site.then((loaded) => prefetchCards(loaded.recaps, cardContext)).catch(() => undefined);
		}
	}
	return site;
}

const cardContext = { lang: siteConfig.lang, siteUrl: siteConfig.url };

/** Cross-link indexes over the visible site. */
export function getCrossLinks(): Promise<CrossLinks> {
	crossLinks ??= getSite().then(buildCrossLinks);
	return crossLinks;
}

async function loadSite(): Promise<SiteModel> {
	const [series, companies, speakers, writeups, recaps, talks, topics] = await Promise.all([
		getCollection('series'),
		getCollection('companies'),
		getCollection('speakers'),
		getCollection('writeups'),
		getCollection('recaps'),
		getCollection('talks'),
		getCollection('topics'),
	]);
	return buildSite(
		{ series, companies, speakers, writeups, recaps, talks, topics },
		{
			today: buildToday,
			// Set by src/integrations/build-mode.ts: true only under `astro dev`.
			includeUnpublished: import.meta.env.RECAP_SHOW_UNPUBLISHED === true,
			defaultAuthor: siteConfig.defaultAuthor,
		},
	);
}

/** The rendered body of a recap (its opening prose). */
export async function renderRecapBody(recapId: string) {
	const entry = await getEntry('recaps', recapId);
	if (!entry) throw new Error(`No recap "${recapId}"`);
	return (await render(entry)).Content;
}

/** The rendered body of every talk of a recap, keyed by talk id. */
export async function renderTalkBodies(talkIds: readonly string[]) {
	const bodies = await Promise.all(
		talkIds.map(async (id) => {
			const entry = await getEntry('talks', id);
			if (!entry) throw new Error(`No talk "${id}"`);
			return [id, (await render(entry)).Content] as const;
		}),
	);
	return new Map(bodies);
}

/**
 * The whole recap as one HTML fragment (prose, photos, every talk), rendered once per build and
 * shared by every feed and by the reading time. URLs in it are still root-relative.
 */
export function renderRecapHtml(recap: Recap): Promise<string> {
	let html = recapHtml.get(recap.id);
	if (!html) {
		html = renderWithContainer(recap);
		recapHtml.set(recap.id, html);
	}
	return html;
}

let container: Promise<AstroContainer> | undefined;

async function renderWithContainer(recap: Recap): Promise<string> {
	container ??= loadRenderers([getContainerRenderer()]).then((renderers) =>
		AstroContainer.create({ renderers }),
	);
	// typescript-eslint cannot see .astro modules' types (astro check does), hence the disable.
	// eslint-disable-next-line @typescript-eslint/no-unsafe-argument
	return (await container).renderToString(FeedRecap, {
		props: {
			recap,
			Body: await renderRecapBody(recap.id),
			talkBodies: await renderTalkBodies(recap.talks.map((talk) => talk.id)),
			lang: siteConfig.lang,
		},
	});
}

/** Minutes to read a recap, from its rendered text. */
export async function recapReadingMinutes(recap: Recap): Promise<number> {
	return readingMinutes(await renderRecapHtml(recap), siteConfig.lang);
}

/**
 * Feed items for the newest of these recaps (`siteConfig.feedItems` of them, newest first), with
 * their full rendered content and their preview cards (drawn through the same cache as /og/, so
 * the enclosure length is the served file's).
 */
export async function feedItemsFor(all: readonly Recap[]): Promise<FeedItem[]> {
	const recaps = newestRecaps(all, siteConfig.feedItems);
	const [rendered, cardBytes] = await Promise.all([
		Promise.all(recaps.map(async (recap) => [recap.id, await renderRecapHtml(recap)] as const)),
		Promise.all(
			recaps.map(
				async (recap) =>
					[
						recap.id,
						(await ogCardCache().ensure(await recapCardOf(recap, cardContext))).bytes,
					] as const,
			),
		),
	]);
	return toFeedItems(recaps, new Map(rendered), siteConfig.url, new Map(cardBytes));
}
