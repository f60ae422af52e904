import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	calendarDateToUtc,
	formatCalendarDate,
	resolveNow,
	resolveToday,
	todayIn,
} from '../../src/lib/dates.ts';

afterEach(() => {
	vi.unstubAllEnvs();
});

describe('calendarDateToUtc', () => {
	it.each([
		['2026-04-09', '2026-04-09T00:00:00.000Z'],
		['2026-01-01', '2026-01-01T00:00:00.000Z'],
		['2024-02-29', '2024-02-29T00:00:00.000Z'],
	])('%s starts at %s', (date, instant) => {
		expect(calendarDateToUtc(date).toISOString()).toBe(instant);
	});
});

describe('formatCalendarDate', () => {
	it.each([
		['2026-04-09', 'en', 'April 9, 2026'],
		['2026-04-09', 'en-GB', '9 April 2026'],
		['2026-04-09', 'de', '9. April 2026'],
		['2026-04-09', 'fr', '9 avril 2026'],
		['2026-04-09', 'ja', '2026年4月9日'],
		['2026-01-01', 'en', 'January 1, 2026'],
		['2026-12-31', 'en', 'December 31, 2026'],
	])('formats %s in %s as %j', (date, lang, expected) => {
		expect(formatCalendarDate(date, lang)).toBe(expected);
	});

	describe.each(['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC'])(
		'when the build machine is in %s',
		(timeZone) => {
			it('keeps year-boundary dates on their own day', () => {
				vi.stubEnv('TZ', timeZone);
				expect(formatCalendarDate('2026-01-01', 'en')).toBe('January 1, 2026');
				expect(formatCalendarDate('2025-12-31', 'en')).toBe('December 31, 2025');
			});
		},
	);

	it('the time-zone test above really changes the local zone (it can fail)', () => {
		// Formatting without an explicit zone is the trap formatCalendarDate avoids: in Los Angeles
		// midnight UTC on New Year's Day is still the last day of the old year.
		const naive = (date: string) =>
			new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(calendarDateToUtc(date));
		vi.stubEnv('TZ', 'America/Los_Angeles');
		expect(naive('2026-01-01')).toBe('December 31, 2025');
		vi.stubEnv('TZ', 'Pacific/Kiritimati');
		expect(naive('2026-01-01')).toBe('January 1, 2026');
	});
});

describe('todayIn', () => {
	it.each([
		// 03:00 UTC is still the evening before on the US west coast...
		['2026-04-09T03:00:00Z', 'America/Los_Angeles', '2026-04-08'],
		['2026-04-09T03:00:00Z', 'UTC', '2026-04-09'],
		// ...and 11:30 UTC is already the next day at UTC+14.
		['2026-04-09T11:30:00Z', 'Pacific/Kiritimati', '2026-04-10'],
		['2026-04-09T09:59:59Z', 'Pacific/Kiritimati', '2026-04-09'],
		['2026-04-09T10:00:00Z', 'Pacific/Kiritimati', '2026-04-10'],
		// Daylight saving time: Los Angeles is UTC-7 in April, so midnight is at 07:00 UTC.
		['2026-04-09T06:59:59Z', 'America/Los_Angeles', '2026-04-08'],
		['2026-04-09T07:00:00Z', 'America/Los_Angeles', '2026-04-09'],
		// New Year's Eve in Los Angeles is New Year's Day in UTC.
		['2026-01-01T05:00:00Z', 'America/Los_Angeles', '2025-12-31'],
		['2026-01-01T05:00:00Z', 'Asia/Tokyo', '2026-01-01'],
	])('at %s in %s it is %s', (instant, timeZone, day) => {
		expect(todayIn(new Date(instant), timeZone)).toBe(day);
	});

	it('does not depend on the machine time zone', () => {
		const now = new Date('2026-04-09T03:00:00Z');
		vi.stubEnv('TZ', 'Pacific/Kiritimati');
		expect(todayIn(now, 'America/Los_Angeles')).toBe('2026-04-08');
		vi.stubEnv('TZ', 'America/Los_Angeles');
		expect(todayIn(now, 'Pacific/Kiritimati')).toBe('2026-04-09');
	});
});

describe('resolveNow', () => {
	const clockTime = new Date('2030-01-02T03:04:05Z');
	const clock = vi.fn(() => clockTime);

	it.each([[undefined], ['']])('uses the clock when RECAP_NOW is %j', (value) => {
		expect(resolveNow(value, clock)).toBe(clockTime);
	});

	it.each([
		['2026-04-09T12:00:00Z', '2026-04-09T12:00:00.000Z'],
		['2026-04-09', '2026-04-09T00:00:00.000Z'],
		['2026-04-09T12:00:00+02:00', '2026-04-09T10:00:00.000Z'],
	])('reads %j as %s, without asking the clock', (value, instant) => {
		clock.mockClear();
		expect(resolveNow(value, clock).toISOString()).toBe(instant);
		expect(clock).not.toHaveBeenCalled();
	});

	it('throws on something that is not a date, naming RECAP_NOW and the fix', () => {
		expect(() => resolveNow('next tuesday', clock)).toThrowErrorMatchingInlineSnapshot(
			`[Error: RECAP_NOW: "next tuesday" is not a date -> write it as 2026-04-09 or 2026-04-09T12:00:00Z]`,
		);
	});

	// `new Date()` alone accepts far more than ISO: "April 9" would become 2001-04-09 and
	// "2026-02-30" would roll over to 2026-03-02, both silently.
	it.each([['April 9'], ['2026-02-30'], ['1']])('throws on the non-ISO value %j', (value) => {
		expect(() => resolveNow(value, clock)).toThrow(/RECAP_NOW/);
	});
});

describe('resolveToday', () => {
	const clock = () => new Date('2026-04-09T03:00:00Z');

	// A bare date is midnight UTC, still April 8 in America: it must mean the day as written.
	it.each([['America/Los_Angeles'], ['Pacific/Kiritimati'], ['UTC']])(
		'RECAP_NOW=2026-04-09 means April 9 in %s',
		(timeZone) => {
			expect(resolveToday('2026-04-09', clock, timeZone)).toBe('2026-04-09');
		},
	);

	it('converts a date-time into the site time zone', () => {
		expect(resolveToday('2026-04-09T03:00:00Z', clock, 'America/Los_Angeles')).toBe('2026-04-08');
	});

	it('falls back to the clock, in the site time zone', () => {
		expect(resolveToday(undefined, clock, 'America/Los_Angeles')).toBe('2026-04-08');
		expect(resolveToday(undefined, clock, 'UTC')).toBe('2026-04-09');
	});

	it('rejects a value that is not a date', () => {
		expect(() => resolveToday('soon', clock, 'UTC')).toThrow(/RECAP_NOW: "soon"/);
	});
});
