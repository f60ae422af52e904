/**
 * Preview cards: the pure element tree (what it says, how it clamps, names in scripts the fonts
 * lack), and one real render through satori and sharp with the shipped fonts.
 */
import { copyFile, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ImageMetadata } from 'astro';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import {
	OG_HEIGHT,
	OG_MAX_PORTRAITS,
	OG_WIDTH,
	initials,
	ogCardAlt,
	ogCardTree,
	ogImage,
	recapCardData,
	recapCardPath,
	speakerLine,
	talkCardData,
	talkCardPath,
	titleSize,
	withImagePlaceholders,
	withoutNoOpImageClips,
	type OgCardData,
	type OgChild,
	type OgElement,
} from '../../src/lib/og-card.ts';
import {
	createOgCardCache,
	ogCacheDir,
	ogCardSvg,
	ogFonts,
	portraitDataUrl,
	portraitRef,
	renderOgCard,
} from '../../src/lib/og-cache.ts';
import { roadshowInputs } from '../fixtures/unit/roadshow.ts';
import { buildFrom, buildRoadshow, byId, edit } from './helpers.ts';

const context = { lang: 'en', siteUrl: 'https://recaps.example.com/' };
const site = buildRoadshow();
const exampleCity = byId(site.recaps, 'example-city-2026');

/** A card's data with everything set, for tests that vary one thing. */
function card(overrides: Partial<OgCardData> = {}): OgCardData {
	return {
		title: 'Searching a billion vectors',
		label: 'Talk',
		place: 'Example City, Exampleland',
		date: 'March 12, 2026',
		datePublished: false,
		speakers: [{ name: 'Jane Doe' }, { name: 'John Roe' }],
		seriesName: 'Example Roadshow 2026',
		siteHost: 'recaps.example.com',
		lang: 'en',
		...overrides,
	};
}

/** Every text node of a tree, in document order. */
function texts(node: OgChild): string[] {
	if (typeof node === 'string') return [node];
	const { children } = node.props;
	if (children === undefined) return [];
	return (Array.isArray(children) ? children : [children]).flatMap((child: OgChild) =>
		texts(child),
	);
}

/** Every element of a tree, in document order. */
function elements(node: OgChild): OgElement[] {
	if (typeof node === 'string') return [];
	const { children } = node.props;
	const list = children === undefined ? [] : Array.isArray(children) ? children : [children];
	return [node, ...list.flatMap((child: OgChild) => elements(child))];
}

/** The element whose only child is this text. */
function elementWithText(tree: OgElement, text: string): OgElement {
	const found = elements(tree).find((element) => {
		const { children } = element.props;
		return Array.isArray(children) && children.length === 1 && children[0] === text;
	});
	if (!found) throw new Error(`no element with the text "${text}"`);
	return found;
}

describe('card paths', () => {
	it.each([
		[recapCardPath('example-city-2026'), '/og/recaps/example-city-2026.png'],
		[talkCardPath('example-city-2026/opening'), '/og/recaps/example-city-2026/opening.png'],
	])('%s', (actual, expected) => {
		expect(actual).toBe(expected);
	});
});

