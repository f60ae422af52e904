/**
 * The helper process of src/integrations/portraits-ahead.ts:
 *
 *   node src/integrations/portraits-ahead-helper.ts <content folder> <portraits folder>
 *
 * keeps the card portrait of every speaker photo under `<content folder>/speakers` that is not
 * kept yet (src/lib/portrait-cache.ts), then prints what it did as one line of JSON. With
 * `RECAP_CARD_TRACE_DIR` set (`npm run bench`), each photo it cuts is listed in `portraits.txt`
 * there, as the build lists its own, so the benchmark's sharp floor counts the work either way.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { cutPortraits, speakerPhotos } from '../lib/portrait-cache.ts';

const [contentDir, dir] = process.argv.slice(2);
if (!contentDir || !dir) {
	process.stderr.write(
		'usage: node portraits-ahead-helper.ts <content folder> <portraits folder>\n',
	);
	process.exit(2);
}
const trace = process.env.RECAP_CARD_TRACE_DIR;
if (trace) mkdirSync(trace, { recursive: true });
const started = performance.now();
const report = await cutPortraits(
	await speakerPhotos(contentDir),
	dir,
	trace ? (file) => appendFileSync(path.join(trace, 'portraits.txt'), `${file}\n`) : undefined,
);
process.stdout.write(
	`${JSON.stringify({ ...report, ms: Math.round(performance.now() - started) })}\n`,
);
