import { decodeHTML } from 'entities';
import { ELEMENT_NODE, parse, TEXT_NODE, walkSync, type DocumentNode } from 'ultrahtml';

const NOT_READ = new Set(['script', 'style', 'template']);

/** Words per minute of an attentive reader of technical prose. */
const WORDS_PER_MINUTE = 220;

/**
 * Minutes it takes to read a rendered page body, rounded up, at least 1. Words are counted with
 * `Intl.Segmenter`, so text without spaces (Chinese, Japanese) is counted by word too. Code
 * blocks count like prose: readers do read them.
 *
 * @example readingMinutes('<p>' + 'word '.repeat(440) + '</p>', 'en') // 2
 */
export function readingMinutes(html: string, lang: string): number {
	const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
	let words = 0;
	walkSync(parse(html) as DocumentNode, (node, parent) => {
		if (node.type !== TEXT_NODE) return;
		// Scripts and styles are not read.
		if (parent?.type === ELEMENT_NODE && NOT_READ.has(String(parent.name))) return;
		for (const segment of segmenter.segment(decodeHTML(String(node.value)))) {
			if (segment.isWordLike) words++;
		}
	});
	return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}
