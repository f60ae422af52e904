/**
 * Validates every page of a built site with html-validate and the project's `.htmlvalidate.json`.
 *
 * Usage: node scripts/check-html.ts [siteDir=dist] [--root <projectDir>]
 * Exit code: 0 when every page is valid, 1 when one is not, 2 when the check itself failed.
 */
import path from 'node:path';
import { siteConfig } from '../src/site.config.ts';
import { parseGateArgs, plural, printGateReport, runGate } from './lib/gate-cli.ts';
import {
	formatHtmlProblem,
	loadHtmlValidateConfig,
	validateSiteHtml,
} from './lib/html-validity.ts';

await runGate(async () => {
	const args = parseGateArgs(process.argv.slice(2), siteConfig.url);
	const report = await validateSiteHtml(
		args.siteDir,
		await loadHtmlValidateConfig(args.projectRoot),
	);
	return printGateReport({
		name: 'check-html',
		lines: report.problems.map(formatHtmlProblem),
		checked: `${plural(report.pages, 'page')} in ${path.relative('.', args.siteDir) || '.'}`,
	});
});
