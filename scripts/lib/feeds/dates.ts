/**
 * The date formats feeds use: RFC 822 (as updated by RFC 1123 and RFC 2822) in RSS 2.0, RFC 3339
 * in JSON Feed. Each check returns what is wrong with a value, or `undefined`.
 */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ZONES = new Set(['UT', 'GMT', 'Z', 'EST', 'EDT', 'CST', 'CDT', 'MST', 'MDT', 'PST', 'PDT']);
const RFC_822 =
	/^(?:(?<weekday>[A-Za-z]{3}),\s*)?(?<day>\d{1,2})\s+(?<month>[A-Za-z]{3})\s+(?<year>\d{2,4})\s+(?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2}))?\s+(?<zone>[A-Za-z]{1,3}|[+-]\d{4})$/;
const RFC_3339 =
	/^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})[Tt](?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2})(?:\.\d+)?(?<zone>[Zz]|[+-]\d{2}:\d{2})$/;
const EXAMPLE_822 = 'Thu, 09 Apr 2026 00:00:00 GMT';

/**
 * What is wrong with an RFC 822 date-time as RSS 2.0 uses it, or `undefined`. Accepts an optional
 * weekday (which must match the date), a 4-digit year, and the zones UT, GMT, Z, the US zones and
 * `+hhmm`/`-hhmm`.
 *
 * @example rfc822Problem('Thu, 09 Apr 2026 00:00:00 GMT') // undefined
 * @example rfc822Problem('Fri, 09 Apr 2026 00:00:00 GMT') // '... 09 Apr 2026 is a Thu, not a Fri'
 */
export function rfc822Problem(value: string): string | undefined {
	const match = RFC_822.exec(value.trim());
	const parts = match?.groups;
	if (!parts) return `"${value}" is not an RFC 822 date (write e.g. "${EXAMPLE_822}")`;
	const { weekday, day = '', month = '', year = '', zone = '' } = parts;
	// RFC 822 names are case-insensitive (ABNF literals); "Thu" is only the usual spelling.
	const monthIndex = MONTHS.findIndex((name) => name.toLowerCase() === month.toLowerCase());
	if (monthIndex < 0) return `"${value}": unknown month "${month}" (use ${MONTHS.join(', ')})`;
	if (year.length !== 4) return `"${value}": write the year with 4 digits`;
	const calendar = calendarProblem(Number(year), monthIndex, Number(day));
	if (calendar) return `"${value}": ${calendar}`;
	const clock = clockProblem(parts.hour, parts.minute, parts.second);
	if (clock) return `"${value}": ${clock}`;
	if (!ZONES.has(zone.toUpperCase()) && !/^[+-](?:[01]\d|2[0-3])[0-5]\d$/.test(zone)) {
		return `"${value}": unknown time zone "${zone}" (use GMT or +hhmm)`;
	}
	if (weekday !== undefined) {
		const actual = DAYS[new Date(Date.UTC(Number(year), monthIndex, Number(day))).getUTCDay()];
		if (weekday.toLowerCase() !== actual?.toLowerCase())
			return `"${value}": ${day} ${month} ${year} is a ${actual}, not a ${weekday}`;
	}
	return undefined;
}

/**
 * What is wrong with an RFC 3339 date-time (JSON Feed's `date_published`), or `undefined`.
 *
 * @example rfc3339Problem('2026-04-09T00:00:00Z') // undefined
 */
export function rfc3339Problem(value: string): string | undefined {
	const parts = RFC_3339.exec(value)?.groups;
	if (!parts) return `"${value}" is not an RFC 3339 date-time (write e.g. "2026-04-09T00:00:00Z")`;
	const calendar = calendarProblem(Number(parts.year), Number(parts.month) - 1, Number(parts.day));
	const clock = clockProblem(parts.hour, parts.minute, parts.second);
	const problem = calendar ?? clock;
	return problem ? `"${value}": ${problem}` : undefined;
}

function calendarProblem(year: number, monthIndex: number, day: number): string | undefined {
	if (monthIndex < 0 || monthIndex > 11) return `there is no month ${monthIndex + 1}`;
	const daysInMonth = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
	if (day < 1 || day > daysInMonth) return `day ${day} does not exist in that month`;
	return undefined;
}

function clockProblem(hour = '0', minute = '0', second = '0'): string | undefined {
	// Second 60 is a leap second, which both formats allow.
	const valid = Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 60;
	return valid ? undefined : `${hour}:${minute}:${second} is not a time of day`;
}
