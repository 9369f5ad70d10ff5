import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTransport } from '../src/index';

// The SDK's Node fetch keeps connections alive by the stock http.Agent's rules (a socket whose
// server announces `Keep-Alive: timeout=1` or less is not kept), with TCP keep-alive turned on
// once per socket instead of on every request.
let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A server answering every request with a JSON envelope and `keepAlive`, recording each request's client port. */
async function serve(keepAlive: string): Promise<{ baseUrl: string; ports: number[] }> {
  const ports: number[] = [];
  server = createServer((req, res) => {
    ports.push(req.socket.remotePort as number);
    const body = JSON.stringify({ data: { ok: true }, status: 'success' });
    res.writeHead(200, { 'content-type': 'application/json', 'keep-alive': keepAlive, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2/`, ports };
}

describe('connections of the SDK Node fetch', () => {
  it('reuses one connection for requests in a row when the server keeps it 5 s', async () => {
    const { baseUrl, ports } = await serve('timeout=5');
    const transport = createTransport({ baseUrl, retry: false, rateLimit: false });
    for (let i = 0; i < 4; i++) expect((await transport.request({ method: 'GET', path: 'about' })).data).toEqual({ ok: true });
    expect(new Set(ports).size).toBe(1);
  });

  it('opens a new connection each time when the server keeps one only 1 s (too short to reuse safely)', async () => {
    const { baseUrl, ports } = await serve('timeout=1');
    const transport = createTransport({ baseUrl, retry: false, rateLimit: false });
    for (let i = 0; i < 3; i++) await transport.request({ method: 'GET', path: 'about' });
    expect(new Set(ports).size).toBe(3);
  });
});
