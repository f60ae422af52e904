/**
 * The steps of the content checker (scripts/lib/content-check), each a pure function tested on
 * its own: layout, parse (and the line of each field), the schema step's context, zod issues,
 * the reference step's field paths, the extra checks and the report format.
 */
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import {
	checkPhotoSizes,
	hasText,
	PHOTO_MINIMUMS,
} from '../../scripts/lib/content-check/checks.ts';
import { formatReport, sortProblems } from '../../scripts/lib/content-check/format.ts';
import { checkLoadedContent } from '../../scripts/lib/content-check/index.ts';
import { authorError, fieldName, splitMessage } from '../../scripts/lib/content-check/issues.ts';
import { layoutOf, slugify } from '../../scripts/lib/content-check/layout.ts';
import type { ImageProbe, LoadedContent } from '../../scripts/lib/content-check/load.ts';
import { parseEntryFile } from '../../scripts/lib/content-check/parse.ts';
import { fieldPath } from '../../scripts/lib/content-check/references.ts';
import { fieldsAt, resolveImage, SCHEMAS } from '../../scripts/lib/content-check/schema.ts';
import type { ContentProblem } from '../../src/lib/errors.ts';
import type { RawContent } from '../../src/lib/site.ts';
import { contentFolder } from '../../src/integrations/check-content.ts';
import { testContext } from './helpers.ts';

const shown = (path: string) => `content/${path}`;

describe('layoutOf', () => {
	const entry = (path: string) => layoutOf([path], shown).entries[0];
	const problem = (paths: string[]) =>
		layoutOf(paths, shown).problems.map(
			({ file, problem, fix }) => `${file}: ${problem} -> ${fix}`,
		);

	it.each([
		['speakers/jane-doe.yaml', 'speakers', 'jane-doe'],
		['companies/example-corp.yml', 'companies', 'example-corp'],
		['recaps/example-city-2026/index.md', 'recaps', 'example-city-2026'],
		['recaps/example-city-2026/index.mdx', 'recaps', 'example-city-2026'],
		['recaps/example-city-2026/talks/keynote.md', 'talks', 'example-city-2026/keynote'],
		['recaps/example-city-2026/talks/keynote.mdx', 'talks', 'example-city-2026/keynote'],
	])('reads %s as a %s entry with the id %s', (path, collection, id) => {
		expect(entry(path)).toMatchObject({ collection, id, path });
	});

	it.each([
		['recaps/example-city-2026/photos/hero.jpg'],
		['speakers/jane-doe.jpg'],
		['speakers/.DS_Store'],
		['README.md'],
		['recaps/README.md'],
	])('leaves %s alone (not content)', (path) => {
		expect(layoutOf([path], shown)).toEqual({ entries: [], problems: [] });
	});

	it.each([
		['notes.yaml', 'files directly in the content folder are not read'],
		['speakers/old/jane-doe.yaml', 'files in sub-folders of content/speakers/ are not read'],
		['speakers/jane-doe.json', 'only .yaml files are read in content/speakers/'],
		['recaps/example-city-2026/talks/keynote.json', 'only .md (or .mdx) talks are read'],
		['recaps/example-city-2026/talks/keynote.markdown', 'only .md (or .mdx) talks are read'],
		[
			'recaps/example-city-2026/index.markdown',
			'a recap is read from index.md (or index.mdx) only',
		],
		['recaps/example-city-2026/Index.md', 'a recap is read from index.md (or index.mdx) only'],
		[
			'recaps/example-city-2026/keynote.md',
			'talks are read only from content/recaps/example-city-2026/talks/',
		],
		[
			'recaps/example-city-2026/keynote.mdx',
			'talks are read only from content/recaps/example-city-2026/talks/',
		],
		['recaps/notes.mdx', 'files directly in content/recaps/ are not read'],
		[
			'speaker/jane-doe.yaml',
			'content/speaker/ is not a content folder, so its files are not read',
		],
	])('reports %s, which the site would skip', (path, expected) => {
		const [only] = layoutOf([path], shown).problems;
		expect(only).toMatchObject({ file: shown(path), line: 1, field: '(file)', problem: expected });
	});

	it('suggests the content folder a misspelt one was meant to be', () => {
		expect(problem(['speaker/jane-doe.yaml'])[0]).toContain('did you mean content/speakers/?');
	});

	it('reports the second file of one id, keeping the first', () => {
		const layout = layoutOf(['speakers/jane-doe.yml', 'speakers/jane-doe.yaml'], shown);
		expect(layout.entries.map(({ path }) => path)).toEqual(['speakers/jane-doe.yaml']);
		expect(problem(['speakers/jane-doe.yml', 'speakers/jane-doe.yaml'])).toEqual([
			'content/speakers/jane-doe.yml: content/speakers/jane-doe.yml and content/speakers/jane-doe.yaml are both the speaker "jane-doe" (ids ignore the extension and letter case) -> keep one of the two files and delete the other',
		]);
	});

	it.each([
		[
			'recaps/example-city-2026/index.md',
			'recaps/example-city-2026/index.mdx',
			'recap "example-city-2026"',
		],
		[
			'recaps/example-city-2026/talks/keynote.md',
			'recaps/example-city-2026/talks/keynote.mdx',
			'talk "example-city-2026/keynote"',
		],
	])('reports %s and its .mdx twin as one entry written twice', (md, mdx, what) => {
		const layout = layoutOf([mdx, md], shown);
		expect(layout.entries.map(({ path }) => path)).toEqual([md]);
		expect(problem([mdx, md])).toEqual([
			`${shown(mdx)}: ${shown(mdx)} and ${shown(md)} are both the ${what} -> keep one of the two files (.md, unless the body needs components) and delete the other`,
		]);
	});

	it('reads a README.md in a talks/ folder as a talk, as the site would', () => {
		expect(layoutOf(['recaps/example-city-2026/talks/README.md'], shown).entries).toEqual([
			{
				collection: 'talks',
				id: 'example-city-2026/README',
				path: 'recaps/example-city-2026/talks/README.md',
				format: 'markdown',
			},
		]);
	});

	it('keeps the validly named one of two recap folders that differ in case, with its talks', () => {
		const layout = layoutOf(
			[
				'recaps/Example-City-2026/index.mdx',
				'recaps/Example-City-2026/talks/keynote.mdx',
				'recaps/example-city-2026/index.mdx',
				'recaps/example-city-2026/talks/keynote.mdx',
			],
			shown,
		);
		expect(layout.entries.map(({ path }) => path)).toEqual([
			'recaps/example-city-2026/index.mdx',
			'recaps/example-city-2026/talks/keynote.mdx',
		]);
		expect(layout.problems).toHaveLength(1);
	});

	it.each([
		[
			'speakers/Jane Doe.yaml',
			'rename it to jane-doe.yaml: lowercase letters and digits joined by hyphens',
		],
		[
			'recaps/Example City/index.mdx',
			'rename the folder to content/recaps/example-city/: lowercase letters and digits joined by hyphens',
		],
		[
			'recaps/example-city/talks/Key_Note.mdx',
			'rename it to key-note.mdx: lowercase letters and digits joined by hyphens',
		],
	])('asks to rename %s, whose name is not an id', (path, fix) => {
		expect(layoutOf([path], shown).problems[0]?.fix).toBe(fix);
	});

	it.each([
		['Jane Doe', 'jane-doe'],
		['Zoë Ñúñez', 'zoe-nunez'],
		['jane-doe', 'jane-doe'],
		['__', '__'],
	])('slugify(%j) is %j', (name, slug) => {
		expect(slugify(name)).toBe(slug);
	});
});

