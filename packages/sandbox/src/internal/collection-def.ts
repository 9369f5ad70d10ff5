import type { ZodMiniType } from 'zod/mini';
import { compact, type JsonObject } from './json';
import type { ResourceDef, Verb } from './resource-def';

/** The verbs of one document in most collections (a document is created on the collection). */
export const ITEM_VERBS: readonly Verb[] = ['GET', 'POST', 'PATCH', 'DELETE'];
/** One document's verbs where Crossbar has no PATCH (media). */
export const ITEM_VERBS_NO_PATCH: readonly Verb[] = ['GET', 'POST', 'DELETE'];
/** A collection's verbs: list and create. */
export const COLLECTION_VERBS: readonly Verb[] = ['GET', 'PUT'];

/** Most listings sort by id. */
export const byId = (doc: JsonObject): string => String(doc._id);
/** The `flags` a listing shows (`[]` when the document has none). */
export const flagsOf = (doc: JsonObject): unknown => doc.flags ?? [];
/** The common `crossbar_listing` row: id, name, flags. */
export const named = (doc: JsonObject): JsonObject => ({ id: doc._id, name: doc.name, flags: flagsOf(doc) });

/**
 * A document collection with Crossbar's usual verbs (list and create; get, replace, patch and
 * delete one), listed by id with the given view row (undefined fields left out).
 */
export function simpleCollection(
  name: string,
  type: string,
  schema: ZodMiniType,
  summary: (doc: JsonObject) => JsonObject,
  extra: Partial<ResourceDef> = {},
): ResourceDef {
  return {
    name,
    type,
    schema,
    collectionVerbs: COLLECTION_VERBS,
    itemVerbs: ITEM_VERBS,
    summary: (doc) => compact(summary(doc)),
    sortKey: byId,
    ...extra,
  };
}
