import { describe, expect, it } from 'vitest';
import { defineSiteConfig, siteConfig, type SiteConfig } from '../../src/site.config.ts';

const valid: SiteConfig = { ...siteConfig, url: 'https://recaps.example.com/' };

describe('defineSiteConfig', () => {
	it('accepts a complete configuration as it is', () => {
		expect(defineSiteConfig(valid)).toEqual(valid);
	});

	it.each([
		['http://recaps.example.com/', 'must use https -> write "https://recaps.example.com/"'],
		['https://recaps.example.com', 'must end with "/" -> write "https://recaps.example.com/"'],
		['recaps.example.com/', 'is not an absolute URL -> write it as https://example.com/'],
	])('names the fix for the url %s', (url, message) => {
		expect(() => defineSiteConfig({ ...valid, url })).toThrow(
			`src/site.config.ts url: "${url}" ${message}`,
		);
	});

	it.each([0, -1, 2.5, Number.NaN])('refuses feedItems = %s', (feedItems) => {
		expect(() => defineSiteConfig({ ...valid, feedItems })).toThrow(
			`src/site.config.ts feedItems: ${feedItems} is not a whole number of at least 1 -> write e.g. 20`,
		);
	});
});
