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
	let format = longDates.get(lang);
	if (!format) {
		format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
		longDates.set(lang, format);
	}
	return format.format(calendarDateToUtc(date));
}

/** One formatter per language: making one costs far more than formatting a date with it. */
const longDates = new Map<string, Intl.DateTimeFormat>();

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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads the build's notion of "now": `RECAP_NOW` (an ISO date-time such as
 * `2026-04-09T12:00:00Z`) when set, so tests and previews can build the site as of any moment;
 * otherwise the real clock. Anything else is an error: `new Date()` alone would quietly read
 * "April 9" as 2001 and roll 2026-02-30 over into March.
 */
export function resolveNow(value: string | undefined, clock: () => Date): Date {
	if (value === undefined || value === '') return clock();
	const now = ISO_DATE.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
	const valid =
		(ISO_DATE.test(value) || ISO_DATE_TIME.test(value)) &&
		!Number.isNaN(now.getTime()) &&
		now.toISOString().startsWith(value.slice(0, 10));
	if (!valid) {
		throw new Error(
			`RECAP_NOW: "${value}" is not a date -> write it as 2026-04-09 or 2026-04-09T12:00:00Z`,
		);
	}
	return now;
}

/**
 * The calendar day the build treats as today, in the site's time zone. A bare `RECAP_NOW` date
 * means that day as written (not midnight UTC, which is still the day before in America); a
 * date-time, or the real clock, is converted into `timeZone`.
 *
 * @example resolveToday('2026-04-09', clock, 'America/Los_Angeles') // '2026-04-09'
 */
export function resolveToday(
	value: string | undefined,
	clock: () => Date,
	timeZone: string,
): string {
	const now = resolveNow(value, clock);
	return value !== undefined && ISO_DATE.test(value) ? value : todayIn(now, timeZone);
}
