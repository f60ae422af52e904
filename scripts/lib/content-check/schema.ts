/**
 * The schema step: every parsed entry goes through the REAL schema factories of `src/schemas`,
 * with a checking `SchemaContext`. Its `image()` resolves a photo's path against the entry's file
 * and checks the file is there and is an image (from what the load step measured); its
 * `reference()` leaves `{ collection, id }` for the reference step, as Astro's does.
 */
import type { ImageMetadata } from 'astro';
import { z } from 'astro/zod';
import path from 'node:path/posix';
import { closestId, type ContentProblem } from '../../../src/lib/errors.ts';
import type { RawContent, RawEntry } from '../../../src/lib/site.ts';
import { companySchema } from '../../../src/schemas/company.ts';
import { recapSchema } from '../../../src/schemas/recap.ts';
import { seriesSchema } from '../../../src/schemas/series.ts';
import type { CollectionName, SchemaContext } from '../../../src/schemas/shared.ts';
import { speakerSchema } from '../../../src/schemas/speaker.ts';
import { talkSchema } from '../../../src/schemas/talk.ts';
import { topicSchema } from '../../../src/schemas/topic.ts';
import { writeupSchema } from '../../../src/schemas/writeup.ts';
import { authorError, fieldName, problemOfIssue, type IssueParams } from './issues.ts';
import type { EntryFile } from './layout.ts';
import type { ImageProbe } from './load.ts';
import type { FieldPath, ParsedFile } from './parse.ts';

/** The schema factory of each collection, as `src/content.config.ts` wires them. */
export const SCHEMAS = {
	series: seriesSchema,
	companies: () => companySchema(),
	speakers: speakerSchema,
	writeups: () => writeupSchema(),
	topics: () => topicSchema(),
	recaps: recapSchema,
	talks: talkSchema,
} satisfies Record<CollectionName, (context: SchemaContext) => z.ZodType>;

/** The image formats Astro accepts as sources (`VALID_INPUT_FORMATS` in astro/assets). */
const IMAGE_FORMATS: readonly string[] = [
	'jpeg',
	'jpg',
	'png',
	'apng',
	'tiff',
	'webp',
	'gif',
	'svg',
	'avif',
] satisfies ImageMetadata['format'][];

/** What the schema step needs to know about the content folder. */
export interface SchemaInputs {
	/** The measured non-entry files, by path relative to the content folder. */
	images: ReadonlyMap<string, ImageProbe>;
	/** How a path relative to the content folder is shown in messages. */
	file: (relative: string) => string;
}

/** An entry file with its parsed fields. */
export interface ParsedEntry {
	entry: EntryFile;
	parsed: ParsedFile;
}

/** The schema step's outcome. */
export interface SchemaResult {
	/** The entries that passed their schema, as the content loader would hand them to `buildSite`. */
	raw: RawContent;
	/** Entries that exist but failed (their file has problems), by collection. */
	invalid: ReadonlyMap<CollectionName, ReadonlySet<string>>;
	problems: readonly ContentProblem[];
}

