/**
 * Adds a stop to a series file without touching anything else in it. The `yaml` Document API
 * finds where the `stops` list and its items are; the new lines are then spliced into the text,
 * so every comment, blank line, quote style and folded paragraph stays byte for byte as the
 * author left it (re-printing the whole document would re-wrap `>-` paragraphs and move comments).
 * The result is parsed again and compared with the intended data before anyone writes it.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import type { SeriesStop } from './content.ts';
import { yamlScalar } from './text.ts';

/** What happened to the series file. */
export type StopEdit =
	{ change: 'unchanged' } | { change: 'added' | 'dated'; text: string; summary: string };

/** The edit could not be made safely; the message says what to add by hand. */
export class SeriesEditError extends Error {
	override name = 'SeriesEditError';
}

/**
 * Adds `stop` to the series' `stops` (after the last one), or gives an existing stop of the same
 * city (compared case-insensitively, as the site does) the date it lacks. A stop that is already
 * there with its date is left alone; conflicting countries or dates are the caller's to report.
 */
export function addStopToSeries(source: string, stop: SeriesStop): StopEdit {
	const doc = parseDocument(source);
	if (doc.errors.length > 0) {
		throw new SeriesEditError(`the file is not valid YAML (${doc.errors[0]?.message ?? ''})`);
	}
	const root = doc.contents;
	if (!isMap(root)) throw new SeriesEditError('the file is not a list of `field: value` lines');
	const eol = source.includes('\r\n') ? '\r\n' : '\n';
	const stopsPair = root.items.find((pair) => isScalar(pair.key) && pair.key.value === 'stops');
	const stops = stopsPair?.value;

	const expected = structuredClone(doc.toJS() as Record<string, unknown>);
	const expectedStops = Array.isArray(expected.stops)
		? (expected.stops as Record<string, unknown>[])
		: [];
	expected.stops = expectedStops;

	let text: string;
	let change: 'added' | 'dated';
	const existing = isSeq(stops)
		? stops.items.findIndex(
				(item) =>
					isMap(item) && String(item.get('city') ?? '').toLowerCase() === stop.city.toLowerCase(),
			)
		: -1;
	const existingItem = isSeq(stops) ? stops.items[existing] : undefined;

	if (isMap(existingItem)) {
		if (existingItem.has('date') || stop.date === undefined) return { change: 'unchanged' };
		text = addDateToItem(source, existingItem, stop.date, eol);
		change = 'dated';
		const expectedStop = expectedStops[existing];
		if (expectedStop) expectedStop.date = stop.date;
	} else {
		text = insertStop(source, stopsPair, stops, stop, eol);
		change = 'added';
		expectedStops.push(
			stop.date === undefined
				? { city: stop.city, country: stop.country }
				: { city: stop.city, country: stop.country, date: stop.date },
		);
	}

	const after = parseDocument(text);
	if (after.errors.length > 0 || !sameData(after.toJS(), expected)) {
		throw new SeriesEditError('the edited file did not read back as expected');
	}
	const summary =
		change === 'added'
			? `added the stop ${describeStop(stop)}`
			: `added the date ${stop.date ?? ''} to the stop ${stop.city}`;
	return { change, text, summary };
}

/** `Zürich, Switzerland, 2026-06-10`. */
export function describeStop(stop: SeriesStop): string {
	return [stop.city, stop.country, stop.date].filter(Boolean).join(', ');
}

/** The lines of one stop as it would be typed by hand, for messages. */
export function stopLines(stop: SeriesStop, indent = '  '): string[] {
	return [
		`${indent}- city: ${yamlScalar(stop.city)}`,
		`${indent}  country: ${yamlScalar(stop.country)}`,
		...(stop.date ? [`${indent}  date: ${stop.date}`] : []),
	];
}