describe('parseEntryFile', () => {
	const yaml =
		'name: Jane Doe\nphoto:\n  src: ./jane-doe.jpg\nlinks:\n  - label: Site\n    url: x\n';
	const mdx = '---\ntitle: Keynote\nspeakers:\n  - jane-doe\n  - john-roe\n---\n\nText.\n';

	it.each([
		[['name'], 2 - 1],
		[['photo', 'src'], 3],
		[['photo', 'alt'], 2],
		[['links', 0, 'url'], 6],
		[['links', 3], 4],
		[['role'], 1],
		[[], 1],
	])('finds the line of %j in a YAML file (or of its nearest parent)', (path, line) => {
		expect(parseEntryFile('f.yaml', yaml, 'yaml').lineOf(path)).toBe(line);
	});

	it.each([
		[['title'], 2],
		[['speakers', 1], 5],
		[['company'], 1],
	])('counts the lines above the frontmatter in an MDX file: %j is on line %i', (path, line) => {
		expect(parseEntryFile('f.mdx', mdx, 'markdown').lineOf(path)).toBe(line);
	});

	it('returns the data, and the body with the line it starts on', () => {
		const parsed = parseEntryFile('f.mdx', mdx, 'markdown');
		expect(parsed.data).toEqual({ title: 'Keynote', speakers: ['jane-doe', 'john-roe'] });
		expect(parsed.body).toEqual({ text: '\nText.\n', line: 7 });
		expect(parsed.problems).toEqual([]);
	});

	it('keeps dates as written, so an impossible one is not silently moved', () => {
		const parsed = parseEntryFile('f.yaml', 'eventDate: 2026-02-30\ndraft: yes\n', 'yaml');
		expect(parsed.data).toEqual({ eventDate: '2026-02-30', draft: 'yes' });
	});

	it.each([
		[
			'f.yaml',
			'name: Jane\nrole: Staff Engineer: Data\n',
			'yaml',
			2,
			'(yaml)',
			'put the value in quotes: it contains ": "',
		],
		[
			'f.yaml',
			"name: 'Jane\nrole: x\n",
			'yaml',
			1,
			'(yaml)',
			"close the quote that starts this value (write an apostrophe inside '…' as '')",
		],
		[
			'f.yaml',
			"name: 'It''s Jane'\nrole: \"Engineer\nx: 1\n",
			'yaml',
			2,
			'(yaml)',
			"close the quote that starts this value (write an apostrophe inside '…' as '')",
		],
		['f.yaml', 'name: Jane\nname: Joe\n', 'yaml', 2, '(yaml)', 'write each field only once'],
		['f.yaml', 'photo:\n\tsrc: x\n', 'yaml', 2, '(yaml)', 'indent with spaces, not tabs'],
		[
			'f.yaml',
			'title: *bold*\n',
			'yaml',
			1,
			'(yaml)',
			'put the value in quotes when it starts with *',
		],
		['f.yaml', '', 'yaml', 1, '(yaml)', 'write one `field: value` per line'],
		['f.yaml', '- a\n- b\n', 'yaml', 1, '(yaml)', 'write one `field: value` per line'],
		[
			'f.mdx',
			'---\ntitle: A: B\n---\n',
			'markdown',
			2,
			'(frontmatter)',
			'put the value in quotes: it contains ": "',
		],
		[
			'f.mdx',
			'Text only.\n',
			'markdown',
			1,
			'(frontmatter)',
			'start the file with a line ---, then the fields as YAML, then another line ---',
		],
		[
			'f.mdx',
			'\n---\ntitle: A\n',
			'markdown',
			2,
			'(frontmatter)',
			'end the fields with a line ---',
		],
	] as const)(
		'reports unreadable %s %j (%s) on line %i',
		(file, text, format, line, field, fix) => {
			const parsed = parseEntryFile(file, text, format);
			expect(parsed.data).toBeUndefined();
			expect(parsed.problems).toEqual([expect.objectContaining({ file, line, field, fix })]);
		},
	);
});

