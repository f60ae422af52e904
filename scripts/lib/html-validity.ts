/**
 * The HTML gate: every page of the built site is valid HTML under the project's html-validate
 * configuration (`.htmlvalidate.json`, html-validate:recommended plus documented adjustments).
 * Invalid nesting (`<div>` in `<p>`, `<a>` in `<a>`), duplicate ids and the like make browsers
 * build a different page than the one authored.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { listSiteFiles, urlPathOfFile } from './site-files.ts';
import { sourceOfPage } from './sources.ts';

/** One validation error on one page. */
export interface HtmlProblem {
	/** The page's URL path, e.g. `/recaps/seattle/`. */
	page: string;
	line: number;
	column: number;
	/** The html-validate rule, e.g. `close-order`. */
	rule: string;
	message: string;
	/** The file to edit, relative to the project root. */
	source: string;
}

/** Reads the project's html-validate configuration (`.htmlvalidate.json` in `projectRoot`). */
export async function loadHtmlValidateConfig(projectRoot: string): Promise<ConfigData> {
	const text = await readFile(path.join(projectRoot, '.htmlvalidate.json'), 'utf8');
	return JSON.parse(text) as ConfigData;
}

/** A validator bound to one configuration; build it once and reuse it for every page. */
export function createHtmlValidator(config: ConfigData): HtmlValidate {
	return new HtmlValidate(new StaticConfigLoader(config));
}

/**
 * Validates one page's HTML. `page` is its URL path, used in the problems and to find its source.
 *
 * @example await validatePage(validator, '<p><div></div></p>', '/') // [{ rule: 'close-order', ... }]
 */
export async function validatePage(
	validator: HtmlValidate,
	html: string,
	page: string,
): Promise<HtmlProblem[]> {
	const filename = page.endsWith('/') ? `${page}index.html` : page;
	const report = await validator.validateString(html, filename);
	const source = sourceOfPage(page);
	return report.results.flatMap((result) =>
		result.messages.map((message) => ({
			page,
			line: message.line,
			column: message.column,
			rule: message.ruleId,
			message: message.message,
			source,
		})),
	);
}

/** What {@link validateSiteHtml} found, with the number of pages for the summary. */
export interface HtmlReport {
	problems: HtmlProblem[];
	pages: number;
}

/** Validates every `.html` file under `siteDir`. */
export async function validateSiteHtml(siteDir: string, config: ConfigData): Promise<HtmlReport> {
	const validator = createHtmlValidator(config);
	const pages = (await listSiteFiles(siteDir)).filter((file) => file.endsWith('.html'));
	const problems: HtmlProblem[] = [];
	for (const file of pages) {
		const html = await readFile(path.join(siteDir, file), 'utf8');
		problems.push(...(await validatePage(validator, html, urlPathOfFile(file))));
	}
	return { problems, pages: pages.length };
}

/**
 * One report line: `page -> line:column rule: message (source: file)`.
 *
 * @example formatHtmlProblem(p) // '/ -> 12:40 close-order: Stray end tag '</p>' (source: src/pages/index.astro)'
 */
export function formatHtmlProblem({
	page,
	line,
	column,
	rule,
	message,
	source,
}: HtmlProblem): string {
	return `${page} -> ${line}:${column} ${rule}: ${message} (source: ${source})`;
}
