/**
 * A small static file server for the built site, used by the browser tests and the Lighthouse
 * run. It listens on 127.0.0.1 only, on a free port, serves `index.html` for folders and the
 * site's `404.html` (with status 404) for anything missing, and closes itself after `maxLifetimeMs`
 * even if a caller forgets to.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

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
			response.writeHead(status, {
				'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
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