describe('resolveImage (the checking image())', () => {
	const images = new Map<string, ImageProbe>([
		['speakers/jane-doe.jpg', { ok: true, width: 500, height: 500, format: 'jpeg' }],
		['speakers/notes.jpg', { ok: false, reason: 'unsupported image format' }],
		['speakers/scan.pdf', { ok: true, width: 600, height: 800, format: 'pdf' }],
		['recaps/city/photos/hero.jpg', { ok: true, width: 1600, height: 900, format: 'jpeg' }],
	]);
	const resolve = (value: string, from = 'speakers/jane-doe.yaml') =>
		resolveImage(value, from, { images, file: shown });

	it.each([
		['./jane-doe.jpg', 'speakers/jane-doe.yaml', 'content/speakers/jane-doe.jpg'],
		['jane-doe.jpg', 'speakers/jane-doe.yaml', 'content/speakers/jane-doe.jpg'],
		['../photos/hero.jpg', 'recaps/city/talks/keynote.mdx', 'content/recaps/city/photos/hero.jpg'],
	])('resolves %s relative to %s', (value, from, src) => {
		expect(resolve(value, from)).toMatchObject({ src });
	});

	it('returns what Astro would: src, width, height and format', () => {
		expect(resolve('./jane-doe.jpg')).toEqual({
			src: 'content/speakers/jane-doe.jpg',
			width: 500,
			height: 500,
			format: 'jpeg',
		});
	});

	it.each([
		[
			'./jane-doe.png',
			'there is no file ./jane-doe.png',
			'did you mean ./jane-doe.jpg? Otherwise add the photo as content/speakers/jane-doe.png',
		],
		[
			'./portrait.jpg',
			'there is no file ./portrait.jpg',
			'add the photo as content/speakers/portrait.jpg, or correct the path (it is relative to this file)',
		],
		[
			'./notes.jpg',
			'./notes.jpg is not an image (it cannot be read as one)',
			'replace it with a JPEG, PNG, WebP or AVIF photo',
		],
		[
			'./scan.pdf',
			'./scan.pdf is a pdf file, which the site cannot use',
			'convert it to JPEG, PNG, WebP or AVIF',
		],
		[
			'https://example.com/a.jpg',
			'https://example.com/a.jpg is a web address',
			'save the photo in the content folder and write its path relative to this file, e.g. ./a.jpg',
		],
		[
			'/images/a.jpg',
			'/images/a.jpg is an absolute path',
			'write the path relative to this file, e.g. ./a.jpg',
		],
		[
			'../../a.jpg',
			'../../a.jpg points outside the content folder',
			'keep photos inside the content folder, next to the file that names them',
		],
	])('rejects %s', (value, problem, fix) => {
		expect(resolve(value)).toEqual({ problem, fix });
	});
});

