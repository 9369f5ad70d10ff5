import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { envelope, errorEnvelope, fakeJwt, type RecordedRequest, type Reply, startTestServer, type TestServer } from '@audian/test-server';
import { afterAll, beforeAll, expect } from 'vitest';
import { cli, tempDir } from './cli';

/** The account of the fake's API key and user. */
export const ACCOUNT = '4b1d0c0ffee0000000000000000000aa';
export const ACCOUNT_NAME = 'Acme Corp';
/** An account the fake's login may not reach: every GET under it answers 403. */
export const FORBIDDEN_ACCOUNT = 'f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0';
/** A valid 64-character API key. */
export const API_KEY = `k3y${'0123456789abcdef'.repeat(4)}`.slice(0, 64);
export const USERNAME = 'admin';
export const PASSWORD = 'S3cret pass-word!';
export const CREDENTIALS = createHash('md5').update(`${USERNAME}:${PASSWORD}`).digest('hex');

type Doc = Record<string, unknown>;

/** A small stateful Crossbar: logins, one account, and users with pagination and filters. */
export interface FakeCrossbar {
  readonly server: TestServer;
  readonly baseUrl: string;
  /** Users by id, in creation order. */
  readonly users: Map<string, Doc>;
  /** Every token issued. */
  readonly tokens: string[];
  /** Requests whose method and path match. */
  count(method: string, path: RegExp | string): number;
  /** Called on each user create, before it is answered (after it is stored). */
  onCreate?: (doc: Doc) => void | Promise<void>;
  /** Rejects every token (401) from now on; `false` accepts them again. */
  revokeTokens(revoke?: boolean): void;
  close(): Promise<void>;
}

function getPath(doc: unknown, path: string): unknown {
  let cur = doc;
  for (const part of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Doc)[part];
  }
  return cur;
}

function matches(value: unknown, filter: string): boolean {
  const form = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  if (filter.startsWith('[')) {
    const options = JSON.parse(filter) as unknown[];
    return options.some((o) => form(o) === form(value));
  }
  return form(value) === filter;
}

