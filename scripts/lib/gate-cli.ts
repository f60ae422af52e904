/**
 * The shared command-line shell of the static gates (check-links, check-feeds, check-html): the
 * same arguments, one line per problem, a summary, and exit code 1 when anything is wrong.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

/** What every gate's command line accepts. */
export interface GateArgs {
	/** Absolute path of the built site (first positional argument, default `dist`). */
	siteDir: string;
	/** The deployed site's base URL (`--site`); links to it count as internal. */
	siteUrl: URL;
	/** Absolute path of the project, for mapping problems to source files (`--root`, default cwd). */
	projectRoot: string;
}

/**
 * Reads `[siteDir] [--site <url>] [--root <dir>]` from `argv` (without the node and script
 * entries), falling back to `dist/`, `defaultSiteUrl` and the working directory.
 */
export function parseGateArgs(argv: readonly string[], defaultSiteUrl: string): GateArgs {
	const { values, positionals } = parseArgs({
		args: [...argv],
		allowPositionals: true,
		options: { site: { type: 'string' }, root: { type: 'string' } },
	});
	if (positionals.length > 1)
		throw new Error(`expected one site folder, got ${positionals.join(' ')}`);
	const root = path.resolve(values.root ?? '.');
	const siteDir = path.resolve(positionals[0] ?? 'dist');
	if (!existsSync(siteDir)) throw new Error(`no built site at ${siteDir}: run the build first`);
	return {
		siteDir,
		siteUrl: new URL(values.site ?? defaultSiteUrl),
		projectRoot: root,
	};
}

/** A gate's outcome, ready to print. */
export interface GateReport {
	/** The command's name, e.g. `check-links`. */
	name: string;
	/** One formatted line per problem. */
	lines: readonly string[];
	/** What was checked, e.g. `3 pages, 140 links`. */
	checked: string;
}

/** Prints the report (problems, then a summary) and returns the process exit code. */
export function printGateReport({ name, lines, checked }: GateReport): number {
	for (const line of lines) console.log(line);
	if (lines.length === 0) {
		console.log(`${name}: no problems (${checked})`);
		return 0;
	}
	console.log(`${name}: ${plural(lines.length, 'problem')} (${checked})`);
	return 1;
}

/**
 * A count with its noun.
 *
 * @example plural(1, 'page') // '1 page'
 */
export function plural(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Runs a gate's main function and turns a crash into a message and exit code 2. */
export async function runGate(main: () => Promise<number>): Promise<void> {
	try {
		process.exitCode = await main();
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		process.exitCode = 2;
	}
}
