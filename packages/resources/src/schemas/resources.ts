import * as z from 'zod/mini';
import { ResourcesSchema } from './generated/resources.js';
import type { DeepPartialNullable } from './users.js';

/**
 * An account's carrier (a "local resource"): `name` (1–128 characters) and `gateways` (each with a
 * `server`) are required; `rules` are the regular expressions a dialled number must match,
 * `weight_cost` (0–100, default 50) orders carriers, `flags` must match the call's outbound flags.
 */
export const ResourceSchema = ResourcesSchema;

/** One item of `GET /v2/accounts/{ACCOUNT_ID}/resources` (KAZOO's `resources/crossbar_listing` view). */
export const ResourceSummarySchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
  enabled: z.optional(z.boolean()),
  weight_cost: z.optional(z.union([z.number(), z.string()])),
  template_name: z.optional(z.string()),
  classifiers: z.optional(z.looseObject({})),
});

/**
 * A bulk number-import job (KAZOO's `resource_jobs` schema): the numbers to add to the account from
 * one carrier (`numbers`, at least one, and `resource_id` are required; `name` is 1–128 characters).
 */
export const ResourceJobSchema = z.looseObject({
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
  numbers: z.array(z.string()).check(z.minLength(1)),
  resource_id: z.string(),
});

/** One item of `GET /v2/accounts/{ACCOUNT_ID}/resources/jobs` (KAZOO's `resources/jobs_listing` view). */
export const ResourceJobSummarySchema = z.looseObject({
  id: z.string(),
  timestamp: z.optional(z.number()),
  status: z.optional(z.string()),
  failures: z.optional(z.number()),
  successes: z.optional(z.number()),
  resource_id: z.optional(z.string()),
  name: z.optional(z.string()),
});

/** What `resources.create()` and `resources.update()` take: `name` and `gateways` are required. */
export type ResourceCreateParams = z.input<typeof ResourceSchema>;
/** A carrier as the API returns it. */
export type Resource = ResourceCreateParams & { readonly id: string };
/** What `resources.patch()` takes (deep merge; `null` deletes a key). */
export type ResourcePatchParams = DeepPartialNullable<ResourceCreateParams>;
/** One item of the carrier listing. */
export type ResourceSummary = z.output<typeof ResourceSummarySchema>;
/** What `resources.updateCollection()` takes per carrier: its `id` plus the fields to change. */
export type ResourceCollectionChange = ResourcePatchParams & { readonly id: string };
/**
 * What a collection write answers: the account's carrier listing when every item was valid (and
 * all were saved), or `errors` by item id when any was not (and none was saved).
 */
export type ResourceCollectionResult = ResourceSummary[] | { readonly errors: Readonly<Record<string, unknown>> };

/** What `resources.createJob()` takes. */
export type ResourceJobCreateParams = z.input<typeof ResourceJobSchema>;
/** The outcome of one number of a job: the number document added, or why it failed. */
export type ResourceJobOutcome = Readonly<Record<string, unknown>>;
/**
 * A job as the API returns it: `status` is `pending` until the job runs, then `running` and
 * `complete`; `success` holds the numbers added and `errors` those that failed, by number.
 */
export type ResourceJob = ResourceJobCreateParams & {
  readonly id: string;
  readonly status?: string;
  readonly timestamp?: number;
  readonly success?: Readonly<Record<string, ResourceJobOutcome>>;
  readonly errors?: Readonly<Record<string, ResourceJobOutcome>>;
};
/** One item of the job listing: counts of numbers that failed and succeeded. */
export type ResourceJobSummary = z.output<typeof ResourceJobSummarySchema>;