/** Starts the fake on 127.0.0.1. */
export async function startFakeCrossbar(): Promise<FakeCrossbar> {
  const server = await startTestServer();
  const users = new Map<string, Doc>();
  const tokens: string[] = [];
  let revoked = false;
  let seq = 0;
  const issue = (): Reply => {
    const token = fakeJwt({ account_id: ACCOUNT, exp: Math.floor(Date.now() / 1000) + 3600, n: tokens.length });
    tokens.push(token);
    return { status: 201, body: envelope({ account_id: ACCOUNT, owner_id: 'owner0001' }, { auth_token: token }) };
  };
  const authed =
    (handler: (req: RecordedRequest) => Reply | Promise<Reply>) =>
    async (req: RecordedRequest): Promise<Reply> => {
      const token = req.headers['x-auth-token'];
      if (revoked || typeof token !== 'string' || !tokens.includes(token)) {
        return { status: 401, body: errorEnvelope(401, 'invalid_credentials', { message: 'invalid credentials' }) };
      }
      return handler(req);
    };
  const fake: FakeCrossbar = {
    server,
    baseUrl: server.baseUrl,
    users,
    tokens,
    count: (method, path) =>
      server.requests.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path))).length,
    revokeTokens: (revoke = true) => {
      revoked = revoke;
    },
    close: () => server.close(),
  };

  server.route(
    'GET',
    new RegExp(`^/v2/accounts/${FORBIDDEN_ACCOUNT}(/|$)`),
    authed(() => ({ status: 403, body: errorEnvelope(403, 'forbidden', { message: 'forbidden' }) })),
  );
  server.route('PUT', '/v2/api_auth', (req) => {
    const key = (req.json as { data?: { api_key?: string } })?.data?.api_key;
    if (key !== API_KEY) return { status: 404, body: errorEnvelope(404, 'bad identifier', [key]) };
    return issue();
  });
  server.route('PUT', '/v2/user_auth', (req) => {
    const data = (req.json as { data?: Doc })?.data ?? {};
    if (data.account_name !== ACCOUNT_NAME) {
      return {
        status: 400,
        body: errorEnvelope(400, 'invalid_request', {
          account_name: { not_found: { message: 'The provided account name could not be found' } },
        }),
      };
    }
    if (data.credentials !== CREDENTIALS)
      return { status: 401, body: errorEnvelope(401, 'invalid_credentials', { message: 'invalid credentials' }) };
    return issue();
  });
  server.route('DELETE', '/v2/token_auth', { status: 200, body: envelope({}) });
  server.route(
    'GET',
    /^\/v2\/accounts\/[^/]+$/,
    authed((req) => ({ status: 200, body: envelope({ id: req.path.split('/').pop(), name: ACCOUNT_NAME }) })),
  );

  const collection = /^\/v2\/accounts\/[^/]+\/users$/;
  const item = /^\/v2\/accounts\/[^/]+\/users\/([^/]+)$/;
  server.route(
    'GET',
    collection,
    authed((req) => {
      let list = [...users.values()];
      for (const [key, value] of req.query) {
        if (key.startsWith('filter_not_')) list = list.filter((d) => !matches(getPath(d, key.slice(11)), value));
        else if (key.startsWith('filter_')) list = list.filter((d) => matches(getPath(d, key.slice(7)), value));
        else if (key === 'has_key') list = list.filter((d) => getPath(d, value) !== undefined);
        else if (key === 'key_missing') list = list.filter((d) => getPath(d, value) === undefined);
      }
      const size = Number(req.query.get('page_size') ?? 50);
      const start = Number(req.query.get('start_key') ?? 0);
      const page = list.slice(start, start + size).map((d) => ({
        id: d.id,
        first_name: d.first_name,
        last_name: d.last_name,
        email: d.email,
        priv_level: d.priv_level ?? 'user',
        import_key: d.import_key,
        created: d.created,
      }));
      const next = start + size < list.length ? { next_start_key: String(start + size) } : {};
      return { status: 200, body: envelope(page, { page_size: page.length, ...(start ? { start_key: String(start) } : {}), ...next }) };
    }),
  );
  server.route(
    'PUT',
    collection,
    authed(async (req) => {
      const data = ((req.json as { data?: Doc })?.data ?? {}) as Doc;
      if (typeof data.username === 'string' && [...users.values()].some((u) => u.username === data.username)) {
        return {
          status: 400,
          body: errorEnvelope(400, 'invalid data', { username: { unique: { message: 'Username is not unique', cause: data.username } } }),
        };
      }
      const id = `user${String(++seq).padStart(28, '0')}`;
      const doc = { ...data, id, priv_level: data.priv_level ?? 'user' };
      users.set(id, doc);
      await fake.onCreate?.(doc);
      return { status: 201, body: envelope(doc) };
    }),
  );
  const one = (handler: (doc: Doc, req: RecordedRequest) => Reply) =>
    authed((req) => {
      const id = decodeURIComponent(item.exec(req.path)?.[1] ?? '');
      const doc = users.get(id);
      if (!doc) return { status: 404, body: errorEnvelope(404, 'bad identifier', { cause: id, message: 'bad identifier' }) };
      return handler(doc, req);
    });
  server.route(
    'GET',
    /^\/v2\/accounts\/[^/]+\/users\/[^/]+\/vcard$/,
    authed((req) => {
      const doc = users.get(decodeURIComponent(req.path.split('/').at(-2) ?? ''));
      if (!doc) return { status: 404, body: errorEnvelope(404, 'bad identifier', {}) };
      return {
        status: 200,
        body: `BEGIN:VCARD\nFN:${doc.first_name} ${doc.last_name}\nEND:VCARD\n`,
        headers: { 'content-type': 'text/x-vcard' },
      };
    }),
  );
  server.route(
    'GET',
    item,
    one((doc) => ({ status: 200, body: envelope(doc) })),
  );
  server.route(
    'POST',
    item,
    one((doc, req) => {
      const next = { ...((req.json as { data?: Doc })?.data ?? {}), id: doc.id };
      users.set(String(doc.id), next);
      return { status: 200, body: envelope(next) };
    }),
  );
  server.route(
    'PATCH',
    item,
    one((doc, req) => {
      const next = { ...doc, ...((req.json as { data?: Doc })?.data ?? {}) };
      users.set(String(doc.id), next);
      return { status: 200, body: envelope(next) };
    }),
  );
  server.route(
    'DELETE',
    item,
    one((doc) => {
      users.delete(String(doc.id));
      return { status: 200, body: envelope(doc) };
    }),
  );
  return fake;
}

/** A fake Crossbar and a config directory logged in to it with the API key (set before the tests run). */
export interface LoggedInFake {
  fake: FakeCrossbar;
  /** The CLI's config directory (AUDIAN_CONFIG_DIR). */
  configDir: string;
  /** A scratch directory for the file's inputs and outputs. */
  dir: string;
}

/** Starts a fake Crossbar and logs the CLI in to it for the whole test file; stops both after. */
export function useLoggedInFake(): LoggedInFake {
  const ctx = {} as LoggedInFake;
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(async () => {
    ctx.fake = await startFakeCrossbar();
    tmp = tempDir();
    ctx.dir = tmp.dir;
    ctx.configDir = join(tmp.dir, 'config');
    expect((await cli(['login', '--api-key', API_KEY, '--base-url', ctx.fake.baseUrl], { configDir: ctx.configDir })).status).toBe(0);
  });
  afterAll(async () => {
    tmp.remove();
    await ctx.fake.close();
  });
  return ctx;
}