describe('recapCardData and talkCardData', () => {
	it("shows a recap's title, place, event date, series and every speaker", () => {
		const data = recapCardData(exampleCity, context);
		expect(data).toEqual({
			title: 'Example Roadshow in Example City: what we learned',
			label: 'Recap',
			place: 'Example City, Exampleland',
			date: 'March 12, 2026',
			datePublished: false,
			speakers: [
				{ name: 'Jane Doe', portrait: undefined },
				{ name: 'John Roe', portrait: undefined },
			],
			seriesName: 'Example Roadshow 2026',
			siteHost: 'recaps.example.com',
			lang: 'en',
		});
	});

	it("labels a talk by its kind and keeps its own speakers and its recap's place", () => {
		const talk = byId(exampleCity.talks, 'example-city-2026/opening');
		const data = talkCardData(talk, exampleCity, context);
		expect(data).toMatchObject({
			title: talk.title,
			label: 'Keynote',
			place: 'Example City, Exampleland',
			speakers: talk.speakers.map((speaker) => ({ name: speaker.name, portrait: undefined })),
		});
	});

	it('says "Published" with the publication date when the event date is unknown', () => {
		const inputs = roadshowInputs();
		edit(inputs.recaps, 'example-city-2026', { eventDate: undefined });
		const recap = byId(buildFrom(inputs).recaps, 'example-city-2026');
		const data = recapCardData(recap, context);
		expect([data.date, data.datePublished]).toEqual(['March 20, 2026', true]);
		expect(texts(ogCardTree(data))).toContain(
			'Example City, Exampleland · Published March 20, 2026',
		);
	});

	it('carries portraits only for the speakers the card draws', () => {
		const many = {
			...exampleCity,
			speakers: Array.from({ length: 7 }, () => exampleCity.speakers[0]!),
		};
		const portraits = new Map([['jane-doe', 'data:image/jpeg;base64,AAAA']]);
		const drawn = recapCardData(many, context, portraits).speakers.map((s) => s.portrait);
		expect(drawn.filter(Boolean)).toHaveLength(OG_MAX_PORTRAITS);
		expect(drawn.slice(OG_MAX_PORTRAITS)).toEqual([undefined, undefined]);
	});
});

describe('ogCardTree', () => {
	it('is exactly the card size', () => {
		expect(ogCardTree(card()).props.style).toMatchObject({ width: OG_WIDTH, height: OG_HEIGHT });
	});

	it('writes the title, place, date, label, series, names and host', () => {
		expect(texts(ogCardTree(card()))).toEqual([
			'Example Roadshow 2026',
			'TALK',
			'Example City, Exampleland · March 12, 2026',
			'Searching a billion vectors',
			'JD',
			'JR',
			'Jane Doe and John Roe',
			'recaps.example.com',
		]);
	});

	it('draws a portrait inside a round disc, and initials for a speaker without one', () => {
		const tree = ogCardTree(
			card({
				speakers: [
					{ name: 'Jane Doe', portrait: 'data:image/png;base64,AAAA' },
					{ name: 'John Roe' },
				],
			}),
		);
		const images = elements(tree).filter((element) => element.type === 'img');
		expect(images).toHaveLength(1);
		// The portrait comes cut round; the disc around it is a 4px ring of background colour.
		expect(images[0]!.props).toMatchObject({ src: 'data:image/png;base64,AAAA', width: 88 });
		const disc = elements(tree).find((element) => {
			const { children } = element.props;
			return Array.isArray(children) && children[0] === images[0];
		});
		expect(disc?.props.style).toMatchObject({ width: 96, height: 96, borderRadius: 48 });
		expect(texts(tree)).toContain('JR');
	});

	it('draws only filled shapes: no borders, clipping or overflow, which slow satori down', () => {
		const styles = elements(
			ogCardTree(
				card({ speakers: [{ name: 'Jane Doe', portrait: 'data:image/png;base64,AAAA' }] }),
			),
		).map((element) => element.props.style ?? {});
		for (const style of styles) {
			expect(
				Object.keys(style).filter((key) => /^(border(?!Radius)|overflow|clip)/.test(key)),
			).toEqual([]);
		}
		const image = styles.find((style) => style.width === 88);
		expect(image?.borderRadius).toBeUndefined();
	});

	it('counts the speakers beyond the portraits it draws, and names three', () => {
		const speakers = Array.from({ length: 8 }, (_, i) => ({ name: `Speaker ${i + 1}` }));
		const words = texts(ogCardTree(card({ speakers })));
		expect(words).toContain('+3');
		expect(words).toContain('Speaker 1, Speaker 2, Speaker 3, and 5 more');
	});

	it('leaves the speakers row out when nobody is named', () => {
		const words = texts(ogCardTree(card({ speakers: [] })));
		expect(words).not.toContain('');
		expect(words.at(-1)).toBe('recaps.example.com');
		expect(words).toHaveLength(5);
	});

	it('clamps a long title to three lines, and cuts a huge one before layout', () => {
		const long = 'An extraordinarily long title about distributed inference '.repeat(20).trim();
		const tree = ogCardTree(card({ title: long }));
		const title = elements(tree).find((element) => element.props.style?.lineClamp === 3);
		expect(title?.props.style).toMatchObject({ display: 'block', fontSize: 54 });
		const [shown] = texts(title!);
		expect([...shown!].length).toBe(241);
		expect(shown!.endsWith('…')).toBe(true);
	});

	it('clamps the names and the series name to their lines', () => {
		const tree = ogCardTree(card({ seriesName: 'A series name '.repeat(20) }));
		expect(elementWithText(tree, 'A series name '.repeat(20)).props.style).toMatchObject({
			lineClamp: 1,
		});
		expect(elementWithText(tree, 'Jane Doe and John Roe').props.style).toMatchObject({
			lineClamp: 2,
		});
	});

	it('builds a tree for names in scripts the fonts lack', () => {
		expect(() =>
			ogCardTree(card({ speakers: [{ name: '李雷' }, { name: '😀 Émoji' }] })),
		).not.toThrow();
		expect(initials('李雷')).toBe('李');
		expect(initials('Ana María de la Fuente')).toBe('AF');
	});

	it.each([
		['Short title', 76],
		['A title of medium length that takes two lines', 64],
		['A much longer title that goes on and on and will need three lines of type', 54],
	])('sizes the title "%s" at %ipx', (title, size) => {
		expect(titleSize(title)).toBe(size);
	});
});

