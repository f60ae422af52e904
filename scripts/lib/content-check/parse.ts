/**
 * Parses one entry file (a YAML data file, or the YAML frontmatter of an MDX file) keeping the
 * position of every node, so each problem can name the line of its field. Pure: text in, data
 * and problems out.
 */
import {
	isAlias,
	isMap,
	isScalar,
	isSeq,
	LineCounter,
	parseDocument,
	visit,
	type Document,
	type YAMLError,
} from 'yaml';
import type { ContentProblem } from '../../../src/lib/errors.ts';
import type { EntryFormat } from './layout.ts';

/** A field's place in an entry, as zod writes it: `['groupPhoto', 'people', 0]`. */
export type FieldPath = readonly PropertyKey[];

/** One parsed entry file. */
export interface ParsedFile {
	/** The file as shown in messages. */
	file: string;
	/** The parsed fields, or `undefined` when the YAML could not be read (see `problems`). */
	data: unknown;
	/** The MDX body below the frontmatter, with the line it starts on. */
	body?: { text: string; line: number } | undefined;
	/** The 1-based line of a field, or of its nearest written parent, else of the first line. */
	lineOf: (path: FieldPath) => number;
	/** Problems that kept the file from being read. */
	problems: readonly ContentProblem[];
}

/**
 * YAML as Astro reads it (js-yaml's core schema: `true`/`false`, numbers, null), with two
 * differences on purpose: dates stay text, so `2026-02-30` is reported instead of silently
 * becoming March 2, and a key written twice is an error instead of the last one winning.
 */
const YAML_OPTIONS = { schema: 'core', uniqueKeys: true, prettyErrors: false } as const;

/** Parses an entry file; never throws. */
export function parseEntryFile(file: string, text: string, format: EntryFormat): ParsedFile {
	const source = text.replace(/^\uFEFF/, '');
	if (format === 'yaml') return parseYaml(file, source, 0, undefined, '(yaml)');

	const lines = source.split(/\r?\n/);
	const open = lines.findIndex((line) => line.trim() !== '');
	const first = lines[open]?.trimEnd();
	const failed = (line: number, problem: string, fix: string): ParsedFile => ({
		file,
		data: undefined,
		lineOf: () => line,
		problems: [{ file, line, field: '(frontmatter)', problem, fix }],
	});
	if (first !== '---') {
		return failed(
			Math.max(open, 0) + 1,
			first === '+++' ? 'the frontmatter is TOML' : 'the file does not start with frontmatter',
			'start the file with a line ---, then the fields as YAML, then another line ---',
		);
	}
	const close = lines.findIndex((line, index) => index > open && line.trimEnd() === '---');
	if (close === -1) {
		return failed(open + 1, 'the frontmatter is never closed', 'end the fields with a line ---');
	}
	const yaml = lines.slice(open + 1, close).join('\n');
	const body = { text: lines.slice(close + 1).join('\n'), line: close + 2 };
	return parseYaml(file, yaml, open + 1, body, '(frontmatter)');
}

function parseYaml(
	file: string,
	yaml: string,
	linesBefore: number,
	body: ParsedFile['body'],
	field: string,
): ParsedFile {
	const counter = new LineCounter();
	const doc = parseDocument(yaml, { ...YAML_OPTIONS, lineCounter: counter });
	const firstLine = Math.max(linesBefore, 1);
	const lineAt = (offset: number) => counter.linePos(offset).line + linesBefore;
	const lineOf = (path: FieldPath) => {
		const offset = fieldOffset(doc, path);
		return offset === undefined ? firstLine : lineAt(offset);
	};
	const failed = (line: number, problem: string, fix: string): ParsedFile => ({
		file,
		data: undefined,
		body,
		lineOf,
		problems: [{ file, line, field, problem, fix }],
	});

	const [error] = doc.errors;
	if (error) {
		return failed(
			lineAt(errorOffset(yaml, error)),
			`this is not valid YAML (${lowerFirst(error.message)})`,
			yamlFix(error),
		);
	}
	const alias = unresolvedAlias(doc);
	if (alias) {
		return failed(
			lineAt(alias.offset),
			`*${alias.name} is read as a YAML alias`,
			'put the value in quotes when it starts with *',
		);
	}
	const data: unknown = doc.toJS();
	if (data === null || data === undefined) {
		return failed(firstLine, 'there are no fields', 'write one `field: value` per line');
	}
	if (!isMap(doc.contents)) {
		return failed(
			firstLine,
			'the fields are not written as `field: value` lines',
			'write one `field: value` per line',
		);
	}
	return { file, data, body, lineOf, problems: [] };
}

