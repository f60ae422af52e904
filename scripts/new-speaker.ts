/**
 * Scaffolds a speaker (reused in every city they speak in): `content/speakers/<id>.yaml`, the
 * portrait beside it (cut square from --photo, or a placeholder), and
 * `content/companies/<company>.yaml` when the company is new. Never overwrites.
 *
 * Usage: npm run new:speaker [-- --name "Jane Doe" --role "..." --company <id>
 *          [--company-name "Example Corp" --company-url https://...] [--photo <file>] [--id <id>]
 *          [--yes] [--dry-run] [--content <dir>]]
 * Asks for whatever is left out (all of it when run without flags); --yes asks nothing.
 * Exit code: 0 written, 1 nothing written (a problem with the input, or a file exists), 2 crash.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { typedFrom } from './lib/photos/import.ts';
import { inspectPhoto, PORTRAIT_MIN, portraitSide } from './lib/photos/process.ts';
import {
	COMMON_OPTIONS,
	readFlags,
	runCommand,
	scaffold,
	type Question,
} from './lib/scaffold/cli.ts';
import type { ContentState } from './lib/scaffold/content.ts';
import { InputError, type InputProblem, type Plan } from './lib/scaffold/plan.ts';
import { isNewCompany, planSpeaker, type SpeakerInput } from './lib/scaffold/speaker.ts';
import { slugify } from './lib/scaffold/text.ts';

const HELP = `npm run new:speaker -- [flags]   add a speaker

  --name <name>          full name as the person writes it
  --role <role>          job title, e.g. "Staff Engineer, Search Platform"
  --company <id>         their company: a file in content/companies/ (a new one is created)
  --company-name <name>  the company's name, when it is new
  --company-url <url>    its home page (https), optional
  --photo <file>         a photo to cut the square portrait from (default: a placeholder)
  --id <id>              the speaker's id (default: from the name, e.g. jane-doe)
  --yes, -y              ask nothing: every value comes from the flags
  --dry-run              show what would be written, write nothing
  --content <dir>        the content folder (default: content)`;

type Input = SpeakerInput & { photo?: string | undefined };

/** Checks the portrait photo can be read and is big enough; returns where it is and the side. */
async function portraitOf(file: string): Promise<{ source: string; side: number }> {
	const source = path.resolve(typedFrom(), file);
	let problem: string;
	try {
		const info = await inspectPhoto(await readFile(source), source);
		if (Math.min(info.width, info.height) >= PORTRAIT_MIN) {
			return { source, side: portraitSide(info) };
		}
		problem = `${info.width}x${info.height} is too small for a portrait -> use a photo of at least ${PORTRAIT_MIN}x${PORTRAIT_MIN} px`;
	} catch (error) {
		const code = error instanceof Error && 'code' in error ? error.code : undefined;
		problem =
			code === 'ENOENT'
				? 'no such file -> check the path (drag the file into the terminal to paste it)'
				: error instanceof Error
					? error.message
					: String(error);
	}
	throw new InputError([{ flag: 'photo', message: `${file}: ${problem}` }]);
}

/** Plans with the portrait checked first; the photo's problem and the others are reported together. */
async function plan(input: Input, state: ContentState): Promise<Plan> {
	const problems: InputProblem[] = [];
	let portrait: { source: string; side: number } | undefined;
	if (input.photo?.trim()) {
		try {
			portrait = await portraitOf(input.photo.trim());
		} catch (error) {
			if (!(error instanceof InputError)) throw error;
			problems.push(...error.problems);
		}
	}
	let planned: Plan | undefined;
	try {
		planned = planSpeaker(input, state, { portrait });
	} catch (error) {
		if (!(error instanceof InputError)) throw error;
		problems.push(...error.problems);
	}
	if (planned === undefined || problems.length > 0) throw new InputError(problems);
	return planned;
}

/** The questions for what the flags leave out; the company's name only for a new company. */
function questions(state: ContentState): Question<Input>[] {
	const newCompany = (i: Input) => isNewCompany(state, i.company);
	return [
		{ flag: 'name', key: 'name', prompt: 'Full name' },
		{
			flag: 'id',
			key: 'id',
			prompt: 'Speaker id',
			suggest: (i) => (i.name ? slugify(i.name) || undefined : undefined),
		},
		{ flag: 'role', key: 'role', prompt: 'Job title' },
		{
			flag: 'company',
			key: 'company',
			prompt: `Company id (known: ${state.companies.join(', ')}; a new id adds a company)`,
		},
		{
			flag: 'company-name',
			key: 'companyName',
			prompt: 'A new company: its name as readers know it',
			when: newCompany,
		},
		{
			flag: 'company-url',
			key: 'companyUrl',
			prompt: 'Its home page (https; Enter to skip)',
			when: newCompany,
			optional: true,
		},
		{
			flag: 'photo',
			key: 'photo',
			prompt: 'A photo for the portrait (a file; Enter for a placeholder)',
			optional: true,
		},
	];
}

await runCommand('new:speaker', () => {
	const flags = readFlags(process.argv.slice(2), {
		...COMMON_OPTIONS,
		name: { type: 'string' },
		role: { type: 'string' },
		company: { type: 'string' },
		'company-name': { type: 'string' },
		'company-url': { type: 'string' },
		photo: { type: 'string' },
		id: { type: 'string' },
	});
	return scaffold<Input>({
		name: 'new:speaker',
		helpText: HELP,
		flags,
		input: {
			name: flags.name,
			role: flags.role,
			company: flags.company,
			companyName: flags['company-name'],
			companyUrl: flags['company-url'],
			id: flags.id,
			photo: flags.photo,
		},
		questions,
		plan,
		refusalHint:
			'that speaker exists already: reuse the id in the talk, or give this person another id with --id (e.g. with a middle initial)',
	});
});
