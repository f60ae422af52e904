import { z } from 'astro/zod';
import { calendarDate, fields, httpsUrl, plainText } from './shared.ts';

/** `content/writeups/<writeup-id>.yaml`: a deeper article a talk points readers to ("go deeper"). */
export function writeupSchema() {
	return fields({
		/** The article's title, as its publisher wrote it. */
		title: plainText('title', { max: 200 }),
		/** The article's address (https). */
		url: httpsUrl('url'),
		/** Who published it, e.g. `Example Corp engineering blog`. */
		publisher: plainText('publisher', { max: 80 }),
		/** Publication date, YYYY-MM-DD. Leave it out when it is not known; never guess it. */
		date: calendarDate('date').optional(),
	});
}

export type WriteupData = z.output<ReturnType<typeof writeupSchema>>;
