import { describe, expect, it } from 'vitest';
import { documentTitle, MAX_TITLE } from '../../src/lib/seo.ts';

describe('documentTitle', () => {
	it.each([
		['Speakers', 'Example Roadshow', 'Speakers | Example Roadshow'],
		['Example Roadshow', undefined, 'Example Roadshow'],
		// Too long with the site name: the page title alone.
		[
			'Jane Doe on why every example needs a fictional city (Example City)',
			'Example Roadshow',
			'Jane Doe on why every example needs a fictional city (Example City)',
		],
		// Too long even alone: cut at a word boundary, trailing punctuation dropped.
		[
			'Example Day Example City: an 80% cheaper pipeline at Example Corp, plus Sample Inc and Demo Labs',
			'Example Roadshow',
			'Example Day Example City: an 80% cheaper pipeline at Example Corp…',
		],
	])('%j with %j gives %j', (title, site, expected) => {
		const result = documentTitle(title, site);
		expect(result).toBe(expected);
		expect(result.length).toBeLessThanOrEqual(MAX_TITLE);
	});

	it('cuts a single very long word hard', () => {
		expect(documentTitle('x'.repeat(100), undefined, 10)).toBe(`${'x'.repeat(9)}…`);
	});
});
