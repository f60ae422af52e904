/**
 * Where a measured job's CPU time goes, by kind of thread: the benchmark samples every thread of
 * the job's process tree from /proc while it runs (Linux only) and sums each thread's CPU time by
 * what the thread is for. GNU time gives the job's total; this splits it, so the part of a cold
 * build beyond its floors can be put down to JavaScript, garbage collection, sharp or the helpers
 * rather than guessed at.
 *
 * The classes come from the thread names Node, libuv, libvips and the tools set (`comm`) and from
 * the process's command line (the build's helper processes). A thread or process that starts and
 * ends between two samples is not seen; the report's "unseen" column is what the total has beyond
 * the sampled sum.
 */
import { readdir, readFile } from 'node:fs/promises';

export const THREAD_CLASSES = [
	'js',
	'gc',
	'sharp',
	'helpers',
	'bundler',
	'search',
	'other',
] as const;
export type ThreadClass = (typeof THREAD_CLASSES)[number];

/** What each class holds, for the report. */
export const THREAD_CLASS_LABELS: Record<ThreadClass, string> = {
	js: 'JavaScript (main threads of the build)',
	gc: "V8's helper threads (garbage collection, compilation)",
	sharp: 'sharp and file I/O (libvips and libuv threads)',
	helpers: 'low-priority helper processes (photos and portraits ahead)',
	bundler: 'bundlers (rolldown, esbuild)',
	search: 'search index (pagefind)',
	other: 'other threads',
};

/** One thread's identity and its CPU time so far (user + system, in clock ticks). */
export interface TaskSample {
	comm: string;
	ticks: number;
}

/**
 * Parses `/proc/<pid>/task/<tid>/stat`: the name between the first `(` and the last `)` (a name
 * may hold spaces and parentheses), then utime and stime, fields 14 and 15 of the whole line.
 */
export function parseTaskStat(text: string): TaskSample | undefined {
	const open = text.indexOf('(');
	const close = text.lastIndexOf(')');
	if (open === -1 || close < open) return undefined;
	const fields = text
		.slice(close + 2)
		.trim()
		.split(/\s+/);
	// fields[0] is the state (field 3), so utime (field 14) is fields[11] and stime fields[12].
	const utime = Number(fields[11]);
	const stime = Number(fields[12]);
	if (!Number.isFinite(utime) || !Number.isFinite(stime)) return undefined;
	return { comm: text.slice(open + 1, close), ticks: utime + stime };
}

/** The parent pid in `/proc/<pid>/stat` (field 4). */
export function parseParentPid(text: string): number | undefined {
	const close = text.lastIndexOf(')');
	if (close === -1) return undefined;
	const ppid = Number(text.slice(close + 2).split(/\s+/)[1]);
	return Number.isInteger(ppid) ? ppid : undefined;
}

const HELPER_SCRIPT = /(?:photos|portraits)-ahead-helper\.[cm]?[jt]s$/;

/**
 * The class of a thread, from its name and its process's command line (argv, NUL-split). Node
 * names its own threads (`MainThread`, `V8Worker`, `libuv-worker`); libvips names its workers
 * `libvips worker` (older versions `vips-N` or `worker-N`).
 */
export function classifyThread(argv: readonly string[], comm: string): ThreadClass {
	if (argv.some((arg) => HELPER_SCRIPT.test(arg))) return 'helpers';
	const program = (argv[0] ?? '').split('/').at(-1) ?? '';
	if (program.startsWith('pagefind')) return 'search';
	if (program === 'esbuild' || comm.startsWith('rolldown')) return 'bundler';
	if (comm.startsWith('V8') || comm.startsWith('DelayedTaskSch')) return 'gc';
	if (/^(libvips|vips|worker-\d|libuv-worker)/.test(comm)) return 'sharp';
	if (comm === 'MainThread' || (program === 'node' && comm === 'node')) return 'js';
	// /usr/bin/time itself, and any thread not named above (Node's inspector, for one).
	return 'other';
}

/** The CPU time of each class, in milliseconds. */
export type ThreadCpu = Record<ThreadClass, number>;

export function emptyThreadCpu(): ThreadCpu {
	return Object.fromEntries(THREAD_CLASSES.map((name) => [name, 0])) as ThreadCpu;
}

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on every Linux ABI Node runs on). */
const TICKS_PER_SECOND = 100;

/**
 * Sums the last sample of every thread by class. `threads` maps a thread (`pid/tid`) to its
 * process's argv and its latest sample.
 */
export function sumThreadCpu(
	threads: ReadonlyMap<string, { argv: readonly string[]; sample: TaskSample }>,
): ThreadCpu {
	const sums = emptyThreadCpu();
	for (const { argv, sample } of threads.values()) {
		sums[classifyThread(argv, sample.comm)] += (sample.ticks * 1000) / TICKS_PER_SECOND;
	}
	return sums;
}

const readText = (file: string) => readFile(file, 'utf8').catch(() => undefined);

/** The pids of `root` and all its descendants now running. */
async function processTree(root: number): Promise<number[]> {
	const pids = (await readdir('/proc').catch(() => [] as string[]))
		.filter((name) => /^\d+$/.test(name))
		.map(Number);
	const parents = new Map<number, number>();
	await Promise.all(
		pids.map(async (pid) => {
			const stat = await readText(`/proc/${pid}/stat`);
			const ppid = stat === undefined ? undefined : parseParentPid(stat);
			if (ppid !== undefined) parents.set(pid, ppid);
		}),
	);
	const tree = new Set([root]);
	for (let grew = true; grew;) {
		grew = false;
		for (const [pid, ppid] of parents) {
			if (!tree.has(pid) && tree.has(ppid)) {
				tree.add(pid);
				grew = true;
			}
		}
	}
	return [...tree];
}

export interface ThreadSampler {
	/** Stops sampling (after one last sample) and returns the CPU time by class. */
	stop(): Promise<ThreadCpu>;
}

/**
 * Samples the threads of `root`'s process tree every `intervalMs` until stopped. Where /proc is
 * missing (not Linux) it samples nothing and returns undefined.
 */
export async function sampleThreads(
	root: number,
	intervalMs = 250,
): Promise<ThreadSampler | undefined> {
	if ((await readText('/proc/self/stat')) === undefined) return undefined;
	const threads = new Map<string, { argv: readonly string[]; sample: TaskSample }>();

	const sampleOnce = async () => {
		for (const pid of await processTree(root)) {
			// Read each time: a process seen between fork and exec still has its parent's.
			const cmdline = await readText(`/proc/${pid}/cmdline`);
			if (cmdline === undefined) continue;
			const argv = cmdline.split('\0').filter(Boolean);
			const tids = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
			await Promise.all(
				tids.map(async (tid) => {
					const stat = await readText(`/proc/${pid}/task/${tid}/stat`);
					const sample = stat === undefined ? undefined : parseTaskStat(stat);
					if (sample) threads.set(`${pid}/${tid}`, { argv, sample });
				}),
			);
		}
	};

	let busy: Promise<void> = sampleOnce();
	const timer = setInterval(() => {
		busy = busy.then(sampleOnce);
	}, intervalMs);
	return {
		async stop() {
			clearInterval(timer);
			await busy;
			await sampleOnce();
			return sumThreadCpu(threads);
		},
	};
}
