/**
 * Checks an HTML fragment a feed carries (`content:encoded`, JSON Feed `content_html`): it must
 * parse without errors, since every feed reader re-parses it with its own rules, and every URL in
 * it must be absolute https, since feed readers have no page URL to resolve a relative one against.
 */
import { load } from 'cheerio';
import { HtmlValidate, StaticConfigLoader, type RuleConfig } from 'html-validate';
import { srcsetUrls } from '../url-syntax.ts';

/**
 * Parse-level rules only: tags closed in order, no stray or unclosed tags, attributes closed and
 * not repeated, void elements without end tags, known character references, content models
 * respected (`<a>` in `<a>`, `<div>` in `<p>`). Page-level rules (doctype, title, landmarks) do not
 * apply to a fragment. Parser errors are always reported.
 */
const FRAGMENT_RULES: RuleConfig = {
	'close-attr': 'error',
	'close-order': 'error',
	'element-name': 'error',
	'element-permitted-content': 'error',
	'no-dup-attr': 'error',
	'no-dup-id': 'error',
	'unrecognized-char-ref': 'error',
	'void-content': 'error',
};

const validator = new HtmlValidate(
	new StaticConfigLoader({ root: true, extends: [], rules: FRAGMENT_RULES }),
);

/** Attributes whose value is a URL (or a `srcset` list of them) inside feed content. */
const URL_ATTRIBUTES = [
	['a[href], area[href], link[href]', 'href'],
	['img[src], source[src], video[src], audio[src], iframe[src], embed[src], track[src]', 'src'],
	['img[srcset], source[srcset]', 'srcset'],
	['video[poster]', 'poster'],
	['object[data]', 'data'],
] as const;

/** Schemes that are absolute but name no resource a reader would fetch. */
const NON_FETCHED = /^(?:mailto|tel):/i;

/**
 * Every problem with the fragment, each as `line:column message (rule)` for parse errors or
 * `<attribute> "<url>" is not an absolute https URL` for URLs.
 *
 * @example htmlFragmentProblems('<p><a href="/x/">x</a></p>') // ['href "/x/" is not an absolute https URL']
 */
export function htmlFragmentProblems(html: string): string[] {
	return [...parseProblems(html), ...urlProblems(html)];
}

function parseProblems(html: string): string[] {
	const report = validator.validateStringSync(html, 'feed-content.html');
	return report.results.flatMap((result) =>
		result.messages.map(
			(message) =>
				`not well-formed HTML at ${message.line}:${message.column}: ${message.message} (${message.ruleId})`,
		),
	);
}

function urlProblems(html: string): string[] {
	return fragmentUrls(html)
		.filter(({ url }) => !isAbsoluteHttps(url))
		.map(({ via, url }) => `${via} "${url}" is not an absolute https URL`);
}

function isAbsoluteHttps(url: string): boolean {
	if (NON_FETCHED.test(url)) return true;
	try {
		return url.startsWith('https://') && new URL(url).protocol === 'https:';
	} catch {
		return false;
	}
}

/** The absolute https URLs in a fragment, for checking the ones on the site against the build. */
export function htmlFragmentUrls(html: string): string[] {
	return fragmentUrls(html)
		.map(({ url }) => url)
		.filter((url) => isAbsoluteHttps(url) && !NON_FETCHED.test(url));
}

/** Every URL in the fragment with where it was found, e.g. `img[src]`. */
function fragmentUrls(html: string): { via: string; url: string }[] {
	const $ = load(html, null, false);
	const found: { via: string; url: string }[] = [];
	for (const [selector, attribute] of URL_ATTRIBUTES) {
		$(selector).each((_, element) => {
			const value = $(element).attr(attribute) ?? '';
			const urls = attribute === 'srcset' ? srcsetUrls(value) : [value.trim()];
			for (const url of urls) found.push({ via: `${element.tagName}[${attribute}]`, url });
		});
	}
	return found;
}
