/**
 * Checks what the marketer typed with the same rules as the schemas (`src/schemas/shared.ts`),
 * so a value the scaffold accepts is one the build accepts, and each message names the flag and
 * the fix.
 */
import { closestId } from '../../../src/lib/errors.ts';
import { calendarDate, httpsUrl, plainText } from '../../../src/schemas/shared.ts';
import { InputError, type InputProblem } from './plan.ts';
import { isId } from './text.ts';

/** Collects problems so every one is reported at once. */
export class Problems {
	readonly list: InputProblem[] = [];

	add(flag: string, message: string): void {
		this.list.push({ flag, message });
	}

	/** Throws an `InputError` listing every problem, if there is any. */
	throwIfAny(): void {
		if (this.list.length > 0) throw new InputError(this.list);
	}
}

/** `missing -> <what to give>`. */
export function missing(problems: Problems, flag: string, what: string): undefined {
	problems.add(flag, `missing -> ${what}`);
	return undefined;
}

/** A plain-text field, checked like the schema field it will fill; the trimmed value, or undefined. */
export function plain(
	problems: Problems,
	flag: string,
	value: string | undefined,
	{ field, max, what }: { field: string; max: number; what: string },
): string | undefined {
	if (value === undefined || value.trim() === '') return missing(problems, flag, what);
	const result = plainText(field, { max }).safeParse(value);
	if (!result.success) {
		for (const issue of result.error.issues) problems.add(flag, issue.message);
		return undefined;
	}
	return result.data;
}

/** A `YYYY-MM-DD` day that exists on the calendar. */
export function day(
	problems: Problems,
	flag: string,
	value: string | undefined,
	what: string,
): string | undefined {
	if (value === undefined || value.trim() === '') return missing(problems, flag, what);
	const result = calendarDate(flag).safeParse(value.trim());
	if (!result.success) {
		problems.add(flag, result.error.issues[0]?.message ?? 'not a date');
		return undefined;
	}
	return result.data;
}

/** An https address. */
export function https(
	problems: Problems,
	flag: string,
	value: string | undefined,
): string | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const result = httpsUrl(flag).safeParse(value.trim());
	if (!result.success) {
		problems.add(flag, result.error.issues[0]?.message ?? 'not an address');
		return undefined;
	}
	return result.data;
}

/** The form every id has: lowercase words and digits joined by hyphens. */
export function idForm(
	problems: Problems,
	flag: string,
	value: string,
	example: string,
): string | undefined {
	if (isId(value)) return value;
	problems.add(
		flag,
		`"${value}" is not an id -> ids are lowercase words and digits joined by hyphens, like the file names, e.g. ${example}`,
	);
	return undefined;
}

/**
 * An id that must name an existing file: the id, or undefined with a problem that suggests the
 * closest existing id (a likely typo) or lists the choices.
 */
export function existingId(
	problems: Problems,
	flag: string,
	value: string,
	known: readonly string[],
	{ noun, folder, create }: { noun: string; folder: string; create?: string },
): string | undefined {
	if (known.includes(value)) return value;
	const guess = closestId(value, known);
	const choices =
		known.length === 0
			? `there are none yet`
			: known.length <= 12
				? `one of: ${known.join(', ')}`
				: `see ${folder}`;
	const fix = guess
		? `did you mean "${guess}"?`
		: create
			? `check the spelling (${choices}), or ${create}`
			: `check the spelling (${choices})`;
	problems.add(flag, `there is no ${noun} "${value}" in ${folder} -> ${fix}`);
	return undefined;
}

/** Splits `a,b, c` into ids; empty items are dropped. */
export function idList(value: string | readonly string[] | undefined): string[] {
	if (value === undefined) return [];
	const parts = typeof value === 'string' ? value.split(',') : value.flatMap((v) => v.split(','));
	return parts.map((part) => part.trim()).filter((part) => part !== '');
}