/** Where a field (or its nearest written parent) starts: the key for map entries. */
function fieldOffset(doc: Document.Parsed, path: FieldPath): number | undefined {
	let node: unknown = doc.contents;
	let offset: number | undefined;
	for (const segment of path) {
		if (isMap(node)) {
			const pair = node.items.find(
				(item) => isScalar(item.key) && String(item.key.value) === String(segment),
			);
			if (!pair) break;
			offset = isScalar(pair.key) ? pair.key.range?.[0] : offset;
			node = pair.value;
		} else if (isSeq(node) && typeof segment === 'number') {
			const item: unknown = node.items[segment];
			if (!isScalar(item) && !isMap(item) && !isSeq(item)) break;
			offset = item.range?.[0] ?? offset;
			node = item;
		} else {
			break;
		}
	}
	return offset;
}

/**
 * Where to point for a YAML error: where yaml found it, except for a quote that is never closed,
 * which yaml only notices at the end of the text: point at the first value whose opening quote is
 * not closed on its own line.
 */
function errorOffset(yaml: string, error: YAMLError): number {
	const [offset] = error.pos;
	if (error.code !== 'MISSING_CHAR' || !/quote/i.test(error.message)) return offset;
	let lineStart = 0;
	for (const line of yaml.split('\n')) {
		const value = /^[ \t]*(?:- |[^:#]+: )(['"])(.*)$/.exec(line);
		const [, quote, rest = ''] = value ?? [];
		const closed =
			quote === "'"
				? rest.replace(/''/g, '').includes("'")
				: rest.replace(/\\./g, '').includes('"');
		if (quote && !closed) return lineStart;
		lineStart += line.length + 1;
	}
	return offset;
}

/** `*word` at the start of a plain value is a YAML alias; one with no anchor fails to load. */
function unresolvedAlias(doc: Document.Parsed): { name: string; offset: number } | undefined {
	let found: { name: string; offset: number } | undefined;
	visit(doc, {
		Alias(_, node) {
			if (isAlias(node) && node.resolve(doc) === undefined) {
				found = { name: node.source, offset: node.range?.[0] ?? 0 };
				return visit.BREAK;
			}
			return undefined;
		},
	});
	return found;
}

/** What to do about a YAML syntax error, in an author's terms. */
function yamlFix(error: YAMLError): string {
	if (error.code === 'DUPLICATE_KEY') return 'write each field only once';
	if (error.code === 'TAB_AS_INDENT') return 'indent with spaces, not tabs';
	if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && /nested mappings/i.test(error.message)) {
		return 'put the value in quotes: it contains ": "';
	}
	if (error.code === 'MISSING_CHAR' && /quote/i.test(error.message)) {
		return "close the quote that starts this value (write an apostrophe inside '…' as '')";
	}
	if (error.code === 'BAD_INDENT' || error.code === 'MULTILINE_IMPLICIT_KEY') {
		return 'line the field up with the others at its level, indented with spaces';
	}
	return 'check the quotes, colons and indentation here; put a value in quotes when it contains ": " or starts with \' " * & ! | > @ or %';
}

function lowerFirst(text: string): string {
	return text.charAt(0).toLowerCase() + text.slice(1);
}
