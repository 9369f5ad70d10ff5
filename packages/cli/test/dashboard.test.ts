import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type Sandbox, startSandbox } from '@audian/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type CliResult, cli, tempDir } from './cli';

/** A plain GET with exactly these headers (fetch would not let a test forge Host). */
function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => {
        body += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject).end();
  });
}

/** `audian dashboard …` running: its child, the URL it printed, and its final result. */
async function startDashboard(
  args: readonly string[],
  configDir: string,
): Promise<{ child: ChildProcess; url: string; result: Promise<CliResult> }> {
  let child: ChildProcess | undefined;
  let printed: (url: string) => void = () => undefined;
  const url = new Promise<string>((resolve) => {
    printed = resolve;
  });
  let stdout = '';
  const result = cli(['dashboard', ...args], {
    configDir,
    onSpawn: (c) => {
      child = c;
      c.stdout?.on('data', (d: string) => {
        stdout += d;
        const match = /at (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(stdout);
        if (match) printed(match[1] as string);
      });
    },
  });
  const first = await Promise.race([url, result.then((r) => Promise.reject(new Error(`exited ${r.status}: ${r.stderr}`)))]);
  return { child: child as ChildProcess, url: first, result };
}

describe.skipIf(!existsSync(BIN))('audian dashboard against the sandbox', () => {
  let tmp: ReturnType<typeof tempDir>;
  let sandbox: Sandbox;
  let configDir: string;

  beforeAll(async () => {
    tmp = tempDir();
    sandbox = await startSandbox({ port: 0 });
    configDir = join(tmp.dir, 'config');
    const login = await cli(['login', '--api-key-stdin', '--base-url', sandbox.apiUrl], { configDir, input: sandbox.apiKey });
    expect(login.status).toBe(0);
  });
  afterAll(async () => {
    await sandbox?.stop();
    tmp?.remove();
  });

  it('serves the built page on 127.0.0.1 and hands it a session token of the profile (never the API key), then stops on Ctrl-C with exit 0', async () => {
    const dashboard = await startDashboard(['--port', '0'], configDir);
    const origin = dashboard.url.replace(/\/$/, '');

    const page = await get(dashboard.url);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Audian dashboard');
    // The page may talk to its own server, the API and the websocket, and nothing else.
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain(`connect-src 'self' ${new URL(sandbox.apiUrl).origin}`);
    expect(csp).toContain("frame-ancestors 'none'");

    const response = await get(`${dashboard.url}session`, { 'sec-fetch-site': 'same-origin' });
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).not.toContain(sandbox.apiKey);
    const session = JSON.parse(response.body) as { baseUrl: string; eventsUrl: string; accountId: string; token: string };
    expect(session).toMatchObject({ baseUrl: sandbox.apiUrl, eventsUrl: sandbox.eventsUrl, accountId: sandbox.accountId });
    // The token is a working login of the profile.
    const account = await fetch(`${sandbox.apiUrl}accounts/${sandbox.accountId}`, { headers: { 'x-auth-token': session.token } });
    expect(account.status).toBe(200);
    // What the page asks after a 401: the session again, checked against the API first.
    const again = await get(`${dashboard.url}session?refresh=1`, { 'sec-fetch-site': 'same-origin', origin });
    expect(again.status).toBe(200);
    expect(JSON.parse(again.body)).toMatchObject({ accountId: sandbox.accountId, token: expect.any(String) });

    dashboard.child.kill('SIGINT');
    const result = await dashboard.result;
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('dashboard stopped');
    for (const secret of [sandbox.apiKey, session.token]) expect(`${result.stdout}${result.stderr}`).not.toContain(secret);
  });

  it('refuses the session to another site (DNS rebinding, cross-site fetch) and files outside the page', async () => {
    const dashboard = await startDashboard(['--port', '0'], configDir);
    const port = new URL(dashboard.url).port;
    try {
      expect((await get(`${dashboard.url}session`, { host: `evil.example:${port}` })).status).toBe(403);
      expect((await get(`${dashboard.url}session`, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
      expect((await get(`${dashboard.url}session`, { origin: 'http://evil.example' })).status).toBe(403);
      // A path that climbs out of the page's directory finds nothing.
      expect((await get(`${dashboard.url}..%2F..%2Fpackage.json`)).status).toBe(404);
      expect((await get(`${dashboard.url}%2e%2e/%2e%2e/package.json`)).status).toBe(404);
    } finally {
      dashboard.child.kill('SIGINT');
      await dashboard.result;
    }
  });

  it('exits 2 naming --port when the port is taken, and --dir when it holds no built page', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const port = String((taken.address() as { port: number }).port);
      const busy = await cli(['dashboard', '--port', port], { configDir });
      expect(busy.status).toBe(2);
      expect(busy.stderr).toContain(`--port ${port} is in use`);
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
    const empty = join(tmp.dir, 'empty');
    mkdirSync(empty, { recursive: true });
    writeFileSync(join(empty, 'other.html'), '');
    const missing = await cli(['dashboard', '--dir', empty, '--port', '0'], { configDir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--dir: no index.html');
  });

  it('exits 3 without a login, before serving anything', async () => {
    const result = await cli(['dashboard', '--port', '0'], { configDir: join(tmp.dir, 'nobody') });
    expect(result.status).toBe(3);
    expect(result.stdout).toBe('');
  });
});
