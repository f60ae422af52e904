/**
 * Step 1 of the link check, per page: collect what a built page links to and which fragment ids
 * it offers. Pure: takes the page's HTML, returns plain data.
 */
import { load, type CheerioAPI } from 'cheerio';
import { srcsetUrls } from '../url-syntax.ts';

/** One attribute that holds a URL, and how to read it. */
interface UrlAttribute {
	/** Elements that carry the attribute. */
	selector: string;
	attribute: string;
	/** The attribute is a `srcset` list: each candidate URL is its own link. */
	srcset?: boolean;
	/** Only links into the site are checked (e.g. `<link>`: external ones are hints, not links). */
	internalOnly?: boolean;
}

/**
 * Every attribute the checker follows. `<link rel="alternate">` is left out: alternates (feeds,
 * translations) may point anywhere and are checked by the feed gate.
 */
const URL_ATTRIBUTES: readonly UrlAttribute[] = [
	{ selector: 'a[href]', attribute: 'href' },
	{ selector: 'area[href]', attribute: 'href' },
	{ selector: 'link[href]', attribute: 'href', internalOnly: true },
	{ selector: 'img[src]', attribute: 'src' },
	{ selector: 'img[srcset]', attribute: 'srcset', srcset: true },
	{ selector: 'source[srcset]', attribute: 'srcset', srcset: true },
	{ selector: 'source[src], video[src], audio[src], iframe[src], script[src]', attribute: 'src' },
	{ selector: 'video[poster]', attribute: 'poster' },
	{
		// Only the og:image properties that hold URLs: og:image:alt, :width, :height and :type
		// hold text and numbers.
		selector: [
			'meta[property="og:url"]',
			'meta[property="og:image"]',
			'meta[property="og:image:url"]',
			'meta[property="og:image:secure_url"]',
			'meta[name="twitter:image"]',
		].join(', '),
		attribute: 'content',
	},
];

/** A URL found on a page. */
export interface PageLink {
	/** The URL as written (one candidate of a `srcset`), trimmed. */
	href: string;
	/** Where it was found, e.g. `a[href]`. */
	via: string;
	/** The element opens a new browsing context (`target="_blank"`). */
	targetBlank: boolean;
	/** The element's `rel` tokens, lower-cased. */
	rel: readonly string[];
	/** Ids of the `<section id>` elements around the element, innermost first. */
	sections: readonly string[];
	/** Links to other sites are not followed or syntax-checked (see {@link UrlAttribute}). */
	internalOnly: boolean;
}

/** What the link checker needs to know about one built page. */
export interface LinkPage {
	/** The page's URL path relative to the site base, e.g. `/recaps/seattle/`. */
	path: string;
	/** Every fragment the page can be linked to: element ids and `<a name>`s. */
	ids: ReadonlySet<string>;
	links: readonly PageLink[];
}

/**
 * Collects a page's fragment ids and every URL it links to.
 *
 * @example parseLinkPage('<a href="#top">Up</a><h2 id="top">', '/').ids // Set { 'top' }
 */
export function parseLinkPage(html: string, path: string): LinkPage {
	const $ = load(html);
	return { path, ids: collectIds($), links: URL_ATTRIBUTES.flatMap((spec) => collect($, spec)) };
}

function collectIds($: CheerioAPI): Set<string> {
	const ids = new Set<string>();
	$('[id]').each((_, element) => void ids.add($(element).attr('id') ?? ''));
	$('a[name]').each((_, element) => void ids.add($(element).attr('name') ?? ''));
	ids.delete('');
	return ids;
}

function collect($: CheerioAPI, spec: UrlAttribute): PageLink[] {
	const links: PageLink[] = [];
	$(spec.selector).each((_, element) => {
		const $element = $(element);
		const tag = String($element.prop('tagName')).toLowerCase();
		const rel = ($element.attr('rel') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
		if (tag === 'link' && rel.includes('alternate')) return;
		const value = $element.attr(spec.attribute) ?? '';
		const hrefs = spec.srcset ? srcsetUrls(value) : [value.trim()];
		const common = {
			via: `${tag}[${spec.attribute}]`,
			targetBlank: ($element.attr('target') ?? '').toLowerCase() === '_blank',
			rel,
			sections: $element
				.parents('section[id]')
				.map((_, section) => $(section).attr('id'))
				.get(),
			internalOnly: spec.internalOnly === true,
		};
		for (const href of hrefs) links.push({ href, ...common });
	});
	return links;
}
