import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	assetReferenceCollector,
	collectAssetNames,
	pruneUnreferenced,
} from '../../src/integrations/prune-assets.ts';

async function site(files: Record<string, string>): Promise<string> {
	const root = await mkdtemp(path.join(tmpdir(), 'prune-'));
	for (const [file, text] of Object.entries(files)) {
		await mkdir(path.dirname(path.join(root, file)), { recursive: true });
		await writeFile(path.join(root, file), text);
	}
	return root;
}

describe('collectAssetNames', () => {
	it('finds the names a scan from every position finds, starting only where a name can start', () => {
		// The plain pattern tries every position; the one in use starts only after a character
		// that cannot be in a name, which is faster and must find exactly the same names.
		const everyPosition = /[\w.-]+\.(?:jpe?g|png|webp|avif|gif|svg|woff2?|css|js)/gi;
		const text = [
			'<img src="/_astro/hero.abc_123.webp" srcset="/_astro/hero.abc_456.webp 2x">',
			'url(/_astro/font.x-y.woff2) url(./bg.svg)',
			'see photo.jpg. then a.js.bak and ..dots.png, x.json, A.PNG',
			'no-extension.here and .js alone',
		].join('\n');
		const found = new Set<string>();
		collectAssetNames(text, found);
		expect([...found].sort()).toEqual(
			[...new Set([...text.matchAll(everyPosition)].map((match) => match[0]))].sort(),
		);
		expect(found).toContain('hero.abc_123.webp');
		expect(found).toContain('..dots.png');
	});
});

describe('assetReferenceCollector', () => {
	const root = path.join(tmpdir(), 'site');
	const page = [
		'<img src="/_astro/hero.abc_123.webp" srcset="/_astro/hero.abc_456.webp 2x, _astro/rel.x.jpg 3x">',
		'<link rel="icon" href="/favicon.svg"><a href="https://example.com/_astro/FULL.Y.PNG">',
		'<p>see photo.jpg and bare.abc.webp, or /_astro/archive.tar.gz</p>',
		'<img src="/_astro/two.png.webp">',
	].join('\n');

	it('in a page, finds only the names a path through the assets folder gives', () => {
		const found = new Set<string>();
		assetReferenceCollector(root, '_astro', found)(path.join(root, 'recaps', 'index.html'), page);
		expect([...found].sort()).toEqual(
			['FULL.Y.PNG', 'hero.abc_123.webp', 'hero.abc_456.webp', 'rel.x.jpg', 'two.png.webp'].sort(),
		);
	});

	it('in a stylesheet or script inside the folder, finds bare names too', () => {
		const found = new Set<string>();
		const collect = assetReferenceCollector(root, '_astro', found);
		collect(path.join(root, '_astro', 'page.css'), 'a{background:url(./bg.def.svg)}');
		collect(path.join(root, '_astro', 'search.js'), 'import("./chunk.abc.js")');
		expect([...found].sort()).toEqual(['bg.def.svg', 'chunk.abc.js']);
	});

	it('takes the folder name literally', () => {
		const found = new Set<string>();
		assetReferenceCollector(
			root,
			'a.b',
			found,
		)(path.join(root, 'x.html'), '/a.b/one.png /axb/two.png');
		expect([...found]).toEqual(['one.png']);
	});
});

describe('pruneUnreferenced', () => {
	it('removes assets no page, feed or stylesheet names, and keeps the rest', async () => {
		const root = await site({
			'index.html': '<img src="/_astro/hero.abc_123.webp" srcset="/_astro/hero.abc_456.webp 2x">',
			'rss.xml': '&lt;img src="https://example.com/_astro/hero.abc_789.jpg"&gt;',
			'_astro/page.css': 'body{background:url(/_astro/bg.def.svg)}',
			'_astro/hero.abc_123.webp': 'x',
			'_astro/hero.abc_456.webp': 'x',
			'_astro/hero.abc_789.jpg': 'x',
			'_astro/bg.def.svg': '<svg></svg>',
			'_astro/draft-hero.ghi.jpg': 'x',
			'_astro/page.css.map': 'x',
			// Named bare by a page, which cannot reach it so: a page's bare name is no reference.
			'about.html': '<p>bare.jkl.webp</p>',
			'_astro/bare.jkl.webp': 'x',
		});
		// page.css itself is referenced by nothing here: a stylesheet nobody links is dead too.
		const removed = await pruneUnreferenced(root, '_astro');
		expect(removed.sort()).toEqual(
			[
				'_astro/bare.jkl.webp',
				'_astro/draft-hero.ghi.jpg',
				'_astro/page.css',
				'_astro/page.css.map',
			].map((f) => f.replaceAll('/', path.sep)),
		);
		expect((await readdir(path.join(root, '_astro'))).sort()).toEqual([
			'bg.def.svg',
			'hero.abc_123.webp',
			'hero.abc_456.webp',
			'hero.abc_789.jpg',
		]);
	});

	it('finds a reference in any page of a large site, whichever batch reads it', async () => {
		const pages = Object.fromEntries(
			Array.from({ length: 100 }, (_, index) => [
				`p/${String(index).padStart(3, '0')}.html`,
				'<p>x</p>',
			]),
		);
		const root = await site({
			...pages,
			'p/077.html': '<img src="/_astro/late.abc.webp">',
			'p/099.html': '<img src="/_astro/last.abc.webp">',
			'_astro/late.abc.webp': 'x',
			'_astro/last.abc.webp': 'x',
			'_astro/orphan.abc.webp': 'x',
		});
		expect(await pruneUnreferenced(root, '_astro')).toEqual([
			path.join('_astro', 'orphan.abc.webp'),
		]);
	});

	it('never touches files outside the assets folder', async () => {
		const root = await site({ 'favicon.svg': '<svg></svg>', 'index.html': '<p>hi</p>' });
		expect(await pruneUnreferenced(root, '_astro')).toEqual([]);
		expect((await readdir(root)).sort()).toEqual(['favicon.svg', 'index.html']);
	});
});