describe('zod issues', () => {
	it.each([
		[
			'`title` is longer than 100 characters: shorten it',
			'`title` is longer than 100 characters',
			'shorten it',
		],
		['a: b: c', 'a: b', 'c'],
		['`order` must be 1 or more', undefined, undefined],
		['ends with a colon: ', undefined, undefined],
	])('splitMessage(%j)', (message, problem, fix) => {
		expect(splitMessage(message)).toEqual(problem === undefined ? undefined : { problem, fix });
	});

	it.each([
		[['groupPhoto', 'people', 2], 'groupPhoto.people[2]'],
		[['links', 0, 'url'], 'links[0].url'],
		[['title'], 'title'],
		[[], ''],
	])('fieldName(%j) is %j', (path, name) => {
		expect(fieldName(path)).toBe(name);
	});

	it.each([
		['speakers[0]', ['speakers', 0]],
		['groupPhoto.people[2]', ['groupPhoto', 'people', 2]],
		['order', ['order']],
		['(file)', []],
		['talks/', []],
	])('fieldPath(%j) is %j', (field, path) => {
		expect(fieldPath(field)).toEqual(path);
	});

	const messages = (schema: z.ZodType, input: unknown) => {
		const result = schema.safeParse(input, { error: authorError });
		return result.success ? [] : result.error.issues.map((issue) => issue.message);
	};

	it.each([
		[
			z.object({ inviteOnly: z.boolean() }),
			{ inviteOnly: 'yes' },
			'`inviteOnly` is text, not true or false: write true or false',
		],
		[
			z.object({ links: z.array(z.string()) }),
			{ links: 'x' },
			'`links` is text, not a list: write one `- ` line per entry, indented under the field',
		],
		[z.object({ year: z.number() }), {}, '`year` is missing: add it'],
		[
			z.object({ year: z.number() }),
			{ year: null },
			'`year` is empty: write a value after the colon',
		],
		[z.object({ year: z.number().min(2000) }), { year: 1999 }, '`year` is 1999: use 2000 or more'],
		[
			z.object({ tags: z.array(z.string()).min(1) }),
			{ tags: [] },
			'`tags` lists 0 entries: list at least 1',
		],
		[
			z.object({ kind: z.enum(['a', 'b']) }),
			{ kind: 'c' },
			'`kind` is not an accepted value: use a, b',
		],
	])('words zod defaults for authors (%#)', (schema, input, message) => {
		expect(messages(schema, input)).toEqual([message]);
	});

	it('never replaces a message the schema wrote', () => {
		expect(messages(z.object({ a: z.string({ error: 'schema says: fix' }) }), {})).toEqual([
			'schema says: fix',
		]);
	});

	it.each([
		[
			{ kind: 'keynote' },
			[],
			[
				'title',
				'order',
				'summary',
				'company',
				'results',
				'topics',
				'writeups',
				'photo',
				'kind',
				'speakers',
			],
		],
		[{ kind: 'workshop' }, [], expect.arrayContaining(['modules'])],
		[{ kind: 'talk', results: [{}] }, ['results', 0], ['value', 'label']],
		[{ kind: 'nonsense' }, [], expect.arrayContaining(['modules', 'inviteOnly'])],
	])('fieldsAt lists the fields a talk accepts (%#)', (data, path, fields) => {
		expect(fieldsAt(SCHEMAS.talks(testContext), path, data)).toEqual(fields);
	});
});

