/**
 * The static server the browser tests and Lighthouse read the built site from: a real server on
 * 127.0.0.1 and real HTTP requests (node:http, which leaves the body as sent).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';

const HTML = `<!doctype html><title>Example City</title>${'<p>Jane Doe of Example Corp</p>'.repeat(200)}`;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

let root: string;
let server: StaticServer;

beforeAll(async () => {
	root = await mkdtemp(path.join(os.tmpdir(), 'static-server-'));
	await mkdir(path.join(root, 'recaps', 'example-city'), { recursive: true });
	await writeFile(path.join(root, 'recaps', 'example-city', 'index.html'), HTML);
	await writeFile(path.join(root, '404.html'), '<!doctype html><title>Not found</title>');
	await writeFile(path.join(root, 'photo.png'), PNG);
	server = await serveStatic(root, { maxLifetimeMs: 60_000 });
});

afterAll(async () => {
	await server?.close();
	if (root) await rm(root, { recursive: true, force: true });
});

interface Reply {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

function get(
	pathname: string,
	headers: Record<string, string> = {},
	method = 'GET',
): Promise<Reply> {
	return new Promise((resolve, reject) => {
		const req = request(new URL(pathname.slice(1), server.url), { method, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () =>
				resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
			);
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end();
	});
}

describe('serveStatic', () => {
	it('gzips HTML for a client that accepts gzip, with the compressed length', async () => {
		const reply = await get('/recaps/example-city/', { 'accept-encoding': 'gzip, deflate, br' });
		expect(reply.status).toBe(200);
		expect(reply.headers['content-encoding']).toBe('gzip');
		expect(reply.headers.vary).toBe('accept-encoding');
		expect(Number(reply.headers['content-length'])).toBe(reply.body.length);
		expect(reply.body.length).toBeLessThan(Buffer.byteLength(HTML) / 4);
		expect(gunzipSync(reply.body).toString()).toBe(HTML);
	});

	it('sends HTML as it is to a client that does not accept gzip', async () => {
		const refusals: Record<string, string>[] = [
			{},
			{ 'accept-encoding': 'br' },
			{ 'accept-encoding': 'gzip;q=0' },
		];
		for (const headers of refusals) {
			const reply = await get('/recaps/example-city/', headers);
			expect(reply.headers['content-encoding'], JSON.stringify(headers)).toBeUndefined();
			expect(reply.body.toString()).toBe(HTML);
		}
	});

	it('never compresses images', async () => {
		const reply = await get('/photo.png', { 'accept-encoding': 'gzip' });
		expect(reply.headers['content-type']).toBe('image/png');
		expect(reply.headers['content-encoding']).toBeUndefined();
		expect(reply.body.equals(PNG)).toBe(true);
	});

	it('answers a missing page with the site 404 page, gzipped, and status 404', async () => {
		const reply = await get('/recaps/nowhere/', { 'accept-encoding': 'gzip' });
		expect(reply.status).toBe(404);
		expect(gunzipSync(reply.body).toString()).toContain('Not found');
	});

	it('answers HEAD with the headers and no body', async () => {
		const reply = await get('/recaps/example-city/', { 'accept-encoding': 'gzip' }, 'HEAD');
		expect(reply.status).toBe(200);
		expect(reply.headers['content-encoding']).toBe('gzip');
		expect(Number(reply.headers['content-length'])).toBeGreaterThan(0);
		expect(reply.body.length).toBe(0);
	});
});

describe('acceptsGzip', () => {
	it.each([
		['gzip', true],
		['gzip, deflate, br, zstd', true],
		['br;q=1.0, GZIP;q=0.5', true],
		['*', true],
		['gzip;q=0', false],
		['gzip;q=0.0, br', false],
		['br, deflate', false],
		['', false],
	])('%j -> %s', (header, expected) => {
		expect(acceptsGzip({ headers: { 'accept-encoding': header } })).toBe(expected);
	});

	it('is false without the header', () => {
		expect(acceptsGzip({ headers: {} })).toBe(false);
	});
});
