import { describe, expect, it } from 'vitest';
import { absolutizeHtml } from '../../src/lib/html.ts';

const base = 'https://recaps.example.com/recaps/example-city-2026/';

describe('absolutizeHtml', () => {
	it.each([
		[
			'a root-relative link',
			'<a href="/recaps/">all</a>',
			'<a href="https://recaps.example.com/recaps/">all</a>',
		],
		[
			'a page-relative image',
			'<img src="photos/hero.jpg" alt="The hall">',
			'<img src="https://recaps.example.com/recaps/example-city-2026/photos/hero.jpg" alt="The hall">',
		],
		[
			'a parent-relative link',
			'<a href="../sample-town-2026/">next</a>',
			'<a href="https://recaps.example.com/recaps/sample-town-2026/">next</a>',
		],
		[
			'a protocol-relative image',
			'<img src="//cdn.example.com/x.jpg" alt="">',
			'<img src="https://cdn.example.com/x.jpg" alt="">',
		],
		[
			'a video poster',
			'<video src="/v.mp4" poster="/p.jpg"></video>',
			'<video src="https://recaps.example.com/v.mp4" poster="https://recaps.example.com/p.jpg"></video>',
		],
	])('rewrites %s', (_, html, expected) => {
		expect(absolutizeHtml(html, base)).toBe(expected);
	});

	it('rewrites every srcset candidate and keeps the descriptors', () => {
		expect(
			absolutizeHtml(
				'<img src="/a.jpg" srcset="/a-320.jpg 320w, a-640.jpg 640w,/a-2x.jpg 2x" alt="">',
				base,
			),
		).toBe(
			'<img src="https://recaps.example.com/a.jpg" srcset="https://recaps.example.com/a-320.jpg 320w, https://recaps.example.com/recaps/example-city-2026/a-640.jpg 640w, https://recaps.example.com/a-2x.jpg 2x" alt="">',
		);
	});

	// Regression (src/lib/html.ts, absolutizeHtml): this used to go wrong: srcset is split on every comma, but a URL in a
	// srcset may itself contain commas (HTML's srcset parsing only splits on a comma after
	// whitespace or at the end of a URL), e.g. CDN transforms like /img/w_320,h_200/a.jpg or a
	// data: URI. Such a URL is cut in two and both halves are made absolute.
	it.each([
		[
			'<img srcset="/img/w_320,h_200/a.jpg 320w, /img/w_640,h_400/a.jpg 640w">',
			'<img srcset="https://recaps.example.com/img/w_320,h_200/a.jpg 320w, https://recaps.example.com/img/w_640,h_400/a.jpg 640w">',
		],
		[
			'<img srcset="data:image/gif;base64,R0lGODlhAQABAAAAACw= 1x">',
			'<img srcset="data:image/gif;base64,R0lGODlhAQABAAAAACw= 1x">',
		],
	])('keeps commas inside srcset URLs: %s', (html, expected) => {
		expect(absolutizeHtml(html, base)).toBe(expected);
	});

	it('rewrites srcset on <source> in a <picture>', () => {
		expect(
			absolutizeHtml('<picture><source srcset="/a.avif" type="image/avif"></picture>', base),
		).toBe(
			'<picture><source srcset="https://recaps.example.com/a.avif" type="image/avif"></picture>',
		);
	});

	it.each([
		['a fragment', '<a href="#opening">Opening</a>'],
		['mailto:', '<a href="mailto:jane@example.com">Mail</a>'],
		['an https link elsewhere', '<a href="https://other.example/x?y=1">x</a>'],
		['an http link elsewhere', '<a href="http://other.example/">x</a>'],
		['a tel: link', '<a href="tel:+15555550100">call</a>'],
		['a data: image', '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">'],
	])('leaves %s untouched', (_, html) => {
		expect(absolutizeHtml(html, base)).toBe(html);
	});

	it.each([
		['escaped text', '<p>Fish &amp; chips &lt;3 &gt; 2</p>'],
		[
			'an escaped attribute',
			'<img src="https://x.example/a.jpg" alt="A &quot;quoted&quot; &amp; escaped alt">',
		],
		['non-Latin text and emoji', '<p>東京 🚀 Zoë</p>'],
		['void elements', '<p>line<br>break</p><hr>'],
		['text without any element', 'just text &amp; more'],
	])('keeps %s intact', (_, html) => {
		expect(absolutizeHtml(html, base)).toBe(html);
	});

	it('keeps an escaped ampersand in a rewritten query string', () => {
		expect(absolutizeHtml('<a href="/search?q=a&amp;page=2">x</a>', base)).toBe(
			'<a href="https://recaps.example.com/search?q=a&amp;page=2">x</a>',
		);
	});

	it('accepts a URL object as the base', () => {
		expect(absolutizeHtml('<a href="x/">x</a>', new URL(base))).toBe(
			'<a href="https://recaps.example.com/recaps/example-city-2026/x/">x</a>',
		);
	});

	it('rewrites nested elements too', () => {
		expect(
			absolutizeHtml(
				'<section><figure><img src="/a.jpg" alt="a"><figcaption><a href="/b/">b</a></figcaption></figure></section>',
				base,
			),
		).toBe(
			'<section><figure><img src="https://recaps.example.com/a.jpg" alt="a"><figcaption><a href="https://recaps.example.com/b/">b</a></figcaption></figure></section>',
		);
	});
});
