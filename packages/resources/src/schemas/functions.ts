import * as z from 'zod/mini';
import type { DeepPartialNullable } from './users.js';

/**
 * A serverless function (KAZOO's `functions` schema, which this states by hand): `name` and
 * `function_js` (the JavaScript body that gets the call and answers a callflow action) are
 * required; `enabled` defaults to true and `language_pack` to `javascript`.
 */
export const FunctionSchema = z.looseObject({
  name: z.string(),
  function_js: z.string(),
  enabled: z._default(z.boolean(), true),
  language_pack: z._default(z.string(), 'javascript'),
});

/** One item of `GET …/functions` (KAZOO's `functions/crossbar_listing` view). */
export const FunctionSummarySchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
  function_js: z.optional(z.string()),
  enabled: z.optional(z.boolean()),
  disable_reason: z.optional(z.string()),
});

/** What `functions.create()` and `functions.update()` take: `name` and `function_js` are required. */
export type FunctionCreateParams = z.input<typeof FunctionSchema>;
/** A function as the API returns it. */
export type KazooFunction = FunctionCreateParams & { readonly id: string };
/** What `functions.patch()` takes (deep merge; `null` deletes a key). */
export type FunctionPatchParams = DeepPartialNullable<FunctionCreateParams>;
/** One item of the function listing. */
export type FunctionSummary = z.output<typeof FunctionSummarySchema>;
/** A sample function to start from: `name` and `function_js`. */
export type FunctionSample = Readonly<Record<string, unknown>> & { readonly name?: string; readonly function_js?: string };
