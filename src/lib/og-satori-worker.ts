/**
 * A worker thread that lays preview cards out with satori (element tree in, SVG out), so in a
 * whole build the layout of hundreds of cards never waits for page rendering on the main thread,
 * nor holds it up. Started by og-cache.ts (`satoriWorker`) with the card fonts as `workerData`;
 * Node runs this file as it is (type stripping), outside the build's bundle.
 *
 * Messages in: `{ id, tree, width, height }`. Out: `{ id, svg }` or `{ id, error }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import satori from 'satori';

interface Font {
	name: string;
	data: Uint8Array;
	weight: 400 | 700;
	style: 'normal';
}

interface Job {
	id: number;
	tree: Parameters<typeof satori>[0];
	width: number;
	height: number;
}

// Structured cloning turned each font's Buffer into a Uint8Array; satori takes a Buffer. Made
// once, so satori parses each font once (it caches fonts by their data).
const fonts = (workerData as { fonts: Font[] }).fonts.map((font) => ({
	...font,
	data: Buffer.from(font.data.buffer, font.data.byteOffset, font.data.byteLength),
}));

parentPort?.on('message', ({ id, tree, width, height }: Job) => {
	satori(tree, {
		width,
		height,
		fonts,
		// As og-cache.ts: a character no card font has is drawn as a blank box, never fetched.
		loadAdditionalAsset: () => Promise.resolve([]),
	}).then(
		(svg) => parentPort?.postMessage({ id, svg }),
		(error: unknown) =>
			parentPort?.postMessage({
				id,
				error: error instanceof Error ? error.message : String(error),
			}),
	);
});
