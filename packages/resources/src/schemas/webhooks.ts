import * as z from 'zod/mini';
import { WebhooksSchema } from './generated/webhooks.js';
import type { DeepPartialNullable } from './users.js';

/**
 * A webhook: an event subscription posted to `uri`. Required: `name`, `uri`, `hook` (an event
 * name from `webhooks.available()`, or `all`). Defaults: `http_verb: 'post'`,
 * `format: 'form-data'`, `retries: 2`, `enabled: true`, `include_internal_legs: true`.
 * `custom_data` (string values) is sent with every payload.
 */
export const WebhookSchema = WebhooksSchema;

/** One item of `GET /v2/accounts/{ACCOUNT_ID}/webhooks`. */
export const WebhookSummarySchema = z.looseObject({
  id: z.string(),
  hook: z.optional(z.string()),
  name: z.optional(z.string()),
  uri: z.optional(z.string()),
  group: z.optional(z.string()),
  enabled: z.optional(z.boolean()),
  disable_reason: z.optional(z.string()),
});

/** One delivery attempt (`…/webhooks/attempts`): `result` is `success` or `failure`. */
export const WebhookAttemptSchema = z.looseObject({
  hook_id: z.optional(z.string()),
  result: z.optional(z.string()),
  reason: z.optional(z.string()),
  client_error: z.optional(z.string()),
  'retries left': z.optional(z.number()),
  timestamp: z.optional(z.number()),
});

/** One hook the system offers (`GET /v2/webhooks`): its `id` is what `hook` takes. */
export const WebhookDefinitionSchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
  description: z.optional(z.string()),
  modifiers: z.optional(z.record(z.string(), z.unknown())),
});

/** What `webhooks.create()` and `webhooks.update()` take: `name`, `uri` and `hook` are required. */
export type WebhookCreateParams = z.input<typeof WebhookSchema>;
/** A webhook as the API returns it. */
export type Webhook = z.input<typeof WebhookSchema> & { readonly id: string };
/** One item of the webhooks listing. */
export type WebhookSummary = z.output<typeof WebhookSummarySchema>;
/** What `webhooks.patch()` takes. */
export type WebhookPatchParams = DeepPartialNullable<WebhookCreateParams>;
/** One delivery attempt. */
export type WebhookAttempt = z.output<typeof WebhookAttemptSchema>;
/** One hook the system offers. */
export type WebhookDefinition = z.output<typeof WebhookDefinitionSchema>;
