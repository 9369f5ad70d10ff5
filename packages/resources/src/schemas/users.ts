import * as z from 'zod/mini';
import { UsersSchema } from './generated/users.js';

/**
 * A user document. Required: `first_name`, `last_name`. KAZOO defaults applied on create include
 * `enabled: true`, `priv_level: 'user'`, `vm_to_email_enabled: true`, `hotdesk.enabled: false`,
 * `call_forward.enabled: false`; `username` is unique in the account and `password` is write-only.
 */
export const UserSchema = UsersSchema;

/** One item of `GET /v2/accounts/{ACCOUNT_ID}/users` (Crossbar's listing summary). */
export const UserSummarySchema = z.looseObject({
  id: z.string(),
  first_name: z.optional(z.string()),
  last_name: z.optional(z.string()),
  username: z.optional(z.string()),
  email: z.optional(z.string()),
  priv_level: z.optional(z.string()),
  presence_id: z.optional(z.string()),
  timezone: z.optional(z.string()),
  features: z.optional(z.array(z.string())),
  flags: z.optional(z.array(z.string())),
});

/** What `users.create()` and `users.update()` take: `first_name` and `last_name` are required. */
export type UserCreateParams = z.input<typeof UserSchema>;
/** A user as the API returns it. */
export type User = z.input<typeof UserSchema> & { readonly id: string };
/** One item of the users listing. */
export type UserSummary = z.output<typeof UserSummarySchema>;
/** What `users.patch()` takes: any subset of fields, `null` deleting a key. */
export type UserPatchParams = DeepPartialNullable<UserCreateParams>;

/** Every field optional at every depth, and `null` (delete the key) allowed: a PATCH body. */
export type DeepPartialNullable<T> = T extends readonly (infer U)[]
  ? readonly U[]
  : T extends object
    ? { [K in keyof T]?: DeepPartialNullable<T[K]> | null }
    : T;
