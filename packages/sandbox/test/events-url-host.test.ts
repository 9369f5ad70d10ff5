import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../src/index';

/** `PUT /v2/api_auth` on 127.0.0.1 with the given `Host` header; the login answer's websocket URL. */
function loginEventsUrl(sandbox: Sandbox, host: string | undefined): Promise<{ status: number; url: unknown }> {
  const body = JSON.stringify({ data: { api_key: sandbox.apiKey } });
  const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
  if (host !== undefined) headers.host = host;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: sandbox.port, method: 'PUT', path: '/v2/api_auth', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let url: unknown;
        try {
          url = (JSON.parse(text) as { data?: { ui_config?: { api?: { kazoo_websocket?: { url?: unknown } } } } }).data?.ui_config?.api
            ?.kazoo_websocket?.url;
        } catch {
          url = undefined;
        }
        resolve({ status: res.statusCode ?? 0, url });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

// crossbar_util:response_auth/3 names the blackhole URL in ui_config (get_kazoo_websocket_config/1);
// on all interfaces the sandbox names it at the host the client asked for.
describe('the events URL of a sandbox on all interfaces', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ host: '0.0.0.0' });
  });
  afterAll(() => sandbox.stop());

  it('keeps sandbox.eventsUrl on the loopback address for the process itself', () => {
    expect(sandbox.eventsUrl).toBe(`ws://127.0.0.1:${sandbox.port}/`);
  });

  it('names the Host the client used in the login answer', async () => {
    const r = await loginEventsUrl(sandbox, `Sandbox.LAN:${sandbox.port}`);
    expect(r.status).toBe(201);
    expect(r.url).toBe(`ws://sandbox.lan:${sandbox.port}/`);
    expect((await loginEventsUrl(sandbox, `192.0.2.7:${sandbox.port}`)).url).toBe(`ws://192.0.2.7:${sandbox.port}/`);
    expect((await loginEventsUrl(sandbox, `[2001:db8::1]:${sandbox.port}`)).url).toBe(`ws://[2001:db8::1]:${sandbox.port}/`);
    // Behind a proxy on the default port the Host has no port, and neither has the URL.
    expect((await loginEventsUrl(sandbox, 'sandbox.example')).url).toBe('ws://sandbox.example/');
  });

  it('gives concurrent requests each their own Host', async () => {
    const [a, b] = await Promise.all([loginEventsUrl(sandbox, 'a.example:1'), loginEventsUrl(sandbox, 'b.example:2')]);
    expect(a.url).toBe('ws://a.example:1/');
    expect(b.url).toBe('ws://b.example:2/');
  });

  it('falls back to the listening address for a Host that is not host[:port]', async () => {
    const fallback = `ws://127.0.0.1:${sandbox.port}/`;
    for (const host of [
      'evil.example/x',
      'user@evil.example',
      'evil.example:99999',
      '[not-ipv6]:80',
      'a..b',
      'evil.example:80"',
      '-bad.example',
    ]) {
      const r = await loginEventsUrl(sandbox, host);
      if (r.status === 201) expect(r.url, host).toBe(fallback);
      else expect(r.status, host).toBe(400);
    }
  });
});

describe('the events URL of a sandbox on one address', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.stop());

  it('names the listening address whatever the Host says', async () => {
    const r = await loginEventsUrl(sandbox, `elsewhere.example:${sandbox.port}`);
    expect(r.status).toBe(201);
    expect(r.url).toBe(`ws://127.0.0.1:${sandbox.port}/`);
  });
});