describe('speakerLine, ogCardAlt and ogImage', () => {
	it.each([
		[['Ada'], 'Ada'],
		[['Ada', 'Grace'], 'Ada and Grace'],
		[['Ada', 'Grace', 'Alan'], 'Ada, Grace, and Alan'],
		[['Ada', 'Grace', 'Alan', 'Edsger'], 'Ada, Grace, Alan, and 1 more'],
	])('%j -> %s', (names, line) => {
		expect(speakerLine(names, 'en')).toBe(line);
	});

	it('describes the card in one sentence', () => {
		expect(ogCardAlt(card())).toBe(
			'Preview card: Searching a billion vectors, Example City, Exampleland, March 12, 2026, with Jane Doe and John Roe',
		);
		expect(ogCardAlt(card({ speakers: [], datePublished: true }))).toBe(
			'Preview card: Searching a billion vectors, Example City, Exampleland, published March 12, 2026',
		);
	});

	it("gives BaseHead the card's absolute URL, alt text and size", () => {
		expect(ogImage(card(), recapCardPath('x'), 'https://recaps.example.com/')).toEqual({
			url: 'https://recaps.example.com/og/recaps/x.png',
			alt: ogCardAlt(card()),
			width: 1200,
			height: 630,
		});
	});
});

describe('rendering with the shipped fonts', () => {
	it('registers regular and bold Noto Sans for Latin, Latin Extended, Cyrillic and Greek', () => {
		const names = new Set(ogFonts().map((font) => `${font.name} ${font.weight}`));
		for (const subset of ['', ' Latin Ext', ' Cyrillic', ' Greek']) {
			expect(names).toContain(`Noto Sans${subset} 400`);
			expect(names).toContain(`Noto Sans${subset} 700`);
		}
		// woff, which satori reads (woff2 it does not).
		for (const font of ogFonts()) expect(font.data.subarray(0, 4).toString('latin1')).toBe('wOFF');
	});

	it(
		'draws a 1200x630 PNG, the same bytes every time, with accents, Cyrillic and CJK names',
		{ timeout: 30_000 },
		async () => {
			const data = card({
				title:
					'Łódź, Αθήνα и Москва: a title that is far too long to fit on the card in three lines, so it ends in an ellipsis',
				speakers: [{ name: 'Zoë Ærø-Nguyễn' }, { name: 'Дмитрий Иванов' }, { name: '李雷' }],
			});
			const [first, second] = await Promise.all([
				renderOgCard(ogCardTree(data)),
				renderOgCard(ogCardTree(data)),
			]);
			const meta = await sharp(first).metadata();
			expect([meta.format, meta.width, meta.height]).toEqual(['png', OG_WIDTH, OG_HEIGHT]);
			expect(first.equals(second)).toBe(true);
			const { channels } = await sharp(first).stats();
			expect(Math.min(...channels.slice(0, 3).map((channel) => channel.stdev))).toBeGreaterThan(10);
		},
	);
});

