import * as z from 'zod/mini';

/**
 * One live call leg (`GET /v2/accounts/{ACCOUNT_ID}/channels`): `uuid` is the call id used by
 * the channel actions; caller/callee ids, `direction`, `answered`, `timestamp` (Gregorian
 * seconds), the device (`authorizing_id`) and user (`owner_id`) involved.
 */
export const ChannelSchema = z.looseObject({
  uuid: z.string(),
  answered: z.optional(z.boolean()),
  authorizing_id: z.optional(z.string()),
  authorizing_type: z.optional(z.string()),
  owner_id: z.optional(z.string()),
  bridge_id: z.optional(z.string()),
  other_leg: z.optional(z.string()),
  direction: z.optional(z.string()),
  caller_id_name: z.optional(z.string()),
  caller_id_number: z.optional(z.string()),
  callee_id_name: z.optional(z.string()),
  callee_id_number: z.optional(z.string()),
  destination: z.optional(z.string()),
  presence_id: z.optional(z.string()),
  username: z.optional(z.string()),
  timestamp: z.optional(z.number()),
});

/** One live call leg. */
export type Channel = z.output<typeof ChannelSchema>;

/**
 * A command run on a live channel (`POST …/channels/{UUID}`): `action` is `transfer` (with
 * `target`, optional `transfer-type` `blind`|`attended`, `moh`, `leg`), `hangup`, `break`,
 * `callflow` (with `id`) or `intercept` (with `target_type` and `target_id`).
 */
export interface ChannelCommand {
  readonly action: 'transfer' | 'hangup' | 'break' | 'callflow' | 'intercept';
  readonly [key: string]: unknown;
}

/** A metaflow node run on a live channel (`PUT …/channels/{UUID}`): `module`, its `data`, and `children`. */
export interface ChannelMetaflow {
  readonly module: string;
  readonly data?: Readonly<Record<string, unknown>>;
  readonly children?: Readonly<Record<string, ChannelMetaflow>>;
  readonly [key: string]: unknown;
}
