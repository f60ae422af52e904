/**
 * Shared plumbing for the scaffold tests: a schema context whose `image()` takes the relative
 * paths authors write (`./photos/hero.jpg`), frontmatter reading, filling in a scaffold's TODO
 * fields the way a marketer would, temporary copies of the real content folder, and loading a
 * content folder into `buildSite` through the real schemas.
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImageMetadata } from 'astro';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { buildSite, type RawContent, type RawEntry, type SiteModel } from '../../src/lib/site.ts';
import { companySchema } from '../../src/schemas/company.ts';
import { recapSchema } from '../../src/schemas/recap.ts';
import { seriesSchema } from '../../src/schemas/series.ts';
import type { SchemaContext } from '../../src/schemas/shared.ts';
import { speakerSchema } from '../../src/schemas/speaker.ts';
import { talkSchema } from '../../src/schemas/talk.ts';
import { topicSchema } from '../../src/schemas/topic.ts';
import { writeupSchema } from '../../src/schemas/writeup.ts';
import { testContext } from './helpers.ts';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const realContent = path.join(projectRoot, 'content');

/** Like Astro's `image()` over a file: a relative path in, image metadata out. */
const pathImage = z
	.string({ error: 'an image path' })
	.regex(/^\.\.?\//, { error: 'an image path relative to the file' })
	.transform((src): ImageMetadata => ({ src, width: 2400, height: 1350, format: 'jpg' }));

/** The test context of helpers.ts, with images written as paths. */
export const pathContext: SchemaContext = {
	image: () => pathImage,
	reference: testContext.reference,
};

export const fileSchemas = {
	series: seriesSchema(pathContext),
	companies: companySchema(),
	speakers: speakerSchema(pathContext),
	writeups: writeupSchema(),
	recaps: recapSchema(pathContext),
	talks: talkSchema(pathContext),
	topics: topicSchema(),
};

/** The frontmatter of a `.md` or `.mdx` file, parsed. */
export function frontmatter(source: string): unknown {
	const match = /^---\n([\s\S]*?)\n---\n/.exec(source);
	if (!match) throw new Error('no frontmatter');
	return parseYaml(match[1] ?? '');
}

/** `path: message` for each issue of a failed parse; `[]` when it parsed. */
export function problemsOf(schema: z.ZodType, input: unknown): string[] {
	const result = schema.safeParse(input);
	return result.success
		? []
		: result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

/** Replaces an empty `field:` line (a TODO) with a value, as a marketer would; throws if absent. */
export function fill(source: string, field: string, value: string): string {
	const line = new RegExp(`^(\\s*)${field}:\\n`, 'm');
	if (!line.test(source)) throw new Error(`no empty ${field}: line`);
	return source.replace(line, `$1${field}: ${value}\n`);
}

/** A fresh copy of the real content folder in the system's temporary folder. */
export async function contentCopy(): Promise<{ dir: string; remove: () => Promise<void> }> {
	const parent = await mkdtemp(path.join(os.tmpdir(), 'recap-scaffold-'));
	const dir = path.join(parent, 'content');
	await cp(realContent, dir, { recursive: true });
	return { dir, remove: () => rm(parent, { recursive: true, force: true }) };
}

async function filesIn(dir: string, pattern: RegExp): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true });
	return entries.filter((entry) => pattern.test(entry.split(path.sep).join('/'))).sort();
}

async function entries<D>(
	dir: string,
	pattern: RegExp,
	idOf: (file: string) => string,
	read: (text: string) => unknown,
	schema: z.ZodType<D>,
): Promise<RawEntry<D>[]> {
	const files = await filesIn(dir, pattern);
	return Promise.all(
		files.map(async (file) => {
			const result = schema.safeParse(read(await readFile(path.join(dir, file), 'utf8')));
			if (!result.success) throw new Error(`${file}:\n${z.prettifyError(result.error)}`);
			return { id: idOf(file.split(path.sep).join('/')), data: result.data };
		}),
	);
}

/**
 * Loads a content folder the way `src/content.config.ts` does and shapes it with `buildSite`,
 * drafts included (as `npm run dev` shows them): it throws what the build would.
 */
export async function buildContent(dir: string, today: string): Promise<SiteModel> {
	const yamlFiles = <D>(folder: string, schema: z.ZodType<D>) =>
		entries(
			path.join(dir, folder),
			/^[^/]+\.ya?ml$/,
			(file) => file.replace(/\.ya?ml$/, ''),
			parseYaml,
			schema,
		);
	const recapsDir = path.join(dir, 'recaps');
	const raw: RawContent = {
		series: await yamlFiles('series', fileSchemas.series),
		companies: await yamlFiles('companies', fileSchemas.companies),
		speakers: await yamlFiles('speakers', fileSchemas.speakers),
		writeups: await yamlFiles('writeups', fileSchemas.writeups),
		topics: await yamlFiles('topics', fileSchemas.topics),
		recaps: await entries(
			recapsDir,
			/^[^/]+\/index\.mdx?$/,
			(file) => file.split('/')[0] ?? file,
			frontmatter,
			fileSchemas.recaps,
		),
		talks: await entries(
			recapsDir,
			/^[^/]+\/talks\/[^/]+\.mdx?$/,
			(file) => file.replace('/talks/', '/').replace(/\.mdx?$/, ''),
			frontmatter,
			fileSchemas.talks,
		),
	};
	return buildSite(raw, { today, includeUnpublished: true, defaultAuthor: 'The team' });
}
