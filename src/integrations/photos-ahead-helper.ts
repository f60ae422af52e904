/**
 * The helper process of src/integrations/photos-ahead.ts:
 *
 *   node src/integrations/photos-ahead-helper.ts
 *
 * reads JSON lines on stdin (src/lib/photos-ahead.ts: the image settings, then one photo per
 * line) and puts each photo's variants in Astro's image cache, encoded by Astro's own sharp
 * service with the build's settings, so the files are the ones Astro would make. The last photo
 * sent goes first, one photo per core. When stdin closes (the build has ended, and with it any
 * use for its work), it prints what it did as one line of JSON and exits at once; the
 * integration removes any file it was writing.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { LocalImageService } from 'astro';
import sharpService from 'astro/assets/services/sharp';
import { writeFileAtomically } from '../lib/atomic-write.ts';
import { sha256 } from '../lib/photo-originals.ts';
import type { PhotoJob, PhotosAheadMessage, PhotosAheadReport } from '../lib/photos-ahead.ts';

type Transform = LocalImageService['transform'];

const report: PhotosAheadReport = { encoded: 0, found: 0, skipped: [] };
const waiting: PhotoJob[] = [];
const limit = availableParallelism();
let config: Parameters<Transform>[2] | undefined;
let running = 0;
let closed = false;
const folders = new Set<string>();

async function encode(job: PhotoJob): Promise<void> {
	const bytes = await readFile(job.source);
	if (sha256(bytes) !== job.digest) {
		report.skipped.push({ source: job.source, why: 'changed since the build read it' });
		return;
	}
	for (const { transform, cacheFile } of job.variants) {
		if (existsSync(cacheFile)) {
			report.found++;
			continue;
		}
		const warnings: string[] = [];
		const made = await sharpService.transform(
			bytes,
			transform as Parameters<Transform>[1],
			config!,
			collectingLogger(warnings),
		);
		// Left to the image phase, which warns with the photo's name.
		if (warnings.length > 0) {
			report.skipped.push({ source: job.source, why: warnings.join(' ') });
			return;
		}
		const folder = path.dirname(cacheFile);
		if (!folders.has(folder)) {
			await mkdir(folder, { recursive: true });
			folders.add(folder);
		}
		await writeFileAtomically(cacheFile, made.data);
		report.encoded++;
	}
}

/** A logger that keeps what it is told: sharp's service only ever calls `warn`. */
function collectingLogger(messages: string[]): Parameters<Transform>[3] {
	const keep = (message: string) => void messages.push(message);
	return {
		info: keep,
		warn: keep,
		error: keep,
		debug: keep,
	} as unknown as Parameters<Transform>[3];
}

function pump(): void {
	while (!closed && config !== undefined && running < limit && waiting.length > 0) {
		const job = waiting.pop()!;
		running++;
		encode(job)
			.catch((error: unknown) => {
				report.skipped.push({ source: job.source, why: String(error) });
			})
			.finally(() => {
				running--;
				pump();
			});
	}
}

function finish(): void {
	process.stdout.write(`${JSON.stringify(report)}\n`);
	process.exit(0);
}

createInterface({ input: process.stdin })
	.on('line', (line) => {
		const message = JSON.parse(line) as PhotosAheadMessage;
		if ('config' in message) config = message.config as Parameters<Transform>[2];
		else waiting.push(message.photo);
		pump();
	})
	.on('close', () => {
		closed = true;
		finish();
	});
