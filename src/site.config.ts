/**
 * The one typed configuration module for the site. Everything that is specific to a deployment
 * (its title, address, language, default author) lives here; the generator code in `src/lib`
 * receives these values as arguments and never imports this file.
 */

export interface SiteConfig {
	/** Site title, shown in the header, the `<title>` suffix and the feed's channel title. */
	title: string;
	/** One-sentence description of the site, used for the home page and the feed. */
	description: string;
	/**
	 * Absolute base URL the site is served from, with a trailing slash (e.g.
	 * `https://recaps.example.com/`). Canonical URLs, feed links and image URLs are built from it.
	 */
	url: string;
	/** BCP 47 language tag of the content, used for `<html lang>` and date formatting. */
	lang: string;
	/**
	 * Time zone used to decide which day "today" is when deciding whether a scheduled recap is
	 * published. Event dates themselves are calendar dates and are never shifted.
	 */
	timeZone: string;
	/** Byline used when a recap does not list its own `authors`. */
	defaultAuthor: string;
	/** Id of the series featured on the home page (a file in `content/series/`). */
	featuredSeries: string;
	/**
	 * How many recaps each feed carries: the newest by publication date, each in full. Older
	 * recaps stay on the site and its sitemap; a feed is what is new.
	 */
	feedItems: number;
}

/**
 * Checks a configuration once, so that a typo fails the build with a message instead of producing
 * broken URLs.
 */
export function defineSiteConfig(config: SiteConfig): Readonly<SiteConfig> {
	let url: URL;
	try {
		url = new URL(config.url);
	} catch {
		throw new Error(
			`src/site.config.ts url: "${config.url}" is not an absolute URL -> write it as https://example.com/`,
		);
	}
	if (!config.url.endsWith('/')) {
		throw new Error(
			`src/site.config.ts url: "${config.url}" must end with "/" -> write "${config.url}/"`,
		);
	}
	if (url.protocol !== 'https:' && url.hostname !== 'localhost' && url.hostname !== '127.0.0.1') {
		throw new Error(
			`src/site.config.ts url: "${config.url}" must use https -> write "https://${url.host}${url.pathname}"`,
		);
	}
	if (!Number.isInteger(config.feedItems) || config.feedItems < 1) {
		throw new Error(
			`src/site.config.ts feedItems: ${config.feedItems} is not a whole number of at least 1 -> write e.g. 20`,
		);
	}
	return Object.freeze({ ...config });
}

export const siteConfig = defineSiteConfig({
	title: 'Ray on the Road',
	description:
		'Recaps of the Ray on the Road 2026 series: the talks, the people and the results from every city.',
	url: process.env.RECAP_SITE_URL ?? 'https://ray-on-the-road.example.com/',
	lang: 'en',
	timeZone: 'America/Los_Angeles',
	defaultAuthor: 'The Ray on the Road team',
	featuredSeries: 'ray-on-the-road-2026',
	feedItems: 20,
});
