/**
 * Broken content must never publish: each case copies the real content, breaks one thing, runs a
 * real build and expects it to fail with a message naming the file, the field and the fix.
 */
import { describe, expect, it } from 'vitest';
import { astroBuild, contentCopy } from '../support/build.ts';

type Edit = Parameters<typeof contentCopy>[1];

const replaceIn =
	(file: string, from: string | RegExp, to: string): Edit =>
	async (open) => {
		const text = await open(file).read();
		const changed = text.replace(from, to);
		if (changed === text) throw new Error(`The fixture edit did not apply to ${file}`);
		await open(file).write(changed);
	};

const cases: { name: string; edit: Edit; expected: string[] }[] = [
	{
		name: 'missing-speaker',
		edit: replaceIn(
			'recaps/ray-day-seattle-2026/talks/uber.md',
			/^ {2}- peng-zhang$/m,
			'  - peng-zang',
		),
		expected: [
			'content/recaps/ray-day-seattle-2026/talks/uber.md:7 speakers[0]: there is no speaker "peng-zang" -> did you mean "peng-zhang"?',
		],
	},
	{
		name: 'missing-writeup',
		edit: replaceIn(
			'recaps/ray-day-seattle-2026/talks/apple.md',
			'open-source-rl-libraries',
			'rl-libraries-for-llms',
		),
		expected: [
			'content/recaps/ray-day-seattle-2026/talks/apple.md:15 writeups[0]: there is no writeup "rl-libraries-for-llms" -> correct the id, or create it: content/writeups/rl-libraries-for-llms.yaml',
		],
	},
	{
		name: 'missing-alt',
		edit: replaceIn('speakers/chi-wang.yaml', /^ {2}alt: .*\n/m, ''),
		expected: [
			'content/speakers/chi-wang.yaml:4 photo.alt: `photo.alt` is required -> describe what the photo shows for readers who cannot see it',
		],
	},
	{
		name: 'missing-photo-file',
		edit: replaceIn('speakers/jiwei-cao.yaml', './jiwei-cao.jpg', './jiwei-cao.png'),
		expected: [
			'content/speakers/jiwei-cao.yaml:5 photo.src: there is no file ./jiwei-cao.png -> did you mean ./jiwei-cao.jpg?',
		],
	},
];

describe.each(cases)('a build with $name', ({ name, edit, expected }) => {
	it('fails and names the file, the field and the fix', async () => {
		const contentDir = await contentCopy(name, edit);
		const build = await astroBuild({ outDir: `test-output/build/${name}`, contentDir });
		expect(build.code, build.output).not.toBe(0);
		for (const text of expected) expect(build.output).toContain(text);
	});
});
