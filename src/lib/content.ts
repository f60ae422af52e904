/**
 * The one thin shell over `astro:content`: it loads every collection, hands them to the pure
 * `buildSite` (which resolves references and throws on dangling ones) and renders entry bodies.
 * Pages get shaped data from here and never call `getCollection` themselves.
 */
import { getCollection, getEntry, render } from 'astro:content';
import { siteConfig } from '../site.config.ts';
import { resolveToday } from './dates.ts';
import { buildSite, type SiteModel } from './site.ts';

let site: Promise<SiteModel> | undefined;

/** The build's "today" in the site's time zone, read once: `RECAP_NOW` when set, else the clock. */
export const buildToday = resolveToday(
	process.env.RECAP_NOW,
	() => new Date(),
	siteConfig.timeZone,
);

/** The shaped site, built once per build (or dev-server module load). */
export function getSite(): Promise<SiteModel> {
	site ??= loadSite();
	return site;
}

async function loadSite(): Promise<SiteModel> {
	const [series, companies, speakers, writeups, recaps, talks] = await Promise.all([
		getCollection('series'),
		getCollection('companies'),
		getCollection('speakers'),
		getCollection('writeups'),
		getCollection('recaps'),
		getCollection('talks'),
	]);
	return buildSite(
		{ series, companies, speakers, writeups, recaps, talks },
		{
			today: buildToday,
			includeUnpublished: import.meta.env.DEV,
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
