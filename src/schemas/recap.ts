import { z } from 'astro/zod';
import {
	calendarDate,
	fields,
	isCalendarDate,
	photo,
	plainText,
	type SchemaContext,
} from './shared.ts';

/**
 * `content/recaps/<recap-id>/index.md` (or `.mdx`): one city's recap. The body is the prose that opens the
 * recap; the talks in `talks/` follow it as sections, in their `order`.
 */
export function recapSchema(context: SchemaContext) {
	return fields({
		/** The headline, e.g. `Example Day Example City: what we learned`. Keep it under 100 characters for preview cards. */
		title: plainText('title', { max: 100 }),
		/** One or two sentences for search results, link previews and the feed (max 200 characters). */
		description: plainText('description', { max: 200 }),
		/** The series this stop belongs to: the id of a file in `content/series/`. */
		series: context.reference('series'),
		/** The city, exactly as in the series' `stops` (the country comes from there). */
		city: plainText('city', { max: 60 }),
		/** Where the event took place, e.g. `Example Conference Center`. */
		venue: plainText('venue', { max: 120 }),
		/** The day of the event, YYYY-MM-DD. Leave it out only when it is truly unknown. */
		eventDate: calendarDate('eventDate').optional(),
		/** The day the recap goes live, YYYY-MM-DD. A future date keeps it out of the build until then. */
		publishDate: calendarDate('publishDate'),
		/** Bylines. Defaults to the site's `defaultAuthor`. */
		authors: z.array(plainText('authors[]', { max: 80 })).default([]),
		/** The photo at the top of the recap, with alt text and an optional caption. */
		hero: photo(context, 'hero'),
		/** A group photo of the speakers, with the people in it named left to right. */
		groupPhoto: photo(context, 'groupPhoto')
			.extend({
				/** The speakers in the photo, left to right: ids of files in `content/speakers/`. */
				people: z.array(context.reference('speakers')).min(1, {
					error: '`groupPhoto.people` must name the people in the photo, left to right',
				}),
			})
			.optional(),
		/** `true` keeps the recap out of production builds (it still shows in `npm run dev`). */
		draft: z.boolean({ error: '`draft` must be true or false' }).default(false),
	}).superRefine((recap, ctx) => {
		// Only compare two valid dates; a malformed one already has its own message.
		const { eventDate, publishDate } = recap;
		if (isCalendarDate(eventDate) && isCalendarDate(publishDate) && publishDate < eventDate) {
			ctx.addIssue({
				code: 'custom',
				path: ['publishDate'],
				message: `\`publishDate\` ${recap.publishDate} is before the event (${recap.eventDate}): a recap is published after the event`,
			});
		}
	});
}

export type RecapData = z.output<ReturnType<typeof recapSchema>>;
