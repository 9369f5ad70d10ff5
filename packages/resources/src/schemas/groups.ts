import * as z from 'zod/mini';
import { GroupsSchema } from './generated/groups.js';
import type { DeepPartialNullable } from './users.js';

/** One member of a group: what the id in `endpoints` is, and its order when the group rings in turn. */
export const GroupEndpointSchema = z.looseObject({
  type: z.enum(['user', 'device', 'group']),
  weight: z.optional(z.int()),
});

/**
 * A group document. Required: `name` (1–128 characters) and `endpoints`, an object keyed by user,
 * device or group id: `{ "<USER_ID>": { "type": "user", "weight": 1 } }` (default `{}`).
 * `music_on_hold.media_id` sets the group's hold music.
 */
export const GroupSchema = z.extend(GroupsSchema, {
  endpoints: z.prefault(z.record(z.string(), GroupEndpointSchema), {}),
});

/**
 * What a group PATCH may carry: `endpoints` entries merge by id, and `null` removes one (a full
 * document may not hold `null` members).
 */
export const GroupPatchSchema = z.extend(GroupsSchema, {
  endpoints: z.optional(z.record(z.string(), z.nullable(GroupEndpointSchema))),
});

/** One item of `GET /v2/accounts/{ACCOUNT_ID}/groups` (KAZOO's `crossbar_listing` view). */
export const GroupSummarySchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
  /** Enabled features (`music_on_hold`, SmartPBX features). */
  features: z.optional(z.array(z.string())),
  /** How many endpoints the group has (the listing counts them; the document maps them). */
  endpoints: z.optional(z.number()),
  flags: z.optional(z.array(z.string())),
});

/** What `groups.create()` and `groups.update()` take: `name` is required. */
export type GroupCreateParams = z.input<typeof GroupSchema>;
/** A group as the API returns it. */
export type Group = GroupCreateParams & { readonly id: string };
/** What `groups.patch()` takes (`endpoints` entries are merged by id; `null` removes one). */
export type GroupPatchParams = DeepPartialNullable<GroupCreateParams>;
/** One member of a group. */
export type GroupEndpoint = z.input<typeof GroupEndpointSchema>;
/** One item of the group listing. */
export type GroupSummary = z.output<typeof GroupSummarySchema>;
