import type { TalkKind } from '../schemas/talk.ts';
import type { StopState } from './site.ts';
import { READING_PATH, RSS_PATH, SEARCH_PATH, seriesPath, speakerPath, topicPath } from './urls.ts';

const KIND_LABELS: Record<TalkKind, string> = {
	keynote: 'Keynote',
	talk: 'Talk',
	workshop: 'Workshop',
	panel: 'Panel',
	roundtable: 'Roundtable',
};

/** The reader-facing name of a session kind. */
export function talkKindLabel(kind: TalkKind): string {
	return KIND_LABELS[kind];
}

const STOP_LABELS: Record<StopState, string> = {
	published: 'Recap published',
	upcoming: 'Upcoming',
	announced: 'Announced',
};

/** The reader-facing name of a stop's state in its series. */
export function stopStateLabel(state: StopState): string {
	return STOP_LABELS[state];
}

/**
 * Joins names the way a sentence does.
 *
 * @example joinNames(['Ada', 'Grace', 'Alan'], 'en') // 'Ada, Grace, and Alan'
 */
export function joinNames(names: readonly string[], lang: string): string {
	let format = lists.get(lang);
	if (!format) {
		format = new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' });
		lists.set(lang, format);
	}
	return format.format(names);
}

/** One formatter per language: making one costs far more than using it. */
const lists = new Map<string, Intl.ListFormat>();

/**
 * Names from a group photo, left to right, for its caption.
 *
 * @example leftToRight(['Ada (Example Corp)', 'Grace (Example Inc)'], 'en')
 * // 'Left to right: Ada (Example Corp) and Grace (Example Inc)'
 */
export function leftToRight(names: readonly string[], lang: string): string {
	return `Left to right: ${joinNames(names, lang)}`;
}

/**
 * The site's main navigation, in order; the series link only when there is a series. Search is a
 * plain link: its page is the only one that loads a script.
 */
export function navigation(
	featuredSeriesId: string | undefined,
): { label: string; path: string }[] {
	return [
		...(featuredSeriesId === undefined
			? []
			: [{ label: 'Series', path: seriesPath(featuredSeriesId) }]),
		{ label: 'Speakers', path: speakerPath() },
		{ label: 'Topics', path: topicPath() },
		{ label: 'Further reading', path: READING_PATH },
		{ label: 'Search', path: SEARCH_PATH },
		{ label: 'RSS', path: RSS_PATH },
	];
}