function insertStop(
	source: string,
	stopsPair: Pair | undefined,
	stops: unknown,
	stop: SeriesStop,
	eol: string,
): string {
	// No `stops:` at all: add the field at the end of the file.
	if (stopsPair === undefined) {
		const base = source.length === 0 || source.endsWith('\n') ? source : source + eol;
		return base + ['stops:', ...stopLines(stop)].join(eol) + eol;
	}
	const keyStart = rangeOf(stopsPair.key)?.[0] ?? 0;
	const childIndent = ' '.repeat(columnOf(source, keyStart) + 2);

	// `stops:` with nothing after it: the items go on the lines below.
	if (stops === null || (isScalar(stops) && stops.value === null)) {
		const at = lineEndAfter(source, rangeOf(stopsPair.key)?.[1] ?? keyStart, eol);
		return splice(source, at.offset, at.prefix + stopLines(stop, childIndent).join(eol) + eol);
	}

	if (isSeq(stops) && stops.flow) {
		const range = rangeOf(stops);
		if (stops.items.length > 0 || range === undefined) {
			throw new SeriesEditError('`stops` is written on one line ([...])');
		}
		// `stops: []`: turn the empty list into a list of lines, keeping any comment after it.
		const head = source.slice(0, range[0]).replace(/[ \t]+$/, '');
		const rest = source.slice(range[1]);
		const lineEnd = rest.indexOf('\n');
		const restOfLine = (lineEnd === -1 ? rest : rest.slice(0, lineEnd)).replace(/\r$/, '');
		const after = lineEnd === -1 ? '' : rest.slice(lineEnd + 1);
		const comment = restOfLine.trim() ? ` ${restOfLine.trim()}` : '';
		return head + comment + eol + stopLines(stop, childIndent).join(eol) + eol + after;
	}

	if (isSeq(stops)) {
		const last = stops.items.at(-1);
		const range = rangeOf(last);
		if (range === undefined) throw new SeriesEditError('the last stop could not be located');
		// Indent like the existing items: the dash where theirs is, the keys where theirs are.
		const dash = source.lastIndexOf('-', range[0]);
		const lineStart = source.lastIndexOf('\n', range[0]) + 1;
		if (dash < lineStart || source.slice(lineStart, dash).trim() !== '') {
			throw new SeriesEditError('the stops are not written one `- city:` per line');
		}
		const dashIndent = source.slice(lineStart, dash);
		const gap = ' '.repeat(Math.max(1, range[0] - dash - 1));
		const lines = stopLines(stop, '').map((line, index) =>
			index === 0 ? dashIndent + '-' + gap + line.slice(2) : dashIndent + ' ' + gap + line.slice(2),
		);
		const at = lineEndAfter(source, range[2], eol);
		return splice(source, at.offset, at.prefix + lines.join(eol) + eol);
	}
	throw new SeriesEditError('`stops` is not a list');
}

function addDateToItem(source: string, item: Node, date: string, eol: string): string {
	if (!isMap(item) || item.flow) {
		throw new SeriesEditError('the stop is written on one line ({...})');
	}
	const first = rangeOf(item.items[0]?.key);
	const lastPair = item.items.at(-1);
	const end = rangeOf(lastPair?.value) ?? rangeOf(lastPair?.key);
	if (first === undefined || end === undefined) {
		throw new SeriesEditError('the stop could not be located');
	}
	const indent = ' '.repeat(columnOf(source, first[0]));
	const at = lineEndAfter(source, end[2], eol);
	return splice(source, at.offset, `${at.prefix}${indent}date: ${date}${eol}`);
}

function rangeOf(node: unknown): [number, number, number] | undefined {
	const range = (node as { range?: [number, number, number] | null } | null | undefined)?.range;
	return range ?? undefined;
}

function columnOf(source: string, offset: number): number {
	return offset - (source.lastIndexOf('\n', offset - 1) + 1);
}

/** Where the line holding `offset` ends; `prefix` adds the line break a last line lacks. */
function lineEndAfter(
	source: string,
	offset: number,
	eol: string,
): { offset: number; prefix: string } {
	if (offset > 0 && source[offset - 1] === '\n') return { offset, prefix: '' };
	const newline = source.indexOf('\n', offset);
	return newline === -1
		? { offset: source.length, prefix: eol }
		: { offset: newline + 1, prefix: '' };
}

function splice(source: string, offset: number, insert: string): string {
	return source.slice(0, offset) + insert + source.slice(offset);
}

function sameData(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}
