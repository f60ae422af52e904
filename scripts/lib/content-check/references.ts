/**
 * The reference step: runs the site's own `buildSite` (src/lib/site.ts) over the entries that
 * passed their schemas, drafts and scheduled recaps included, and gives each of its problems the
 * line of its field. Problems that only follow from an entry that failed its schema (a talk naming
 * a speaker whose file has a typo) are left out: that entry's own problem is the one to fix.
 */
import { ContentError, type ContentProblem } from '../../../src/lib/errors.ts';
import { buildSite, type RawContent, type RawEntry } from '../../../src/lib/site.ts';
import { recapIdOfTalk } from '../../../src/lib/urls.ts';
import type { CollectionName, EntryRef } from '../../../src/schemas/shared.ts';
import { valueAt } from './issues.ts';
import type { FieldPath, ParsedFile } from './parse.ts';

/** What the reference step needs besides the valid entries. */
export interface ReferenceInputs {
	/** Entries whose files failed to parse or failed their schema, by collection. */
	invalid: ReadonlyMap<CollectionName, ReadonlySet<string>>;
	/** The parsed files, by the file name shown in messages. */
	parsed: ReadonlyMap<string, ParsedFile>;
	/** Today's date, `YYYY-MM-DD` (no problem depends on it: unpublished recaps are checked too). */
	today: string;
}

/** Runs `buildSite` and returns its problems, each with the line of its field. */
export function checkReferences(raw: RawContent, inputs: ReferenceInputs): ContentProblem[] {
	let problems: readonly ContentProblem[] = [];
	try {
		buildSite(raw, { today: inputs.today, includeUnpublished: true, defaultAuthor: '' });
	} catch (error) {
		if (!(error instanceof ContentError)) throw error;
		problems = error.problems;
	}
	const owners = new Map(
		Object.values(raw).flatMap((entries: readonly RawEntry<unknown>[]) =>
			entries.map((entry) => [entry.filePath ?? '', entry] as const),
		),
	);
	const ownerId = (problem: ContentProblem) => owners.get(problem.file)?.id ?? '';
	const invalidTalks = [...(inputs.invalid.get('talks') ?? [])].map(recapIdOfTalk);
	const skip = followsFromEarlier({
		invalid: inputs.invalid,
		speakers: new Set(raw.speakers.map(({ id }) => id)),
		recapsWithInvalidTalks: new Set(invalidTalks),
		// Who spoke at a recap is unknown while a talk is invalid, names a missing speaker, or
		// there are no talks at all.
		recapsWithUnknownSpeakers: new Set([
			...invalidTalks,
			...problems
				.filter(({ field }) => field.startsWith('speakers['))
				.map((problem) => recapIdOfTalk(ownerId(problem))),
			...problems.filter(({ field }) => field === 'talks/').map(ownerId),
		]),
	});
	return problems
		.filter((problem) => !skip(problem, owners.get(problem.file)))
		.map((problem) => ({
			...problem,
			line: inputs.parsed.get(problem.file)?.lineOf(fieldPath(problem.field)) ?? 1,
		}));
}

/**
 * `groupPhoto.people[2]` as `['groupPhoto', 'people', 2]`; markers such as `(file)` or
 * `talks/` name no field and give `[]` (the file's first line).
 *
 * @example fieldPath('speakers[0]') // ['speakers', 0]
 */
export function fieldPath(field: string): FieldPath {
	if (!/^[A-Za-z]\w*(?:\.\w+|\[\d+\])*$/.test(field)) return [];
	return [...field.matchAll(/(\w+)|\[(\d+)\]/g)].map(([, key, index]) =>
		index === undefined ? (key ?? '') : Number(index),
	);
}

/** What is known about entries that failed or are incomplete, by collection or recap id. */
interface EarlierProblems {
	/** Entries that exist but failed to parse or failed their schema. */
	invalid: ReadonlyMap<CollectionName, ReadonlySet<string>>;
	/** Ids of the valid speakers. */
	speakers: ReadonlySet<string>;
	recapsWithInvalidTalks: ReadonlySet<string>;
	recapsWithUnknownSpeakers: ReadonlySet<string>;
}

/**
 * Whether a `buildSite` problem only follows from an earlier one: a reference to an entry that
 * exists but is invalid, a talk whose recap's `index.mdx` is invalid, "no talks" when the talks
 * are there but invalid, and "not a speaker of this recap" while who spoke is not known.
 */
function followsFromEarlier(earlier: EarlierProblems) {
	const invalid = (collection: CollectionName, id: string) =>
		earlier.invalid.get(collection)?.has(id) ?? false;
	return (problem: ContentProblem, owner: RawEntry<unknown> | undefined): boolean => {
		if (!owner) return false;
		const value = valueAt(owner.data, fieldPath(problem.field));
		if (isRef(value) && invalid(value.collection, value.id)) return true;
		if (problem.field === '(file)') return invalid('recaps', recapIdOfTalk(owner.id));
		if (problem.field === 'talks/') return earlier.recapsWithInvalidTalks.has(owner.id);
		const notASpeaker =
			problem.field.startsWith('groupPhoto.people[') &&
			isRef(value) &&
			earlier.speakers.has(value.id);
		return notASpeaker && earlier.recapsWithUnknownSpeakers.has(owner.id);
	};
}

function isRef(value: unknown): value is EntryRef {
	return (
		value !== null &&
		typeof value === 'object' &&
		typeof (value as Partial<EntryRef>).collection === 'string' &&
		typeof (value as Partial<EntryRef>).id === 'string'
	);
}
