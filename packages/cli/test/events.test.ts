import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Sandbox, startSandbox } from '@audian/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type CliResult, cli, tempDir } from './cli';

let tmp: ReturnType<typeof tempDir>;

beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.remove());

/** A long-running command: its child, its final result, and a wait for a line on one of its streams. */
interface Running {
  readonly child: ChildProcess;
  readonly result: Promise<CliResult>;
  readonly waitFor: (stream: 'stdout' | 'stderr', match: RegExp) => Promise<string>;
}

function start(args: readonly string[], configDir: string, env: Record<string, string | undefined> = {}): Running {
  let child: ChildProcess | undefined;
  const seen = { stdout: '', stderr: '' };
  const waiters: Array<() => void> = [];
  const result = cli(args, {
    configDir,
    env,
    onSpawn: (c) => {
      child = c;
      for (const name of ['stdout', 'stderr'] as const) {
        c[name]?.on('data', (d: string) => {
          seen[name] += d;
          for (const w of waiters.splice(0)) w();
        });
      }
    },
  });
  const waitFor = (stream: 'stdout' | 'stderr', match: RegExp): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const line = seen[stream].split('\n').find((l) => match.test(l));
        if (line !== undefined) resolve(line);
        else if (child && (child.exitCode !== null || child.signalCode !== null))
          reject(new Error(`exited (${child.exitCode ?? child.signalCode}) before ${match}: ${seen.stderr}`));
        else waiters.push(check);
      };
      check();
      child?.once('exit', check);
    });
  return { child: child as ChildProcess, result, waitFor };
}

