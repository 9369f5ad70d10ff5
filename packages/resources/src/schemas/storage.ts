import * as z from 'zod/mini';
import type { DeepPartialNullable } from './users.js';

/** One attachment backend of a storage document (KAZOO's `storage.attachments` entries). */
export const StorageAttachmentSchema = z.looseObject({
  handler: z.enum(['s3', 'google_drive', 'google_storage', 'azure', 'onedrive', 'dropbox', 'http']),
  name: z.optional(z.string()),
  settings: z.looseObject({}),
});

/** Where one kind of document of a database class goes (`storage.plan.database`). */
export const StoragePlanDatabaseSchema = z.looseObject({
  attachments: z.optional(z.looseObject({ handler: z.optional(z.string()) })),
  connection: z.optional(z.string()),
  database: z.optional(z.looseObject({})),
  types: z.optional(z.record(z.string(), z.looseObject({}))),
});

/** A storage plan: per database class (`account`, `modb`, `aggregate`, `system`), where documents and attachments go. */
export const StoragePlanSchema = z.strictObject({
  account: z.optional(StoragePlanDatabaseSchema),
  aggregate: z.optional(StoragePlanDatabaseSchema),
  modb: z.optional(StoragePlanDatabaseSchema),
  system: z.optional(StoragePlanDatabaseSchema),
});

/**
 * A storage document (KAZOO's `storage` schema): `attachments` keyed by 32-character
 * lowercase-hex ids (each a backend: `handler` + `settings`), `connections`, and the `plan`
 * routing documents to them.
 */
export const StorageSchema = z.looseObject({
  attachments: z.optional(z.record(z.string().check(z.regex(/^[a-z0-9]{32}$/)), StorageAttachmentSchema)),
  connections: z.optional(z.record(z.string(), z.looseObject({}))),
  id: z.optional(z.string()),
  plan: z.optional(StoragePlanSchema),
});

/** What `storage.create()`, `update()` (and `storage.plans().create()`, `update()`) take. */
export type StorageCreateParams = z.input<typeof StorageSchema>;
/** A storage document (or storage plan) as the API returns it. */
export type StorageDocument = StorageCreateParams & { readonly id: string };
/** What `storage.patch()` takes (deep merge, `null` removes a key). */
export type StoragePatchParams = DeepPartialNullable<StorageCreateParams>;
/** A reseller's storage plan document (same fields as a storage document). */
export type StoragePlan = StorageDocument;
