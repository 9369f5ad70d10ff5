import * as z from 'zod/mini';

/**
 * One system dial plan (`system_config/dialplans`): the `regex` a dialled number must match and
 * how it is rewritten (`prefix`, `suffix`), under its `name`. An account or user picks plans by
 * name in its `dial_plan.system` list.
 */
export const SystemDialplanSchema = z.looseObject({
  name: z.optional(z.string()),
  regex: z.optional(z.string()),
  prefix: z.optional(z.string()),
  suffix: z.optional(z.string()),
});

/** What `GET /v2/accounts/{ACCOUNT_ID}/dialplans` answers: the system's dial plans by name. */
export const SystemDialplansSchema = z.record(z.string(), SystemDialplanSchema);

/** One system dial plan. */
export type SystemDialplan = z.output<typeof SystemDialplanSchema>;
/** The system's dial plans by name. */
export type SystemDialplans = Readonly<Record<string, SystemDialplan>>;
