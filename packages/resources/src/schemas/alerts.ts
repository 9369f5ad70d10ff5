import * as z from 'zod/mini';

/** Who an alert is from or for: `{ type: 'account' | 'user' | 'all', value }` (`kapps_alert`). */
export const AlertPartySchema = z.looseObject({
  type: z.string(),
  value: z.optional(z.string()),
});

/**
 * A system alert (`kapps_alert:create/5`): `title`, `message`, `from` and `to` are required.
 * Only a super admin may create one.
 */
export const AlertSchema = z.looseObject({
  title: z.string().check(z.minLength(1)),
  message: z.string().check(z.minLength(1)),
  from: z.array(AlertPartySchema),
  to: z.array(AlertPartySchema),
  category: z.optional(z.string()),
  metadata: z.optional(z.looseObject({})),
  clearable: z.optional(z.boolean()),
  expiration_date: z.optional(z.int()),
});

/** What `alerts.create()` takes. */
export type AlertCreateParams = z.input<typeof AlertSchema>;
/** An alert as Crossbar returns it (port request alerts carry the port request's id). */
export type Alert = Omit<AlertCreateParams, 'message'> & {
  readonly id: string;
  /** Text, or (for `port_action_required`) the comment asking for action. */
  readonly message: unknown;
};
