import type { EventData, EventMessage } from './kazoo-event';

/**
 * The call events blackhole forwards (`bh_call` `?LISTEN_TO`): subscribe with
 * `call.{EVENT}.{CALL_ID}`, either part may be `*`.
 */
export const CALL_EVENT_NAMES = [
  'CHANNEL_CREATE',
  'CHANNEL_ANSWER',
  'CHANNEL_DESTROY',
  'CHANNEL_HOLD',
  'CHANNEL_UNHOLD',
  'CHANNEL_BRIDGE',
  'PARK_PARKED',
  'PARK_RETRIEVED',
  'PARK_ABANDONED',
] as const;

/** One of {@link CALL_EVENT_NAMES}. */
export type CallEventName = (typeof CALL_EVENT_NAMES)[number];

/** `custom_channel_vars` of a call event: who the call belongs to. */
export interface CustomChannelVars {
  readonly account_id?: string;
  readonly owner_id?: string;
  readonly authorizing_id?: string;
  readonly authorizing_type?: string;
  readonly bridge_id?: string;
  readonly realm?: string;
  readonly username?: string;
  readonly [field: string]: unknown;
}

/**
 * The fields of a call event (`kz_call_event` accessors, normalized keys). Which ones are
 * present depends on the event: `hangup_cause` and the `*_seconds` on `CHANNEL_DESTROY`,
 * `other_leg_call_id` on `CHANNEL_BRIDGE`, and so on. Numbers of seconds arrive as strings.
 */
export interface CallEventData extends EventData {
  readonly call_id?: string;
  readonly call_direction?: 'inbound' | 'outbound' | (string & {});
  readonly caller_id_name?: string;
  readonly caller_id_number?: string;
  readonly callee_id_name?: string;
  readonly callee_id_number?: string;
  readonly from?: string;
  readonly to?: string;
  readonly request?: string;
  readonly presence_id?: string;
  readonly other_leg_call_id?: string;
  readonly other_leg_destination_number?: string;
  readonly channel_state?: string;
  readonly channel_call_state?: string;
  readonly channel_answer_state?: string;
  readonly disposition?: string;
  readonly hangup_cause?: string;
  readonly hangup_code?: string;
  readonly billing_seconds?: string;
  readonly duration_seconds?: string;
  readonly ringing_seconds?: string;
  /** Gregorian seconds. */
  readonly timestamp?: number;
  readonly custom_channel_vars?: CustomChannelVars;
  readonly custom_sip_headers?: Readonly<Record<string, unknown>>;
  readonly custom_application_vars?: Readonly<Record<string, unknown>>;
}

/**
 * A call event (`call.*` bindings): a channel was created, answered, bridged, held, destroyed,
 * or a call was parked.
 *
 * @example
 * ```ts
 * import type { CallEvent } from '@audian/events';
 *
 * function onHangup(event: CallEvent<'CHANNEL_DESTROY'>) {
 *   console.log(event.data.call_id, event.data.hangup_cause, event.data.duration_seconds);
 * }
 * ```
 */
export type CallEvent<Name extends CallEventName = CallEventName> = EventMessage<Name, CallEventData>;
