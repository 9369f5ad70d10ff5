import { envelope, type RecordedRequest } from '@audian/test-server';
import { expect, it } from 'vitest';
import type { Audian } from '../src/index';
import { acct, scriptedClient, type WireCase } from './wire';

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

export { scriptedClient } from './wire';

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
  remove: (id: string) => Promise<unknown>;
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
      label: `${spec.name}.remove → DELETE …${spec.path}/{id}`,
      call: (a) => r(a).remove(spec.id),
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
