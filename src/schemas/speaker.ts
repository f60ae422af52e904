import { z } from 'astro/zod';
import { fields, httpsUrl, photo, plainText, type SchemaContext } from './shared.ts';

/**
 * `content/speakers/<speaker-id>.yaml`: a person, reused across every city they speak in.
 * The portrait sits beside the file (`content/speakers/<speaker-id>.jpg`).
 */
export function speakerSchema(context: SchemaContext) {
	return fields({
		/** Full name as the person writes it (any script; a single name is fine). */
		name: plainText('name', { max: 80 }),
		/** Job title at the time of their most recent talk, e.g. `Staff Engineer, Search Platform`. */
		role: plainText('role', { max: 120 }),
		/** The company they work for: the id of a file in `content/companies/`. */
		company: context.reference('companies'),
		/** Portrait: a square photo of at least 400x400 px works best, with alt text. */
		photo: photo(context, 'photo'),
		/** Links to the person's public profiles or site. */
		links: z
			.array(
				fields({
					/** What the link is, e.g. `GitHub` or `Website`. */
					label: plainText('links[].label', { max: 40 }),
					/** The address (https). */
					url: httpsUrl('links[].url'),
				}),
			)
			.default([]),
	});
}

export type SpeakerData = z.output<ReturnType<typeof speakerSchema>>;
