import { z } from 'astro/zod';
import { fields, photo, plainText, type SchemaContext } from './shared.ts';

/** The kinds of session a recap can contain. */
export const TALK_KINDS = ['keynote', 'talk', 'workshop', 'panel', 'roundtable'] as const;
export type TalkKind = (typeof TALK_KINDS)[number];

/**
 * `content/recaps/<recap-id>/talks/<talk-id>.md` (or `.mdx`): one session of a recap, shown as its own
 * section. The body is the section's text. The file name is the section's anchor on the page
 * (`talks/notion.md` becomes `#notion`), so rename files with care once a recap is published.
 */
export function talkSchema(context: SchemaContext) {
	const speakers = (min: number, why: string) =>
		z.array(context.reference('speakers'), { error: why }).min(min, { error: why });

	const common = {
		/** The session's title. */
		title: plainText('title', { max: 160 }),
		/** Position of the section in the recap: 1 comes first. Unique within a recap. */
		order: z
			.int({
				error:
					'`order` must be a whole number: write 1 for the first section, 2 for the next, and so on',
			})
			.min(1, {
				error: '`order` must be 1 or more',
			}),
		/** One sentence summing the session up, used in previews and the feed. */
		summary: plainText('summary', { max: 240 }),
		/** The organisation presenting: the id of a file in `content/companies/`. */
		company: context.reference('companies'),
		/** The headline figures, e.g. `{ value: "80%+", label: "lower embedding cost" }`. */
		results: z
			.array(
				fields({
					/** The figure itself, short: `10x`, `80%+`, `< 15 s`. */
					value: plainText('results[].value', { max: 16 }),
					/** What the figure measures, e.g. `faster queries`. */
					label: plainText('results[].label', { max: 80 }),
				}),
			)
			.default([]),
		/** Topics the session covers: ids of files in `content/topics/`, e.g. `embeddings`. */
		topics: z.array(context.reference('topics')).default([]),
		/** Deeper reading: ids of files in `content/writeups/`. */
		writeups: z.array(context.reference('writeups')).default([]),
		/** An optional photo of the session, with alt text. */
		photo: photo(context, 'photo').optional(),
	};

	return z.discriminatedUnion(
		'kind',
		[
			fields({
				...common,
				/** An opening or closing keynote. */
				kind: z.literal('keynote'),
				/** Who gave it: ids of files in `content/speakers/`. */
				speakers: speakers(1, 'a keynote needs at least one speaker in `speakers`'),
			}),
			fields({
				...common,
				/** A talk, such as a user story. */
				kind: z.literal('talk'),
				/** Who presented it: ids of files in `content/speakers/`. */
				speakers: speakers(1, 'a talk needs at least one speaker in `speakers`'),
			}),
			fields({
				...common,
				/** A hands-on workshop. */
				kind: z.literal('workshop'),
				/** Who led it: ids of files in `content/speakers/`. */
				speakers: speakers(1, 'a workshop needs at least one lead in `speakers`'),
				/** The workshop's modules, in order. */
				modules: z
					.array(
						fields({
							/** The module's title, e.g. `Ray Core`. */
							title: plainText('modules[].title', { max: 80 }),
							/** What it covered, in a sentence. */
							summary: plainText('modules[].summary', { max: 240 }),
						}),
						{ error: 'a workshop needs at least one entry in `modules`' },
					)
					.min(1, { error: 'a workshop needs at least one entry in `modules`' }),
			}),
			fields({
				...common,
				/** A panel discussion. */
				kind: z.literal('panel'),
				/** The panelists: ids of files in `content/speakers/`. */
				speakers: speakers(2, 'a panel needs at least two panelists in `speakers`'),
			}),
			fields({
				...common,
				/** A roundtable discussion; its participants may stay unnamed. */
				kind: z.literal('roundtable'),
				/** Named hosts, if any: ids of files in `content/speakers/`. */
				speakers: z.array(context.reference('speakers')).default([]),
				/** `true` when attendance was by invitation only. */
				inviteOnly: z.boolean().default(false),
			}),
		],
		{
			error: `\`kind\` is missing or not a kind of session: write one of ${TALK_KINDS.join(', ')}`,
		},
	);
}

export type TalkData = z.output<ReturnType<typeof talkSchema>>;

/** Narrows a talk to a workshop, which carries `modules`. */
export function isWorkshop(talk: TalkData): talk is Extract<TalkData, { kind: 'workshop' }> {
	return talk.kind === 'workshop';
}
