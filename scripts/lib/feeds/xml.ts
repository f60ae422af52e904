/**
 * Reading feed XML: a well-formedness check, then a lenient parse into plain objects with helpers
 * that hide fast-xml-parser's shapes (a lone element is an object, repeated ones an array, text
 * with attributes sits under `#text`).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A parsed element: child elements by name, attributes as `@_name`, text as `#text`. */
export type XmlElement = Readonly<Record<string, unknown>>;

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	// Keep every value a string: a numeric guid or a "2026" title must not become a number.
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: true,
});

/**
 * Why `xml` is not well-formed, or `undefined` when it is.
 *
 * @example xmlSyntaxProblem('<rss><channel></rss>') // 'not well-formed XML at 1:15: Expected closing tag ...'
 */
export function xmlSyntaxProblem(xml: string): string | undefined {
	const result = XMLValidator.validate(xml);
	if (result === true) return undefined;
	const { line, col, msg } = result.err;
	return `not well-formed XML at ${line}:${col}: ${msg}`;
}

/** Parses well-formed XML (check {@link xmlSyntaxProblem} first) into its document object. */
export function parseXml(xml: string): XmlElement {
	return asElement(parser.parse(xml)) ?? {};
}

/** The value as an element, if it is one (an element with only text parses as a string). */
export function asElement(value: unknown): XmlElement | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as XmlElement)
		: undefined;
}

/** The child elements called `name`, as a list whether there are none, one or many. */
export function childrenOf(element: XmlElement | undefined, name: string): unknown[] {
	const value = element?.[name];
	if (value === undefined) return [];
	return Array.isArray(value) ? (value as unknown[]) : [value];
}

/** The text of a child element (or of a value), or `undefined` when it is absent. */
export function textOf(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	const element = asElement(value);
	if (element === undefined) return undefined;
	return textOf(element['#text']) ?? '';
}

/** The first child element called `name`'s text. */
export function childText(element: XmlElement | undefined, name: string): string | undefined {
	return textOf(childrenOf(element, name)[0]);
}

/** An attribute of an element, or `undefined`. */
export function attributeOf(value: unknown, name: string): string | undefined {
	return textOf(asElement(value)?.[`@_${name}`]);
}

/**
 * The prefix a namespace is bound to on an element (`xmlns:atom="..."` gives `atom`), or
 * `undefined` when it is not declared there.
 */
export function namespacePrefix(element: XmlElement | undefined, uri: string): string | undefined {
	const key = Object.keys(element ?? {}).find(
		(name) => name.startsWith('@_xmlns:') && textOf(element?.[name]) === uri,
	);
	return key?.slice('@_xmlns:'.length);
}
