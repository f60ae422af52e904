/** The machine and the versions a benchmark ran on, for the report. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

export interface MachineInfo {
	cpuModel: string;
	cpus: number;
	availableParallelism: number;
	totalMemoryGb: number;
	os: string;
	node: string;
	astro: string;
	sharp: string;
	libvips: string;
	/** UV_THREADPOOL_SIZE and sharp.concurrency(): what sharp's "default concurrency" is here. */
	uvThreadpool: string;
	sharpConcurrency: number;
	loadAverage: number[];
	/** The commit the tree is at, and the files of src/ and astro.config.mjs changed since. */
	git: string;
}

/** HEAD and the uncommitted changes that affect a build (others work in this tree too). */
function gitState(projectRoot: string): string {
	try {
		const run = (args: string[]) =>
			execFileSync('git', args, {
				cwd: projectRoot,
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'ignore'],
			}).trim();
		const head = run(['rev-parse', '--short', 'HEAD']);
		const dirty = run(['status', '--porcelain', '--', 'src', 'astro.config.mjs'])
			.split('\n')
			.filter(Boolean);
		return dirty.length === 0
			? head
			: `${head} + ${dirty.length} uncommitted change(s) in src/ or astro.config.mjs`;
	} catch {
		return 'unknown';
	}
}

function versionOf(projectRoot: string, name: string): string {
	try {
		const file = path.join(projectRoot, 'node_modules', name, 'package.json');
		return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? '?';
	} catch {
		return '?';
	}
}

export function machineInfo(projectRoot: string): MachineInfo {
	const cpus = os.cpus();
	return {
		cpuModel: cpus[0]?.model ?? 'unknown',
		cpus: cpus.length,
		availableParallelism: os.availableParallelism(),
		totalMemoryGb: os.totalmem() / 1024 ** 3,
		os: `${os.type()} ${os.release()} ${os.arch()}`,
		node: process.version,
		astro: versionOf(projectRoot, 'astro'),
		sharp: versionOf(projectRoot, 'sharp'),
		libvips: sharp.versions.vips,
		uvThreadpool: process.env.UV_THREADPOOL_SIZE ?? '4 (default)',
		sharpConcurrency: sharp.concurrency(),
		loadAverage: os.loadavg(),
		git: gitState(projectRoot),
	};
}
