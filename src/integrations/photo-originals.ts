/**
 * Keeps the photos' bytes out of the build's bundle (src/lib/photo-originals.ts explains the
 * stubs). Astro's image plugin (`astro:assets:esm`) reads each photo a content entry names, for
 * its size, and emits the bytes as an asset of the bundle; in `astro build` this integration has
 * it emit a stub instead, and remembers which file each stub stands for. Astro's own code still
 * does everything else: the metadata, the asset's name, the links, the variants.
 *
 * - On the 1000-recap benchmark site (1.7 GB of photos) a cold build's peak memory went from
 *   3936 to 2143 MiB, and bundling from 15.1 to 8.6 s (`npm run bench -- --sizes 1000
 *   --cold-only`); on the 100-recap site bundling went from 2.1-2.4 to 1.3-1.4 s.
 * - If Astro's plugin is not found, or its hook has another shape (a later Astro), nothing is
 *   changed and the build warns: photos are then bundled as Astro does it, correct but heavier.
 * - `restoreReferencedOriginals` runs at the end of the build (src/integrations/finish-build.ts):
 *   an original a page links to gets its photo back in place of the stub.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger, ViteUserConfig } from 'astro';
import {
	photoStub,
	photoStubs,
	sha256,
	stubbedPhoto,
	stubDigest,
	type PhotoStubs,
} from '../lib/photo-originals.ts';

type VitePlugin = NonNullable<ViteUserConfig['plugins']>[number];

/** The name of Astro's plugin that reads and emits imported images (astro/dist/assets). */
const ASTRO_IMAGE_PLUGIN = 'astro:assets:esm';

export interface PhotoOriginalsOptions {
	/**
	 * The image service that reads photos back from their stubs (src/image-service.ts), as
	 * astro.config.mjs names it. A build configured with another service (the test comparing it
	 * with Astro's stock sharp service does so) bundles the photos themselves.
	 */
	imageService: string;
}

export function photoOriginals({ imageService }: PhotoOriginalsOptions): AstroIntegration {
	return {
		name: 'recap:photo-originals',
		hooks: {
			'astro:config:setup': ({ command, config, updateConfig, logger }) => {
				if (command !== 'build' || config.image.service.entrypoint !== imageService) return;
				// A process may build more than once (Astro's programmatic build).
				const stubs = photoStubs();
				stubs.sources.clear();
				stubs.files.clear();
				updateConfig({ vite: { plugins: [stubPhotosPlugin(logger)] } });
			},
		},
	};
}

function stubPhotosPlugin(logger: AstroIntegrationLogger): VitePlugin {
	return {
		name: 'recap:photo-originals',
		apply: 'build',
		configResolved(config) {
			const astroImages = config.plugins.find((plugin) => plugin.name === ASTRO_IMAGE_PLUGIN);
			if (!astroImages || !stubEmittedPhotos(astroImages, photoStubs().sources)) {
				logger.warn(
					`Astro's image plugin (${ASTRO_IMAGE_PLUGIN}) was not found in the shape this ` +
						'project knows: photos go into the bundle as Astro does it (more memory, same output)',
				);
			}
		},
		generateBundle(_options, bundle) {
			recordStubFiles(Object.values(bundle), photoStubs().files);
		},
	};
}

/** Adds to `into` the file names of the bundle's assets that are stubs. */
export function recordStubFiles(
	outputs: readonly { type: string; fileName: string; source?: unknown }[],
	into: Set<string>,
): void {
	for (const output of outputs) {
		if (output.type !== 'asset') continue;
		const { source } = output;
		const bytes = typeof source === 'string' ? Buffer.from(source, 'latin1') : source;
		if (bytes instanceof Uint8Array && stubDigest(bytes) !== undefined) into.add(output.fileName);
	}
}

type LoadHandler = (this: object, id: string, ...rest: unknown[]) => unknown;

/** Load hooks already changed: Vite resolves the config once per environment, same plugins. */
const changed = new WeakSet<object>();

/**
 * Changes the `load` hook of Astro's image plugin so that the assets it emits for raster photos
 * are stubs, recording each photo's source file in `sources` by its SHA-256. Returns false, and
 * changes nothing, if the plugin has no `load` hook of the expected shape.
 */
export function stubEmittedPhotos(
	plugin: { load?: unknown },
	sources: Map<string, string>,
): boolean {
	const hook = plugin.load;
	if (typeof hook === 'function') {
		plugin.load = stubbing(hook as LoadHandler, sources);
		return true;
	}
	const handler = (hook as { handler?: unknown } | null | undefined)?.handler;
	if (typeof hook === 'object' && typeof handler === 'function') {
		(hook as { handler: LoadHandler }).handler = stubbing(handler as LoadHandler, sources);
		return true;
	}
	return false;
}

/** `load`, but its emitted photos are stubs; `load` itself if it is already such a handler. */
function stubbing(load: LoadHandler, sources: Map<string, string>): LoadHandler {
	if (changed.has(load)) return load;
	const replaced: LoadHandler = function (this: object, id, ...rest) {
		const file = id.split('?', 1)[0]!;
		return load.call(withStubbingEmitter(this, file, sources), id, ...rest);
	};
	changed.add(replaced);
	return replaced;
}

interface EmittedAsset {
	type?: unknown;
	name?: unknown;
	source?: unknown;
}

/** The plugin context, but `emitFile` emits a stub for a raster photo's bytes. */
function withStubbingEmitter(context: object, file: string, sources: Map<string, string>): object {
	return new Proxy(context, {
		get(target, property) {
			const value: unknown = Reflect.get(target, property);
			if (typeof value !== 'function') return value;
			const method = value as (...args: unknown[]) => unknown;
			if (property !== 'emitFile') return method.bind(target);
			return (asset: EmittedAsset): unknown => {
				if (!isRasterPhoto(asset)) return method.call(target, asset);
				const digest = sha256(asset.source);
				sources.set(digest, file);
				return method.call(target, { ...asset, source: photoStub(digest) });
			};
		},
	});
}

/** SVGs are left alone: Astro may serve them as they are, and they are small. */
function isRasterPhoto(asset: EmittedAsset): asset is EmittedAsset & { source: Uint8Array } {
	return (
		asset.type === 'asset' &&
		asset.source instanceof Uint8Array &&
		typeof asset.name === 'string' &&
		!/\.svg$/i.test(asset.name)
	);
}

/**
 * Puts each photo back in place of its stub in the output folder `root`, for the stubs still
 * there once unreferenced assets are pruned: the originals a page or feed links to. Returns the
 * files restored, relative to `root`.
 */
export async function restoreReferencedOriginals(
	root: string,
	remaining: ReadonlySet<string>,
	stubs: PhotoStubs = photoStubs(),
): Promise<string[]> {
	const restored: string[] = [];
	for (const name of stubs.files) {
		const file = path.join(root, ...name.split('/'));
		if (!remaining.has(file)) continue;
		const digest = stubDigest(await readFile(file));
		// Not a stub (any more): Astro or another step wrote the file since.
		if (digest === undefined) continue;
		await writeFile(file, await stubbedPhoto(digest, stubs.sources));
		restored.push(name);
	}
	return restored;
}

/**
 * The build log's line: why Astro's image lines say "before: 0kB" (it read a stub), and which
 * originals were copied in.
 */
export function describeStubbed(photos: number, restored: readonly string[]): string {
	return (
		`${photos} photo(s) bundled as stubs and read from their own files` +
		(restored.length > 0 ? `; linked original(s) copied in: ${restored.join(', ')}` : '')
	);
}
