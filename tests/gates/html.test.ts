/**
 * The HTML gate (scripts/check-html.ts): the project's html-validate configuration, the real
 * site's pages, and fixture sites with the faults it must catch (tests/fixtures/gates/html/).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { HtmlValidate, ConfigData } from 'html-validate';
import {
	createHtmlValidator,
	formatHtmlProblem,
	loadHtmlValidateConfig,
	validatePage,
	validateSiteHtml,
} from '../../scripts/lib/html-validity.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = path.join(root, 'tests/fixtures/gates/html');

let config: ConfigData;
let validator: HtmlValidate;
beforeAll(async () => {
	config = await loadHtmlValidateConfig(root);
	validator = createHtmlValidator(config);
});

/** A minimal valid page around `body`, in the shape Astro writes pages. */
const page = (body: string) =>
	`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>T</title></head><body><main>${body}</main></body></html>`;
const rulesOf = async (body: string) =>
	(await validatePage(validator, page(body), '/')).map((problem) => problem.rule);

describe('.htmlvalidate.json', () => {
	it('extends html-validate:recommended', () => {
		expect(config.extends).toEqual(['html-validate:recommended']);
	});

	it('allows only the inline styles Shiki writes for highlighted code', async () => {
		expect(
			await rulesOf(
				'<pre class="astro-code" style="background-color:#fff;--shiki-dark-bg:#24292e;color:#24292e;overflow-x:auto" tabindex="0"><code><span style="color:#D73A49;--shiki-dark:#F97583">x</span></code></pre>',
			),
		).toEqual([]);
		expect(await rulesOf('<p style="margin:0">x</p>')).toEqual(['no-inline-style']);
	});
});

describe('validatePage', () => {
	it('accepts a valid page', async () => {
		expect(await rulesOf('<h1>Title</h1><p>Text</p>')).toEqual([]);
	});

	it.each([
		['a <div> inside a <p>', '<p>a<div>b</div></p>', ['no-implicit-close', 'close-order']],
		[
			'an <a> inside an <a>',
			'<a href="/a/">a <a href="/b/">b</a></a>',
			['element-permitted-content'],
		],
		['a duplicate id', '<h2 id="x">a</h2><h2 id="x">b</h2>', ['no-dup-id']],
		['a <ul> with a <div> child', '<ul><div>x</div></ul>', ['element-permitted-content']],
		['a button without a type', '<button>x</button>', ['no-implicit-button-type']],
		['an image without alt text', '<img src="/a.jpg" width="1" height="1">', ['wcag/h37']],
	])('catches %s', async (_, body, rules) => {
		expect(await rulesOf(body)).toEqual(rules);
	});

	it('names the page, the line and column, the rule and the source file', async () => {
		expect(
			await validatePage(validator, page('<p>a<div>b</div></p>'), '/recaps/seattle/'),
		).toContainEqual({
			page: '/recaps/seattle/',
			line: 1,
			column: 112,
			rule: 'close-order',
			message: "Stray end tag '</p>'",
			source: 'content/recaps/seattle/index.md',
		});
	});
});

describe('the HTML gate on the real site', () => {
	it('finds every page valid', async () => {
		const report = await validateSiteHtml(inject('siteDir'), config);
		expect(report.pages).toBeGreaterThan(0);
		expect(report.problems.map(formatHtmlProblem)).toEqual([]);
	});
});

describe('the HTML gate on fixture sites', () => {
	it('finds nothing wrong with a clean site', async () => {
		const report = await validateSiteHtml(path.join(fixtures, 'clean'), config);
		expect(report).toEqual({ problems: [], pages: 2 });
	});

	it('catches an <a> inside an <a> and a duplicate id, naming the page', async () => {
		const report = await validateSiteHtml(path.join(fixtures, 'broken'), config);
		expect(report.problems).toEqual([
			{
				page: '/',
				line: 9,
				column: 47,
				rule: 'element-permitted-content',
				message: '<a> element is not permitted as a descendant of <a>',
				source: 'src/pages/index.astro',
			},
			{
				page: '/recaps/demo/',
				line: 10,
				column: 14,
				rule: 'no-dup-id',
				message: 'Duplicate ID "alpha"',
				source: 'content/recaps/demo/index.md',
			},
		]);
	});
});

describe('node scripts/check-html.ts', () => {
	it('prints one line per problem and a summary, and exits 1', () => {
		const { status, lines } = runCli('check-html.ts', 'tests/fixtures/gates/html/broken');
		expect({ status, lines }).toEqual({
			status: 1,
			lines: [
				'/ -> 9:47 element-permitted-content: <a> element is not permitted as a descendant of <a> (source: src/pages/index.astro)',
				'/recaps/demo/ -> 10:14 no-dup-id: Duplicate ID "alpha" (source: content/recaps/demo/index.md)',
				'check-html: 2 problems (2 pages in tests/fixtures/gates/html/broken)',
			],
		});
	});

	it('exits 0 with a one-line summary on a clean site', () => {
		const { status, lines } = runCli('check-html.ts', 'tests/fixtures/gates/html/clean');
		expect({ status, lines }).toEqual({
			status: 0,
			lines: ['check-html: no problems (2 pages in tests/fixtures/gates/html/clean)'],
		});
	});
});

/** Runs a gate script with the pinned Node from the project root. */
function runCli(script: string, ...args: string[]): { status: number | null; lines: string[] } {
	const result = spawnSync(
		path.join(root, 'node_modules/.bin/node'),
		[path.join(root, 'scripts', script), ...args],
		{ cwd: root, encoding: 'utf8' },
	);
	return { status: result.status, lines: result.stdout.trim().split('\n') };
}
