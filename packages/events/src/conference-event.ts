import type { EventData, EventMessage } from './kazoo-event';

/** The fields of a conference event (`kapi_conference` conference event, normalized keys). */
export interface ConferenceEventData extends EventData {
  /** What happened (`add-member`, `del-member`, `start-talking`, `mute-member`, …). */
  readonly event?: string;
  readonly conference_id?: string;
  readonly instance_id?: string;
  readonly call_id?: string;
  readonly participant_id?: number | string;
  readonly caller_id_name?: string;
  readonly caller_id_number?: string;
  readonly channel_presence_id?: string;
  readonly custom_channel_vars?: Readonly<Record<string, unknown>>;
  readonly conference_channel_vars?: Readonly<Record<string, unknown>>;
}

/**
 * Something happened in a conference (`conference.event.{CONFERENCE_ID}.{CALL_ID}` bindings;
 * the conference id is required, the call id may be `*`).
 *
 * @example
 * ```ts
 * import type { ConferenceEvent } from '@audian/events';
 *
 * const line = (event: ConferenceEvent) => `${event.data.conference_id}: ${event.data.event} ${event.data.caller_id_name ?? ''}`;
 * ```
 */
export type ConferenceEvent = EventMessage<'event', ConferenceEventData>;

/**
 * A command sent to a conference (`conference.command.{CONFERENCE_ID}` bindings): its name is
 * the command (`kick`, `mute_participant`, `lock`, `play`, …).
 *
 * @example
 * ```ts
 * import type { ConferenceCommandEvent } from '@audian/events';
 *
 * const command = (event: ConferenceCommandEvent) => `${event.name} in ${String(event.data.conference_id)}`;
 * ```
 */
export type ConferenceCommandEvent = EventMessage<string, EventData>;
