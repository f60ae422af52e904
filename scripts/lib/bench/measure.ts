/**
 * Runs one job (a build or a sharp floor) in a fresh child process and measures it: wall time
 * seen from here, CPU time (user + sys) and peak memory (max RSS) from GNU `time -v` when it is
 * installed (it counts the child's own children too), else from the runner's
 * `process.resourceUsage()`, and the load average before and after. The full output goes to a
 * log file next to the job.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRunnerResult, parseTimeReport } from './logs.ts';
import type { Job, RunnerResult } from './protocol.ts';
import { sampleThreads, type ThreadCpu, type ThreadSampler } from './threads.ts';

export const TIME_BIN = '/usr/bin/time';
const RUNNER = fileURLToPath(new URL('./runner.ts', import.meta.url));

export interface Measurement {
	label: string;
	ok: boolean;
	wallMs: number;
	userMs: number;
	sysMs: number;
	cpuMs: number;
	maxRssKb: number;
	/** Where CPU and memory come from. */
	usageSource: 'time -v' | 'resourceUsage';
	loadBefore: number[];
	loadAfter: number[];
	startedAt: string;
	logFile: string;
	runner?: RunnerResult | undefined;
	/** CPU time by kind of thread, sampled from /proc while it ran (Linux, when asked). */
	threads?: ThreadCpu | undefined;
}

export interface MeasureOptions {
	label: string;
	job: Job;
	env: NodeJS.ProcessEnv;
	cwd: string;
	/** Folder for the job file, the time report and the log. */
	logDir: string;
	/** The node binary (the project's pinned Node 24). */
	node: string;
	/** Split the job's CPU time by kind of thread, sampling /proc (scripts/lib/bench/threads.ts). */
	sampleThreads?: boolean;
}

/**
 * The environment a production build should see, as in tests/support/build.ts: NODE_ENV set to
 * production and Vite's `import.meta.env` names removed, plus no telemetry and no colours.
 */
export function productionEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	const clean: NodeJS.ProcessEnv = {
		...env,
		NODE_ENV: 'production',
		ASTRO_TELEMETRY_DISABLED: '1',
		FORCE_COLOR: '0',
		NO_COLOR: '1',
	};
	for (const key of ['DEV', 'PROD', 'SSR', 'MODE', 'BASE_URL', 'SITE', 'ASSETS_PREFIX']) {
		Reflect.deleteProperty(clean, key);
	}
	return clean;
}

const safeName = (label: string) => label.replace(/[^a-z0-9.-]+/gi, '_');

export async function measure(
	options: MeasureOptions,
): Promise<{ measurement: Measurement; output: string }> {
	const base = path.join(options.logDir, safeName(options.label));
	const jobFile = `${base}.job.json`;
	const timeFile = `${base}.time.txt`;
	const logFile = `${base}.log`;
	await writeFile(jobFile, JSON.stringify(options.job, null, '\t'));
	const useTime = existsSync(TIME_BIN);
	const [command, args] = useTime
		? [TIME_BIN, ['-v', '-o', timeFile, options.node, RUNNER, jobFile]]
		: [options.node, [RUNNER, jobFile]];

	const loadBefore = os.loadavg();
	const startedAt = new Date().toISOString();
	const started = performance.now();
	let sampler: Promise<ThreadSampler | undefined> = Promise.resolve(undefined);
	const { code, output } = await new Promise<{ code: number | null; output: string }>(
		(resolve, reject) => {
			const child = spawn(command, args, {
				cwd: options.cwd,
				env: options.env,
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			if (options.sampleThreads && child.pid !== undefined) sampler = sampleThreads(child.pid);
			const chunks: Buffer[] = [];
			child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
			child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
			child.on('error', reject);
			child.on('close', (exit) =>
				resolve({ code: exit, output: Buffer.concat(chunks).toString() }),
			);
		},
	);
	const wallMs = performance.now() - started;
	const threads = await (await sampler)?.stop();
	const loadAfter = os.loadavg();
	await writeFile(logFile, output);

	const runner = parseRunnerResult(output);
	const time = useTime
		? parseTimeReport(await readFile(timeFile, 'utf8').catch(() => ''))
		: undefined;
	const self = runner?.usage;
	const userMs = time?.userMs ?? (self ? self.userCPUTime / 1000 : Number.NaN);
	const sysMs = time?.sysMs ?? (self ? self.systemCPUTime / 1000 : Number.NaN);
	return {
		output,
		measurement: {
			label: options.label,
			ok: code === 0 && runner?.ok === true,
			wallMs,
			userMs,
			sysMs,
			cpuMs: userMs + sysMs,
			maxRssKb: time?.maxRssKb ?? self?.maxRSS ?? Number.NaN,
			usageSource: time ? 'time -v' : 'resourceUsage',
			loadBefore,
			loadAfter,
			startedAt,
			logFile,
			runner,
			...(threads ? { threads } : {}),
		},
	};
}
