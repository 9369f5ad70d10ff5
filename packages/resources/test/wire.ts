import { createApiKeyAuth } from '@audian/auth';
import { envelope, fakeJwt, type RecordedRequest, startTestServer, type TestServer } from '@audian/test-server';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { type Audian, createAudian } from '../src/index';
import { HAS_EXAMPLES } from './kazoo-examples';

/** The account every wire test's session belongs to. */
export const ACCOUNT = '4b1d0c0ffee0000000000000000000aa';

/** One table-driven wire case: a call, the request it must send, the reply, and what it returns. */
export interface WireCase {
  readonly label: string;
  readonly call: (audian: Audian) => Promise<unknown> | PromiseLike<unknown>;
  /** The request the call must send (path without `/v2/accounts/{ACCOUNT}` when `relative`). */
  readonly request: {
    readonly method: string;
    readonly path: string;
    readonly query?: Record<string, string>;
    readonly body?: unknown;
    readonly headers?: Record<string, string>;
  };
  /** The reply: `[status, data or envelope]`; a plain value is wrapped as `data`. */
  readonly reply?:
    | readonly [number, unknown]
    | { readonly status: number; readonly raw: unknown; readonly headers?: Record<string, string> };
  /** What the call resolves to (deep-equal), or a function asserting on it. */
  readonly result?: unknown;
  /** The error class it must reject with. */
  readonly error?: abstract new (
    ...args: never[]
  ) => Error;
  /** The case uses KAZOO's documented examples (../shared/kazoo-examples): skipped without them. */
  readonly needsExamples?: boolean;
}

/**
 * Registers one vitest case per wire case against a scripted server: the call must send exactly
 * the expected request (method, path, query, JSON body, headers), and gets the scripted reply.
 */
export function wireCases(cases: readonly WireCase[]): void {
  const { client } = scriptedClient();
  for (const c of cases) {
    if (c.needsExamples && !HAS_EXAMPLES) {
      it.skip(`${c.label} (skipped: ../shared/kazoo-examples not found)`, () => {});
      continue;
    }
    it(c.label, async () => {
      let seen: RecordedRequest | undefined;
      const reply = c.reply ?? [200, {}];
      const server = client.server();
      server.expect({
        method: c.request.method,
        path: c.request.path,
        reply: (req) => {
          seen = req;
          if (Array.isArray(reply)) return { status: reply[0] as number, body: envelope(reply[1]) };
          const raw = reply as { status: number; raw: unknown; headers?: Record<string, string> };
          return { status: raw.status, body: raw.raw, headers: raw.headers };
        },
      });
      const outcome = await Promise.resolve()
        .then(() => c.call(client.audian()))
        .then(
          (value) => ({ ok: true as const, value }),
          (error: unknown) => ({ ok: false as const, error }),
        );
      if (c.error) {
        expect(outcome.ok, `expected ${c.error.name}`).toBe(false);
        if (!outcome.ok) expect(outcome.error).toBeInstanceOf(c.error);
      } else if (!outcome.ok) {
        throw outcome.error;
      }
      server.assertDone();
      const req = seen as RecordedRequest;
      expect(req.method).toBe(c.request.method);
      expect(req.path).toBe(c.request.path);
      if (c.request.query) expect(Object.fromEntries(req.query)).toEqual(c.request.query);
      if ('body' in c.request) expect(req.json).toEqual(c.request.body);
      for (const [k, v] of Object.entries(c.request.headers ?? {})) expect(req.headers[k.toLowerCase()]).toBe(v);
      if ('result' in c && outcome.ok) {
        if (typeof c.result === 'function') (c.result as (v: unknown) => void)(outcome.value);
        else expect(outcome.value).toEqual(c.result);
      }
    });
  }
}

/** A scripted server plus a client logged in to it, fresh for every test of the file. */
export function scriptedClient(): { client: { server: () => TestServer; audian: () => Audian } } {
  let server: TestServer;
  let audian: Audian;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.reset();
    server.route('PUT', '/v2/api_auth', {
      status: 201,
      body: envelope({ account_id: ACCOUNT }, { auth_token: fakeJwt({ account_id: ACCOUNT, exp: Math.floor(Date.now() / 1000) + 3600 }) }),
    });
    audian = createAudian({ baseUrl: server.baseUrl, auth: createApiKeyAuth({ apiKey: 'k'.repeat(64) }), rateLimit: false, retry: false });
  });
  return { client: { server: () => server, audian: () => audian } };
}

/** `/v2/accounts/<ACCOUNT>` + rest. */
export const acct = (rest: string) => `/v2/accounts/${ACCOUNT}${rest}`;
