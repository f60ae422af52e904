/**
 * The benchmark's split of a job's CPU time by kind of thread (scripts/lib/bench/threads.ts): the
 * /proc parsers and the classes as pure functions, and the sampler on a real child process (the
 * report's row is tested with the rest of the report, in bench.test.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	classifyThread,
	emptyThreadCpu,
	parseParentPid,
	parseTaskStat,
	sampleThreads,
	sumThreadCpu,
} from '../../scripts/lib/bench/threads.ts';

/** A /proc stat line as Linux writes it: pid, (comm), state, ppid, ..., utime (14), stime (15). */
const statLine = (comm: string, { ppid = 1, utime = 0, stime = 0 } = {}) =>
	`4242 (${comm}) S ${ppid} 4242 4242 0 -1 4194560 1234 0 0 0 ${utime} ${stime} 0 0 20 0 9 0 100 2000000 3000 18446744073709551615`;

describe('the /proc parsers', () => {
	it("reads a thread's name and its user + system ticks", () => {
		expect(parseTaskStat(statLine('MainThread', { utime: 150, stime: 25 }))).toEqual({
			comm: 'MainThread',
			ticks: 175,
		});
	});

	it('keeps a name with spaces and parentheses whole', () => {
		expect(parseTaskStat(statLine('libvips worker', { utime: 3 }))).toEqual({
			comm: 'libvips worker',
			ticks: 3,
		});
		expect(parseTaskStat(statLine('a) b (c', { stime: 7 }))).toEqual({ comm: 'a) b (c', ticks: 7 });
	});

	it('rejects a line cut short or with no name', () => {
		expect(parseTaskStat('4242 (node) S 1 4242')).toBeUndefined();
		expect(parseTaskStat('')).toBeUndefined();
		expect(parseTaskStat('4242 node S 1')).toBeUndefined();
	});

	it('reads the parent pid', () => {
		expect(parseParentPid(statLine('node', { ppid: 977 }))).toBe(977);
		expect(parseParentPid(statLine('x) (y', { ppid: 12 }))).toBe(12);
		expect(parseParentPid('garbage')).toBeUndefined();
	});
});

describe('the kinds of thread', () => {
	const node = ['/work/node_modules/node/bin/node', 'scripts/lib/bench/runner.ts', 'job.json'];

	it("sorts the build process's threads by what they do", () => {
		expect(classifyThread(node, 'MainThread')).toBe('js');
		expect(classifyThread(node, 'V8Worker')).toBe('gc');
		expect(classifyThread(node, 'DelayedTaskSch')).toBe('gc');
		expect(classifyThread(node, 'libvips worker')).toBe('sharp');
		expect(classifyThread(node, 'libuv-worker')).toBe('sharp');
		expect(classifyThread(node, 'rolldown-worker')).toBe('bundler');
		expect(classifyThread(node, 'inspector-io')).toBe('other');
	});

	it('puts every thread of a helper process with the helpers', () => {
		for (const script of ['photos-ahead-helper.ts', 'portraits-ahead-helper.ts']) {
			const argv = ['/x/node', `/work/src/integrations/${script}`, 'content'];
			expect(classifyThread(argv, 'MainThread')).toBe('helpers');
			expect(classifyThread(argv, 'libvips worker')).toBe('helpers');
		}
	});

	it('knows the search indexer and the other bundler by their program', () => {
		expect(classifyThread(['/x/pagefind_extended', '--service'], 'tokio-rt-worker')).toBe('search');
		expect(classifyThread(['/x/esbuild', '--service=0.28.2'], 'esbuild')).toBe('bundler');
		expect(classifyThread(['/usr/bin/time', '-v'], 'time')).toBe('other');
	});

	it('sums the latest sample of each thread by class, in milliseconds', () => {
		const thread = (argv: string[], comm: string, ticks: number) => ({
			argv,
			sample: { comm, ticks },
		});
		const sums = sumThreadCpu(
			new Map([
				['1/1', thread(node, 'MainThread', 250)],
				['1/2', thread(node, 'libvips worker', 100)],
				['1/3', thread(node, 'libvips worker', 50)],
				['1/4', thread(node, 'V8Worker', 3)],
				['2/2', thread(['/x/node', 'photos-ahead-helper.ts'], 'libvips worker', 40)],
			]),
		);
		expect(sums).toEqual({ ...emptyThreadCpu(), js: 2500, sharp: 1500, gc: 30, helpers: 400 });
	});
});

describe.runIf(existsSync('/proc/self/task'))('the sampler', () => {
	it("finds a child process's busy main thread and its own child's", async () => {
		// A parent that spins and starts a child that spins too, each for 0.7 s of its own CPU time
		// (not of the clock: on a busy machine a process gets less CPU than the clock runs).
		// user + system: asking for the time is itself a system call.
		const spin = (ms: number) =>
			`for (let t = process.cpuUsage(); t.user + t.system < ${ms * 1000}; t = process.cpuUsage());`;
		const child = spawn(
			process.execPath,
			[
				'-e',
				`const { spawn } = require('node:child_process');
				const kid = spawn(process.execPath, ['-e', ${JSON.stringify(spin(700))}], { stdio: 'inherit' });
				${spin(700)}
				kid.on('exit', () => process.exit(0));`,
			],
			{ stdio: 'inherit' },
		);
		const sampler = await sampleThreads(child.pid!, 50);
		await new Promise((resolve) => child.on('exit', resolve));
		const cpu = await sampler!.stop();
		// 1.4 s between them, less what fell after each one's last sample. The parent alone has
		// at most about 0.72 s: more than 0.9 s means the child was seen too.
		expect(cpu.js).toBeGreaterThan(900);
		expect(cpu.js).toBeLessThan(3000);
		expect(cpu.helpers).toBe(0);
	});

	it('returns nothing for a process that is gone', async () => {
		const child = spawn(process.execPath, ['-e', '0']);
		await new Promise((resolve) => child.on('exit', resolve));
		const sampler = await sampleThreads(child.pid!, 50);
		expect(await sampler!.stop()).toEqual(emptyThreadCpu());
	});
});
