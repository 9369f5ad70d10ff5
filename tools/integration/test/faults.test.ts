import { inspect } from 'node:util';
import { createApiKeyAuth } from '@audian/auth';
import {
  ConnectionError,
  type Logger,
  NotFoundError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
} from '@audian/core';
import { type Audian, createAudian } from '@audian/resources';
import { type Sandbox, type SandboxAccount, startSandbox } from '@audian/sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

// The fault-injection matrix: each scenario breaks the wire in one way (through the sandbox's
// fault injection, which sits in front of a real, stateful server) and asserts the error class
// or the success, that no document was duplicated or lost, and that no secret reached any
// message, serialisation or log line. (The killed-and-resumed bulk import is in
// packages/cli/test/import.test.ts: it kills the real binary with SIGKILL.)

let sandbox: Sandbox;
let account: SandboxAccount;
const lines: string[] = [];
const logger: Logger = {
  debug: (m, meta) => lines.push(`${m} ${JSON.stringify(meta ?? {})}`),
  info: (m, meta) => lines.push(`${m} ${JSON.stringify(meta ?? {})}`),
  warn: (m, meta) => lines.push(`${m} ${JSON.stringify(meta ?? {})}`),
  error: (m, meta) => lines.push(`${m} ${JSON.stringify(meta ?? {})}`),
};
const seen: unknown[] = [];

beforeAll(async () => {
  sandbox = await startSandbox();
  account = sandbox.createAccount({ name: 'Faults' });
});
afterAll(() => sandbox.stop());
afterEach(() => {
  sandbox.clearFaults();
  sandbox.setRateLimit(false);
});

function client(options: Parameters<typeof createAudian>[0] = {}): Audian {
  return createAudian({
    baseUrl: sandbox.apiUrl,
    auth: createApiKeyAuth({ apiKey: account.apiKey }),
    rateLimit: false,
    retry: { limit: 2, baseDelay: 5, maxDelay: 20 },
    logger,
    ...options,
  });
}

/** Awaits the call and returns what it threw (remembered for the secrets check at the end). */
async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e as Error,
  );
  seen.push(error);
  return error;
}

const USERS = '/v2/accounts/*/users';
let n = 0;
const user = () => {
  n++;
  return { first_name: 'Fault', last_name: `Case${n}`, username: `fault-case-${n}`, password: `fault-pass-${n}` };
};
const count = async (audian: Audian, username: string) => (await audian.users.list({ filter: { username } }).toArray()).length;
const routes = (route: string) => sandbox.stats().byRoute[route] ?? 0;

