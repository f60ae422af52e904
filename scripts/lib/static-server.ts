/**
 * A small static file server for the built site, used by the browser tests and the Lighthouse
 * run. It listens on 127.0.0.1 only, on a free port, serves `index.html` for folders and the
 * site's `404.html` (with status 404) for anything missing, and closes itself after `maxLifetimeMs`
 * even if a caller forgets to. Text (HTML, CSS, JS, JSON, XML, SVG) goes out gzipped to a client
 * that accepts it, as any static host or CDN sends it: Lighthouse's simulated slow network then
 * costs the bytes a reader would really download.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.ico': 'image/x-icon',
	'.webmanifest': 'application/manifest+json',
	'.woff2': 'font/woff2',
	'.pf_meta': 'application/octet-stream',
	'.wasm': 'application/wasm',
};

/** Types a host compresses; images, fonts and wasm are compressed already or not worth it. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json)|image\/svg\+xml)/;

/** Whether the request's Accept-Encoding allows gzip (and does not refuse it with q=0). */
export function acceptsGzip(request: Pick<IncomingMessage, 'headers'>): boolean {
	const header = request.headers['accept-encoding'];
	if (typeof header !== 'string') return false;
	return header.split(',').some((part) => {
		const [coding = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
		if (coding !== 'gzip' && coding !== '*') return false;
		const q = params.find((param) => param.startsWith('q='));
		return q === undefined || Number(q.slice(2)) > 0;
	});
}

export interface StaticServer {
	/** Base URL with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
	url: string;
	close(): Promise<void>;
}

export interface StaticServerOptions {
	/** Extra response headers for every file (e.g. a Content-Security-Policy under test). */
	headers?: Record<string, string>;
	/** Safety net: the server closes itself after this long. Default 15 minutes. */
	maxLifetimeMs?: number;
}

export async function serveStatic(
	root: string,
	options: StaticServerOptions = {},
): Promise<StaticServer> {
	const absoluteRoot = path.resolve(root);
	const server: Server = createServer((request, response) => {
		void (async () => {
			const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
			let file = path.join(absoluteRoot, pathname);
			// Never serve outside the root, whatever the request path says.
			if (!file.startsWith(absoluteRoot)) file = path.join(absoluteRoot, '404.html');
			let status = 200;
			let info = await stat(file).catch(() => undefined);
			if (info?.isDirectory()) {
				file = path.join(file, 'index.html');
				info = await stat(file).catch(() => undefined);
			}
			if (!info?.isFile()) {
				status = 404;
				file = path.join(absoluteRoot, '404.html');
				info = await stat(file).catch(() => undefined);
				if (!info) {
					response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
					response.end('Not found');
					return;
				}
			}
			const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
			if (COMPRESSIBLE.test(type)) {
				const body = await readFile(file);
				const compressed = acceptsGzip(request) ? await gzipAsync(body) : undefined;
				response.writeHead(status, {
					'content-type': type,
					'content-length': (compressed ?? body).length,
					vary: 'accept-encoding',
					...(compressed ? { 'content-encoding': 'gzip' } : {}),
					...options.headers,
				});
				response.end(request.method === 'HEAD' ? undefined : (compressed ?? body));
				return;
			}
			response.writeHead(status, {
				'content-type': type,
				'content-length': info.size,
				...options.headers,
			});
			if (request.method === 'HEAD') response.end();
			else createReadStream(file).pipe(response);
		})().catch((error: unknown) => {
			response.writeHead(500);
			response.end(String(error));
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const address = server.address();
	if (address === null || typeof address === 'string')
		throw new Error('The static server has no port');
	const timer = setTimeout(() => server.close(), options.maxLifetimeMs ?? 15 * 60_000);
	timer.unref();
	return {
		url: `http://127.0.0.1:${address.port}/`,
		close: () =>
			new Promise((resolve) => {
				clearTimeout(timer);
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
