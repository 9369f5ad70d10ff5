import * as z from 'zod/mini';

/**
 * The presence subscriptions of an account or extension (`GET …/presence`): per extension and
 * event package (`dialog`, `message-summary`, …) the subscriptions or dialogs by call id;
 * `timeout` is true when a presence server did not answer in time.
 */
export const PresenceSearchSchema = z.looseObject({
  subscriptions: z.optional(z.record(z.string(), z.record(z.string(), z.record(z.string(), z.looseObject({}))))),
  timeout: z.optional(z.nullable(z.boolean())),
});

/** What a presence search answers. */
export type PresenceSearch = z.output<typeof PresenceSearchSchema>;

/** A presence command (`POST …/presence/{EXTENSION}`): `reset` the extension, or `set` it to a `state`. */
export interface PresenceCommand {
  readonly action: 'reset' | 'set';
  /** With `set`: `early`, `confirmed`, `terminated`, … */
  readonly state?: string;
}
