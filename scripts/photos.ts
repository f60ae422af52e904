/**
 * Imports photos as they come from a camera or a phone (JPEG, PNG, WebP, and HEIC where this
 * machine's sharp can read it) into a recap's `photos/` folder, or as a speaker's square portrait.
 * Each photo is turned upright, stripped of all metadata (GPS included), bounded to 2400 px on
 * its long side (never enlarged) and saved as JPEG under a predictable name (`IMG_0042.HEIC` ->
 * `img-0042.jpg`). The originals are only read. An existing file is never overwritten: a name
 * clash is refused, and that photo is left out.
 *
 * Usage: npm run photos -- <folder or files...> --recap <recap-id> [--dry-run]
 *        npm run photos -- <photo> --speaker <speaker-id> [--replace-placeholder] [--dry-run]
 * Exit code: 0 all imported (unsupported files skipped), 1 something refused or failed, 2 crash.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
	collectSources,
	planImport,
	runImport,
	type Decision,
	type ImportTarget,
	type Outcome,
} from './lib/photos/import.ts';
import { heicSupported } from './lib/photos/process.ts';
import { contentDirOf, formatKB, loadState, runCommand } from './lib/scaffold/cli.ts';
import { existingId, Problems } from './lib/scaffold/input.ts';
import { InputError } from './lib/scaffold/plan.ts';

const HELP = `npm run photos -- <folder or files...> --recap <recap-id>
npm run photos -- <photo> --speaker <speaker-id>

  --recap <id>             import into content/recaps/<id>/photos/
  --speaker <id>           make the portrait content/speakers/<id>.jpg (800x800, cropped to the face)
  --replace-placeholder    put the photo in place of a placeholder a scaffold drew (never a real photo)
  --dry-run                show what would be written, write nothing
  --content <dir>          the content folder (default: content)

Reads JPEG, PNG, WebP${heicSupported() ? ' and HEIC' : ' (HEIC: not on this machine, export as JPEG first)'}; skips anything else.`;

const show = (file: string) => path.relative(process.cwd(), file) || file;

function line(outcome: Outcome | Decision, dryRun: boolean): string {
	const from = show(outcome.source);
	const to = outcome.output ? show(outcome.output) : '';
	switch (outcome.status) {
		case 'import':
			return `  would write ${to} (${outcome.width}x${outcome.height}${outcome.replaces ? ', replacing the placeholder' : ''}) from ${from}`;
		case 'written':
			return `  wrote ${to} (${outcome.width ?? 0}x${outcome.height ?? 0}, ${formatKB(outcome.bytes ?? 0)}) from ${from}`;
		case 'skipped':
			return `  skipped ${from}: ${outcome.reason ?? ''}`;
		case 'refused':
			return `  refused ${from}${to ? ` -> ${to}` : ''}: ${outcome.reason ?? ''}${dryRun ? '' : ' (nothing written for it)'}`;
		case 'failed':
			return `  failed ${from}: ${outcome.reason ?? ''}`;
	}
}

await runCommand('photos', async () => {
	let parsed;
	try {
		parsed = parseArgs({
			args: process.argv.slice(2),
			allowPositionals: true,
			strict: true,
			options: {
				recap: { type: 'string' },
				speaker: { type: 'string' },
				'replace-placeholder': { type: 'boolean', default: false },
				'dry-run': { type: 'boolean', default: false },
				content: { type: 'string' },
				help: { type: 'boolean', short: 'h', default: false },
			},
		});
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		throw new InputError([
			{ flag: '', message: `${message} -> see the list of flags with --help` },
		]);
	}
	const { values: flags, positionals } = parsed;
	if (flags.help) {
		console.log(HELP);
		return 0;
	}

	const contentDir = contentDirOf(flags.content);
	const state = loadState(contentDir);
	const problems = new Problems();
	if (positionals.length === 0) {
		problems.add(
			'',
			'no photos named -> give a folder or files: npm run photos -- ~/Pictures/zurich --recap <id>',
		);
	}
	let target: ImportTarget | undefined;
	if (flags.recap !== undefined && flags.speaker !== undefined) {
		problems.add('recap', 'give --recap or --speaker, not both');
	} else if (flags.recap !== undefined) {
		const id = existingId(
			problems,
			'recap',
			flags.recap,
			state.recaps.map((recap) => recap.id),
			{
				noun: 'recap',
				folder: 'content/recaps/',
				create: 'create it first with npm run new:recap',
			},
		);
		if (id) target = { kind: 'recap', id, dir: path.join(contentDir, 'recaps', id, 'photos') };
	} else if (flags.speaker !== undefined) {
		const id = existingId(
			problems,
			'speaker',
			flags.speaker,
			state.speakers.map((speaker) => speaker.id),
			{
				noun: 'speaker',
				folder: 'content/speakers/',
				create: 'add them first with npm run new:speaker (it takes --photo too)',
			},
		);
		if (id) target = { kind: 'speaker', id, file: path.join(contentDir, 'speakers', `${id}.jpg`) };
	} else {
		problems.add(
			'recap',
			'where do the photos go? -> --recap <recap-id> for event photos, or --speaker <speaker-id> for a portrait',
		);
	}
	problems.throwIfAny();
	if (!target) throw new Error('unreachable: no target without a problem');

	const dryRun = flags['dry-run'];
	const sources = collectSources(positionals);
	const decisions = [
		...sources.decisions,
		...(await planImport(sources.files, target, {
			replacePlaceholder: flags['replace-placeholder'],
		})),
	];
	const outcomes: (Outcome | Decision)[] = dryRun ? decisions : await runImport(decisions, target);

	console.log(dryRun ? 'photos (dry run, nothing written):' : 'photos:');
	for (const outcome of outcomes) console.log(line(outcome, dryRun));
	const count = (status: string) => outcomes.filter((outcome) => outcome.status === status).length;
	const written = count(dryRun ? 'import' : 'written');
	const summary = [
		`${written} ${dryRun ? 'to write' : 'written'}`,
		`${count('skipped')} skipped`,
		`${count('refused')} refused`,
		`${count('failed')} failed`,
	].join(', ');
	console.log(summary);

	if (target.kind === 'speaker') {
		const speaker = state.speakers.find((s) => s.id === target.id);
		const expected = `speakers/${target.id}.jpg`;
		if (speaker?.photo && speaker.photo !== expected && written > 0) {
			console.log(
				`Note: content/speakers/${target.id}.yaml shows ${speaker.photo}; set photo.src to ./${target.id}.jpg to use this portrait.`,
			);
		}
	} else if (written > 0 && !dryRun) {
		console.log(
			`Next: use them in content/recaps/${target.id}/index.md (hero: src: ./photos/<name>.jpg) or in a talk (photo: src: ../photos/<name>.jpg), each with alt text.`,
		);
	}
	return count('refused') + count('failed') > 0 ? 1 : 0;
});
