/**
 * Photos kept out of the bundle: the stub format, reading a photo back from its stub, the change
 * to Astro's image plugin (over a stand-in plugin with the same hook shapes) and putting photos
 * back in place of the stubs a page still links to. The real build is covered by
 * tests/build/image-service.test.ts (the same image files as Astro's stock service) and
 * tests/build/site.test.ts (no stub is ever shipped).
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	recordStubFiles,
	restoreReferencedOriginals,
	stubEmittedPhotos,
} from '../../src/integrations/photo-originals.ts';
import {
	originalBytes,
	photoStub,
	sha256,
	STUB_BYTES,
	stubDigest,
	stubbedPhoto,
	type PhotoStubs,
} from '../../src/lib/photo-originals.ts';

let folder: string;
let photoFile: string;
let photo: Buffer;

beforeAll(async () => {
	folder = await mkdtemp(path.join(tmpdir(), 'photo-originals-'));
	photoFile = path.join(folder, 'jane-doe.jpg');
	photo = await sharp({
		create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 80, b: 40 } },
	})
		.jpeg()
		.toBuffer();
	await writeFile(photoFile, photo);
});

describe('photo stubs', () => {
	it('name the photo by its SHA-256, and are read back as that digest', () => {
		const digest = sha256(photo);
		const stub = photoStub(digest);
		expect(stub.byteLength).toBe(STUB_BYTES);
		expect(stubDigest(stub)).toBe(digest);
		// A view into a larger buffer, as Node hands out small file reads.
		const pooled = Buffer.concat([Buffer.from('xyz'), stub]).subarray(3);
		expect(stubDigest(pooled)).toBe(digest);
	});

	it('are never mistaken for anything else', () => {
		const stub = photoStub(sha256(photo));
		expect(stubDigest(photo)).toBeUndefined();
		expect(stubDigest(new Uint8Array(0))).toBeUndefined();
		expect(stubDigest(stub.subarray(1))).toBeUndefined();
		const otherPrefix = Buffer.from(stub);
		otherPrefix[0] = 'R'.charCodeAt(0);
		expect(stubDigest(otherPrefix)).toBeUndefined();
		const notHex = Buffer.from(stub);
		notHex[STUB_BYTES - 1] = 'g'.charCodeAt(0);
		expect(stubDigest(notHex)).toBeUndefined();
	});

	it('refuse a digest that is not a hex SHA-256', () => {
		expect(() => photoStub('abc')).toThrow(/not a hex SHA-256/);
		expect(() => photoStub('A'.repeat(64))).toThrow(/not a hex SHA-256/);
	});
});

describe('originalBytes', () => {
	it('passes a photo through and reads a stub’s photo from its source file', async () => {
		const sources = new Map([[sha256(photo), photoFile]]);
		expect(await originalBytes(photo, sources)).toBe(photo);
		expect(Buffer.from(await originalBytes(photoStub(sha256(photo)), sources))).toEqual(photo);
	});

	it('fails on a stub this build never made', async () => {
		await expect(originalBytes(photoStub('0'.repeat(64)), new Map())).rejects.toThrow(
			/never read -> .*build again/,
		);
	});

	it('fails, naming the file, when the photo changed since it was bundled', async () => {
		const file = path.join(folder, 'changed.jpg');
		await writeFile(file, photo);
		const digest = sha256(photo);
		await writeFile(file, Buffer.concat([photo, Buffer.from([0])]));
		await expect(stubbedPhoto(digest, new Map([[digest, file]]))).rejects.toThrow(
			`${file}: the photo changed while the site was building -> build again`,
		);
	});
});

/** A stand-in for Astro's image plugin: its load hook reads the file and emits it, as Astro's. */
function imagePlugin(shape: 'object' | 'function') {
	async function handler(
		this: { emitFile(asset: unknown): string; environment: { name: string } },
		id: string,
	) {
		const file = id.split('?')[0]!;
		const name = path.basename(file);
		const handle = this.emitFile({ type: 'asset', name, source: await readFile(file) });
		return `export default ${JSON.stringify({ src: handle, environment: this.environment.name })}`;
	}
	const load = shape === 'object' ? { filter: { id: /\.jpg/ }, handler } : handler;
	return { name: 'astro:assets:esm', load };
}

function callLoad(plugin: { load: unknown }, ctx: object, id: string): Promise<string> {
	const load = plugin.load as
		| ((this: object, id: string) => Promise<string>)
		| { handler(this: object, id: string): Promise<string> };
	return typeof load === 'function' ? load.call(ctx, id) : load.handler.call(ctx, id);
}

