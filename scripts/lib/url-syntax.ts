/**
 * Syntax checks for URLs written in HTML attributes and feeds. No network: a URL is judged only
 * by how it is written.
 */

const SCHEME = /^([a-z][a-z\d+.-]*):/i;
/** Schemes a link on a static recap site may use besides http(s). */
const OTHER_SCHEMES = new Set(['mailto', 'tel', 'sms', 'data']);
// HTML trims leading and trailing ASCII whitespace from URL attributes; anything left inside
// (spaces, tabs, newlines, controls) makes the URL invalid and must be percent-encoded.
const INNER_WHITESPACE_OR_CONTROL = /[\s\u0000-\u001f\u007f]/;
const HOST_LABEL = /^(?!-)[a-z\d_-]{1,63}(?<!-)$/;

/** The scheme of an absolute URL, lower-cased and without the colon (`undefined` if relative). */
export function schemeOf(href: string): string | undefined {
	return SCHEME.exec(href.trim())?.[1]?.toLowerCase();
}

/**
 * What is wrong with how `href` is written, or `undefined` when nothing is. Relative URLs are
 * only checked for characters that must be encoded; absolute ones must parse, and http(s) ones
 * must name a plausible host.
 *
 * @example urlSyntaxProblem('https://exa mple.com/') // 'contains whitespace ...'
 * @example urlSyntaxProblem('/recaps/seattle/') // undefined
 */
export function urlSyntaxProblem(href: string): string | undefined {
	const value = href.trim();
	if (INNER_WHITESPACE_OR_CONTROL.test(value)) {
		return 'invalid URL: contains whitespace or a control character (encode spaces as %20)';
	}
	if (value.includes('\\')) return 'invalid URL: contains a backslash (use "/")';
	const scheme = schemeOf(value);
	if (scheme === undefined) return undefined;
	if (scheme === 'http' || scheme === 'https') return httpUrlProblem(value, scheme);
	if (scheme === 'mailto') return mailtoProblem(value);
	if (scheme === 'javascript') return 'javascript: URLs are not allowed';
	if (!OTHER_SCHEMES.has(scheme)) return `unexpected URL scheme "${scheme}:"`;
	if (value.length === scheme.length + 1) return `invalid URL: empty ${scheme}: URL`;
	return undefined;
}

function httpUrlProblem(value: string, scheme: string): string | undefined {
	if (!value.slice(scheme.length + 1).startsWith('//')) {
		return `invalid URL: write "${scheme}://" followed by the host`;
	}
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return 'invalid URL: does not parse as an absolute URL';
	}
	return hostProblem(url.hostname);
}

function hostProblem(hostname: string): string | undefined {
	if (hostname === '') return 'invalid URL: no host';
	if (hostname === 'localhost' || hostname.startsWith('[')) return undefined;
	if (/^[\d.]+$/.test(hostname)) return undefined;
	const labels = hostname.replace(/\.$/, '').split('.');
	if (labels.length < 2) return `invalid URL: host "${hostname}" has no top-level domain`;
	const bad = labels.find((label) => !HOST_LABEL.test(label));
	if (bad !== undefined) return `invalid URL: host "${hostname}" has an invalid label "${bad}"`;
	return undefined;
}

function mailtoProblem(value: string): string | undefined {
	const addresses = value.slice('mailto:'.length).split('?')[0] ?? '';
	const list = decodeSafely(addresses)?.split(',') ?? [];
	const valid = list.length > 0 && list.every((address) => /^[^@\s]+@[^@\s]+$/.test(address));
	return valid ? undefined : 'invalid URL: mailto: needs an address such as name@example.com';
}

/** `decodeURIComponent` that returns `undefined` for malformed percent-encoding. */
export function decodeSafely(value: string): string | undefined {
	try {
		return decodeURIComponent(value);
	} catch {
		return undefined;
	}
}

/**
 * The URLs of a `srcset` attribute, in order, without their width or density descriptors. Follows
 * the HTML parsing rules, so URLs containing commas (`/img/w_100,h_50.jpg 1x`) stay whole.
 *
 * @example srcsetUrls('/a-480.webp 480w, /a-800.webp 800w') // ['/a-480.webp', '/a-800.webp']
 */
export function srcsetUrls(srcset: string): string[] {
	const urls: string[] = [];
	let rest = srcset;
	for (;;) {
		rest = rest.replace(/^[\s,]+/, '');
		if (rest === '') return urls;
		const url = /^\S+/.exec(rest)?.[0] ?? '';
		rest = rest.slice(url.length);
		if (url.endsWith(',')) {
			urls.push(url.replace(/,+$/, ''));
			continue;
		}
		urls.push(url);
		rest = skipDescriptors(rest);
	}
}

/** Skips a candidate's descriptors up to the comma that ends it (commas in parentheses don't). */
function skipDescriptors(text: string): string {
	let depth = 0;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (char === '(') depth++;
		else if (char === ')') depth = Math.max(0, depth - 1);
		else if (char === ',' && depth === 0) return text.slice(i + 1);
	}
	return '';
}