/** Runs every parsed entry through its collection's schema. */
export function runSchemas(entries: readonly ParsedEntry[], inputs: SchemaInputs): SchemaResult {
	const raw: { [C in CollectionName]: RawEntry<unknown>[] } = {
		series: [],
		companies: [],
		speakers: [],
		writeups: [],
		topics: [],
		recaps: [],
		talks: [],
	};
	const invalid = new Map<CollectionName, Set<string>>();
	const problems: ContentProblem[] = [];
	// One schema per collection, not per entry: building a schema costs far more than running it
	// (about 0.8 ms, so ~1 s for a 100-city site). Its `image()` resolves photo paths against the
	// entry being parsed, which `safeParse` (synchronous) reads from here.
	let entryPath = '';
	const context = checkingContext(() => entryPath, inputs);
	const schemas = new Map<CollectionName, z.ZodType>();
	const schemaOf = (collection: CollectionName) => {
		let schema = schemas.get(collection);
		if (!schema) {
			schema = SCHEMAS[collection](context);
			schemas.set(collection, schema);
		}
		return schema;
	};
	for (const { entry, parsed } of entries) {
		const fail = () => {
			const ids = invalid.get(entry.collection) ?? new Set<string>();
			invalid.set(entry.collection, ids.add(entry.id));
		};
		if (parsed.problems.length > 0 || parsed.data === undefined) {
			problems.push(...parsed.problems);
			fail();
			continue;
		}
		const schema = schemaOf(entry.collection);
		entryPath = entry.path;
		const result = schema.safeParse(parsed.data, { error: authorError });
		if (result.success) {
			raw[entry.collection].push({ id: entry.id, filePath: parsed.file, data: result.data });
			problems.push(...unknownFields(schema, parsed));
		} else {
			fail();
			const known = (at: FieldPath) => fieldsAt(schema, at, parsed.data);
			problems.push(...result.error.issues.map((issue) => problemOfIssue(issue, parsed, known)));
		}
	}
	// Each bucket holds only what its own collection's schema produced.
	return { raw: raw as unknown as RawContent, invalid, problems };
}

/**
 * Fields a schema accepted but does not know: nested objects that are not strict (a photo's
 * `captoin:`) drop unknown keys without a word. Reported like the strict objects' own message.
 */
export function unknownFields(schema: z.ZodType, parsed: ParsedFile): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const visit = (value: unknown, at: FieldPath) => {
		if (Array.isArray(value)) {
			value.forEach((item, index) => visit(item, [...at, index]));
		} else if (value !== null && typeof value === 'object') {
			const known = fieldsAt(schema, at, parsed.data);
			for (const [key, child] of Object.entries(value)) {
				if (known.length > 0 && !known.includes(key)) {
					const guess = closestId(key, known);
					const fix = 'check the spelling against the fields this file accepts, or remove it';
					problems.push({
						file: parsed.file,
						line: parsed.lineOf([...at, key]),
						field: fieldName([...at, key]),
						problem: `unknown field \`${key}\``,
						fix: guess ? `did you mean \`${guess}\`? Otherwise ${fix}` : fix,
					});
				} else {
					visit(child, [...at, key]);
				}
			}
		}
	};
	visit(parsed.data, []);
	return problems;
}

/**
 * The `SchemaContext` for one entry file: `image()` checks the photo a path names, relative to
 * the file; `reference()` keeps the id for the reference step.
 *
 * @param entryPath the entry's path relative to the content folder, or a function giving the
 *   path of the entry being parsed
 */
export function checkingContext(
	entryPath: string | (() => string),
	inputs: SchemaInputs,
): SchemaContext {
	const pathOf = typeof entryPath === 'string' ? () => entryPath : entryPath;
	return {
		image: () =>
			z.string().transform((value, ctx) => {
				const image = resolveImage(value, pathOf(), inputs);
				if ('problem' in image) {
					ctx.addIssue({
						code: 'custom',
						message: `${image.problem}: ${image.fix}`,
						params: image,
					});
					return z.NEVER;
				}
				return image;
			}),
		reference: (collection) =>
			z
				.string({ error: (issue) => referenceError(issue, inputs.file(`${collection}/`)) })
				.transform((id) => ({ collection, id })),
	};
}

/** A reference that is not an id: missing, or a list or number where one id belongs. */
function referenceError(issue: z.core.$ZodRawIssue, folder: string): string {
	const field = `\`${fieldName(issue.path ?? [])}\``;
	if (issue.input === undefined) return `${field} is missing: add the id of a file in ${folder}`;
	return `${field} is not an id: write the id of one file in ${folder} (its name without .yaml)`;
}

