/**
 * The synthetic site generator (scripts/lib/synthetic): deterministic from its seed, valid against
 * the real schemas and `buildSite`, speakers reused across cities, and the counts it promises.
 */
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { entryText, textFiles } from '../../scripts/lib/synthetic/files.ts';
import { imageSvg, renderImage } from '../../scripts/lib/synthetic/images.ts';
import {
	allEntries,
	PHOTO_SIZE,
	planSite,
	PORTRAIT_SIZE,
	SPEAKERS_PER_RECAP,
	SYNTHETIC_TODAY,
	TALKS_PER_RECAP,
	type PlannedEntry,
	type SitePlan,
} from '../../scripts/lib/synthetic/plan.ts';
import { createRandom } from '../../scripts/lib/synthetic/random.ts';
import {
	assertSafeOutDir,
	isUpToDate,
	MANIFEST,
	writeSite,
} from '../../scripts/lib/synthetic/write.ts';
import { buildSite } from '../../src/lib/site.ts';
import type { ContentInputs, Input } from '../fixtures/unit/roadshow.ts';
import { toRawContent } from './helpers.ts';

/** What a file of the plan says once written and read back (YAML, or MDX front matter). */
function readBack(entry: PlannedEntry): Input {
	const text = entryText(entry);
	if (entry.body === undefined) return parseYaml(text) as Input;
	const end = text.indexOf('\n---\n', 4);
	return parseYaml(text.slice(4, end)) as Input;
}

/** Photo fields hold paths in the files; the test context's `image()` takes resolved metadata. */
function resolvePhotos(plan: SitePlan, entry: PlannedEntry, input: Input): Input {
	const dir = path.posix.dirname(entry.path);
	const sizes = new Map(plan.images.map((image) => [image.path, image]));
	const resolved: Input = { ...input };
	for (const field of ['photo', 'hero', 'groupPhoto']) {
		const photo = resolved[field] as { src: string } | undefined;
		if (!photo) continue;
		const image = sizes.get(path.posix.normalize(path.posix.join(dir, photo.src)));
		if (!image) throw new Error(`${entry.path} ${field}: no planned image at ${photo.src}`);
		resolved[field] = {
			...photo,
			src: { src: `/${image.path}`, width: image.width, height: image.height, format: 'jpg' },
		};
	}
	return resolved;
}

function contentInputs(plan: SitePlan): ContentInputs {
	const inputs: ContentInputs = {
		series: {},
		companies: {},
		speakers: {},
		writeups: {},
		recaps: {},
		talks: {},
		topics: {},
	};
	for (const entry of allEntries(plan)) {
		inputs[entry.collection][entry.id] = resolvePhotos(plan, entry, readBack(entry));
	}
	return inputs;
}

const production = {
	today: SYNTHETIC_TODAY,
	includeUnpublished: false,
	defaultAuthor: 'The Example team',
};

describe('the seeded generator', () => {
	it('draws the same numbers from the same seed, and others from another seed', () => {
		const draw = (seed: number) => {
			const random = createRandom(seed);
			return Array.from({ length: 5 }, () => random.int(0, 1000));
		};
		expect(draw(7)).toEqual(draw(7));
		expect(draw(7)).not.toEqual(draw(8));
	});
});

