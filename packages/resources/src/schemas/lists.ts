import * as z from 'zod/mini';
import { ListEntriesSchema } from './generated/list-entries.js';
import { ListsSchema } from './generated/lists.js';
import type { DeepPartialNullable } from './users.js';

/**
 * A match list (numbers, prefixes and patterns used by `cidlistmatch` and similar callflow
 * nodes). Required: `name` (1–128 characters); `description` is 1–128 characters. The entries
 * are separate documents (`lists.entries(listId)`).
 */
export const ListSchema = ListsSchema;

/** One item of `GET /v2/accounts/{ACCOUNT_ID}/lists` (KAZOO's `crossbar_listing` view). */
export const ListSummarySchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
  description: z.optional(z.string()),
  list_type: z.optional(z.string()),
});

/**
 * A list entry: a `number`, a `pattern` (regular expression) or a prefix, with optional
 * `displayname`, `firstname`, `lastname`, `type` and a `profile` (vCard-like contact data).
 * `list_id` is set by Crossbar from the path on create.
 */
export const ListEntrySchema = z.extend(ListEntriesSchema, {
  list_id: z.optional(z.string()),
});

/** One entry as the entries listing returns it (KAZOO's `entries` view, flattened with its `id`). */
export const ListEntrySummarySchema = z.looseObject({
  id: z.string(),
  number: z.optional(z.string()),
  pattern: z.optional(z.string()),
  prefix: z.optional(z.string()),
  regexp: z.optional(z.string()),
  name: z.optional(z.string()),
  type: z.optional(z.string()),
  capture_group_key: z.optional(z.string()),
  capture_group_length: z.optional(z.number()),
});

/** What `lists.create()` and `lists.update()` take: `name` is required. */
export type ListCreateParams = z.input<typeof ListSchema>;
/** A list as the API returns it (without its entries). */
export type List = ListCreateParams & { readonly id: string };
/** What `lists.patch()` takes. */
export type ListPatchParams = DeepPartialNullable<ListCreateParams>;
/** One item of the list listing. */
export type ListSummary = z.output<typeof ListSummarySchema>;
/** What `entries(listId).create()` and `.update()` take. */
export type ListEntryCreateParams = z.input<typeof ListEntrySchema>;
/** A list entry as the API returns it. */
export type ListEntry = ListEntryCreateParams & { readonly id: string };
/** What `entries(listId).patch()` takes. */
export type ListEntryPatchParams = DeepPartialNullable<ListEntryCreateParams>;
/** One item of a list's entries. */
export type ListEntrySummary = z.output<typeof ListEntrySummarySchema>;