/** The photo a path names, or what is wrong with it. */
export function resolveImage(
	value: string,
	entryPath: string,
	{ images, file }: SchemaInputs,
): ImageMetadata | IssueParams {
	const example = `./${path.basename(value) || 'photo.jpg'}`;
	if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
		return {
			problem: `${value} is a web address`,
			fix: `save the photo in the content folder and write its path relative to this file, e.g. ${example}`,
		};
	}
	if (value.startsWith('/')) {
		return {
			problem: `${value} is an absolute path`,
			fix: `write the path relative to this file, e.g. ${example}`,
		};
	}
	const folder = path.dirname(entryPath);
	const target = path.normalize(path.join(folder, value));
	if (target.startsWith('../')) {
		return {
			problem: `${value} points outside the content folder`,
			fix: 'keep photos inside the content folder, next to the file that names them',
		};
	}
	const probe = images.get(target);
	if (!probe) {
		const siblings = [...images.keys()].filter(
			(other) => path.dirname(other) === path.dirname(target),
		);
		const guess = closestId(
			path.basename(target),
			siblings.map((other) => path.basename(other)),
		);
		const add = `add the photo as ${file(target)}`;
		return {
			problem: `there is no file ${value}`,
			fix: guess
				? `did you mean ${relativePath(folder, path.join(path.dirname(target), guess))}? Otherwise ${add}`
				: `${add}, or correct the path (it is relative to this file)`,
		};
	}
	if (!probe.ok) {
		return {
			problem: `${value} is not an image (it cannot be read as one)`,
			fix: 'replace it with a JPEG, PNG, WebP or AVIF photo',
		};
	}
	if (!isImageFormat(probe.format)) {
		return {
			problem: `${value} is a ${probe.format} file, which the site cannot use`,
			fix: 'convert it to JPEG, PNG, WebP or AVIF',
		};
	}
	return { src: file(target), width: probe.width, height: probe.height, format: probe.format };
}

function isImageFormat(format: string): format is ImageMetadata['format'] {
	return IMAGE_FORMATS.includes(format);
}

function relativePath(from: string, to: string): string {
	const relative = path.relative(from, to);
	return relative.startsWith('.') ? relative : `./${relative}`;
}

/**
 * The field names a schema accepts at a path of the data (for "did you mean"): object shapes,
 * through lists, optional and default wrappers, transforms and unions. A union keyed on `kind`
 * offers the fields of the entry's own kind when it has a valid one.
 */
export function fieldsAt(schema: z.ZodType, at: FieldPath, data: unknown): string[] {
	let current = expand(schema, data);
	let value = data;
	for (const segment of at) {
		value =
			value !== null && typeof value === 'object'
				? (value as Record<PropertyKey, unknown>)[segment]
				: undefined;
		current = current.flatMap((node) => {
			if (node instanceof z.ZodObject && typeof segment === 'string') {
				const child = (node.shape as Record<string, z.ZodType | undefined>)[segment];
				return child ? expand(child, value) : [];
			}
			if (node instanceof z.ZodArray && typeof segment === 'number') {
				return expand(node.element as z.ZodType, value);
			}
			return [];
		});
	}
	return [
		...new Set(
			current.flatMap((node) => (node instanceof z.ZodObject ? Object.keys(node.shape) : [])),
		),
	];
}

function expand(schema: z.ZodType, value: unknown): z.ZodType[] {
	if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
		return expand(schema.unwrap() as z.ZodType, value);
	}
	if (schema instanceof z.ZodDefault) return expand(schema.unwrap() as z.ZodType, value);
	if (schema instanceof z.ZodPipe) return expand(schema.in as z.ZodType, value);
	if (schema instanceof z.ZodUnion) {
		const options = (schema.options as readonly z.ZodType[]).flatMap((option) =>
			expand(option, value),
		);
		const kind =
			value !== null && typeof value === 'object' ? (value as { kind?: unknown }).kind : undefined;
		const own = options.filter(
			(option) =>
				option instanceof z.ZodObject &&
				(option.shape as { kind?: z.ZodType }).kind?.safeParse(kind).success === true,
		);
		return own.length > 0 ? own : options;
	}
	return [schema];
}
