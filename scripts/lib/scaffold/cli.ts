/**
 * The command-line shell shared by new:recap, new:speaker and new:talk: flags, questions for
 * whatever the flags left out, the plan shown before anything is written, and the report after.
 */
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { folderSettings } from '../../../src/build-folders.ts';
import { resolveNow, todayIn } from '../../../src/lib/dates.ts';
import { siteConfig } from '../../../src/site.config.ts';
import { readContentState, type ContentState } from './content.ts';
import { placeholderSize } from './placeholders.ts';
import {
	applyPlan,
	conflictsOf,
	formatInputProblem,
	InputError,
	type FileContent,
	type Plan,
} from './plan.ts';

/** Flags every scaffold accepts. */
export const COMMON_OPTIONS = {
	yes: { type: 'boolean', short: 'y', default: false },
	'dry-run': { type: 'boolean', default: false },
	content: { type: 'string' },
	help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

/** Reads the flags; an unknown or malformed one is an `InputError` naming it. */
export function readFlags<O extends NonNullable<ParseArgsConfig['options']>>(
	argv: readonly string[],
	options: O,
) {
	try {
		return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		throw new InputError([
			{ flag: '', message: `${message} -> see the list of flags with --help` },
		]);
	}
}

/** The content folder: `--content`, else `RECAP_CONTENT_DIR` (as the site reads it), else `content`. */
export function contentDirOf(flag: string | undefined): string {
	return path.resolve(flag ?? folderSettings().contentDir);
}

/** Today in the site's time zone (`RECAP_NOW` moves it, as for the build). */
export function siteToday(): string {
	return todayIn(
		resolveNow(process.env.RECAP_NOW, () => new Date()),
		siteConfig.timeZone,
	);
}

/** One question a command may ask; `flag` ties it to the flag and to the problems about it. */
export interface Question<I> {
	flag: string;
	key: keyof I & string;
	prompt: string;
	/** A suggested answer, taken on Enter. */
	suggest?: (input: I, state: ContentState) => string | undefined;
	/** Ask only when this holds (e.g. a company name only for a new company). */
	when?: (input: I, state: ContentState) => boolean;
	/** May be left empty (Enter skips it); with no more input it is skipped too. */
	optional?: boolean;
}

/** Questions over the terminal, reading lines as they come (typed or piped in). */
export class Prompter {
	readonly #rl: Interface;
	readonly #lines: AsyncIterator<string>;

	constructor() {
		this.#rl = createInterface({
			input: process.stdin,
			output: process.stdout,
			terminal: process.stdin.isTTY,
		});
		this.#lines = this.#rl[Symbol.asyncIterator]();
	}

	/**
	 * Asks once; Enter takes the suggestion. When the input has ended, a question with a
	 * suggestion takes it and an optional one is skipped; any other throws.
	 */
	async ask(prompt: string, suggestion?: string, optional = false): Promise<string> {
		process.stdout.write(suggestion ? `${prompt} [${suggestion}]: ` : `${prompt}: `);
		const next = await this.#lines.next();
		// With no more input (a script, or `< /dev/null`), a question with a suggestion takes it,
		// just as Enter would; only a question without one is an error.
		if (next.done && (suggestion || optional)) {
			process.stdout.write(`${suggestion ?? ''}\n`);
			return suggestion ?? '';
		}
		if (next.done) {
			throw new InputError([
				{
					flag: '',
					message:
						'the input ended before every question was answered -> give the values as flags (see --help)',
				},
			]);
		}
		if (!process.stdin.isTTY) process.stdout.write(`${next.value}\n`);
		const answer = next.value.trim();
		return answer === '' ? (suggestion ?? '') : answer;
	}

	async confirm(prompt: string): Promise<boolean> {
		const answer = await this.ask(`${prompt} (y/n)`, 'y');
		return /^y(es)?$/i.test(answer);
	}

	close(): void {
		this.#rl.close();
	}
}

/**
 * Fills in what the flags left out by asking, then plans; when the plan finds problems, shows
 * them and asks again for just those answers. Without a prompter the first problems are thrown.
 */
export async function planInteractively<I extends object>(
	input: I,
	state: ContentState,
	questions: readonly Question<I>[],
	plan: (input: I) => Plan | Promise<Plan>,
	prompter: Prompter | undefined,
): Promise<Plan> {
	const values = input as Record<string, unknown>;
	if (prompter) {
		for (const question of questions) {
			if (values[question.key] !== undefined) continue;
			if (question.when && !question.when(input, state)) continue;
			values[question.key] = await prompter.ask(
				question.prompt,
				question.suggest?.(input, state),
				question.optional,
			);
		}
	}
	for (;;) {
		try {
			return await plan(input);
		} catch (error) {
			if (!(error instanceof InputError) || !prompter) throw error;
			const flagged = questions.filter((question) =>
				error.problems.some((problem) => problem.flag === question.flag),
			);
			if (flagged.length === 0) throw error;
			for (const problem of error.problems) console.log(`  ${formatInputProblem(problem)}`);
			for (const question of flagged) {
				values[question.key] = await prompter.ask(
					question.prompt,
					question.suggest?.(input, state),
				);
			}
		}
	}
}

/** How a path is shown: relative to where the command runs, as the marketer typed it. */
export function shown(contentDir: string, file: string): string {
	return path.relative(process.cwd(), path.join(contentDir, file)) || '.';
}

function describeContent(content: FileContent): string {
	if (content.type === 'placeholder') {
		const { width, height } = placeholderSize(content.spec);
		return ` (placeholder image, ${width}x${height})`;
	}
	return content.type === 'render' ? ` (${content.describe})` : '';
}

