import type { ImageMetadata } from 'astro';
import { z } from 'astro/zod';

/**
 * What a schema factory needs from Astro. `content.config.ts` passes Astro's own `image()` and
 * `reference()`; unit tests pass plain zod stand-ins, so the schemas are tested without any
 * virtual module (the Starlight `schemas/hero.ts` pattern, extended with `reference`).
 */
export interface SchemaContext {
	image: () => z.ZodType<ImageMetadata>;
	reference: <C extends CollectionName>(collection: C) => z.ZodType<EntryRef<C>>;
}

export type CollectionName =
	'series' | 'recaps' | 'talks' | 'speakers' | 'companies' | 'writeups' | 'topics';

/** A reference to another entry, as Astro's `reference()` leaves it: checked later, in `src/lib/resolve.ts`. */
export interface EntryRef<C extends CollectionName = CollectionName> {
	collection: C;
	id: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `z.strictObject` with an author-facing message for unknown fields, which are nearly always a
 * typo (`speaker:` for `speakers:`) and would otherwise be dropped without a word.
 */
export function fields<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
	return z.strictObject(shape, {
		error: (issue) =>
			issue.code === 'unrecognized_keys'
				? `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => `\`${key}\``).join(', ')}: check the spelling against the fields this file accepts, or remove ${issue.keys.length === 1 ? 'it' : 'them'}`
				: undefined,
	});
}

/**
 * A calendar date written `YYYY-MM-DD`. YAML turns an unquoted date into a `Date` at midnight UTC;
 * both forms are accepted and normalised to the `YYYY-MM-DD` string, so event days never shift
 * with the build machine's time zone.
 */
export function calendarDate(field: string) {
	const format = `\`${field}\` must be a date written YYYY-MM-DD, e.g. 2026-04-09`;
	return z.preprocess(
		(value) =>
			value instanceof Date && !Number.isNaN(value.getTime())
				? value.toISOString().slice(0, 10)
				: value,
		z.string({ error: format }).superRefine((value, ctx) => {
			// One message per mistake: a malformed date is not also "not a real date".
			if (!ISO_DATE.test(value)) ctx.addIssue({ code: 'custom', message: format });
			else if (!isRealDate(value)) {
				ctx.addIssue({
					code: 'custom',
					message: `\`${field}\` is not a real calendar date: check the month and the day`,
				});
			}
		}),
	);
}

/** True for a well-formed, real `YYYY-MM-DD` date: what `calendarDate` accepts. */
export function isCalendarDate(value: unknown): value is string {
	return typeof value === 'string' && ISO_DATE.test(value) && isRealDate(value);
}

function isRealDate(value: string): boolean {
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** An `https://` address: feeds and pages must never link readers to plain http. */
export function httpsUrl(field: string) {
	return z.url({
		protocol: /^https$/,
		error: `\`${field}\` must be a full web address starting with https:// (plain http is not allowed)`,
	});
}

const MARKUP = /<[a-z!/?][^>]*>|&[a-z]+;|&#\d+;/i;

/**
 * Text shown as-is in titles, names, captions and alt text. Markup is rejected rather than
 * escaped twice or, worse, rendered: these fields are plain text everywhere, feeds included.
 */
export function plainText(
	field: string,
	{
		max,
		required = `\`${field}\` is required: write it as plain text`,
	}: { max?: number; required?: string } = {},
) {
	let schema = z
		.string({ error: required })
		.trim()
		.min(1, { error: `\`${field}\` must not be empty` })
		.refine((value) => !MARKUP.test(value), {
			error: `\`${field}\` must be plain text: remove the HTML tags or entities (write & and < as they are)`,
		});
	if (max !== undefined) {
		schema = schema.refine((value) => value.length <= max, {
			error: `\`${field}\` is longer than ${max} characters: shorten it to ${max} characters or fewer`,
		});
	}
	return schema;
}

/** An id in kebab case, the same form as the file names that define entries. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A photo with its required alt text and optional caption. */
export function photo(context: SchemaContext, field: string) {
	return z.object(
		{
			/** Path to the image file, relative to the file that names it (e.g. `./photos/hero.jpg`). */
			src: context.image(),
			/** What the photo shows, for readers who cannot see it. Required. */
			alt: plainText(`${field}.alt`, {
				max: 300,
				required: `\`${field}.alt\` is required: describe what the photo shows for readers who cannot see it`,
			}),
			/** Optional caption shown under the photo. */
			caption: plainText(`${field}.caption`, { max: 300 }).optional(),
		},
		{ error: `\`${field}\` must have \`src\` (the image path) and \`alt\` (what it shows)` },
	);
}
