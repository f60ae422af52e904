/**
 * Maps a built page back to the source file an author edits, so a gate's report says where to fix
 * a problem. One row per page family: add a row when a new family (speakers, topics, talks,
 * series) gets its pages.
 */

/** Where on a page a problem was found, beyond the page itself. */
export interface SourceContext {
	/** Ids of the `<section id>` elements around the problem, innermost first. */
	sections?: readonly string[];
	/** Whether a file exists, relative to the project root (used to tell talk sections apart). */
	exists?: (file: string) => boolean;
}

/** One page family: which URL paths it covers and which file each page is written in. */
export interface SourceRoute {
	/** Matched against the page's URL path relative to the site base, e.g. `/recaps/seattle/`. */
	pattern: RegExp;
	/** The source file, relative to the project root, for a page that matched `pattern`. */
	source: (params: Readonly<Record<string, string>>, context: SourceContext) => string;
}

/** Reported when no route matches, so a new page family shows up as a gap in this table. */
export const UNKNOWN_SOURCE = 'src/pages (unknown route)';

/** A page family written in one file, whatever the page. */
const file =
	(source: string): SourceRoute['source'] =>
	() =>
		source;

/**
 * A page family built from a data collection (`content/<collection>/<id>.yaml`): pages trace to
 * their entry's file when it exists, otherwise to the page template.
 */
const entry =
	(collection: string, template: string): SourceRoute['source'] =>
	({ id = '' }, { exists }) =>
		['yaml', 'yml', 'json']
			.map((extension) => `content/${collection}/${id}.${extension}`)
			.find((candidate) => exists?.(candidate)) ?? template;

/** The site's page families. Patterns are anchored, so order only matters for readability. */
export const SOURCE_ROUTES: readonly SourceRoute[] = [
	{ pattern: /^\/$/, source: file('src/pages/index.astro') },
	{ pattern: /^\/404\.html$/, source: file('src/pages/404.astro') },
	{ pattern: /^\/reading\/$/, source: file('src/pages/reading.astro') },
	{ pattern: /^\/rss\.xml$/, source: file('src/pages/rss.xml.ts') },
	{ pattern: /^\/feed\.json$/, source: file('src/pages/feed.json.ts') },
	{ pattern: /^\/recaps\/(?<id>[^/]+)\/$/, source: recapSource },
	{
		pattern: /^\/recaps\/(?<id>[^/]+)\/(?<talk>[^/]+)\/$/,
		source: ({ id = '', talk = '' }, { exists }) =>
			markdownFile(`content/recaps/${id}/talks/${talk}`, exists),
	},
	{ pattern: /^\/speakers\/$/, source: file('src/pages/speakers/index.astro') },
	{
		pattern: /^\/speakers\/(?<id>[^/]+)\/$/,
		source: entry('speakers', 'src/pages/speakers/[id].astro'),
	},
	{ pattern: /^\/companies\/$/, source: file('src/pages/companies/index.astro') },
	{
		pattern: /^\/companies\/(?<id>[^/]+)\/$/,
		source: entry('companies', 'src/pages/companies/[id].astro'),
	},
	{ pattern: /^\/topics\/$/, source: file('src/pages/topics/index.astro') },
	{
		pattern: /^\/topics\/(?<id>[^/]+)\/$/,
		source: entry('topics', 'src/pages/topics/[id]/index.astro'),
	},
	{ pattern: /^\/topics\/[^/]+\/rss\.xml$/, source: file('src/pages/topics/[id]/rss.xml.ts') },
	{
		pattern: /^\/series\/(?<id>[^/]+)\/$/,
		source: entry('series', 'src/pages/series/[id]/index.astro'),
	},
	{ pattern: /^\/series\/[^/]+\/rss\.xml$/, source: file('src/pages/series/[id]/rss.xml.ts') },
];

/** `<stem>.md`, or `<stem>.mdx` when only that exists. */
function markdownFile(stem: string, exists: SourceContext['exists']): string {
	return exists?.(`${stem}.mdx`) && !exists(`${stem}.md`) ? `${stem}.mdx` : `${stem}.md`;
}

/**
 * A recap page is written in `content/recaps/<id>/index.md`, except each talk's section
 * (`<section id="<talk>">`), which comes from `talks/<talk>.md`. Sections that are not talks
 * (such as the series block the template adds) belong to the recap. Either may be `.mdx`.
 */
function recapSource(
	{ id = '' }: Readonly<Record<string, string>>,
	context: SourceContext,
): string {
	const folder = `content/recaps/${id}`;
	const exists = context.exists ?? (() => false);
	const talk = (context.sections ?? []).find(
		(id) => exists(`${folder}/talks/${id}.md`) || exists(`${folder}/talks/${id}.mdx`),
	);
	return markdownFile(talk === undefined ? `${folder}/index` : `${folder}/talks/${talk}`, exists);
}

/**
 * The source file of the page at `urlPath` (relative to the site base), or {@link UNKNOWN_SOURCE}.
 *
 * @example sourceOfPage('/recaps/seattle/') // 'content/recaps/seattle/index.md'
 * @example sourceOfPage('/recaps/seattle/', { sections: ['notion'], exists }) // '.../talks/notion.md'
 */
export function sourceOfPage(
	urlPath: string,
	context: SourceContext = {},
	routes: readonly SourceRoute[] = SOURCE_ROUTES,
): string {
	for (const route of routes) {
		const match = route.pattern.exec(urlPath);
		if (match) return route.source({ ...match.groups }, context);
	}
	return UNKNOWN_SOURCE;
}
