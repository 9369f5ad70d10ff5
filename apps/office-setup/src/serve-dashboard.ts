import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Serves the built browser dashboard (apps/dashboard/dist) on 127.0.0.1, pointed at the sandbox.
 * Returns undefined when the dashboard has not been built.
 */
export async function serveDashboard(sandbox: {
  url: string;
  apiKey: string;
}): Promise<{ url: string; close(): Promise<void> } | undefined> {
  const root = fileURLToPath(new URL('../../dashboard/dist/', import.meta.url));
  if (!existsSync(join(root, 'index.html'))) return undefined;
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path.endsWith('/') ? 'index.html' : path);
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  // The key travels in the fragment, which browsers never send to any server.
  const url = `http://127.0.0.1:${port}/#baseUrl=${encodeURIComponent(`${sandbox.url}/v2/`)}&apiKey=${sandbox.apiKey}`;
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
