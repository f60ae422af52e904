/**
 * Turning what a marketer types (a city, a name, a photo's file name) into ids and file names,
 * and writing values into YAML so they read back exactly as typed.
 */
import { stringify } from 'yaml';
import { SLUG } from '../../../src/schemas/shared.ts';

/** Letters that Unicode does not decompose into a base letter and an accent. */
const LIGATURES: Record<string, string> = {
	ß: 'ss',
	æ: 'ae',
	œ: 'oe',
	ø: 'o',
	ł: 'l',
	đ: 'd',
	ð: 'd',
	þ: 'th',
	ı: 'i',
};

/**
 * Lower case with the accents taken off, for ids and for comparing spellings.
 *
 * @example foldAccents('Zürich') // 'zurich'
 * @example foldAccents('Straße') // 'strasse'
 */
export function foldAccents(text: string): string {
	return text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.replace(/[ßæœøłđðþı]/g, (char) => LIGATURES[char] ?? char);
}

/**
 * An id in kebab case (the form of every file name in `content/`), or `''` when nothing Latin
 * is left (a city written only in another script needs an id given by hand).
 *
 * @example slugify('São Paulo') // 'sao-paulo'
 * @example slugify('IMG_0042') // 'img-0042'
 */
export function slugify(text: string): string {
	return foldAccents(text)
		.replace(/['’]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** True for a valid id: lowercase words and digits joined by single hyphens. */
export function isId(value: string): boolean {
	return SLUG.test(value);
}

/** The first words of a slug, cut at a hyphen so it stays readable. */
export function shortSlug(text: string, max = 40): string {
	const slug = slugify(text);
	if (slug.length <= max) return slug;
	const cut = slug.slice(0, max + 1);
	const end = cut.lastIndexOf('-');
	return end > 0 ? cut.slice(0, end) : slug.slice(0, max);
}

/**
 * A YAML scalar for one value on one line, quoted only when YAML needs it (single quotes, as
 * Prettier writes them), so `Ray Day: Zürich` stays a string and `2026` typed as a name stays
 * text.
 *
 * @example yamlScalar('Ray Day: Zürich') // "'Ray Day: Zürich'"
 */
export function yamlScalar(value: string | number | boolean): string {
	return stringify(value, { lineWidth: 0, singleQuote: true }).trimEnd();
}
