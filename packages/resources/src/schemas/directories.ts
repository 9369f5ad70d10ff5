import * as z from 'zod/mini';
import { DirectoriesSchema } from './generated/directories.js';
import type { DeepPartialNullable } from './users.js';

/**
 * A dial-by-name directory, as written. Required: `name`. Defaults: `min_dtmf: 3`, `max_dtmf: 0`
 * (no limit), `sort_by: 'last_name'`, `confirm_match: true`, `users: []`. Users join a directory
 * through their own `directories` map (`{ "<DIRECTORY_ID>": "<CALLFLOW_ID>" }`).
 */
export const DirectorySchema = DirectoriesSchema;

/** A member as a GET lists it: the user and the callflow that reaches them. */
export const DirectoryUserSchema = z.looseObject({
  user_id: z.string(),
  callflow_id: z.optional(z.string()),
});

/**
 * A directory as read: a GET replaces `users` with the members found through the users'
 * `directories` maps, as `{ user_id, callflow_id }` objects (Crossbar rejects those objects on
 * write: leave `users` out of an update).
 */
export const DirectoryReadSchema = z.extend(DirectoriesSchema, {
  users: z.optional(z.array(z.union([z.string(), DirectoryUserSchema]))),
});

/** One item of `GET /v2/accounts/{ACCOUNT_ID}/directories` (KAZOO's `crossbar_listing` view). */
export const DirectorySummarySchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
  flags: z.optional(z.array(z.string())),
});

/** What `directories.create()` and `directories.update()` take: `name` is required. */
export type DirectoryCreateParams = z.input<typeof DirectorySchema>;
/** A directory as the API returns it. */
export type Directory = Omit<DirectoryCreateParams, 'users'> & {
  readonly id: string;
  users?: (string | DirectoryUser)[];
};
/** What `directories.patch()` takes. */
export type DirectoryPatchParams = DeepPartialNullable<DirectoryCreateParams>;
/** A directory member as a GET lists it. */
export type DirectoryUser = z.output<typeof DirectoryUserSchema>;
/** One item of the directory listing. */
export type DirectorySummary = z.output<typeof DirectorySummarySchema>;
