// Wiring only: where each collection's files live, and which schema checks them.
// The schemas live in src/schemas/ and the reference checks in src/lib/resolve.ts.
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import type { SchemaContext as AstroSchemaContext } from 'astro/content/config';
import { folderSettings } from './build-folders.ts';
import { companySchema } from './schemas/company.ts';
import { recapSchema } from './schemas/recap.ts';
import { seriesSchema } from './schemas/series.ts';
import type { SchemaContext } from './schemas/shared.ts';
import { speakerSchema } from './schemas/speaker.ts';
import { talkSchema } from './schemas/talk.ts';
import { topicSchema } from './schemas/topic.ts';
import { writeupSchema } from './schemas/writeup.ts';

// Test fixtures and benchmark sites point the build at another content folder.
const root = folderSettings().contentDir;

const withReference = ({ image }: AstroSchemaContext): SchemaContext => ({
	image,
	reference,
});

/** `<recap-id>/talks/<talk-id>.md` keeps its recap in the id: `<recap-id>/<talk-id>`. */
const talkId = ({ entry }: { entry: string }) =>
	entry.replace(/\/talks\//, '/').replace(/\.mdx?$/, '');

export const collections = {
	series: defineCollection({
		loader: glob({ base: `${root}/series`, pattern: '*.{yaml,yml}' }),
		schema: (context) => seriesSchema(withReference(context)),
	}),
	companies: defineCollection({
		loader: glob({ base: `${root}/companies`, pattern: '*.{yaml,yml}' }),
		schema: companySchema(),
	}),
	speakers: defineCollection({
		loader: glob({ base: `${root}/speakers`, pattern: '*.{yaml,yml}' }),
		schema: (context) => speakerSchema(withReference(context)),
	}),
	writeups: defineCollection({
		loader: glob({ base: `${root}/writeups`, pattern: '*.{yaml,yml}' }),
		schema: writeupSchema(),
	}),
	topics: defineCollection({
		loader: glob({ base: `${root}/topics`, pattern: '*.{yaml,yml}' }),
		schema: topicSchema(),
	}),
	recaps: defineCollection({
		loader: glob({
			base: `${root}/recaps`,
			// Markdown, rendered once by the content layer and cached between builds; MDX when a body
			// needs components (compiled into the build's JavaScript, so slower and larger).
			pattern: '*/index.{md,mdx}',
			generateId: ({ entry }) => entry.split('/')[0] ?? entry,
		}),
		schema: (context) => recapSchema(withReference(context)),
	}),
	talks: defineCollection({
		loader: glob({ base: `${root}/recaps`, pattern: '*/talks/*.{md,mdx}', generateId: talkId }),
		schema: (context) => talkSchema(withReference(context)),
	}),
};
