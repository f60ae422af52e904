/**
 * Calendar dates (`YYYY-MM-DD`) are days, not instants: an event on 2026-04-09 happened on that
 * day wherever the reader or the build machine is. Everything here formats them in UTC, where the
 * string was anchored, so the visible date and the `datetime` attribute always agree.
 */

/** The instant a calendar date starts in UTC, e.g. for feed `pubDate`s. */
export function calendarDateToUtc(date: string): Date {
	return new Date(`${date}T00:00:00Z`);
}

/**
 * Formats a calendar date for readers.
 *
 * @example formatCalendarDate('2026-04-09', 'en') // 'April 9, 2026'
 */
export function formatCalendarDate(date: string, lang: string): string {
	return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(
		calendarDateToUtc(date),
	);
}

/**
 * The calendar day it is at `now` in `timeZone`: the day a scheduled recap is compared against.
 *
 * @example todayIn(new Date('2026-04-09T03:00:00Z'), 'America/Los_Angeles') // '2026-04-08'
 */
export function todayIn(now: Date, timeZone: string): string {
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	}).formatToParts(now);
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * Reads the build's notion of "now": `RECAP_NOW` (an ISO date or date-time) when set, so tests
 * and previews can build the site as of any day; otherwise the real clock. Called once per build.
 */
export function resolveNow(value: string | undefined, clock: () => Date): Date {
	if (value === undefined || value === '') return clock();
	const now = new Date(value);
	if (Number.isNaN(now.getTime())) {
		throw new Error(
			`RECAP_NOW: "${value}" is not a date -> write it as 2026-04-09 or 2026-04-09T12:00:00Z`,
		);
	}
	return now;
}
