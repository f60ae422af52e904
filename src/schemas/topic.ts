import { z } from 'astro/zod';
import { fields, plainText } from './shared.ts';

/**
 * `content/topics/<topic-id>.yaml`: a subject talks can be filed under, e.g. `embeddings`. Talks
 * name topics by id, so a typo fails the build instead of creating a near-duplicate topic page.
 */
export function topicSchema() {
	return fields({
		/** How the topic is written in headings, e.g. `LLM inference`. */
		name: plainText('name', { max: 60 }),
		/** One sentence on what the topic covers, shown on its page. */
		description: plainText('description', { max: 240 }),
	});
}

export type TopicData = z.output<ReturnType<typeof topicSchema>>;