/** Image metadata as Astro hands it over for content images: `fsPath` is not enumerable. */
function photo(fsPath?: string): ImageMetadata {
	const metadata = { src: '/_astro/x.jpg', width: 800, height: 800, format: 'jpg' as const };
	if (fsPath !== undefined) Object.defineProperty(metadata, 'fsPath', { value: fsPath });
	return metadata;
}

describe('withoutNoOpImageClips', () => {
	const defs = (id: string, clip: string, mask: string) =>
		`<clipPath id="cp-${id}">${clip}</clipPath><mask id="om-${id}">${mask}</mask>`;
	const box = '<rect x="76" y="476" width="76" height="76"/>';
	const white = '<rect x="76" y="476" width="76" height="76" fill="#fff"/>';
	const image = (id: string) =>
		`<image x="76" y="476" width="76" height="76" href="data:image/png;base64,AAAA" preserveAspectRatio="none" clip-path="url(#cp-${id})" mask="url(#om-${id})"/>`;

	it("drops a clip and a mask that are only the image's own box", () => {
		const svg = `<svg>${defs('a', box, white)}${image('a')}</svg>`;
		expect(withoutNoOpImageClips(svg)).toBe(
			`<svg>${defs('a', box, white)}<image x="76" y="476" width="76" height="76" href="data:image/png;base64,AAAA" preserveAspectRatio="none"/></svg>`,
		);
	});

	it.each([
		['a clip of another size', '<rect x="76" y="476" width="70" height="76"/>', white, 'mask'],
		['a round clip', '<path d="M0,0 a1,1 0 0 1 1,1"/>', white, 'mask'],
		['a mask that is not opaque white', box, box.replace('/>', ' fill="#888"/>'), 'clip-path'],
	])('keeps %s', (_, clip, mask, dropped) => {
		const svg = `<svg>${defs('b', clip, mask)}${image('b')}</svg>`;
		const out = withoutNoOpImageClips(svg);
		// Only the attribute that is a no-op goes; the other stays.
		expect(out).not.toContain(dropped === 'mask' ? 'mask="url(#om-b)"' : 'clip-path="url(#cp-b)"');
		expect(out).toContain(dropped === 'mask' ? 'clip-path="url(#cp-b)"' : 'mask="url(#om-b)"');
	});

	it('leaves everything but images alone', () => {
		const svg = `<svg>${defs('c', box, white)}<path d="M0,0" clip-path="url(#cp-c)" mask="url(#om-c)"/></svg>`;
		expect(withoutNoOpImageClips(svg)).toBe(svg);
	});

	it('draws the same pixels as the SVG satori made, portraits included', async () => {
		const { default: satori } = await import('satori');
		const portrait = await portraitDataUrl(photo(path.resolve('content/speakers/chi-wang.jpg')));
		const tree = ogCardTree(
			card({
				speakers: [
					{ name: 'Jane Doe', portrait },
					{ name: 'John Roe', portrait },
				],
			}),
		);
		const svg = await satori(tree, {
			width: OG_WIDTH,
			height: OG_HEIGHT,
			fonts: [...ogFonts()],
			loadAdditionalAsset: () => Promise.resolve([]),
		});
		const lighter = withoutNoOpImageClips(svg);
		expect(lighter.length).toBeLessThan(svg.length);
		const pixels = (source: string) => sharp(Buffer.from(source)).flatten().raw().toBuffer();
		expect((await pixels(lighter)).equals(await pixels(svg))).toBe(true);
	});
});

