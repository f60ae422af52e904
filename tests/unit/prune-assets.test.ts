import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectAssetNames, pruneUnreferenced } from '../../src/integrations/prune-assets.ts';

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
		});
		// page.css itself is referenced by nothing here: a stylesheet nobody links is dead too.
		const removed = await pruneUnreferenced(root, '_astro');
		expect(removed.sort()).toEqual(
			['_astro/draft-hero.ghi.jpg', '_astro/page.css', '_astro/page.css.map'].map((f) =>
				f.replaceAll('/', path.sep),
			),
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
