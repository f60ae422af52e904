/**
 * Cross-link indexes over the visible site: a speaker's talks across cities, a company's people
 * and talks, a topic's talks, a writeup's back-links, related talks and prev/next within a series.
 * Everything is derived from the site model, so a link typed once in the content shows up
 * everywhere it belongs, and nothing from a draft or scheduled recap can leak in.
 */
import type { Company, Recap, SiteModel, Speaker, Talk, Topic, Writeup } from './site.ts';

/** A talk together with the recap it belongs to, the unit most listings show. */
export interface TalkInRecap {
	talk: Talk;
	recap: Recap;
}

export interface CrossLinks {
	/** Every visible talk with its recap, newest recap first, then in running order. */
	talks: readonly TalkInRecap[];
	talkById: ReadonlyMap<string, TalkInRecap>;
	talksBySpeaker: ReadonlyMap<string, readonly TalkInRecap[]>;
	talksByCompany: ReadonlyMap<string, readonly TalkInRecap[]>;
	talksByTopic: ReadonlyMap<string, readonly TalkInRecap[]>;
	talksByWriteup: ReadonlyMap<string, readonly TalkInRecap[]>;
	/** Speakers with at least one visible talk, by name. */
	speakers: readonly Speaker[];
	/** People who work for each company and spoke in a visible recap. */
	speakersByCompany: ReadonlyMap<string, readonly Speaker[]>;
	/** Companies with at least one visible talk or speaker, by name. */
	companies: readonly Company[];
	/** Topics of visible talks, by name. */
	topics: readonly Topic[];
	/** Writeups cited by at least one visible talk. */
	writeups: readonly Writeup[];
}

/** Builds every cross-link index once from the (already filtered) site model. */
export function buildCrossLinks(site: SiteModel): CrossLinks {
	const talks = site.recaps.flatMap((recap) => recap.talks.map((talk) => ({ talk, recap })));
	const talksBySpeaker = groupBy(talks, ({ talk }) => talk.speakers.map((s) => s.id));
	const talksByCompany = groupBy(talks, ({ talk }) => [
		talk.company.id,
		...talk.speakers.map((s) => s.company.id),
	]);
	const talksByTopic = groupBy(talks, ({ talk }) => talk.topics.map((t) => t.id));
	const talksByWriteup = groupBy(talks, ({ talk }) => talk.writeups.map((w) => w.id));

	const speakers = site.speakers.filter((speaker) => talksBySpeaker.has(speaker.id));
	const speakersByCompany = groupBy(speakers, (speaker) => [speaker.company.id]);
	const companies = site.companies.filter(
		(company) => talksByCompany.has(company.id) || speakersByCompany.has(company.id),
	);

	return {
		talks,
		talkById: new Map(talks.map((entry) => [entry.talk.id, entry])),
		talksBySpeaker,
		talksByCompany,
		talksByTopic,
		talksByWriteup,
		speakers,
		speakersByCompany,
		companies,
		topics: site.topics.filter((topic) => talksByTopic.has(topic.id)),
		writeups: site.writeups.filter((writeup) => talksByWriteup.has(writeup.id)),
	};
}

/**
 * Talks from other recaps that share a speaker, the company or a topic with `talks` (one talk,
 * or all of a recap's), strongest ties first: a shared speaker counts 3, the company 2, each topic
 * 1, summed over the given talks. Ties go by talk id. At most `limit`.
 */
export function relatedTalks(
	talks: Talk | readonly Talk[],
	links: CrossLinks,
	limit = 4,
): TalkInRecap[] {
	const given = Array.isArray(talks) ? (talks as readonly Talk[]) : [talks as Talk];
	const ownRecaps = new Set(given.map((talk) => talk.recapId));
	const scores = new Map<string, number>();
	const add = (entries: readonly TalkInRecap[] | undefined, weight: number) => {
		for (const entry of entries ?? []) {
			if (ownRecaps.has(entry.recap.id)) continue;
			scores.set(entry.talk.id, (scores.get(entry.talk.id) ?? 0) + weight);
		}
	};
	for (const talk of given) {
		for (const speaker of talk.speakers) add(links.talksBySpeaker.get(speaker.id), 3);
		add(links.talksByCompany.get(talk.company.id), 2);
		for (const topic of talk.topics) add(links.talksByTopic.get(topic.id), 1);
	}
	return [...scores]
		.toSorted(([a, scoreA], [b, scoreB]) => scoreB - scoreA || a.localeCompare(b))
		.slice(0, limit)
		.map(([id]) => links.talkById.get(id)!);
}

export interface SeriesNeighbours {
	/** The stop before this one (earlier event). */
	previous?: Recap | undefined;
	/** The stop after this one (later event). */
	next?: Recap | undefined;
}

/** The visible recaps just before and after `recap` in its series, by event date. */
export function seriesNeighbours(recap: Recap, site: SiteModel): SeriesNeighbours {
	// site.recaps is newest first; walk the series oldest first.
	const inSeries = site.recaps.filter((r) => r.seriesId === recap.seriesId).toReversed();
	const index = inSeries.findIndex((r) => r.id === recap.id);
	return { previous: inSeries[index - 1], next: index === -1 ? undefined : inSeries[index + 1] };
}

function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		for (const key of new Set(keys(item))) {
			const group = groups.get(key);
			if (group) group.push(item);
			else groups.set(key, [item]);
		}
	}
	return groups;
}
