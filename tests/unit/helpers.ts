/**
 * Shared test plumbing: a `SchemaContext` made of plain zod stand-ins (so the real schema
 * factories run without `astro:content`), and small helpers to read zod results.
 */
import type { AstroIntegrationLogger } from 'astro';
import { z } from 'astro/zod';
import { ContentError } from '../../src/lib/errors.ts';
import {
	buildSite,
	type BuildOptions,
	type RawContent,
	type RawEntry,
	type SiteModel,
} from '../../src/lib/site.ts';
import { companySchema } from '../../src/schemas/company.ts';
import { recapSchema } from '../../src/schemas/recap.ts';
import { seriesSchema } from '../../src/schemas/series.ts';
import type { SchemaContext } from '../../src/schemas/shared.ts';
import { speakerSchema } from '../../src/schemas/speaker.ts';
import { talkSchema } from '../../src/schemas/talk.ts';
import { topicSchema } from '../../src/schemas/topic.ts';
import { writeupSchema } from '../../src/schemas/writeup.ts';
import {
	roadshowInputs,
	TODAY,
	type ContentInputs,
	type Input,
} from '../fixtures/unit/roadshow.ts';

/** The image formats Astro's `image()` accepts, for the stand-in below. */
const IMAGE_FORMATS = ['jpg', 'png', 'webp', 'avif', 'gif', 'tiff', 'svg', 'jpeg', 'apng'] as const;

/**
 * Stands in for Astro's schema context: `image()` takes already-resolved image metadata (fixtures
 * write `{ src: '/x.jpg', width: 800, height: 800, format: 'jpg' }`), and `reference()` turns an
 * id into the `{ collection, id }` pair Astro's own `reference()` leaves behind.
 */
export const testContext: SchemaContext = {
	image: () =>
		z.object({
			src: z.string(),
			width: z.number(),
			height: z.number(),
			format: z.enum(IMAGE_FORMATS),
		}),
	reference: (collection) => z.string().transform((id) => ({ collection, id })),
};

/** The author-facing messages of a failed parse, in order; `[]` when the input parsed. */
export function issueMessages(schema: z.ZodType, input: unknown): string[] {
	const result = schema.safeParse(input);
	return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

/** The issues of a failed parse as `path: message` lines; throws if the input parsed. */
export function issuesOf(schema: z.ZodType, input: unknown): string[] {
	const result = schema.safeParse(input);
	if (result.success) throw new Error('expected the input to be rejected, but it parsed');
	return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

/** The real schema factories, bound to the test context. */
export const schemas = {
	series: seriesSchema(testContext),
	companies: companySchema(),
	speakers: speakerSchema(testContext),
	writeups: writeupSchema(),
	recaps: recapSchema(testContext),
	talks: talkSchema(testContext),
	topics: topicSchema(),
};

/**
 * Parses authored inputs through the real schemas into what the content loader hands
 * `buildSite`. A fixture the schemas reject throws here, naming the entry.
 */
export function toRawContent(inputs: ContentInputs): RawContent {
	return {
		series: entries(inputs.series, schemas.series),
		companies: entries(inputs.companies, schemas.companies),
		speakers: entries(inputs.speakers, schemas.speakers),
		writeups: entries(inputs.writeups, schemas.writeups),
		recaps: entries(inputs.recaps, schemas.recaps),
		talks: entries(inputs.talks, schemas.talks),
		topics: entries(inputs.topics, schemas.topics),
	};
}

function entries<D>(inputs: Record<string, Input>, schema: z.ZodType<D>): RawEntry<D>[] {
	return Object.entries(inputs).map(([id, input]) => {
		const result = schema.safeParse(input);
		if (!result.success) {
			throw new Error(`fixture "${id}" does not parse:\n${z.prettifyError(result.error)}`);
		}
		return { id, data: result.data };
	});
}

/** Shallowly changes one authored entry; throws if there is no entry with that id. */
export function edit(collection: Record<string, Input>, id: string, changes: Input): void {
	const input = collection[id];
	if (input === undefined) throw new Error(`no fixture entry "${id}"`);
	collection[id] = { ...input, ...changes };
}

/** Build options for a production build on the fixture's `TODAY`. */
export const production: BuildOptions = {
	today: TODAY,
	includeUnpublished: false,
	defaultAuthor: 'The Example Roadshow team',
};

/** Builds the site from authored inputs, as a production build on `TODAY` would. */
export function buildFrom(inputs: ContentInputs, options: Partial<BuildOptions> = {}): SiteModel {
	return buildSite(toRawContent(inputs), { ...production, ...options });
}

/** Builds the unchanged fixture content set. */
export function buildRoadshow(options: Partial<BuildOptions> = {}): SiteModel {
	return buildFrom(roadshowInputs(), options);
}

/** The error a build throws; fails the test if it does not throw a `ContentError`. */
export function contentErrorOf(build: () => unknown): ContentError {
	try {
		build();
	} catch (error) {
		if (error instanceof ContentError) return error;
		throw error;
	}
	throw new Error('expected the build to throw a ContentError, but it succeeded');
}

/** Finds an item by id; throws (failing the test) if it is missing. */
export function byId<T extends { id: string }>(items: readonly T[], id: string): T {
	const item = items.find((candidate) => candidate.id === id);
	if (item === undefined)
		throw new Error(`no item "${id}" among: ${items.map((i) => i.id).join(', ')}`);
	return item;
}

/** An integration logger that records what it is told, for tests of what a build logs. */
export function recordingLogger() {
	const said: { level: string; message: string }[] = [];
	const log = (level: string) => (message: string) => said.push({ level, message });
	const logger = {
		info: log('info'),
		warn: log('warn'),
		error: log('error'),
		debug: log('debug'),
	} as unknown as AstroIntegrationLogger;
	return { logger, said };
}