describe('withImagePlaceholders', () => {
	const png = (marker: string) =>
		`data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAALAAAACw${marker.repeat(400)}`;
	const img = (src: string): OgElement => ({ type: 'img', props: { src, width: 76, height: 76 } });
	const tree = (...children: OgChild[]): OgElement => ({
		type: 'div',
		props: { style: { display: 'flex' }, children },
	});

	it('stands in for each PNG data: URL with a short one of the same type and header', () => {
		const first = png('A');
		const second = png('B');
		const { tree: standIn } = withImagePlaceholders(tree('Jane', img(first), tree(img(second))));
		const [, a, nested] = standIn.props.children as OgChild[];
		const b = ((nested as OgElement).props.children as OgChild[])[0] as OgElement;
		const srcs = [(a as OgElement).props.src ?? '', b.props.src ?? ''];
		expect(new Set(srcs).size).toBe(2);
		for (const src of srcs) {
			expect(src).toMatch(
				/^data:image\/png;card-image=\d+;base64,iVBORw0KGgoAAAANSUhEUgAAALAAAACw/,
			);
			expect(src.length).toBeLessThan(100);
		}
		// The header satori reads the size from survives whole.
		expect(srcs[0]?.endsWith(first.slice(22, 22 + 48))).toBe(true);
	});

	it('puts the real URLs back, each where its stand-in was, and nothing else changes', () => {
		const first = png('A');
		const second = png('B');
		const { tree: standIn, restore } = withImagePlaceholders(tree(img(first), img(second)));
		const [a, b] = (standIn.props.children as OgElement[]).map((child) => child.props.src);
		expect(restore(`<image href="${b}"/><image href="${a}"/><path d="M0,0"/>`)).toBe(
			`<image href="${second}"/><image href="${first}"/><path d="M0,0"/>`,
		);
	});

	it('puts a URL back wherever satori copied its stand-in, and leaves look-alikes alone', () => {
		const urls = Array.from({ length: 12 }, (_, index) => png(String.fromCharCode(65 + index)));
		const { tree: standIn, restore } = withImagePlaceholders(tree(...urls.map(img)));
		const srcs = (standIn.props.children as OgElement[]).map((child) => child.props.src);
		// Stand-in 1 is a prefix of nothing else, though "1" starts "10" and "11".
		const lookAlike = 'data:image/png;card-image=12;base64,iVBOR';
		const svg = `<a href="${srcs[1]}"/><b href="${srcs[11]}"/><c href="${srcs[1]}"/>${lookAlike}`;
		expect(restore(svg)).toBe(
			`<a href="${urls[1]}"/><b href="${urls[11]}"/><c href="${urls[1]}"/>${lookAlike}`,
		);
	});

	it('leaves a tree without PNG data: URLs as it was', () => {
		const svgUrl = 'data:image/svg+xml;base64,PHN2Zy8+';
		const original = tree('Jane', img(svgUrl), img('https://example.com/x.png'));
		const { tree: standIn, restore } = withImagePlaceholders(original);
		expect(standIn).toBe(original);
		expect(restore('<svg/>')).toBe('<svg/>');
	});

	it(
		"gives ogCardSvg satori's own SVG of the real tree, byte for byte, with fewer bytes to lay out",
		{ timeout: 30_000 },
		async () => {
			const { default: satori } = await import('satori');
			const jane = await portraitDataUrl(photo(path.resolve('content/speakers/chi-wang.jpg')));
			const john = await portraitDataUrl(photo(path.resolve('content/speakers/charlie-chen.jpg')));
			const real = ogCardTree(
				card({
					speakers: [
						{ name: 'Jane Doe', portrait: jane },
						{ name: 'John Roe', portrait: john },
						{ name: 'Alex Poe', portrait: jane },
					],
				}),
			);
			const options = {
				width: OG_WIDTH,
				height: OG_HEIGHT,
				fonts: [...ogFonts()],
				loadAdditionalAsset: () => Promise.resolve([]),
			};
			const expected = withoutNoOpImageClips(await satori(real, options));
			expect(await ogCardSvg(real)).toBe(expected);
			const { tree: standIn } = withImagePlaceholders(real);
			const laidOut = withoutNoOpImageClips(await satori(standIn, options));
			// Three portraits' URLs (Jane's twice) that satori no longer carried, less the stand-ins.
			expect(laidOut.length).toBeLessThan(expected.length - 2 * jane.length - john.length + 300);
			expect(laidOut).not.toContain(jane);
		},
	);
});

