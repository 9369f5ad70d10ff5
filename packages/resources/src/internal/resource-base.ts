import type {
  BinaryResponse,
  CallOptions,
  HttpMethod,
  ListParams,
  PagePromise,
  PathValue,
  RawBody,
  StandardSchemaV1,
  Transport,
} from '@audian/core';
import type * as z from 'zod/mini';
import { APIPromise } from '../api-promise.js';
import { type Lazy, lazySchema } from './lazy.js';
import { listCheck } from './list-check.js';

/** What every resource object needs: the transport and the account it acts on. */
export interface ResourceContext {
  readonly transport: Transport;
  /** `undefined`: the session's own account. */
  readonly accountId: string | undefined;
}

/** The zod schemas of one resource, loaded on first use. */
export interface ResourceSchemas {
  /** The full document (create, update, get). */
  readonly document: z.ZodMiniType;
  /** One item of the list. */
  readonly summary: z.ZodMiniType;
}

/** How one request of a resource method is made. */
export interface CallSpec {
  readonly pathParams?: Readonly<Record<string, PathValue | undefined>>;
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly data?: unknown;
  readonly envelope?: Readonly<Record<string, unknown>>;
  readonly body?: RawBody;
  readonly contentType?: string;
  readonly accept?: string;
  readonly options?: CallOptions;
  /** Validates the response data. */
  readonly schema?: StandardSchemaV1;
}

/** How a listing of a resource is made. */
export type PagesSpec<T> = Omit<CallSpec, 'data' | 'body' | 'envelope'> & {
  /** Turns a page's `data` into its items, for listings whose `data` is not an array. */
  readonly items?: (data: unknown) => T[];
};

/** The property under which a resource keeps its context (not part of the public surface). */
export const CTX: unique symbol = Symbol('audian.resource-context');

/** A Crossbar collection (`accounts/{account_id}/users`): what its CRUD helpers need. */
export interface Collection {
  /** The collection path: `accounts/{account_id}/users`. */
  readonly path: string;
  /** One document of it: `accounts/{account_id}/users/{id}`. */
  readonly item: string;
  /** The document's name in messages: `user`. */
  readonly what: string;
  /** The resource's schemas, loaded on first use (only to check a body or a document). */
  readonly schemas: Lazy<ResourceSchemas>;
  /** Checks a document response (types only, see `relax`). */
  readonly document: StandardSchemaV1;
  /** Checks a listing page. */
  readonly listing: StandardSchemaV1;
}

/**
 * Describes a collection for the CRUD helpers of {@link ResourceBase}.
 *
 * @param listId - the key every list item carries, or `null` when items have none
 */
export function collection(path: string, what: string, schemas: Lazy<ResourceSchemas>, listId: string | null = 'id'): Collection {
  return { path, item: `${path}/{id}`, what, schemas, document: documentCheck(schemas), listing: listCheck(listId) };
}

/**
 * The shared plumbing of resource classes. Each resource has only the verbs Crossbar has for it,
 * as one-line public methods over these protected helpers.
 */
export abstract class ResourceBase {
  protected readonly [CTX]: ResourceContext;

  constructor(ctx: ResourceContext) {
    this[CTX] = ctx;
  }

  /** Sends one JSON request; resolves to the unwrapped `data` (`withResponse()` adds the metadata). */
  protected call<T>(method: HttpMethod, path: string, spec: CallSpec = {}): APIPromise<T> {
    return call<T>(this[CTX], method, path, spec);
  }

  /** A lazy listing of `path`. */
  protected pages<T>(path: string, params: ListParams | undefined, spec: PagesSpec<T> = {}): PagePromise<T> {
    return pages<T>(this[CTX], path, params, spec);
  }

  /** Sends one request whose answer is binary or CSV. */
  protected fetchBinary(path: string, spec: CallSpec & { method?: HttpMethod } = {}): APIPromise<BinaryResponse> {
    return fetchBinary(this[CTX], path, spec);
  }

  /** Validates a body before sending it (see `validateBody`). */
  protected validate(schemas: Lazy<ResourceSchemas>, body: unknown, mode: 'full' | 'patch', what: string): Promise<void> {
    return checkBody(schemas, body, mode, what);
  }

  /** `GET` a collection, page by page. */
  protected _list<T>(c: Collection, params: ListParams | undefined, options: CallOptions | undefined): PagePromise<T> {
    return pages<T>(this[CTX], c.path, params, { options, schema: c.listing });
  }

