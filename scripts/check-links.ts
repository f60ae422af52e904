/**
 * Checks the links of a built site: every internal link and #fragment resolves (folder URLs with
 * their trailing slash), external links are well-formed, and `target="_blank"` links carry
 * `rel="noopener"`. Each problem names the page, the link and the source file to fix.
 *
 * Usage: node scripts/check-links.ts [siteDir=dist] [--site <url>] [--root <projectDir>]
 * Exit code: 0 when clean, 1 when a link is broken, 2 when the check itself failed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { siteConfig } from '../src/site.config.ts';
import { parseGateArgs, plural, printGateReport, runGate } from './lib/gate-cli.ts';
import { checkSiteLinks, formatLinkProblem } from './lib/links.ts';

await runGate(async () => {
	const args = parseGateArgs(process.argv.slice(2), siteConfig.url);
	const report = await checkSiteLinks(args.siteDir, args.siteUrl, {
		exists: (file) => existsSync(path.join(args.projectRoot, file)),
	});
	return printGateReport({
		name: 'check-links',
		lines: report.problems.map(formatLinkProblem),
		checked: `${plural(report.pages, 'page')}, ${plural(report.links, 'link')} in ${path.relative('.', args.siteDir) || '.'}`,
	});
});
