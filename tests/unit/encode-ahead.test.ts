/**
 * The scheduling behind src/image-service.ts: which variants are encoded ahead, and a queue that
 * runs them a few at a time, hands each result over once and never encodes a variant twice.
 */
import { describe, expect, it } from 'vitest';
import {
	createEncodeAhead,
	transformKey,
	variantsByKey,
	variantsToEncodeAhead,
	type EncodedImage,
	type RecordedVariant,
} from '../../src/lib/encode-ahead.ts';

/** An encoding the test finishes by hand. */
function deferred(bytes = 8) {
	let finish!: () => void;
	let fail!: (error: Error) => void;
	let calls = 0;
	const result = new Promise<EncodedImage>((resolve, reject) => {
		finish = () => resolve({ data: new Uint8Array(bytes), format: 'webp' });
		fail = reject;
	});
	return {
		encode: () => {
			calls++;
			return result;
		},
		finish,
		fail,
		calls: () => calls,
	};
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('transformKey', () => {
	const photo = { src: '/_astro/hero.BbXT3OV5.jpg', width: 1600, height: 900, format: 'jpg' };

	it("is the same for Astro's record of a variant and its later transform call", () => {
		const recorded = { src: photo, width: 800, height: 450, format: 'webp', quality: 72 };
		const called = { src: photo.src, width: 800, height: 450, format: 'webp', quality: 72 };
		expect(transformKey(photo.src, recorded)).toBe(transformKey(called.src, called));
	});

	it('tells variants apart by every field that changes pixels, and by photo', () => {
		const base = { width: 800, height: 450, format: 'webp', quality: 72 };
		const key = transformKey(photo.src, base);
		for (const change of [
			{ width: 480 },
			{ height: 300 },
			{ format: 'avif' },
			{ quality: 80 },
			{ fit: 'cover' },
			{ position: 'top' },
			{ background: '#fff' },
		]) {
			expect(transformKey(photo.src, { ...base, ...change })).not.toBe(key);
		}
		expect(transformKey('/_astro/other.C1.jpg', base)).not.toBe(key);
	});

	it('ignores what only the HTML uses', () => {
		const base = { width: 800, format: 'webp' };
		expect(transformKey(photo.src, { ...base, alt: 'A stage', loading: 'lazy' })).toBe(
			transformKey(photo.src, base),
		);
	});
});

describe('variantsToEncodeAhead', () => {
	const variant = (photo: string, width: number): RecordedVariant => ({
		key: `${photo}@${width}`,
		finalPath: `/_astro/${photo}_${width}.webp`,
		transform: { width },
	});
	const hero = [variant('hero', 480), variant('hero', 800), variant('hero', 1200)];
	const group = [variant('group', 480), variant('group', 800)];
	const index = variantsByKey([hero, group]);

	it("gives the photo's other variants, in Astro's order", () => {
		expect(variantsToEncodeAhead(index, 'hero@800', () => false)).toEqual([hero[0], hero[2]]);
		expect(variantsToEncodeAhead(index, 'group@480', () => false)).toEqual([group[1]]);
	});

	it('leaves out the variants already in the image cache', () => {
		const cached = (v: RecordedVariant) => v.finalPath.endsWith('_1200.webp');
		expect(variantsToEncodeAhead(index, 'hero@480', cached)).toEqual([hero[1]]);
	});

	it('gives nothing for a variant Astro did not record', () => {
		expect(variantsToEncodeAhead(index, 'other@480', () => false)).toEqual([]);
		expect(variantsToEncodeAhead(variantsByKey([]), 'hero@480', () => false)).toEqual([]);
	});
});

describe('createEncodeAhead', () => {
	it('runs at most `concurrency` encodings at once, the rest in the order offered', async () => {
		const ahead = createEncodeAhead({ concurrency: 2 });
		const jobs = [deferred(), deferred(), deferred()];
		jobs.forEach((job, i) => ahead.offer(`v${i}`, job.encode));
		expect(jobs.map((job) => job.calls())).toEqual([1, 1, 0]);
		jobs[0]!.finish();
		await tick();
		expect(jobs[2]!.calls()).toBe(1);
		expect(ahead.stats.startedAhead).toBe(3);
	});

	it('hands a running encoding over without starting it again', async () => {
		const ahead = createEncodeAhead({ concurrency: 1 });
		const job = deferred(5);
		ahead.offer('v', job.encode);
		const taken = ahead.take('v');
		job.finish();
		expect((await taken)?.data.byteLength).toBe(5);
		expect(job.calls()).toBe(1);
		expect(ahead.take('v')).toBeUndefined();
	});

	it('starts a queued encoding when it is taken, and the queue skips it', async () => {
		const ahead = createEncodeAhead({ concurrency: 1 });
		const first = deferred();
		const second = deferred();
		ahead.offer('first', first.encode);
		ahead.offer('second', second.encode);
		expect(second.calls()).toBe(0);
		const taken = ahead.take('second');
		expect(second.calls()).toBe(1);
		expect(ahead.stats.startedOnTake).toBe(1);
		first.finish();
		second.finish();
		await taken;
		await tick();
		expect(second.calls()).toBe(1);
	});

	it('never queues a variant twice, nor one already taken', () => {
		const ahead = createEncodeAhead({ concurrency: 1 });
		const job = deferred();
		expect(ahead.offer('v', job.encode)).toBe(true);
		expect(ahead.offer('v', job.encode)).toBe(false);
		void ahead.take('v');
		expect(ahead.offer('v', job.encode)).toBe(false);
		expect(job.calls()).toBe(1);
		expect(ahead.take('unknown')).toBeUndefined();
	});

	it('stops starting encodings while finished results over the budget wait to be taken', async () => {
		const ahead = createEncodeAhead({ concurrency: 1, maxHeldBytes: 10 });
		const jobs = [deferred(8), deferred(8), deferred(8)];
		jobs.forEach((job, i) => ahead.offer(`v${i}`, job.encode));
		jobs[0]!.finish();
		await tick();
		// 8 bytes held, under 10: the next one starts.
		expect(jobs[1]!.calls()).toBe(1);
		jobs[1]!.finish();
		await tick();
		// 16 bytes held: the third waits for a take.
		expect(ahead.stats.heldBytes).toBe(16);
		expect(jobs[2]!.calls()).toBe(0);
		await ahead.take('v0');
		expect(ahead.stats.heldBytes).toBe(8);
		expect(jobs[2]!.calls()).toBe(1);
	});

	it('hands a failure to the taker and goes on with the queue', async () => {
		const ahead = createEncodeAhead({ concurrency: 1 });
		const broken = deferred();
		const next = deferred();
		ahead.offer('broken', broken.encode);
		ahead.offer('next', next.encode);
		broken.fail(new Error('corrupt JPEG'));
		await tick();
		await expect(ahead.take('broken')).rejects.toThrow('corrupt JPEG');
		expect(next.calls()).toBe(1);
		expect(ahead.stats.running).toBe(1);
	});
});
