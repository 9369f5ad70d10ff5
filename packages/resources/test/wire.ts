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

/** A scripted server and a client logged in to it, fresh for each test. */
export interface WireServer {
  readonly server: TestServer;
  readonly audian: Audian;
  /** The requests the calls made (the login left out). */
  calls(): RecordedRequest[];
}

/**
 * Registers the hooks of a describe block whose tests script several exchanges themselves
 * (paging, windows, streams): the server answers the login, each test queues the rest.
 */
export function useWireServer(): () => WireServer {
  const { client } = scriptedClient();
  return () => {
    const server = client.server();
    return { server, audian: client.audian(), calls: () => server.requests.filter((r) => r.path !== '/v2/api_auth') };
  };
}

/** A JSON reply with `data` and extra envelope keys (`next_start_key`, `page_size`, …). */
export function page(data: unknown, extra: Record<string, unknown> = {}): { status: number; body: Record<string, unknown> } {
  return { status: 200, body: envelope(data, extra) };
}

/** Reads a web stream to text. */
export async function readText(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

/** One raw-body exchange: the call must send exactly these bytes with this content type. */
export interface RawUploadCase {
  readonly label: string;
  readonly call: (audian: Audian) => Promise<unknown>;
  readonly method: string;
  readonly path: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
  /** The data of the reply envelope. */
  readonly reply?: unknown;
}

/**
 * Registers one vitest case per raw upload: the request must carry the bytes as they are (no
 * JSON envelope) and the given `Content-Type`.
 */
export function rawUploadCases(cases: readonly RawUploadCase[]): void {
  const { client } = scriptedClient();
  for (const c of cases) {
    it(c.label, async () => {
      const server = client.server();
      let seen: RecordedRequest | undefined;
      server.expect({
        method: c.method,
        path: c.path,
        reply: (req) => {
          seen = req;
          return { status: 200, body: envelope(c.reply ?? {}) };
        },
      });
      await c.call(client.audian());
      server.assertDone();
      const req = seen as RecordedRequest;
      expect(req.headers['content-type']).toBe(c.contentType);
      expect(new Uint8Array(req.body)).toEqual(c.bytes);
    });
  }
}

/** Resolves to the InvalidArgumentError-like rejection of `promise` (fails the test when it resolves). */
export async function rejectionOf(
  promise: Promise<unknown>,
): Promise<Error & { argument?: string; issues?: { path: string; code: string; message: string }[] }> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome, 'expected the call to reject').toBeInstanceOf(Error);
  return outcome as Error & { argument?: string; issues?: { path: string; code: string; message: string }[] };
}

/** What {@link crudWireCases} needs to script the six CRUD calls of a collection. */
export interface CrudWireSpec<R> {
  /** The wire name, for labels (`menus`). */
  readonly name: string;
  /** The resource of the client. */
  readonly resource: (audian: Audian) => R;
  /** The collection path after `/v2/accounts/{ACCOUNT}` (`/menus`). */
  readonly path: string;
  readonly id: string;
  /** A full document as the server returns it (custom fields included). */
  readonly document: Record<string, unknown>;
  /** A valid create body. */
  readonly create: Record<string, unknown>;
  /** A valid patch body (omit when Crossbar has no PATCH). */
  readonly patch?: Record<string, unknown>;
}

type Crud = {
  list: (params?: object) => PromiseLike<unknown>;
  get: (id: string) => Promise<unknown>;
  create: (body: never) => Promise<unknown>;
  update: (id: string, body: never) => Promise<unknown>;
  patch?: (id: string, body: never) => Promise<unknown>;
  delete: (id: string) => Promise<unknown>;
};

/**
 * The wire cases of a collection's CRUD verbs: list (with a filter), get (custom fields kept),
 * create (PUT), update (POST, the whole document), patch (PATCH) and remove (DELETE).
 */
export function crudWireCases<R>(spec: CrudWireSpec<R>): WireCase[] {
  const r = (a: Audian) => spec.resource(a) as unknown as Crud;
  const item = acct(`${spec.path}/${spec.id}`);
  const cases: WireCase[] = [
    {
      label: `${spec.name}.list → GET …${spec.path} with filters`,
      call: (a) => r(a).list({ filter: { name: 'x' }, pageSize: 5 }),
      request: { method: 'GET', path: acct(spec.path), query: { filter_name: 'x', page_size: '5' } },
      reply: [200, [{ id: spec.id, name: 'x' }]],
    },
    {
      label: `${spec.name}.get → GET …${spec.path}/{id}, custom fields kept`,
      call: (a) => r(a).get(spec.id),
      request: { method: 'GET', path: item },
      reply: [200, spec.document],
      result: spec.document,
    },
    {
      label: `${spec.name}.create → PUT …${spec.path}`,
      call: (a) => r(a).create(spec.create as never),
      request: { method: 'PUT', path: acct(spec.path), body: { data: spec.create } },
      reply: [201, spec.document],
      result: spec.document,
    },
    {
      label: `${spec.name}.update → POST …${spec.path}/{id} with the whole document`,
      call: (a) => r(a).update(spec.id, spec.document as never),
      request: { method: 'POST', path: item, body: { data: spec.document } },
      reply: [200, spec.document],
    },
    {
      label: `${spec.name}.delete → DELETE …${spec.path}/{id}`,
      call: (a) => r(a).delete(spec.id),
      request: { method: 'DELETE', path: item },
      reply: [200, { ...spec.document, _read_only: { deleted: true } }],
    },
  ];
  if (spec.patch) {
    cases.push({
      label: `${spec.name}.patch → PATCH …${spec.path}/{id}`,
      call: (a) => (r(a).patch as NonNullable<Crud['patch']>)(spec.id, spec.patch as never),
      request: { method: 'PATCH', path: item, body: { data: spec.patch } },
      reply: [200, spec.document],
    });
  }
  return cases;
}
