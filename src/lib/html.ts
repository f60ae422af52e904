import { ELEMENT_NODE, parse, renderSync, walkSync, type DocumentNode } from 'ultrahtml';

const URL_ATTRIBUTES = ['href', 'src', 'poster'] as const;

/**
 * Makes every link and image in an HTML fragment absolute, for feed readers, which resolve
 * relative URLs inconsistently (or not at all). `srcset` candidates are rewritten too.
 *
 * @example absolutizeHtml('<a href="/x/">x</a>', 'https://example.com/')
 * // '<a href="https://example.com/x/">x</a>'
 */
export function absolutizeHtml(html: string, base: string | URL): string {
	const tree = parse(html) as DocumentNode;
	walkSync(tree, (node) => {
		if (node.type !== ELEMENT_NODE) return;
		const { attributes } = node;
		for (const name of URL_ATTRIBUTES) {
			const value = attributes[name];
			if (value !== undefined) attributes[name] = absolute(value, base);
		}
		if (attributes.srcset !== undefined) {
			// A candidate ends at a comma after its descriptor (`320w,`) or at a comma followed by
			// whitespace; a comma inside a URL (`/w_320,h_200/a.jpg`, `data:…;base64,…`) is kept.
			attributes.srcset = attributes.srcset
				.split(/(?<=\s[\d.]+[wx])\s*,\s*|\s*,\s+/)
				.map((candidate) => {
					const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
					return [absolute(url, base), ...descriptor].join(' ');
				})
				.join(', ');
		}
	});
	return renderSync(tree);
}

function absolute(value: string, base: string | URL): string {
	// Fragments stay relative to the item; mailto: and other schemes pass through unchanged.
	if (value.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(value)) return value;
	return new URL(value, base).href;
}