describe('planSite', () => {
	it('is deterministic: the same seed gives the same files, byte for byte', () => {
		const a = planSite({ recaps: 12, seed: 3 });
		const b = planSite({ recaps: 12, seed: 3 });
		expect(textFiles(a)).toEqual(textFiles(b));
		expect(a.images).toEqual(b.images);
		expect(textFiles(planSite({ recaps: 12, seed: 4 }))).not.toEqual(textFiles(a));
	});

	it('rejects sizes and seeds it cannot honour', () => {
		expect(() => planSite({ recaps: 0, seed: 1 })).toThrow(/--recaps/);
		expect(() => planSite({ recaps: 2.5, seed: 1 })).toThrow(/--recaps/);
		expect(() => planSite({ recaps: 2, seed: -1 })).toThrow(/--seed/);
	});

	it.each([1, 10, 25])(
		'%i recaps parse through the real schemas and build with no ContentError',
		(recaps) => {
			const plan = planSite({ recaps, seed: 1 });
			const site = buildSite(toRawContent(contentInputs(plan)), production);
			expect(site.recaps).toHaveLength(recaps);
			expect(site.recaps.every((recap) => recap.status === 'published')).toBe(true);
		},
	);

	it('has the promised counts', () => {
		const recaps = 30;
		const plan = planSite({ recaps, seed: 1 });
		const { entries } = plan;
		expect(entries.recaps).toHaveLength(recaps);
		expect(entries.talks).toHaveLength(recaps * TALKS_PER_RECAP);
		expect(entries.series).toHaveLength(3);
		for (const recap of entries.recaps) {
			const talks = entries.talks.filter((talk) => talk.id.startsWith(`${recap.id}/`));
			const speakers = new Set(talks.flatMap((talk) => talk.data.speakers as string[]));
			expect(speakers.size).toBe(SPEAKERS_PER_RECAP);
			const photos = plan.images.filter((image) => image.owner === recap.id);
			expect(photos.map((photo) => photo.kind).sort()).toEqual(
				recap.data.groupPhoto ? ['group', 'hero'] : ['hero', 'talk'],
			);
			expect(
				photos.every((p) => p.width === PHOTO_SIZE.width && p.height === PHOTO_SIZE.height),
			).toBe(true);
		}
		const portraits = plan.images.filter((image) => image.kind === 'portrait');
		expect(portraits).toHaveLength(entries.speakers.length);
		expect(portraits.every((p) => p.width === PORTRAIT_SIZE.width)).toBe(true);
		expect(plan.images).toHaveLength(entries.speakers.length + 2 * recaps);
		// A fenced code sample in every third session.
		const withCode = entries.talks.filter((talk) => talk.body?.includes('```python'));
		expect(withCode).toHaveLength(Math.floor((recaps * TALKS_PER_RECAP) / 3));
	});

	it('reuses speakers across cities: touring keynotes and some guests', () => {
		const plan = planSite({ recaps: 40, seed: 1 });
		const citiesOf = new Map<string, Set<string>>();
		for (const talk of plan.entries.talks) {
			const recapId = talk.id.split('/')[0]!;
			for (const speaker of talk.data.speakers as string[]) {
				citiesOf.set(speaker, (citiesOf.get(speaker) ?? new Set()).add(recapId));
			}
		}
		const reused = [...citiesOf].filter(([, cities]) => cities.size > 1).map(([id]) => id);
		const touring = plan.entries.speakers
			.filter((s) => s.data.company === 'example-corp-1')
			.map((s) => s.id);
		expect(touring.length).toBeGreaterThan(0);
		expect(touring.every((id) => reused.includes(id))).toBe(true);
		// Guests (not of the organizer) who came back to another city.
		expect(reused.filter((id) => !touring.includes(id)).length).toBeGreaterThan(3);
		// Still mostly new people: about 6 per recap, fewer than 6 × recaps in all.
		expect(plan.entries.speakers.length).toBeLessThan(40 * SPEAKERS_PER_RECAP);
		expect(plan.entries.speakers.length).toBeGreaterThan(40 * 3);
	});

	it('uses plainly fictional names', () => {
		const plan = planSite({ recaps: 5, seed: 1 });
		for (const recap of plan.entries.recaps) expect(recap.data.city).toMatch(/^Example City \d+$/);
		for (const company of plan.entries.companies)
			expect(company.data.name).toMatch(/^Example Corp \d+$/);
		for (const speaker of plan.entries.speakers) expect(speaker.data.name).toMatch(/^\w+ \w+ \d+$/);
	});
});

describe('synthetic images', () => {
	const plan = planSite({ recaps: 2, seed: 1 });
	const portrait = plan.images.find((image) => image.kind === 'portrait')!;
	const other = plan.images.filter((image) => image.kind === 'portrait')[1]!;

	it('draws every image differently', () => {
		const drawings = new Set(plan.images.map(imageSvg));
		expect(drawings.size).toBe(plan.images.length);
	});

	it('renders the same bytes for the same spec, and other bytes for another', async () => {
		const [a, b, c] = await Promise.all([
			renderImage(portrait),
			renderImage(portrait),
			renderImage(other),
		]);
		expect(a.equals(b)).toBe(true);
		expect(a.equals(c)).toBe(false);
		expect(a.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff])); // a JPEG
	});
});

describe('writeSite', () => {
	it('writes the same files with the same bytes on every run, and a manifest of them', async () => {
		const plan = planSite({ recaps: 1, seed: 9 });
		const dirs = await Promise.all([0, 1].map(() => mkdtemp(path.join(os.tmpdir(), 'synthetic-'))));
		try {
			const [a, b] = await Promise.all(
				dirs.map((dir) =>
					writeSite(plan, {
						outDir: path.join(dir, 'content'),
						protectedDir: path.resolve('content'),
						texture: 'flat',
					}),
				),
			);
			expect(a!.files).toEqual(b!.files);
			expect(a!.files).toHaveLength(allEntries(plan).length + plan.images.length);
			expect(new Set(a!.files.map((file) => file.sha256)).size).toBe(a!.files.length);
			const stored = JSON.parse(
				await readFile(path.join(dirs[0]!, 'content', MANIFEST), 'utf8'),
			) as {
				files: unknown;
			};
			expect(stored.files).toEqual(a!.files);
			// A site left edited (an interrupted benchmark) is not reused.
			const content = path.join(dirs[0]!, 'content');
			expect(await isUpToDate(content, plan, 'flat')).toBe(true);
			expect(await isUpToDate(content, plan, 'grain')).toBe(false);
			await appendFile(path.join(content, plan.entries.recaps[0]!.path), '\nEdited.\n');
			expect(await isUpToDate(content, plan, 'flat')).toBe(false);
		} finally {
			await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
		}
	});
});

describe('where the generator may write', () => {
	const root = path.resolve('.');
	const content = path.join(root, 'content');

	it('refuses the project content folder, anything inside it, and anything containing it', () => {
		expect(() => assertSafeOutDir(content, content)).toThrow(/inside the project's content/);
		expect(() => assertSafeOutDir(path.join(content, 'x'), content)).toThrow(/inside/);
		expect(() => assertSafeOutDir(root, content)).toThrow(/contains the project's content/);
	});

	it('accepts a folder of its own', () => {
		expect(() =>
			assertSafeOutDir(path.join(root, 'test-output', 'synthetic-x'), content),
		).not.toThrow();
	});
});