describe('extra checks', () => {
	it('keeps the photo minimums in one table', () => {
		expect(
			PHOTO_MINIMUMS.map(({ collection, field, width, height }) => [
				collection,
				field,
				width,
				height,
			]),
		).toEqual([
			['speakers', 'photo', 400, 400],
			['recaps', 'hero', 1200, undefined],
			['recaps', 'groupPhoto', 1200, undefined],
			['talks', 'photo', 800, undefined],
		]);
	});

	const photo = (width: number, height: number, format = 'jpeg') => ({
		src: { src: 'x', width, height, format },
		alt: 'a',
	});
	const speakers = (entries: [string, ReturnType<typeof photo>][]) =>
		({
			series: [],
			companies: [],
			writeups: [],
			topics: [],
			recaps: [],
			talks: [],
			speakers: entries.map(([id, p]) => ({
				id,
				filePath: `content/speakers/${id}.yaml`,
				data: { photo: p },
			})),
		}) as unknown as RawContent;

	it.each([
		[400, 400, 0],
		[399, 800, 1],
		[800, 399, 1],
	])('a %ix%i portrait gives %i problem(s)', (width, height, count) => {
		expect(checkPhotoSizes(speakers([['a', photo(width, height)]]), new Map())).toHaveLength(count);
	});

	it('never finds an SVG too small', () => {
		expect(checkPhotoSizes(speakers([['a', photo(10, 10, 'svg')]]), new Map())).toEqual([]);
	});

	it.each([
		['Text.', true],
		['\n\n  \n', false],
		['<!-- TODO: write this -->\n', false],
		['<!-- a note -->\nText after a comment.', true],
		// Markdown has no MDX comments or imports: these are text on the page.
		['{/* TODO: write this */}\n', true],
		["import Aside from './Aside.astro';\n", true],
	])('hasText(%j) in a .md file is %j', (body, expected) => {
		expect(hasText(body, 'md')).toBe(expected);
	});

	it.each([
		['Text.', true],
		['{/* TODO: write this */}\n', false],
		["import Aside from './Aside.astro';\n", false],
		["import Aside from './Aside.astro';\n\n<Aside>Hi</Aside>", true],
	])('hasText(%j) in a .mdx file is %j', (body, expected) => {
		expect(hasText(body, 'mdx')).toBe(expected);
	});
});

describe('the report', () => {
	const problem = (file: string, line: number, field = 'f'): ContentProblem => ({
		file,
		line,
		field,
		problem: 'p',
		fix: 'x',
	});

	it('sorts by file, then line, then field, without changing its input', () => {
		const input = [problem('b', 1), problem('a', 10), problem('a', 2, 'z'), problem('a', 2, 'y')];
		expect(sortProblems(input).map(({ file, line, field }) => `${file}:${line} ${field}`)).toEqual([
			'a:2 y',
			'a:2 z',
			'a:10 f',
			'b:1 f',
		]);
		expect(input[0]?.file).toBe('b');
	});

	it.each([
		[[], 'check-content: no problems (3 entries in content)'],
		[[problem('a', 1)], 'check-content: 1 problem in 1 file (3 entries in content)'],
		[
			[problem('a', 1), problem('a', 2), problem('b', 1)],
			'check-content: 3 problems in 2 files (3 entries in content)',
		],
	])('ends with a summary (%#)', (problems, summary) => {
		const lines = formatReport({ problems, entries: 3, folder: 'content' });
		expect(lines).toHaveLength(problems.length + 1);
		expect(lines.at(-1)).toBe(summary);
	});

	it('prints `file:line field: problem -> fix`', () => {
		expect(
			formatReport({ problems: [problem('a.yaml', 4, 'name')], entries: 1, folder: '' })[0],
		).toBe('a.yaml:4 name: p -> x');
	});
});

describe('checkLoadedContent', () => {
	it('checks an in-memory folder without touching the disk', () => {
		const content: LoadedContent = {
			files: ['companies/example-corp.yaml', 'topics/x.yaml'],
			texts: new Map([
				['companies/example-corp.yaml', 'name: Example Corp\nurl: http://example.com/\n'],
				['topics/x.yaml', 'name: X\ndescripton: Y\n'],
			]),
			images: new Map(),
		};
		const report = checkLoadedContent(content, { folder: 'content', today: '2026-06-01' });
		expect(formatReport(report)).toEqual([
			'content/companies/example-corp.yaml:2 url: "http://example.com/" is not accepted -> `url` must be a full web address starting with https:// (plain http is not allowed)',
			'content/topics/x.yaml:1 description: `description` is required -> write it as plain text',
			'content/topics/x.yaml:2 descripton: unknown field `descripton` -> did you mean `description`? Otherwise check the spelling against the fields this file accepts, or remove it',
			'check-content: 3 problems in 2 files (2 entries in content)',
		]);
	});
});

describe('the build integration', () => {
	it.each([
		[{}, '/site/content'],
		[{ RECAP_CONTENT_DIR: './tests/fixtures/x/content' }, '/site/tests/fixtures/x/content'],
		[{ RECAP_CONTENT_DIR: '/elsewhere/content' }, '/elsewhere/content'],
	])('checks the folder the build reads (%j)', (env, folder) => {
		expect(contentFolder('/site', env)).toBe(folder);
	});
});
