/**
 * The link gate: every internal link and fragment in the built site must resolve, external links
 * must be well-formed, and each problem is traced to the source file an author edits. Steps:
 * index the site (`links/site-index.ts` via {@link indexSite}), then run every rule in
 * `links/checks.ts` on every link of every page ({@link findLinkProblems}).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LINK_CHECKS, resolveLink } from './links/checks.ts';
import { parseLinkPage } from './links/page.ts';
import type { SiteIndex } from './links/targets.ts';
import { listSiteFiles, urlPathOfFile } from './site-files.ts';
import { sourceOfPage, type SourceContext } from './sources.ts';

export type { SiteIndex } from './links/targets.ts';

/** One broken or suspicious link. */
export interface LinkProblem {
	/** URL path of the page the link is on, e.g. `/recaps/seattle/`. */
	page: string;
	/** The link as written. */
	link: string;
	/** What is wrong. */
	problem: string;
	/** The file to edit, relative to the project root. */
	source: string;
}

/** How problems are traced back to sources. */
export interface LinkCheckOptions {
	/** Whether a project file exists (tells talk sections from template sections). */
	exists?: SourceContext['exists'];
}

/**
 * Step 1: reads the built site into a {@link SiteIndex}: every file, and the ids and links of every
 * HTML page.
 */
export async function indexSite(siteDir: string, siteUrl: URL): Promise<SiteIndex> {
	const files = await listSiteFiles(siteDir);
	const pages = new Map(
		await Promise.all(
			files
				.filter((file) => file.endsWith('.html'))
				.map(async (file) => {
					const html = await readFile(path.join(siteDir, file), 'utf8');
					return [file, parseLinkPage(html, urlPathOfFile(file))] as const;
				}),
		),
	);
	return { siteUrl, files: new Set(files), pages };
}

/**
 * Step 2: runs every link rule on every link of every page. Pure. A link that repeats on a page
 * (header and body, say) is reported once per problem and source file.
 */
export function findLinkProblems(site: SiteIndex, options: LinkCheckOptions = {}): LinkProblem[] {
	const problems = new Map<string, LinkProblem>();
	for (const page of site.pages.values()) {
		for (const link of page.links) {
			const resolved = resolveLink(link.href, page, site);
			if (link.internalOnly && !resolved.internal) continue;
			const context = { page, site, ...resolved };
			const source = sourceOfPage(page.path, { sections: link.sections, exists: options.exists });
			for (const { check } of LINK_CHECKS) {
				const problem = check(link, context);
				if (problem === undefined) continue;
				const found = { page: page.path, link: link.href, problem, source };
				problems.set(formatLinkProblem(found), found);
			}
		}
	}
	return [...problems.values()];
}

/** What {@link checkSiteLinks} found, with counts for the summary. */
export interface LinkReport {
	problems: LinkProblem[];
	pages: number;
	links: number;
}

/** Both steps over a site folder. */
export async function checkSiteLinks(
	siteDir: string,
	siteUrl: URL,
	options: LinkCheckOptions = {},
): Promise<LinkReport> {
	const site = await indexSite(siteDir, siteUrl);
	const pages = [...site.pages.values()];
	return {
		problems: findLinkProblems(site, options),
		pages: pages.length,
		links: pages.reduce((sum, page) => sum + page.links.length, 0),
	};
}

/**
 * One report line: `page -> link: problem (source: file)`.
 *
 * @example formatLinkProblem(p) // '/recaps/a/ -> /recaps/b: missing trailing slash: ... (source: content/recaps/a/index.mdx)'
 */
export function formatLinkProblem({ page, link, problem, source }: LinkProblem): string {
	return `${page} -> ${link}: ${problem} (source: ${source})`;
}
