/**
 * Checks every recap, talk, speaker, series, company, writeup and topic without building the
 * site, and prints every problem at once, one line each, `file:line field: problem -> fix`, then
 * a summary. The same checks run at the start of `npm run build` (src/integrations/check-content.ts).
 *
 * Usage: node scripts/check-content.ts [--content <dir>]   (default: $RECAP_CONTENT_DIR or content)
 * Exit code: 0 when clean, 1 when anything is wrong, 2 when the check itself failed.
 */
import { parseArgs } from 'node:util';
import { folderSettings } from '../src/build-folders.ts';
import { checkContent, formatReport } from './lib/content-check/index.ts';
import { runGate } from './lib/gate-cli.ts';

await runGate(async () => {
	const { values } = parseArgs({
		args: process.argv.slice(2),
		options: { content: { type: 'string' } },
	});
	const report = await checkContent({
		root: values.content ?? folderSettings().contentDir,
	});
	for (const line of formatReport(report)) console.log(line);
	return report.problems.length === 0 ? 0 : 1;
});
