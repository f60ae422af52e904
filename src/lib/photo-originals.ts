/**
 * Photos kept out of the build's bundle (src/integrations/photo-originals.ts). In `astro build`,
 * Astro reads every photo a content entry names and hands its bytes to the bundler, which holds
 * all of them until it writes them out as "originals"; Astro then reads each original back to
 * make its variants and deletes it. On a 1000-city series that is 1.7 GB of photos held at once.
 *
 * Instead, the bundle gets a stub for each photo: a few bytes naming the photo's SHA-256. The
 * stub is what Astro writes as the original, and its bytes decide the original's file name, so
 * the name still changes whenever the photo does (and with it every variant's name and cache
 * entry). Everything that reads an original in this process gets the photo back from its source
 * file: the image service (src/image-service.ts) and the end of the build, which puts the photo
 * in place of any stub a page still links to.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

const STUB_PREFIX = 'recap photo original, kept out of the bundle: sha256 ';
const DIGEST = /^[0-9a-f]{64}$/;

/** A stub's length in bytes: the prefix and a hex SHA-256. */
export const STUB_BYTES = Buffer.byteLength(STUB_PREFIX) + 64;

/** The stub standing for the photo whose SHA-256 (hex) is `digest`. */
export function photoStub(digest: string): Buffer {
	if (!DIGEST.test(digest)) throw new Error(`photoStub: not a hex SHA-256: ${digest}`);
	return Buffer.from(STUB_PREFIX + digest);
}

/** The SHA-256 a stub names, or undefined if `bytes` is not a stub. */
export function stubDigest(bytes: Uint8Array): string | undefined {
	if (bytes.byteLength !== STUB_BYTES) return undefined;
	const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
	if (!text.startsWith(STUB_PREFIX)) return undefined;
	const digest = text.slice(STUB_PREFIX.length);
	return DIGEST.test(digest) ? digest : undefined;
}

export function sha256(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/** What the stubs of one build stand for. */
export interface PhotoStubs {
	/** The source file of each stubbed photo, by SHA-256. */
	readonly sources: Map<string, string>;
	/** The output files (relative to the output folder, `/`-separated) the bundle wrote as stubs. */
	readonly files: Set<string>;
}

/**
 * This process's stubs. On `globalThis` because its writer (a Vite plugin in the build's own
 * process) and its readers (the image service, bundled into the pages' code, and the end of the
 * build) are separate module graphs; Astro passes its own image records between them the same
 * way (`globalThis.astroAsset`).
 */
export function photoStubs(): PhotoStubs {
	const store = globalThis as { [STUBS]?: PhotoStubs };
	store[STUBS] ??= { sources: new Map(), files: new Set() };
	return store[STUBS];
}

const STUBS = Symbol.for('recap.photoStubs');

/**
 * The photo an original's bytes stand for: `bytes` itself if it is not a stub, else the photo
 * read from its source file (`stubbedPhoto`).
 */
export async function originalBytes(
	bytes: Uint8Array,
	sources: ReadonlyMap<string, string> = photoStubs().sources,
): Promise<Uint8Array> {
	const digest = stubDigest(bytes);
	return digest === undefined ? bytes : stubbedPhoto(digest, sources);
}

/**
 * The photo whose SHA-256 is `digest`, read from its source file. Fails, naming the file, if the
 * photo is unknown to this process or its file changed during the build (its bytes no longer
 * match the stub's name).
 */
export async function stubbedPhoto(
	digest: string,
	sources: ReadonlyMap<string, string> = photoStubs().sources,
): Promise<Buffer> {
	const file = sources.get(digest);
	if (file === undefined) {
		throw new Error(
			`A photo stub (sha256 ${digest}) whose source file this build never read ` +
				'-> stubs exist only within one `astro build`: delete the output folder and build again',
		);
	}
	const photo = await readFile(file);
	if (sha256(photo) !== digest) {
		throw new Error(`${file}: the photo changed while the site was building -> build again`);
	}
	return photo;
}
