// A static file server on 127.0.0.1 for a built site, for the browser tests. Like GitHub Pages, it
// serves the site under its base path (default "/") and answers a missing page with 404.html.
import http from 'node:http';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
};

export async function serve(
  root: string,
  base = '/',
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let p = pathname.startsWith(base) ? pathname.slice(base.length - 1) : null;
    if (p?.endsWith('/')) p += 'index.html';
    const file = p === null ? null : path.join(root, path.normalize(p));
    if (file && !file.startsWith(root)) return void res.writeHead(403).end();
    try {
      if (!file) throw new Error('outside the base');
      const body = await fs.readFile(file);
      res
        .writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
        .end(body);
    } catch {
      const page = await fs.readFile(path.join(root, '404.html')).catch(() => 'not found');
      res.writeHead(404, { 'Content-Type': TYPES['.html'] }).end(page);
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