  /** `GET` one document. */
  protected _get<T>(c: Collection, id: string, options: CallOptions | undefined): APIPromise<T> {
    return call<T>(this[CTX], 'GET', c.item, { pathParams: { id }, options, schema: c.document });
  }

  /** `PUT` a new document, checked first. */
  protected _create<T>(c: Collection, body: unknown, options: CallOptions | undefined): APIPromise<T> {
    return APIPromise.after(checkBody(c.schemas, body, 'full', c.what), () =>
      call<T>(this[CTX], 'PUT', c.path, { data: body, options, schema: c.document }),
    );
  }

  /** `POST` a whole document over the stored one, checked first. */
  protected _update<T>(c: Collection, id: string, body: unknown, options: CallOptions | undefined): APIPromise<T> {
    return APIPromise.after(checkBody(c.schemas, body, 'full', c.what), () =>
      call<T>(this[CTX], 'POST', c.item, { pathParams: { id }, data: body, options, schema: c.document }),
    );
  }

  /** `PATCH` some fields into the stored document, checked first. */
  protected _patch<T>(c: Collection, id: string, body: unknown, options: CallOptions | undefined): APIPromise<T> {
    return APIPromise.after(checkBody(c.schemas, body, 'patch', c.what), () =>
      call<T>(this[CTX], 'PATCH', c.item, { pathParams: { id }, data: body, options, schema: c.document }),
    );
  }

  /** `DELETE` one document; Crossbar answers with it. */
  protected _delete<T>(c: Collection, id: string, options: CallOptions | undefined): APIPromise<T> {
    return call<T>(this[CTX], 'DELETE', c.item, { pathParams: { id }, options });
  }

  // A resource prints as its class name, never its transport internals.
  toJSON(): string {
    return this.constructor.name;
  }
}

/** Sends one JSON request for a resource: the `APIPromise` of its `data`, with the response's metadata on `withResponse()`. */
export function call<T>(ctx: ResourceContext, method: HttpMethod, path: string, spec: CallSpec = {}): APIPromise<T> {
  const { options, ...rest } = spec;
  return new APIPromise(ctx.transport.requestWithResponse<T>({ method, path, accountId: ctx.accountId, ...rest, ...callOptions(options) }));
}

/** A lazy listing for a resource. */
export function pages<T>(ctx: ResourceContext, path: string, params: ListParams | undefined, spec: PagesSpec<T> = {}): PagePromise<T> {
  const { options, items, ...rest } = spec;
  return ctx.transport.paginate<T>(
    { method: 'GET', path, accountId: ctx.accountId, ...rest, ...callOptions(options) },
    { list: params, ...(items ? { items } : {}) },
  );
}

/** One binary or CSV request for a resource; `.withResponse()` gives the body with its request id and HTTP response. */
export function fetchBinary(ctx: ResourceContext, path: string, spec: CallSpec & { method?: HttpMethod } = {}): APIPromise<BinaryResponse> {
  const { options, method = 'GET', ...rest } = spec;
  return new APIPromise(ctx.transport.downloadWithResponse({ method, path, accountId: ctx.accountId, ...rest, ...callOptions(options) }));
}

/** Validates a body against the resource's document schema; the validator loads with the schemas. */
export async function checkBody(schemas: Lazy<ResourceSchemas>, body: unknown, mode: 'full' | 'patch', what: string): Promise<void> {
  const [{ document }, { validateBody }] = await Promise.all([schemas(), import('../validation.js')]);
  validateBody(document, body, mode, what);
}

/** Only the per-call options a caller may set; anything else in the object is ignored. */
function callOptions(options: CallOptions | undefined): CallOptions {
  if (!options) return {};
  const out: { -readonly [K in keyof CallOptions]: CallOptions[K] } = {};
  if (options.signal !== undefined) out.signal = options.signal;
  if (options.timeout !== undefined) out.timeout = options.timeout;
  if (options.headers !== undefined) out.headers = options.headers;
  if (options.acceptCharges !== undefined) out.acceptCharges = options.acceptCharges;
  return out;
}

/**
 * The Standard Schema that checks a document response: the relaxed form of its schema (types
 * only, see `relax`), loaded on first use.
 */
export function documentCheck(schemas: Lazy<ResourceSchemas>): StandardSchemaV1 {
  return lazySchema(async () => {
    const [{ document }, { relax }] = await Promise.all([schemas(), import('./relax.js')]);
    return relax(document);
  });
}
