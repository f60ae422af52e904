import { describe, expect, it } from 'vitest';
import { readingMinutes } from '../../src/lib/reading.ts';

/** A paragraph of `count` plain words. */
const words = (count: number) => `<p>${'word '.repeat(count)}</p>`;

describe('readingMinutes', () => {
	it.each([
		['no text at all', '', 1],
		['one word', words(1), 1],
		['220 words (one minute at 220 a minute)', words(220), 1],
		['221 words (rounded up)', words(221), 2],
		['440 words', words(440), 2],
		['441 words', words(441), 3],
	])('%s: %i min', (_, html, minutes) => {
		expect(readingMinutes(html, 'en')).toBe(minutes);
	});

	it('counts words across elements, not tags or attributes', () => {
		const tagged = `<h2>word</h2><p><a href="/x/" title="not counted">${'word '.repeat(219)}</a></p>`;
		expect(readingMinutes(tagged, 'en')).toBe(1);
		expect(readingMinutes(`${tagged}<p>word</p>`, 'en')).toBe(2);
	});

	it('leaves out alt text and comments', () => {
		const html = `<img alt="${'word '.repeat(300)}"><!-- ${'word '.repeat(300)} -->${words(10)}`;
		expect(readingMinutes(html, 'en')).toBe(1);
	});

	it('counts code like prose', () => {
		// `const x = 1;` is three words: const, x and 1.
		expect(readingMinutes(`<pre><code>${'const x = 1;\n'.repeat(74)}</code></pre>`, 'en')).toBe(2);
		expect(readingMinutes(`<pre><code>${'const x = 1;\n'.repeat(73)}</code></pre>`, 'en')).toBe(1);
	});

	it('does not count punctuation as words', () => {
		expect(readingMinutes(`<p>${'word — '.repeat(220)}</p>`, 'en')).toBe(1);
	});

	it('treats a non-breaking space entity as a space', () => {
		expect(readingMinutes(`<p>${'word&nbsp;'.repeat(220)}</p>`, 'en')).toBe(1);
		expect(readingMinutes(`<p>${'word&nbsp;'.repeat(221)}</p>`, 'en')).toBe(2);
	});

	it('counts words in text written without spaces (Japanese)', () => {
		// 東京 / で / ベクトル / 検索 / を / 高速 / 化 / し / まし / た: about ten words a sentence,
		// so 100 sentences take several minutes, not the one minute of a single "word".
		const japanese = `<p>${'東京でベクトル検索を高速化しました。'.repeat(100)}</p>`;
		expect(readingMinutes(japanese, 'ja')).toBeGreaterThan(3);
	});

	// Regression (src/lib/reading.ts, decodeEntities), fixed: entities are replaced by a space, so an escaped
	// apostrophe splits a word in two ("don&#39;t" counts as "don" and "t"), and entities not in
	// its list (&#8217;, &rsquo;) count their digits or name as a word. Astro escapes ' as &#39;.
	// Expected: escaped text counts like the same text unescaped.
	it.each([
		["&#39; (Astro's escape of ')", 'don&#39;t ', "don't "],
		['&#8217; (a numeric right quote)', 'don&#8217;t ', 'don’t '],
		['&rsquo; (a named right quote)', 'don&rsquo;t ', 'don’t '],
	])('counts a word with %s as one word', (_, escaped, plain) => {
		expect(readingMinutes(`<p>${escaped.repeat(220)}</p>`, 'en')).toBe(
			readingMinutes(`<p>${plain.repeat(220)}</p>`, 'en'),
		);
	});

	// Regression (src/lib/reading.ts, readingMinutes), fixed: the text of <script> and <style> elements is
	// counted as words, though nobody reads it. Expected: only readable text counts.
	it('leaves out scripts and styles', () => {
		const hidden = `<style>${'p { color: red } '.repeat(100)}</style><script>${'let a = b; '.repeat(100)}</script>`;
		expect(readingMinutes(`${hidden}${words(10)}`, 'en')).toBe(1);
	});
});
