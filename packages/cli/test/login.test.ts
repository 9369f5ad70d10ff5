import { chmodSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, cli, tempDir } from './cli';
import { ACCOUNT, ACCOUNT_NAME, API_KEY, CREDENTIALS, type FakeCrossbar, PASSWORD, startFakeCrossbar, USERNAME } from './fake-crossbar';

let fake: FakeCrossbar;
let tmp: ReturnType<typeof tempDir>;
let configDir: string;

beforeAll(async () => {
  fake = await startFakeCrossbar();
});
afterAll(() => fake.close());
beforeEach(() => {
  tmp = tempDir();
  // A directory that does not exist yet: the CLI creates it.
  configDir = join(tmp.dir, 'config', 'audian');
});
afterEach(() => tmp.remove());

const mode = (path: string) => statSync(path).mode & 0o777;

/** Everything the CLI wrote to disk, concatenated. */
function filesText(dir: string): string {
  if (!existsSync(dir)) return '';
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
    .join('\n');
}

describe.skipIf(!existsSync(BIN))('audian login', () => {
  it('verifies an API key against the server, then saves it in a 0600 file inside a 0700 directory', async () => {
    const result = await cli(['login', '--api-key-stdin', '--base-url', fake.baseUrl], { configDir, input: `${API_KEY}\n` });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(ACCOUNT);
    expect(result.stdout).toContain(ACCOUNT_NAME);
    expect(fake.count('PUT', '/v2/api_auth')).toBeGreaterThanOrEqual(1);
    expect(mode(configDir)).toBe(0o700);
    expect(mode(join(configDir, 'config.json'))).toBe(0o600);
    expect(mode(join(configDir, 'sessions'))).toBe(0o700);
    expect(mode(join(configDir, 'sessions', 'default.json'))).toBe(0o600);
    const config = JSON.parse(readFileSync(join(configDir, 'config.json'), 'utf8'));
    expect(config.current).toBe('default');
    expect(config.profiles.default).toMatchObject({
      baseUrl: fake.baseUrl,
      accountId: ACCOUNT,
      auth: { type: 'api-key', apiKey: API_KEY },
    });
  });

  it('never prints the key or the token, and keeps the token out of the config file', async () => {
    const login = await cli(['login', '--api-key', API_KEY, '--base-url', fake.baseUrl], { configDir });
    const whoami = await cli(['whoami', '--debug'], { configDir });
    expect(login.status).toBe(0);
    expect(whoami.status).toBe(0);
    const printed = login.stdout + login.stderr + whoami.stdout + whoami.stderr;
    expect(printed).not.toContain(API_KEY);
    const token = fake.tokens.at(-1) as string;
    expect(printed).not.toContain(token);
    expect(readFileSync(join(configDir, 'config.json'), 'utf8')).not.toContain(token);
  });

  it('saves nothing and exits 3 when the server does not know the key', async () => {
    const result = await cli(['login', '--api-key', 'x'.repeat(64), '--base-url', fake.baseUrl], { configDir });
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/^error: logging in to .*API key rejected/);
    expect(result.stderr).not.toContain('x'.repeat(64));
    expect(existsSync(join(configDir, 'config.json'))).toBe(false);
  });

  it('says a base URL that is not a Crossbar API is wrong, not the key (a 404 other than bad identifier, exit 2)', async () => {
    const wrong = fake.baseUrl.replace(/\/v2\/$/, '/foo/');
    const result = await cli(['login', '--api-key', API_KEY, '--base-url', wrong], { configDir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${wrong} is not a Crossbar API`);
    expect(result.stderr).toContain('404 not_found');
    expect(result.stderr).not.toContain('API key rejected');
    expect(result.stderr).not.toContain(API_KEY);
    expect(existsSync(join(configDir, 'config.json'))).toBe(false);
  });

  it('refuses a key that is not 64 characters before sending anything (exit 2)', async () => {
    const before = fake.server.requests.length;
    const result = await cli(['login', '--api-key', 'short-key-123', '--base-url', fake.baseUrl], { configDir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('64 characters');
    expect(result.stderr).not.toContain('short-key-123');
    expect(fake.server.requests.length).toBe(before);
  });

  it('asks for a way to log in when there is no terminal and no credentials (exit 2)', async () => {
    const result = await cli(['login', '--base-url', fake.baseUrl], { configDir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--api-key');
  });

  it('logs a user in with --password-stdin, storing the md5 credentials hash and never the password', async () => {
    const result = await cli(
      ['login', '--username', USERNAME, '--account-name', ACCOUNT_NAME, '--password-stdin', '--base-url', fake.baseUrl, '--profile', 'ops'],
      {
        configDir,
        input: `${PASSWORD}\n`,
      },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const login = fake.server.requests.filter((r) => r.path === '/v2/user_auth').at(-1);
    expect(login?.json).toMatchObject({ data: { credentials: CREDENTIALS, method: 'md5', account_name: ACCOUNT_NAME } });
    const onDisk = filesText(configDir);
    expect(onDisk).toContain(CREDENTIALS);
    expect(onDisk).not.toContain(PASSWORD);
    expect(result.stdout + result.stderr).not.toContain(PASSWORD);
    expect(result.stdout + result.stderr).not.toContain(CREDENTIALS);
    expect(mode(join(configDir, 'config.json'))).toBe(0o600);

    // Later commands log in from the stored hash once the cached token is rejected.
    const apiAuthBefore = fake.count('PUT', '/v2/user_auth');
    fake.tokens.length = 0;
    const whoami = await cli(['whoami', '--profile', 'ops', '--output', 'json'], { configDir });
    expect(whoami.status).toBe(0);
    expect(JSON.parse(whoami.stdout)).toMatchObject({ account_id: ACCOUNT, auth: 'user', username: USERNAME, profile: 'ops' });
    expect(fake.count('PUT', '/v2/user_auth')).toBe(apiAuthBefore + 1);
  });

  it('reports a wrong password as an auth error (exit 3) without echoing it', async () => {
    const result = await cli(
      ['login', '--username', USERNAME, '--account-name', ACCOUNT_NAME, '--password-stdin', '--base-url', fake.baseUrl],
      {
        configDir,
        input: 'wrong-password-42',
      },
    );
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('wrong username or password');
    expect(result.stderr).not.toContain('wrong-password-42');
  });

  it('needs exactly one account identifier for a user login (exit 2)', async () => {
    const result = await cli(['login', '--username', USERNAME, '--password-stdin'], { configDir, input: PASSWORD });
    expect(result.stderr).toContain('exactly one of');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--account-name');
  });
});

describe.skipIf(!existsSync(BIN))('sessions, whoami, profiles, logout', () => {
  beforeEach(async () => {
    const result = await cli(['login', '--api-key', API_KEY, '--base-url', fake.baseUrl], { configDir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('reuses the cached session: repeated commands do not log in again', async () => {
    const logins = fake.count('PUT', '/v2/api_auth');
    for (let i = 0; i < 3; i++) expect((await cli(['users', 'list', '--output', 'json'], { configDir })).status).toBe(0);
    expect(fake.count('PUT', '/v2/api_auth')).toBe(logins);
  });

  it('whoami shows account, profile, base URL and token expiry, and never the token', async () => {
    const result = await cli(['whoami', '--output', 'json'], { configDir });
    expect(result.status).toBe(0);
    const info = JSON.parse(result.stdout);
    expect(info).toMatchObject({
      account_id: ACCOUNT,
      account_name: ACCOUNT_NAME,
      profile: 'default',
      base_url: fake.baseUrl,
      auth: 'api-key',
    });
    expect(new Date(info.token_expires_at).getTime()).toBeGreaterThan(Date.now());
    for (const token of fake.tokens) expect(result.stdout).not.toContain(token);
    expect(result.stdout).not.toContain(API_KEY);
  });

  it('lists, switches and removes profiles', async () => {
    expect((await cli(['login', '--api-key', API_KEY, '--base-url', fake.baseUrl, '--profile', 'second'], { configDir })).status).toBe(0);
    let list = JSON.parse((await cli(['profiles', 'list', '--output', 'json'], { configDir })).stdout);
    expect(list.map((p: { name: string; current: string }) => [p.name, p.current])).toEqual([
      ['default', ''],
      ['second', '*'],
    ]);
    expect(JSON.stringify(list)).not.toContain(API_KEY);
    expect((await cli(['profiles', 'use', 'default'], { configDir })).status).toBe(0);
    list = JSON.parse((await cli(['profiles', 'list', '--output', 'json'], { configDir })).stdout);
    expect(list.find((p: { current: string }) => p.current === '*').name).toBe('default');
    expect((await cli(['profiles', 'remove', 'second'], { configDir })).status).toBe(0);
    expect(existsSync(join(configDir, 'sessions', 'second.json'))).toBe(false);
    const missing = await cli(['profiles', 'use', 'second'], { configDir });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no profile named "second"');
  });

  it('logout ends the session on the server and removes the profile', async () => {
    const result = await cli(['logout'], { configDir });
    expect(result.status).toBe(0);
    expect(fake.count('DELETE', '/v2/token_auth')).toBeGreaterThanOrEqual(1);
    expect(readFileSync(join(configDir, 'config.json'), 'utf8')).not.toContain(API_KEY);
    const after = await cli(['users', 'list'], { configDir });
    expect(after.status).toBe(3);
    expect(after.stderr).toContain('not logged in');
  });

  it('lets AUDIAN_API_KEY and AUDIAN_BASE_URL stand in for a profile', async () => {
    const empty = join(tmp.dir, 'other-config');
    const result = await cli(['whoami', '--output', 'json'], {
      configDir: empty,
      env: { AUDIAN_API_KEY: API_KEY, AUDIAN_BASE_URL: fake.baseUrl },
    });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ account_id: ACCOUNT, base_url: fake.baseUrl });
  });

  it('acts on AUDIAN_ACCOUNT_ID (and --account) instead of the login’s account', async () => {
    const other = 'c0ffee00000000000000000000000bbb';
    await cli(['users', 'list', '--output', 'json'], { configDir, env: { AUDIAN_ACCOUNT_ID: other } });
    expect(fake.server.requests.at(-1)?.path).toBe(`/v2/accounts/${other}/users`);
    await cli(['users', 'list', '--output', 'json', '--account', 'dddd0000000000000000000000000ddd'], {
      configDir,
      env: { AUDIAN_ACCOUNT_ID: other },
    });
    expect(fake.server.requests.at(-1)?.path).toBe('/v2/accounts/dddd0000000000000000000000000ddd/users');
  });

  it('tightens a session file, sessions directory and config directory others can read, naming each, before using them', async () => {
    const session = join(configDir, 'sessions', 'default.json');
    chmodSync(session, 0o644);
    chmodSync(join(configDir, 'sessions'), 0o755);
    chmodSync(configDir, 0o755);
    chmodSync(join(configDir, 'config.json'), 0o644);
    const result = await cli(['users', 'list', '--output', 'json'], { configDir });
    expect(result.status).toBe(0);
    expect(mode(session)).toBe(0o600);
    expect(mode(join(configDir, 'sessions'))).toBe(0o700);
    expect(mode(configDir)).toBe(0o700);
    expect(mode(join(configDir, 'config.json'))).toBe(0o600);
    for (const path of [session, join(configDir, 'sessions'), configDir, join(configDir, 'config.json')]) {
      expect(result.stderr).toContain(`warning: ${path} was accessible by others`);
    }
    // Once tight, nothing more is said.
    const again = await cli(['users', 'list', '--output', 'json'], { configDir });
    expect(again.stderr).toBe('');
  });

  it('selects a profile with AUDIAN_PROFILE, and says when it does not exist (exit 3)', async () => {
    const result = await cli(['users', 'list'], { configDir, env: { AUDIAN_PROFILE: 'nope' } });
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('no profile named "nope"');
  });
});
