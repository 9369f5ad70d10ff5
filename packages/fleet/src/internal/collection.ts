import type { ListParams, PagePromise } from '@audian/core';
import type { Audian } from '@audian/resources';

/** A document as the fleet handles it: whatever Crossbar returned, with its id. */
export type Doc = Record<string, unknown> & { id?: string };

/** The verbs every collection resource shares; the job's `resource` picks one by wire name. */
export interface Collection {
  list(params?: ListParams): PagePromise<Doc>;
  get(id: string): Promise<Doc>;
  patch(id: string, changes: Record<string, unknown>): Promise<Doc>;
  create(body: Record<string, unknown>): Promise<Doc>;
}

// The job schema admits only collection resources, all of which have these four verbs with
// this argument order (DESIGN.md §2); the client types each one precisely, so one cast here.
export function collectionOf(audian: Audian, accountId: string, resource: string): Collection {
  return (audian.account(accountId) as unknown as Record<string, Collection>)[resource] as Collection;
}
