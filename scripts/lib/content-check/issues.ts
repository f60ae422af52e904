/**
 * Turns zod issues into author-facing problems. The schemas word their messages as
 * "`field` what is wrong: how to fix"; this module splits them on the last ": " into problem and
 * fix, words the few issues the schemas leave to zod, and finds the line of each field.
 */
import { z } from 'astro/zod';
import { closestId, type ContentProblem } from '../../../src/lib/errors.ts';
import type { FieldPath, ParsedFile } from './parse.ts';

/** A problem this checker raises from inside a schema (e.g. from `image()`), already split. */
export interface IssueParams {
	problem: string;
	fix: string;
}

/**
 * `field[0].name` for `['field', 0, 'name']`: the notation authors see in messages.
 *
 * @example fieldName(['groupPhoto', 'people', 2]) // 'groupPhoto.people[2]'
 */
export function fieldName(path: FieldPath): string {
	return path
		.map((segment, index) =>
			typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
		)
		.join('');
}

/**
 * Splits a schema message on its last ": " into what is wrong and how to fix it.
 *
 * @example splitMessage('`title` is longer than 100 characters: shorten it')
 * // { problem: '`title` is longer than 100 characters', fix: 'shorten it' }
 */
export function splitMessage(message: string): IssueParams | undefined {
	const at = message.lastIndexOf(': ');
	if (at <= 0 || at + 2 >= message.length) return undefined;
	return { problem: message.slice(0, at), fix: message.slice(at + 2) };
}

/**
 * Messages for the issues the schemas do not word themselves (zod's defaults are written for
 * developers: "Invalid input: expected boolean, received string"). Passed to `safeParse` as its
 * `error` option, so every schema-authored message still wins.
 */
export function authorError(issue: z.core.$ZodRawIssue): string {
	const field = issue.path && issue.path.length > 0 ? `\`${fieldName(issue.path)}\`` : 'the file';
	switch (issue.code) {
		case 'invalid_type': {
			if (issue.input === undefined) return `${field} is missing: add it`;
			if (issue.input === null) return `${field} is empty: write a value after the colon`;
			const expected = EXPECTED[issue.expected] ?? {
				noun: issue.expected,
				hint: 'correct the value',
			};
			return `${field} is ${kindOf(issue.input)}, not ${expected.noun}: ${expected.hint}`;
		}
		case 'too_small':
			return Array.isArray(issue.input)
				? `${field} lists ${entries(issue.input.length)}: list at least ${String(issue.minimum)}`
				: `${field} is ${String(issue.input)}: use ${String(issue.minimum)} or more`;
		case 'too_big':
			return Array.isArray(issue.input)
				? `${field} lists ${entries(issue.input.length)}: list at most ${String(issue.maximum)}`
				: `${field} is ${String(issue.input)}: use ${String(issue.maximum)} or less`;
		case 'invalid_value':
			return `${field} is not an accepted value: use ${issue.values.map((value) => String(value)).join(', ')}`;
		case 'unrecognized_keys':
			return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => `\`${key}\``).join(', ')}: check the spelling, or remove ${issue.keys.length === 1 ? 'it' : 'them'}`;
		default:
			return `${field} is not valid: compare it with the same field in a similar file`;
	}
}

const EXPECTED: Partial<Record<string, { noun: string; hint: string }>> = {
	string: { noun: 'text', hint: 'write it as text' },
	number: { noun: 'a number', hint: 'write a number' },
	int: { noun: 'a whole number', hint: 'write a whole number' },
	boolean: { noun: 'true or false', hint: 'write true or false' },
	array: { noun: 'a list', hint: 'write one `- ` line per entry, indented under the field' },
	object: { noun: 'a group of fields', hint: 'write its fields on the lines below, indented' },
};

function kindOf(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'string') return 'text';
	if (typeof value === 'number') return 'a number';
	if (typeof value === 'boolean') return 'true or false';
	return typeof value === 'object' ? 'a group of fields' : typeof value;
}

function entries(count: number): string {
	return count === 1 ? '1 entry' : `${count} entries`;
}

/**
 * The problem for one zod issue of a parsed file, on the line of its field.
 *
 * @param knownFields the fields accepted at a path, to suggest one for a mistyped field
 */
export function problemOfIssue(
	issue: z.core.$ZodIssue,
	parsed: ParsedFile,
	knownFields: (path: FieldPath) => readonly string[] = () => [],
): ContentProblem {
	const path: FieldPath =
		issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
	const place = {
		file: parsed.file,
		line: parsed.lineOf(path),
		field: fieldName(path) || '(file)',
	};
	const params =
		issue.code === 'custom' ? (issue.params as Partial<IssueParams> | undefined) : undefined;
	if (params?.problem !== undefined && params.fix !== undefined) {
		return { ...place, problem: params.problem, fix: params.fix };
	}
	// A message without a fix states the rule: show the value it is about, and the rule as the fix.
	const { problem, fix } = splitMessage(issue.message) ?? {
		problem: describeValue(valueAt(parsed.data, path)),
		fix: issue.message,
	};
	if (issue.code === 'unrecognized_keys') {
		const guess = closestId(issue.keys[0] ?? '', knownFields(issue.path));
		if (guess) return { ...place, problem, fix: `did you mean \`${guess}\`? Otherwise ${fix}` };
	}
	return { ...place, problem, fix };
}

/** The value at a path of parsed data, or `undefined`. */
export function valueAt(data: unknown, path: FieldPath): unknown {
	let value = data;
	for (const segment of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<PropertyKey, unknown>)[segment];
	}
	return value;
}

/** A short description of an authored value, for "what is wrong". */
function describeValue(value: unknown): string {
	if (value === undefined) return 'the field is missing';
	if (value === null || (typeof value === 'string' && value.trim() === ''))
		return 'the field is empty';
	if (Array.isArray(value))
		return value.length === 0 ? 'the list is empty' : `the list has ${entries(value.length)}`;
	if (typeof value === 'string') {
		return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}" is not accepted`;
	}
	if (typeof value === 'number' || typeof value === 'boolean') return `${value} is not accepted`;
	return 'the value is not accepted';
}
