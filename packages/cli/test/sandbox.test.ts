import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Sandbox, startSandbox } from '@audian/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, tempDir } from './cli';

let tmp: ReturnType<typeof tempDir>;

beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.remove());

const USER_CREATES = 'PUT /v2/accounts/{account_id}/users';

describe.skipIf(!existsSync(BIN))('against the sandbox', () => {
  let sandbox: Sandbox;
  let configDir: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    configDir = join(tmp.dir, 'config');
    const login = await cli(['login', '--api-key-stdin', '--base-url', sandbox.apiUrl], { configDir, input: sandbox.apiKey });
    expect(login.stderr).toBe('');
    expect(login.status).toBe(0);
  });
  afterAll(() => sandbox?.stop());

  it('creates, lists, filters, patches and deletes users', async () => {
    // KAZOO stores no username without a password (kzd_users:maybe_rehash_creds/3).
    const created = await cli(
      ['users', 'create', '--set', 'first_name=Ada', '--set', 'last_name=Lovelace', '--set', 'username=ada', '--set', 'password=pw-ada-1'],
      {
        configDir,
      },
    );
    expect(created.stderr).toBe('');
    const id = JSON.parse(created.stdout).id as string;
    const listed = await cli(['users', 'list', '--filter', 'username=ada', '--output', 'json'], { configDir });
    expect(JSON.parse(listed.stdout).map((u: { id: string }) => u.id)).toEqual([id]);
    expect((await cli(['users', 'patch', id, '--set', 'email=ada@example.com'], { configDir })).status).toBe(0);
    const got = await cli(['users', 'get', id, '--fields', 'email'], { configDir });
    expect(JSON.parse(got.stdout)).toEqual({ email: 'ada@example.com' });
    expect((await cli(['users', 'delete', id, '--yes'], { configDir })).status).toBe(0);
    expect((await cli(['users', 'get', id], { configDir })).status).toBe(4);
  });

  it('reports the sandbox’s field errors per field (exit 1)', async () => {
    await cli(['users', 'create', '--data', '{"first_name":"A","last_name":"B","username":"dup","password":"pw-1"}'], { configDir });
    const result = await cli(['users', 'create', '--data', '{"first_name":"C","last_name":"D","username":"dup","password":"pw-2"}'], {
      configDir,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n')[1]).toMatch(/^ {2}username: .+ \[unique\]$/);
  });

  it('imports after a SIGKILL mid-way exactly once per row', async () => {
    const total = 30;
    const csv = join(tmp.dir, 'staff.csv');
    // No unique field (username) in the rows: a duplicate would be accepted, and counted below.
    writeFileSync(csv, `first_name,last_name,title\n${Array.from({ length: total }, (_, i) => `P${i},Row ${i},staff`).join('\n')}\n`);
    sandbox.resetStats();
    const fault = sandbox.addFault({ kind: 'delay', delayMs: 100, method: 'PUT', path: /\/users$/ });
    let child: ChildProcess | undefined;
    const watcher = setInterval(() => {
      if ((sandbox.stats().byRoute[USER_CREATES] ?? 0) >= 10) child?.kill('SIGKILL');
    }, 5);
    const killed = await cli(['import', 'users', csv, '--concurrency', '3'], {
      configDir,
      onSpawn: (c) => {
        child = c;
      },
    });
    clearInterval(watcher);
    sandbox.removeFault(fault);
    expect(killed.signal).toBe('SIGKILL');
    // Let requests the killed run left in flight finish on the server before resuming.
    await new Promise((r) => setTimeout(r, 600));
    const resumed = await cli(['import', 'users', csv, '--resume'], { configDir });
    expect(resumed.status).toBe(0);
    const listed = await cli(['users', 'list', '--filter', 'title=staff', '--all', '--output', 'json', '--fields', 'id,last_name'], {
      configDir,
    });
    const staff = JSON.parse(listed.stdout) as { last_name: string }[];
    expect(staff).toHaveLength(total);
    expect(new Set(staff.map((u) => u.last_name)).size).toBe(total);
  });
});

/** Starts `audian sandbox ARGS` and resolves once its banner is out. */
async function startCli(args: readonly string[], configDir: string) {
  const child = spawn(process.execPath, [BIN, 'sandbox', '--port', '0', ...args], {
    env: { ...process.env, AUDIAN_CONFIG_DIR: configDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      if (stdout.includes('Press Ctrl-C')) resolve();
    });
    child.on('close', () => reject(new Error(`sandbox exited early: ${stderr}`)));
  });
  return { child, stdout, closed, stderr: () => stderr };
}

describe.skipIf(!existsSync(BIN))('audian sandbox', () => {
  it('prints the admin password and how to reset it, logs the profile in with --login, and shows the same password after a restart on --db', async () => {
    const configDir = join(tmp.dir, 'sandbox-self-login');
    const db = join(tmp.dir, 'kept.db');
    const first = await startCli(['--db', db, '--login'], configDir);
    const password = /\(user admin, password (\S+)\)/.exec(first.stdout)?.[1];
    expect(password).toBeDefined();
    expect(first.stdout).toMatch(/audian users patch \w{32} --set password=NEW --profile sandbox/);
    expect(first.stdout).toContain('Logged in: profile "sandbox"');
    const apiUrl = /running at (\S+)/.exec(first.stdout)?.[1] as string;
    // The websocket events are served on the API's own port.
    expect(first.stdout).toContain(`Events: ws://${new URL(apiUrl).host}/ (audian events tail)`);
    // No `audian login` needed: the current profile is the sandbox.
    const whoami = await cli(['whoami', '--output', 'json'], { configDir });
    expect(whoami.stderr).toBe('');
    expect(JSON.parse(whoami.stdout)).toMatchObject({ profile: 'sandbox', base_url: apiUrl });
    // The printed password logs the admin user in.
    const user = await cli(
      ['login', '--username', 'admin', '--account-name', 'Sandbox Reseller', '--password-stdin', '--base-url', apiUrl, '--profile', 'u'],
      { configDir, input: password },
    );
    expect(user.stderr).toBe('');
    expect(user.status).toBe(0);
    first.child.kill('SIGINT');
    expect(await first.closed).toBe(130);

    const second = await startCli(['--db', db], join(tmp.dir, 'unused-config'));
    expect(second.stdout).toContain(`(user admin, password ${password})`);
    second.child.kill('SIGINT');
    await second.closed;
  });

  it('starts a sandbox, prints how to log in to it, and stops on Ctrl-C (exit 130)', async () => {
    const child = spawn(process.execPath, [BIN, 'sandbox', '--port', '0'], {
      env: { ...process.env, AUDIAN_CONFIG_DIR: tmp.dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        stdout += d;
        if (stdout.includes('Press Ctrl-C')) resolve();
      });
      child.on('close', () => reject(new Error(`sandbox exited early: ${stderr}`)));
    });
    const login = /audian login --api-key (\S+) --base-url (\S+) --profile sandbox/.exec(stdout);
    expect(login).not.toBeNull();
    const configDir = join(tmp.dir, 'sandbox-login');
    const result = await cli(['login', '--api-key', login?.[1] as string, '--base-url', login?.[2] as string, '--profile', 'sandbox'], {
      configDir,
    });
    expect(result.status).toBe(0);
    const whoami = await cli(['whoami', '--output', 'json'], { configDir });
    expect(JSON.parse(whoami.stdout)).toMatchObject({ profile: 'sandbox', base_url: login?.[2] });
    child.kill('SIGINT');
    expect(await closed).toBe(130);
    expect(stderr).toContain('sandbox stopped');
  });
});
