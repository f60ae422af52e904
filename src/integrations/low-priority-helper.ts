/**
 * A helper process of the build, run at the lowest CPU priority so it only ever gets a core
 * nothing else wants (src/integrations/portraits-ahead.ts, src/integrations/photos-ahead.ts).
 * Its output is collected, it never outlives the build, and what it leaves half-written can be
 * removed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { setPriority } from 'node:os';
import path from 'node:path';
import { isTemporaryOf } from '../lib/atomic-write.ts';

/** The lowest priority there is. */
const LOWEST_PRIORITY = 19;

export interface LowPriorityHelper {
	readonly child: ChildProcess;
	/** Settles with the exit code (null when it was killed or could not start) once it has ended. */
	readonly exited: Promise<number | null>;
	/** What it printed so far on stdout, and on stderr (with the error if it could not start). */
	readonly output: () => { stdout: string; stderr: string };
}

/** Starts `node <script> <args>` at the lowest priority; stdin is a pipe when `input` is set. */
export function startLowPriorityHelper(
	script: string,
	args: readonly string[],
	{ input = false }: { input?: boolean } = {},
): LowPriorityHelper {
	const child = spawn(process.execPath, [script, ...args], {
		stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
	});
	try {
		if (child.pid !== undefined) setPriority(child.pid, LOWEST_PRIORITY);
	} catch {
		// Not allowed to lower it here: it runs at normal priority, still on a spare core mostly.
	}
	let stdout = '';
	let stderr = '';
	child.stdout?.setEncoding('utf8').on('data', (text: string) => (stdout += text));
	child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
	const exited = new Promise<number | null>((resolve) => {
		child.once('error', (error) => {
			stderr += error.message;
			resolve(null);
		});
		child.once('exit', (code) => resolve(code));
	});
	// Never outlives the build, even one that fails before it ends.
	const stopOnExit = () => child.kill();
	process.once('exit', stopOnExit);
	void exited.then(() => process.off('exit', stopOnExit));
	return { child, exited, output: () => ({ stdout, stderr }) };
}

/** Removes the temporary files a stopped helper may have left in `dir` (named with its pid). */
export async function removeHalfWritten(dir: string, pid: number | undefined): Promise<void> {
	if (pid === undefined) return;
	const names = await readdir(dir).catch(() => [] as string[]);
	await Promise.all(
		names
			.filter((name) => isTemporaryOf(name, pid))
			.map((name) => rm(path.join(dir, name), { force: true })),
	);
}