describe('fault-injection matrix', () => {
  it('1. a 5xx before the write commits: ServerError, one request, nothing created', async () => {
    const audian = client();
    await audian.session();
    sandbox.resetStats();
    sandbox.addFault({ kind: 'error-before', method: 'PUT', path: USERS, status: 503 });
    const body = user();
    expect(await failure(audian.users.create(body))).toBeInstanceOf(ServerError);
    expect(routes('PUT /v2/accounts/{account_id}/users')).toBe(1);
    sandbox.clearFaults();
    expect(await count(audian, body.username)).toBe(0);
  });

  it('2. a 5xx after the write commits: ServerError, not retried, exactly one document', async () => {
    const audian = client();
    const body = user();
    sandbox.addFault({ kind: 'error-after', method: 'PUT', path: USERS, status: 500 });
    expect(await failure(audian.users.create(body))).toBeInstanceOf(ServerError);
    sandbox.clearFaults();
    expect(await count(audian, body.username)).toBe(1);
  });

  it('3. a GET answered 503 twice then 200: succeeds on the third request', async () => {
    const audian = client();
    const created = await audian.users.create(user());
    sandbox.resetStats();
    sandbox.addFault({ kind: 'error-before', method: 'GET', path: `${USERS}/*`, status: 503, times: 2 });
    expect((await audian.users.get(created.id)).id).toBe(created.id);
    expect(routes('GET /v2/accounts/{account_id}/users/{id}')).toBe(3);
  });

  it('4. a 429 storm: 30 concurrent creates through a 5-token bucket all land, exactly once each', async () => {
    const audian = client({ retry: { limit: 20, baseDelay: 50, maxDelay: 400 } });
    await audian.session();
    sandbox.setRateLimit({ capacity: 5, refillPerSecond: 20 });
    sandbox.resetStats();
    const bodies = Array.from({ length: 30 }, user);
    const results = await Promise.all(bodies.map((b) => audian.users.create(b)));
    sandbox.setRateLimit(false);
    expect(new Set(results.map((r) => r.id)).size).toBe(30);
    expect(sandbox.stats().byStatus['429'] ?? 0).toBeGreaterThan(0);
    for (const b of bodies.slice(0, 5)) expect(await count(audian, b.username)).toBe(1);
  });

  it('5. the same storm with the client-side bucket matched to the server: no 429 at all', async () => {
    const audian = client({ rateLimit: { capacity: 5, refillPerSecond: 20 } });
    await audian.session();
    sandbox.setRateLimit({ capacity: 5, refillPerSecond: 20 });
    sandbox.resetStats();
    const results = await Promise.all(Array.from({ length: 20 }, () => audian.users.create(user())));
    sandbox.setRateLimit(false);
    expect(results).toHaveLength(20);
    expect(sandbox.stats().byStatus['429'] ?? 0).toBe(0);
  });

  it('6. a connection reset before the server acted, on PUT: ConnectionError, not repeated, nothing created', async () => {
    const audian = client();
    await audian.session();
    sandbox.resetStats();
    sandbox.addFault({ kind: 'drop-before', method: 'PUT', path: USERS });
    const body = user();
    const error = await failure(audian.users.create(body));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).sent).toBe(true); // the client cannot know the server did not act
    expect(routes('PUT /v2/accounts/{account_id}/users')).toBe(1);
    sandbox.clearFaults();
    expect(await count(audian, body.username)).toBe(0);
  });

  it('7. a connection reset after the write committed, on PUT: ConnectionError, exactly one document', async () => {
    const audian = client();
    const body = user();
    sandbox.addFault({ kind: 'drop-after', method: 'PUT', path: USERS });
    expect(await failure(audian.users.create(body))).toBeInstanceOf(ConnectionError);
    sandbox.clearFaults();
    expect(await count(audian, body.username)).toBe(1);
  });

  it('8. a connection reset on GET is retried and succeeds', async () => {
    const audian = client();
    const created = await audian.users.create(user());
    sandbox.addFault({ kind: 'drop-before', method: 'GET', path: `${USERS}/*`, times: 1 });
    expect((await audian.users.get(created.id)).id).toBe(created.id);
  });

  it('9. connection refused (nothing listening): every method is retried, then ConnectionError with sent=false', async () => {
    const gone = await startSandbox({ seed: false });
    const url = gone.apiUrl;
    await gone.stop();
    const audian = createAudian({ baseUrl: url, auth: createApiKeyAuth({ apiKey: account.apiKey }), retry: { limit: 1, baseDelay: 5 } });
    const error = await failure(audian.users.create(user()));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).sent).toBe(false);
  });

  it('10. a slow server: GET times out per attempt and is retried; PUT times out once and is not repeated', async () => {
    const audian = client({ timeout: 150, retry: { limit: 1, baseDelay: 5 } });
    const created = await audian.users.create(user());
    sandbox.addFault({ kind: 'delay', method: 'GET', path: `${USERS}/*`, delayMs: 600 });
    sandbox.resetStats();
    expect(await failure(audian.users.get(created.id))).toBeInstanceOf(TimeoutError);
    expect(routes('GET /v2/accounts/{account_id}/users/{id}')).toBe(2);

    const body = user();
    sandbox.resetStats();
    sandbox.addFault({ kind: 'delay', method: 'PUT', path: USERS, delayMs: 600, times: 1 });
    expect(await failure(audian.users.create(body))).toBeInstanceOf(TimeoutError);
    await new Promise((resolve) => setTimeout(resolve, 800));
    sandbox.clearFaults();
    expect(routes('PUT /v2/accounts/{account_id}/users')).toBe(1); // sent once, never repeated
    expect(await count(audian, body.username)).toBeLessThanOrEqual(1);
  });

  it('11. a malformed 2xx body: ResponseValidationError of kind json', async () => {
    const audian = client();
    const created = await audian.users.create(user());
    sandbox.addFault({ kind: 'malformed', method: 'GET', path: `${USERS}/*` });
    const error = await failure(audian.users.get(created.id));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).kind).toBe('json');
  });

  it('12. a truncated body on GET is retried and the second answer is used', async () => {
    const audian = client();
    const created = await audian.users.create(user());
    sandbox.addFault({ kind: 'truncated', method: 'GET', path: `${USERS}/*`, times: 1 });
    expect((await audian.users.get(created.id)).id).toBe(created.id);
  });

  it('13. an HTML error page from a proxy: ServerError carrying a short excerpt', async () => {
    const audian = client();
    const created = await audian.users.create(user());
    sandbox.addFault({ kind: 'html', method: 'GET', path: `${USERS}/*`, status: 502 });
    const error = await failure(audian.users.get(created.id));
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).status).toBe(502);
    expect((error as ServerError).bodyExcerpt?.length ?? 0).toBeGreaterThan(0);
    expect((error as ServerError).bodyExcerpt).not.toContain('<');
  });

  it('14. a 401 storm: 50 concurrent requests on an expired token share one re-login', async () => {
    const audian = client();
    const created = await audian.users.create(user());
    sandbox.resetStats();
    sandbox.advanceClock(2 * 3600); // every token issued so far is now expired, server-side
    const results = await Promise.all(Array.from({ length: 50 }, () => audian.users.get(created.id)));
    expect(results).toHaveLength(50);
    expect(routes('PUT /v2/api_auth')).toBe(1);
    expect(sandbox.stats().byStatus['401'] ?? 0).toBeGreaterThanOrEqual(1);
  });

  it('15. a token that expires in the middle of a 10,000-item iteration: every item once, one re-login', async () => {
    const big = sandbox.createAccount({ name: 'Iteration' });
    const setupClient = createAudian({ baseUrl: sandbox.apiUrl, auth: createApiKeyAuth({ apiKey: big.apiKey }), rateLimit: false });
    const total = 10_000;
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < total) {
          const i = next++;
          await setupClient.devices.create({ name: `Bulk ${i}` });
        }
      }),
    );
    const audian = createAudian({ baseUrl: sandbox.apiUrl, auth: createApiKeyAuth({ apiKey: big.apiKey }), rateLimit: false });
    sandbox.resetStats();
    const ids = new Set<string>();
    let seenItems = 0;
    for await (const device of audian.devices.list({ pageSize: 500 })) {
      seenItems++;
      ids.add(device.id);
      if (seenItems === 5_000) sandbox.advanceClock(2 * 3600);
    }
    expect(seenItems).toBe(total);
    expect(ids.size).toBe(total);
    expect(routes('PUT /v2/api_auth')).toBe(2);
  }, 180_000);

  it('16. a 401 that keeps coming: UnauthorizedError after one re-login, never a loop', async () => {
    const audian = client();
    await audian.session();
    sandbox.resetStats();
    sandbox.addFault({ kind: 'error-before', method: 'GET', path: `${USERS}/*`, status: 401 });
    expect(await failure(audian.users.get('0'.repeat(32)))).toBeInstanceOf(UnauthorizedError);
    expect(routes('PUT /v2/api_auth')).toBe(1);
    expect(routes('GET /v2/accounts/{account_id}/users/{id}')).toBe(2);
  });

  it('17. an unknown id after all that is still a plain NotFoundError', async () => {
    expect(await failure(client().users.get('f'.repeat(32)))).toBeInstanceOf(NotFoundError);
  });

  it('no secret reached any error, serialisation or log line', async () => {
    const token = (await client().transport.session()).token;
    expect(seen.length).toBeGreaterThanOrEqual(10);
    for (const error of seen) {
      for (const text of [String(error), JSON.stringify(error), inspect(error, { depth: 10 })]) {
        expect(text).not.toContain(account.apiKey);
        expect(text).not.toContain(token);
      }
    }
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).not.toContain(account.apiKey);
      expect(line).not.toContain(token.slice(0, 40));
    }
  });
});