describe('portraitDataUrl', () => {
	it("reads the photo's source file into a small PNG, cut round", async () => {
		const dataUrl = await portraitDataUrl(photo(path.resolve('content/speakers/chi-wang.jpg')));
		expect(dataUrl).toMatch(/^data:image\/png;base64,/);
		const png = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
		const meta = await sharp(png).metadata();
		expect([meta.format, meta.width, meta.height, meta.hasAlpha]).toEqual(['png', 176, 176, true]);
		const alpha = (x: number, y: number) =>
			sharp(png).extract({ left: x, top: y, width: 1, height: 1 }).raw().toBuffer();
		expect((await alpha(0, 0))[3]).toBe(0);
		expect((await alpha(88, 88))[3]).toBe(255);
	});

	it('says which speaker has a photo without a source file', async () => {
		await expect(portraitDataUrl(photo(), 'Jane Doe')).rejects.toThrow(
			'Preview cards: the photo of Jane Doe has no source file (fsPath)',
		);
	});
});

describe('the card cache', () => {
	const dirs: string[] = [];
	const tempDir = async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'og-cache-'));
		dirs.push(dir);
		return dir;
	};
	afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

	/** A stand-in renderer: the cache's behaviour does not depend on satori. */
	const draw = (tree: OgElement) => Promise.resolve(Buffer.from(JSON.stringify(tree)));

	it('draws a card once, then serves it from memory, then from disk in a later build', async () => {
		const dir = await tempDir();
		const first = createOgCardCache({ dir, draw });
		const png = await first.png(card());
		await first.png(card());
		expect(first.stats).toEqual({ drawn: 1, diskHits: 0, memoryHits: 1 });

		const file = path.join(dir, `${first.key(card())}.png`);
		const written = (await stat(file)).mtimeMs;
		const later = createOgCardCache({ dir, draw });
		expect((await later.png(card())).equals(png)).toBe(true);
		expect(later.stats).toEqual({ drawn: 0, diskHits: 1, memoryHits: 0 });
		expect((await stat(file)).mtimeMs).toBe(written);
	});

	it('keys a card by its content: a changed title, name or portrait is a new card', async () => {
		const cache = createOgCardCache({ dir: await tempDir(), draw });
		const keys = new Set(
			[
				card(),
				card({ title: 'Another title' }),
				card({ speakers: [{ name: 'Jane Doe' }] }),
				card({ speakers: [{ name: 'Jane Doe', portrait: 'data:image/jpeg;base64,AAAA' }] }),
			].map((data) => cache.key(data)),
		);
		expect(keys.size).toBe(4);
		expect(cache.key(card())).toBe(cache.key(card()));
		expect(cache.key(card())).toMatch(/^[0-9a-f]{64}$/);
	});

	it('keys a card by its fonts too', async () => {
		const dir = await tempDir();
		const fonts = ogFonts();
		const fewer = createOgCardCache({ dir, draw, cardFonts: fonts.slice(0, 2) });
		expect(fewer.key(card())).not.toBe(
			createOgCardCache({ dir, draw, cardFonts: fonts }).key(card()),
		);
	});

	it('does not keep a failed draw, and leaves no temporary files behind', async () => {
		const dir = await tempDir();
		let fail = true;
		const cache = createOgCardCache({
			dir,
			draw: (tree) => (fail ? Promise.reject(new Error('boom')) : draw(tree)),
		});
		await expect(cache.png(card())).rejects.toThrow('boom');
		fail = false;
		await expect(cache.png(card())).resolves.toBeInstanceOf(Buffer);
		expect(cache.stats.drawn).toBe(1);
		expect(await readdir(dir)).toEqual([`${cache.key(card())}.png`]);
	});

	it('keys a portrait by its photo bytes, and draws it from the photo', async () => {
		const dir = await tempDir();
		const jpg = path.join(dir, 'jane-doe.jpg');
		await copyFile(path.resolve('content/speakers/chi-wang.jpg'), jpg);
		const ref = await portraitRef(photo(jpg), 'Jane Doe');
		expect(ref).toMatch(/^portrait:sha256:[0-9a-f]{64}$/);

		const trees: OgElement[] = [];
		const cache = createOgCardCache({
			dir,
			draw: (tree) => {
				trees.push(tree);
				return draw(tree);
			},
		});
		const data = card({ speakers: [{ name: 'Jane Doe', portrait: ref }] });
		await cache.ensure(data);
		// The key's tree holds the reference; the drawn tree holds the round PNG itself.
		expect(JSON.stringify(ogCardTree(data))).toContain(ref);
		expect(JSON.stringify(trees)).not.toContain(ref);
		expect(JSON.stringify(trees)).toContain('data:image/png;base64,');

		// Another photo under the same name is another card; the same bytes again are the same card.
		await copyFile(path.resolve('content/speakers/charlie-chen.jpg'), jpg);
		const replaced = await portraitRef(photo(jpg), 'Jane Doe');
		expect(replaced).not.toBe(ref);
		const copy = path.join(dir, 'copy.jpg');
		await copyFile(jpg, copy);
		expect(await portraitRef(photo(copy))).toBe(replaced);
	});

	it('says which reference it cannot draw', async () => {
		const cache = createOgCardCache({ dir: await tempDir() });
		const unknown = `portrait:sha256:${'0'.repeat(64)}`;
		await expect(
			cache.ensure(card({ speakers: [{ name: 'Jane Doe', portrait: unknown }] })),
		).rejects.toThrow(`Preview cards: no photo is known for ${unknown}`);
	});

	it('gives the cached file and its length, and keeps no PNG in memory', async () => {
		const dir = await tempDir();
		const cache = createOgCardCache({ dir, draw });
		const { file, bytes } = await cache.ensure(card());
		expect(file).toBe(path.join(dir, `${cache.key(card())}.png`));
		expect(bytes).toBe((await stat(file)).size);
		expect(bytes).toBe(Buffer.byteLength(JSON.stringify(ogCardTree(card()))));
		await expect(cache.ensure(card())).resolves.toEqual({ file, bytes });
	});

	it('draws no more cards at once than its concurrency', async () => {
		let running = 0;
		let most = 0;
		const slowDraw = async (tree: OgElement) => {
			most = Math.max(most, ++running);
			await new Promise((resolve) => setTimeout(resolve, 5));
			running--;
			return draw(tree);
		};
		const cache = createOgCardCache({ dir: await tempDir(), draw: slowDraw, concurrency: 2 });
		const cards = Array.from({ length: 8 }, (_, index) => card({ title: `Talk ${index}` }));
		await Promise.all(cards.map((data) => cache.ensure(data)));
		expect(cache.stats.drawn).toBe(8);
		expect(most).toBe(2);
	});

	it("lives under Astro's cacheDir", () => {
		expect(ogCacheDir(undefined)).toBe(path.join('.cache', 'astro', 'og'));
		expect(ogCacheDir('/tmp/build-cache')).toBe('/tmp/build-cache/og');
	});
});