describe.skipIf(!existsSync(BIN))('events against the sandbox', () => {
  let sandbox: Sandbox;
  let configDir: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    configDir = join(tmp.dir, 'config');
    const login = await cli(['login', '--api-key-stdin', '--base-url', sandbox.apiUrl], { configDir, input: sandbox.apiKey });
    expect(login.status).toBe(0);
  });
  afterAll(() => sandbox?.stop());

  async function createUser(first: string): Promise<string> {
    const created = await cli(['users', 'create', '--set', `first_name=${first}`, '--set', 'last_name=Events', '--output', 'json'], {
      configDir,
    });
    expect(created.stderr).toBe('');
    return JSON.parse(created.stdout).id as string;
  }

  it('events tail -o ndjson prints the doc_created event of a user created through the API, and exits 0 on Ctrl-C', async () => {
    const tail = start(['events', 'tail', '-o', 'ndjson'], configDir);
    // The default bindings (object.*.* and call.*.*) are both accepted (bh_call / bh_object validation).
    await tail.waitFor('stderr', /^ready: object\.\*\.\*, call\.\*\.\*/);
    const id = await createUser('Tail');
    const line = await tail.waitFor('stdout', new RegExp(`"id":"${id}"`));
    const event = JSON.parse(line);
    expect(event).toMatchObject({ action: 'event', name: 'doc_created', subscribed_key: 'object.*.*', data: { id, type: 'user' } });
    tail.child.kill('SIGINT');
    const result = await tail.result;
    expect(result.status).toBe(0);
    expect(result.stderr).not.toContain(sandbox.apiKey);
  });

  it('events tail prints a table line: time, name, account, type and id', async () => {
    const tail = start(['events', 'tail', '--binding', 'object.doc_created.user'], configDir);
    await tail.waitFor('stderr', /^ready: object\.doc_created\.user /);
    const id = await createUser('Table');
    const line = await tail.waitFor('stdout', new RegExp(id));
    expect(line).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\S+ +doc_created +[0-9a-f]{32} +user ${id}$`));
    tail.child.kill('SIGINT');
    expect((await tail.result).status).toBe(0);
  });

  it('a binding the server refuses ends events tail with a one-line error and exit 2', async () => {
    const result = await cli(['events', 'tail', '--binding', 'fax.status.*'], { configDir });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^error: .*fax\.status\.\*/);
  });

  it('an account outside the token’s hierarchy is refused with exit 3 (bh_authz_subscribe)', async () => {
    const result = await cli(['events', 'tail', '--account', 'f'.repeat(32)], { configDir });
    expect(result.status).toBe(3);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^error: .*unauthorized account id/);
  });

  it('a remote API whose login answer names no websocket, without --events-url or AUDIAN_EVENTS_URL: a usage error naming both', async () => {
    // 127.0.0.2 is not this machine's API by the loopback rule, so nothing is derived; its login
    // answer has no ui_config.api.kazoo_websocket.url (a KAZOO without a blackhole url).
    const api = createServer((req, res) => {
      req.resume().on('end', () => {
        if (req.method === 'PUT' && req.url === '/v2/api_auth') {
          const payload = Buffer.from(
            JSON.stringify({ account_id: sandbox.accountId, exp: Math.floor(Date.now() / 1000) + 3600 }),
          ).toString('base64url');
          res.writeHead(201, { 'content-type': 'application/json' }).end(
            JSON.stringify({
              auth_token: `e30.${payload}.sig`,
              status: 'success',
              data: { account_id: sandbox.accountId, ui_config: {} },
            }),
          );
        } else res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"404","message":"not_found","data":{}}');
      });
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.2', resolve));
    try {
      const result = await cli(['events', 'tail'], {
        configDir,
        env: { AUDIAN_API_KEY: 'a'.repeat(64), AUDIAN_BASE_URL: `http://127.0.0.2:${(api.address() as AddressInfo).port}/v2/` },
      });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/--events-url.*AUDIAN_EVENTS_URL/);
    } finally {
      await new Promise<void>((resolve) => api.close(() => resolve()));
    }
  });

  describe('a remote API whose login answer names the websocket (crossbar_util:get_kazoo_websocket_config/1)', () => {
    let remote: Sandbox;
    let env: Record<string, string>;

    beforeAll(async () => {
      // On 127.0.0.2 the loopback rule does not apply: the URL can only come from the login answer.
      remote = await startSandbox({ port: 0, host: '127.0.0.2' });
      env = { AUDIAN_API_KEY: remote.apiKey, AUDIAN_BASE_URL: remote.apiUrl };
    });
    afterAll(() => remote?.stop());

    it('events tail connects to the URL the login answer names', async () => {
      const tail = start(['events', 'tail'], join(tmp.dir, 'remote-login'), env);
      const ready = await tail.waitFor('stderr', /^ready: /);
      expect(ready).toContain(`on ${remote.eventsUrl} `);
      tail.child.kill('SIGINT');
      expect((await tail.result).status).toBe(0);
    });

    it('--events-url and AUDIAN_EVENTS_URL win over the login answer', async () => {
      const flag = `ws://127.0.0.2:${remote.port}/?from=flag`;
      const byFlag = start(['events', 'tail', '--events-url', flag], join(tmp.dir, 'remote-flag'), env);
      expect(await byFlag.waitFor('stderr', /^ready: /)).toContain(`on ${flag} `);
      byFlag.child.kill('SIGINT');
      expect((await byFlag.result).status).toBe(0);
      const fromEnv = `ws://127.0.0.2:${remote.port}/?from=env`;
      const byEnv = start(['events', 'tail'], join(tmp.dir, 'remote-env'), { ...env, AUDIAN_EVENTS_URL: fromEnv });
      expect(await byEnv.waitFor('stderr', /^ready: /)).toContain(`on ${fromEnv} `);
      byEnv.child.kill('SIGINT');
      expect((await byEnv.result).status).toBe(0);
    });
  });

  describe('listen --forward-to', () => {
    let server: Server;
    let hookUrl: string;
    const received: Array<{ body: unknown; contentType: string | undefined }> = [];
    let status = 200;

    beforeAll(async () => {
      server = createServer((req: IncomingMessage, res) => {
        let body = '';
        req.setEncoding('utf8').on('data', (d: string) => {
          body += d;
        });
        req.on('end', () => {
          received.push({ body: JSON.parse(body), contentType: req.headers['content-type'] });
          res.writeHead(status).end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('POSTs the object payload of webhooks_object:format_event/2 and prints the status, going on after a failure', async () => {
      const listen = start(['listen', '--forward-to', hookUrl, '--events', 'doc_created'], configDir);
      await listen.waitFor('stderr', /^ready: forwarding object\.doc_created\.\*/);
      status = 500;
      const failed = await createUser('Fails');
      expect(await listen.waitFor('stdout', new RegExp(failed))).toMatch(/-> POST http:\/\/127\.0\.0\.1:\d+\/hook \[500\]$/);
      status = 204;
      const id = await createUser('Listen');
      const line = await listen.waitFor('stdout', new RegExp(id));
      expect(line).toMatch(new RegExp(`doc_created user ${id} +-> POST ${hookUrl.replace(/\//g, '\\/')} \\[204\\]$`));
      const delivery = received.find((r) => (r.body as { id?: string }).id === id);
      expect(delivery?.contentType).toBe('application/json');
      expect(delivery?.body).toEqual({ id, account_id: expect.stringMatching(/^[0-9a-f]{32}$/), action: 'doc_created', type: 'user' });
      listen.child.kill('SIGINT');
      expect((await listen.result).status).toBe(0);
    });

    it('subscribes call event names as call bindings', async () => {
      const listen = start(['listen', '--forward-to', hookUrl, '--events', 'channel_create,CHANNEL_DESTROY'], configDir);
      await listen.waitFor('stderr', /^ready: forwarding call\.CHANNEL_CREATE\.\*, call\.CHANNEL_DESTROY\.\* to /);
      listen.child.kill('SIGINT');
      expect((await listen.result).status).toBe(0);
    });

    it('reports an unknown --events name before connecting', async () => {
      const result = await cli(['listen', '--forward-to', hookUrl, '--events', 'doc_created,ringing'], { configDir });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/--events: unknown event "ringing"/);
    });
  });
});

describe.skipIf(!existsSync(BIN))('listen across a restart of the sandbox', () => {
  it('reconnects by itself, says so, and forwards the events after it', async () => {
    const dbPath = join(tmp.dir, 'restart.db');
    let sandbox = await startSandbox({ port: 0, dbPath });
    const configDir = join(tmp.dir, 'restart-config');
    expect((await cli(['login', '--api-key-stdin', '--base-url', sandbox.apiUrl], { configDir, input: sandbox.apiKey })).status).toBe(0);
    const bodies: Array<{ id?: string }> = [];
    const server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (d: string) => {
        body += d;
      });
      req.on('end', () => {
        bodies.push(JSON.parse(body));
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const listen = start(['listen', '--forward-to', hookUrl, '--events', 'doc_created'], configDir);
      await listen.waitFor('stderr', /^ready: /);
      const port = sandbox.port;
      await sandbox.stop();
      sandbox = await startSandbox({ port, dbPath });
      await listen.waitFor('stderr', /^reconnected to ws:\/\/127\.0\.0\.1:\d+\/; events since .+ were not delivered$/);
      const created = await cli(['users', 'create', '--set', 'first_name=After', '--set', 'last_name=Restart', '--output', 'json'], {
        configDir,
      });
      const id = JSON.parse(created.stdout).id as string;
      expect(await listen.waitFor('stdout', new RegExp(id))).toMatch(/\[200\]$/);
      expect(bodies.map((b) => b.id)).toContain(id);
      listen.child.kill('SIGINT');
      expect((await listen.result).status).toBe(0);
    } finally {
      await sandbox.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