describe('stubEmittedPhotos', () => {
	for (const shape of ['object', 'function'] as const) {
		it(`makes Astro's plugin emit a stub for a photo and remember its file (${shape} hook)`, async () => {
			const emitted: { name: string; source: Uint8Array }[] = [];
			const plugin = imagePlugin(shape);
			const sources = new Map<string, string>();
			expect(stubEmittedPhotos(plugin, sources)).toBe(true);

			const ctx = realContext(emitted);
			const code = await callLoad(plugin, ctx, `${photoFile}?astroContentImageFlag&importer=x`);
			// The rest of the context works as before: the handle and the environment come through.
			expect(code).toBe('export default {"src":"handle-1","environment":"prerender"}');
			expect(emitted).toHaveLength(1);
			expect(emitted[0]!.name).toBe('jane-doe.jpg');
			expect(stubDigest(emitted[0]!.source)).toBe(sha256(photo));
			expect(sources).toEqual(new Map([[sha256(photo), photoFile]]));
		});
	}

	it('leaves SVGs alone', async () => {
		const svgFile = path.join(folder, 'logo.svg');
		const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>';
		await writeFile(svgFile, svg);
		const emitted: { source: Uint8Array }[] = [];
		const plugin = imagePlugin('object');
		const sources = new Map<string, string>();
		stubEmittedPhotos(plugin, sources);
		await callLoad(plugin, realContext(emitted), svgFile);
		expect(Buffer.from(emitted[0]!.source).toString()).toBe(svg);
		expect(sources.size).toBe(0);
	});

	it('changes a hook once, however often the config is resolved', async () => {
		const emitted: { source: Uint8Array }[] = [];
		const plugin = imagePlugin('object');
		const sources = new Map<string, string>();
		stubEmittedPhotos(plugin, sources);
		const once = plugin.load;
		const handler = (once as { handler: unknown }).handler;
		expect(stubEmittedPhotos(plugin, sources)).toBe(true);
		expect((plugin.load as { handler: unknown }).handler).toBe(handler);
		await callLoad(plugin, realContext(emitted), photoFile);
		expect(stubDigest(emitted[0]!.source)).toBe(sha256(photo));
	});

	it('changes nothing and says so when the plugin has no load hook it knows', () => {
		expect(stubEmittedPhotos({}, new Map())).toBe(false);
		expect(stubEmittedPhotos({ load: { filter: {} } }, new Map())).toBe(false);
		expect(stubEmittedPhotos({ load: 'x' }, new Map())).toBe(false);
	});
});

/** A context object whose emitFile checks it is called on this very object. */
function realContext(emitted: unknown[]) {
	const ctx = {
		environment: { name: 'prerender' },
		emitFile(this: unknown, asset: unknown) {
			if (this !== ctx) throw new Error('emitFile called on a stand-in, not the context');
			emitted.push(asset);
			return `handle-${emitted.length}`;
		},
	};
	return ctx;
}

describe('recordStubFiles', () => {
	it('records the assets whose source is a stub, as bytes or as text', () => {
		const stub = photoStub(sha256(photo));
		const files = new Set<string>();
		recordStubFiles(
			[
				{ type: 'asset', fileName: '_astro/a.Xy12.jpg', source: stub },
				{ type: 'asset', fileName: '_astro/b.Zz34.jpg', source: stub.toString('latin1') },
				{ type: 'asset', fileName: '_astro/c.Qq56.jpg', source: photo },
				{ type: 'chunk', fileName: 'chunks/page.mjs' },
			],
			files,
		);
		expect([...files].sort()).toEqual(['_astro/a.Xy12.jpg', '_astro/b.Zz34.jpg']);
	});
});

describe('restoreReferencedOriginals', () => {
	async function output(): Promise<{ root: string; stubs: PhotoStubs }> {
		const root = await mkdtemp(path.join(tmpdir(), 'photo-originals-out-'));
		await mkdir(path.join(root, '_astro'));
		const digest = sha256(photo);
		for (const name of ['linked.Ab12.jpg', 'pruned.Cd34.jpg']) {
			await writeFile(path.join(root, '_astro', name), photoStub(digest));
		}
		return {
			root,
			stubs: {
				sources: new Map([[digest, photoFile]]),
				files: new Set(['_astro/linked.Ab12.jpg', '_astro/pruned.Cd34.jpg']),
			},
		};
	}

	it('puts the photo in place of each stub still in the output, and only there', async () => {
		const { root, stubs } = await output();
		const linked = path.join(root, '_astro', 'linked.Ab12.jpg');
		const restored = await restoreReferencedOriginals(root, new Set([linked]), stubs);
		expect(restored).toEqual(['_astro/linked.Ab12.jpg']);
		expect(await readFile(linked)).toEqual(photo);
		// Not in the output any more (pruned): not written.
		expect(stubDigest(await readFile(path.join(root, '_astro', 'pruned.Cd34.jpg')))).toBeDefined();
	});

	it('leaves a file alone that is no longer a stub', async () => {
		const { root, stubs } = await output();
		const linked = path.join(root, '_astro', 'linked.Ab12.jpg');
		await writeFile(linked, 'something else');
		expect(await restoreReferencedOriginals(root, new Set([linked]), stubs)).toEqual([]);
		expect(await readFile(linked, 'utf8')).toBe('something else');
	});

	it('fails on a stub whose photo this build never read', async () => {
		const { root, stubs } = await output();
		const linked = path.join(root, '_astro', 'linked.Ab12.jpg');
		await expect(
			restoreReferencedOriginals(root, new Set([linked]), { ...stubs, sources: new Map() }),
		).rejects.toThrow(/never read/);
	});
});