/** The files a plan would write and the edit it would make, one line each. */
export function planLines(plan: Plan, contentDir: string): string[] {
	return [
		...plan.files.map(
			(file) => `  + ${shown(contentDir, file.path)}${describeContent(file.content)}`,
		),
		...plan.edits.map((edit) => `  ~ ${shown(contentDir, edit.path)} (${edit.summary})`),
	];
}

export interface ScaffoldRun {
	name: string;
	plan: Plan;
	contentDir: string;
	dryRun: boolean;
	prompter: Prompter | undefined;
	/** What to try when files exist, e.g. `choose another id with --id`. */
	refusalHint: string;
}

/** Shows the plan, asks to go ahead (unless --yes), applies it and reports; returns the exit code. */
export async function applyAndReport(run: ScaffoldRun): Promise<number> {
	const { name, plan, contentDir } = run;
	const where = shown(contentDir, '');
	// Plans speak of `content/...`; show the folder actually used when it is another one.
	const local = (text: string) =>
		where === 'content' ? text : text.replaceAll('content/', `${where}/`);
	for (const note of plan.notes) console.log(`Note: ${local(note)}`);

	const refuse = (existing: readonly string[], changed: readonly string[]) => {
		const exists = new Set(existing);
		console.log(`${name}: nothing written: it never overwrites a file, and these exist already:`);
		for (const file of existing) console.log(`  ! ${shown(contentDir, file)}`);
		for (const file of changed) {
			console.log(`  ! ${shown(contentDir, file)} changed while ${name} was running`);
		}
		console.log('It would have written:');
		for (const file of plan.files) {
			console.log(`    ${shown(contentDir, file.path)}${exists.has(file.path) ? ' (exists)' : ''}`);
		}
		for (const edit of plan.edits) {
			console.log(`    ${shown(contentDir, edit.path)} (${edit.summary})`);
		}
		console.log(`Hint: ${run.refusalHint}`);
		return 1;
	};

	// Refuse before asking anything: a plan that would overwrite is never worth confirming.
	const conflicts = conflictsOf(plan, contentDir);
	if (conflicts.existing.length > 0 || conflicts.changed.length > 0) {
		return refuse(conflicts.existing, conflicts.changed);
	}
	if (run.dryRun || run.prompter) {
		console.log(
			run.dryRun ? `${name} would write (dry run, nothing written):` : `${name} will write:`,
		);
		for (const line of planLines(plan, contentDir)) console.log(line);
		if (run.dryRun) return 0;
		if (!(await run.prompter?.confirm('Write these files?'))) {
			console.log('Nothing written.');
			return 1;
		}
	}
	const outcome = await applyPlan(plan, contentDir);
	if (outcome.status === 'refused') return refuse(outcome.existing, outcome.changed);

	console.log(`${name} wrote:`);
	for (const file of outcome.files) {
		console.log(`  + ${shown(contentDir, file.path)} (${formatKB(file.bytes)})`);
	}
	for (const edit of outcome.edits) {
		console.log(`  ~ ${shown(contentDir, edit.path)} (${edit.summary})`);
	}
	if (plan.next.length > 0) {
		console.log('\nNext:');
		let step = 0;
		for (const line of plan.next) {
			console.log(line.startsWith('  ') ? `   ${local(line)}` : `  ${++step}. ${local(line)}`);
		}
	}
	return 0;
}

/** `12.3 KB`. */
export function formatKB(bytes: number): string {
	return `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * Runs a command: problems with the input print one line each (exit 1), anything unexpected
 * prints its message (exit 2).
 */
export async function runCommand(name: string, main: () => Promise<number>): Promise<void> {
	try {
		process.exitCode = await main();
	} catch (error) {
		if (error instanceof InputError) {
			console.error(`${name}: nothing written:`);
			for (const problem of error.problems) console.error(`  ${formatInputProblem(problem)}`);
			process.exitCode = 1;
		} else {
			console.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
			process.exitCode = 2;
		}
	}
}

/** The content snapshot, or an error saying the folder is not there. */
export function loadState(contentDir: string): ContentState {
	const state = readContentState(contentDir);
	if (state.files.size === 0) {
		throw new InputError([
			{
				flag: 'content',
				message: `no content in ${contentDir} -> run this from the project folder, or point --content at the content folder`,
			},
		]);
	}
	return state;
}

/** What a scaffold command is made of; `scaffold` does the rest. */
export interface ScaffoldCommand<I extends object> {
	name: string;
	helpText: string;
	flags: { help: boolean; yes: boolean; 'dry-run': boolean; content?: string | undefined };
	input: I;
	/** The questions for values the flags left out, in the order they are asked. */
	questions: (state: ContentState) => Question<I>[];
	plan: (input: I, state: ContentState) => Plan | Promise<Plan>;
	refusalHint: string;
}

/**
 * Runs a scaffold command: --help, the content snapshot, questions (unless --yes or --dry-run),
 * the plan, and applying it. Returns the exit code.
 */
export async function scaffold<I extends object>(command: ScaffoldCommand<I>): Promise<number> {
	const { flags } = command;
	if (flags.help) {
		console.log(command.helpText);
		return 0;
	}
	const contentDir = contentDirOf(flags.content);
	const state = loadState(contentDir);
	const prompter = flags.yes || flags['dry-run'] ? undefined : new Prompter();
	try {
		const plan = await planInteractively(
			command.input,
			state,
			command.questions(state),
			(input) => command.plan(input, state),
			prompter,
		);
		return await applyAndReport({
			name: command.name,
			plan,
			contentDir,
			dryRun: flags['dry-run'],
			prompter,
			refusalHint: command.refusalHint,
		});
	} finally {
		prompter?.close();
	}
}
