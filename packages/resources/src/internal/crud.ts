import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import type { Lazy } from './lazy.js';
import { listCheck } from './list-check.js';
import { CTX, call, checkBody, documentCheck, pages, ResourceBase, type ResourceContext, type ResourceSchemas } from './resource-base.js';

/** The CRUD verbs a Crossbar collection may support. */
export type CrudVerb = 'list' | 'get' | 'create' | 'update' | 'patch' | 'remove';

/** What {@link crud} builds a resource class from. */
export interface CrudSpec {
  /** The collection path: `accounts/{account_id}/users`. */
  readonly path: string;
  /** The document's name in messages: `user`. */
  readonly what: string;
  /** The resource's schemas, loaded on first use. */
  readonly schemas: Lazy<ResourceSchemas>;
  /** The verbs Crossbar has for this collection; the others do not exist on the class. */
  readonly verbs: readonly CrudVerb[];
  /** The key every list item carries (`id`), or `null` when items have none. @default 'id' */
  readonly listId?: string | null;
}

/**
 * Builds the base class of a resource with the given CRUD verbs, so each resource file holds
 * only its TSDoc'd declarations (`declare list: …`) and its domain verbs. The verbs are shared
 * functions: a resource costs a few hundred bytes in a bundle, and a verb Crossbar lacks is
 * simply absent from the class.
 */
export function crud(spec: CrudSpec): new (ctx: ResourceContext) => ResourceBase {
  const item = `${spec.path}/{id}`;
  const document = documentCheck(spec.schemas);
  const list = listCheck(spec.listId === undefined ? 'id' : spec.listId);
  const impls: Record<CrudVerb, (this: ResourceBase, ...args: never[]) => unknown> = {
    list(this: ResourceBase, params?: ListParams, options?: CallOptions): PagePromise<unknown> {
      return pages(this[CTX], spec.path, params, { options, schema: list });
    },
    get(this: ResourceBase, id: string, options?: CallOptions) {
      return call(this[CTX], 'GET', item, { pathParams: { id }, options, schema: document });
    },
    async create(this: ResourceBase, body: unknown, options?: CallOptions) {
      await checkBody(spec.schemas, body, 'full', spec.what);
      return call(this[CTX], 'PUT', spec.path, { data: body, options, schema: document });
    },
    async update(this: ResourceBase, id: string, body: unknown, options?: CallOptions) {
      await checkBody(spec.schemas, body, 'full', spec.what);
      return call(this[CTX], 'POST', item, { pathParams: { id }, data: body, options, schema: document });
    },
    async patch(this: ResourceBase, id: string, body: unknown, options?: CallOptions) {
      await checkBody(spec.schemas, body, 'patch', spec.what);
      return call(this[CTX], 'PATCH', item, { pathParams: { id }, data: body, options, schema: document });
    },
    remove(this: ResourceBase, id: string, options?: CallOptions) {
      return call(this[CTX], 'DELETE', item, { pathParams: { id }, options });
    },
  };
  class Crud extends ResourceBase {}
  for (const verb of spec.verbs) Object.defineProperty(Crud.prototype, verb, { value: impls[verb], writable: true, configurable: true });
  return Crud;
}
