/**
 * Checks the feeds of a built site: every XML file is well-formed, RSS feeds follow RSS 2.0 (dates,
 * absolute links, unique guids, self link, clean HTML content with absolute URLs), a feed.json
 * follows JSON Feed 1.1, and every URL a feed gives on the site exists in the build.
 *
 * Usage: node scripts/check-feeds.ts [siteDir=dist] [--site <url>] [--root <projectDir>]
 * Exit code: 0 when clean, 1 when a feed has problems, 2 when the check itself failed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { siteConfig } from '../src/site.config.ts';
import { checkSiteFeeds, formatFeedProblem } from './lib/feeds.ts';
import { parseGateArgs, plural, printGateReport, runGate } from './lib/gate-cli.ts';

await runGate(async () => {
	const args = parseGateArgs(process.argv.slice(2), siteConfig.url);
	const report = await checkSiteFeeds(args.siteDir, args.siteUrl, {
		exists: (file) => existsSync(path.join(args.projectRoot, file)),
	});
	if (report.feeds === 0) {
		console.log(
			`check-feeds: no feed found in ${args.siteDir} (expected an <rss> .xml or feed.json)`,
		);
		return 1;
	}
	return printGateReport({
		name: 'check-feeds',
		lines: report.problems.map(formatFeedProblem),
		checked: `${plural(report.feeds, 'feed')}, ${plural(report.xmlFiles, 'XML file')} in ${path.relative('.', args.siteDir) || '.'}`,
	});
});
