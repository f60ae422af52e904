/**
 * Scaffolds a talk in a recap: `content/recaps/<recap>/talks/<id>.md`, placed after the recap's
 * last talk unless --order says otherwise. Never overwrites.
 *
 * Usage: npm run new:talk [-- --recap <id> --title "..." [--kind talk] --speakers a,b
 *          [--company <id>] [--summary "..."] [--order N] [--id <talk-id>]
 *          [--yes] [--dry-run] [--content <dir>]]
 * Asks for whatever is left out (all of it when run without flags); --yes asks nothing.
 * Exit code: 0 written, 1 nothing written (a problem with the input, or a file exists), 2 crash.
 */
import { TALK_KINDS, type TalkKind } from '../src/schemas/talk.ts';
import {
	COMMON_OPTIONS,
	readFlags,
	runCommand,
	scaffold,
	type Question,
} from './lib/scaffold/cli.ts';
import type { ContentState } from './lib/scaffold/content.ts';
import { idList } from './lib/scaffold/input.ts';
import { nextOrder, planTalk, talkIdCandidates, type TalkInput } from './lib/scaffold/talk.ts';

const HELP = `npm run new:talk -- [flags]   add a talk to a recap

  --recap <id>         the recap (its folder in content/recaps/)
  --title <title>      the session's title
  --kind <kind>        ${TALK_KINDS.join(', ')} (default: talk)
  --speakers <a,b>     ids of files in content/speakers/, in order
  --company <id>       the organisation presenting (default: the first speaker's company)
  --summary <text>     one sentence summing it up (default: a TODO to fill in)
  --order <n>          its position in the recap (default: after the last talk)
  --id <talk-id>       the file name, also the section's #anchor (default: the company, or the kind)
  --yes, -y            ask nothing: every value comes from the flags
  --dry-run            show what would be written, write nothing
  --content <dir>      the content folder (default: content)`;

/** The questions for what the flags leave out. */
function questions(state: ContentState): Question<TalkInput>[] {
	const recapOf = (i: TalkInput) => state.recaps.find((recap) => recap.id === i.recap);
	const firstSpeakerCompany = (i: TalkInput) =>
		state.speakers.find((speaker) => speaker.id === idList(i.speakers)[0])?.company;
	return [
		{
			flag: 'recap',
			key: 'recap',
			prompt: `Recap (${state.recaps.map((recap) => recap.id).join(', ')})`,
			suggest: () => (state.recaps.length === 1 ? state.recaps[0]?.id : undefined),
		},
		{ flag: 'title', key: 'title', prompt: 'Title' },
		{ flag: 'kind', key: 'kind', prompt: `Kind (${TALK_KINDS.join(', ')})`, suggest: () => 'talk' },
		{ flag: 'speakers', key: 'speakers', prompt: 'Speaker ids, separated by commas' },
		{
			flag: 'company',
			key: 'company',
			prompt: 'Company presenting (an id)',
			suggest: firstSpeakerCompany,
		},
		{
			flag: 'summary',
			key: 'summary',
			prompt: 'One-sentence summary (Enter to write it later)',
			optional: true,
		},
		{
			flag: 'order',
			key: 'order',
			prompt: 'Position in the recap',
			suggest: (i) => {
				const recap = recapOf(i);
				return recap ? String(nextOrder(recap)) : undefined;
			},
		},
		{
			flag: 'id',
			key: 'id',
			prompt: 'File name (also the #anchor)',
			suggest: (i) => {
				const recap = recapOf(i);
				const kind = (TALK_KINDS as readonly string[]).includes(i.kind ?? '')
					? (i.kind as TalkKind)
					: 'talk';
				const taken = new Set(recap?.talks.map((talk) => talk.id));
				return talkIdCandidates(kind, i.company || firstSpeakerCompany(i), i.title ?? '').find(
					(id) => !taken.has(id),
				);
			},
		},
	];
}

await runCommand('new:talk', () => {
	const flags = readFlags(process.argv.slice(2), {
		...COMMON_OPTIONS,
		recap: { type: 'string' },
		title: { type: 'string' },
		kind: { type: 'string' },
		speakers: { type: 'string' },
		company: { type: 'string' },
		summary: { type: 'string' },
		order: { type: 'string' },
		id: { type: 'string' },
	});
	return scaffold<TalkInput>({
		name: 'new:talk',
		helpText: HELP,
		flags,
		input: {
			recap: flags.recap,
			title: flags.title,
			kind: flags.kind,
			speakers: flags.speakers,
			company: flags.company,
			summary: flags.summary,
			order: flags.order,
			id: flags.id,
		},
		questions,
		plan: (input, state) => planTalk(input, state),
		refusalHint:
			'a talk with that file name exists in the recap: give this one another name with --id',
	});
});
