/**
 * The fields KAZOO puts in every event's `data`: the AMQP message's public headers with keys
 * normalized (`Call-ID` → `call_id`, see `kz_json:normalize_jobj/1`). `bh_events:event/3` strips
 * the routing headers (`kz_api:public_fields/1`) and keeps everything else, so unknown and custom
 * fields are always there to read.
 */
export interface EventData {
  /** The AMQP event category (`call_event`, `configuration`, `fax`, `conference`, …). */
  readonly event_category?: string;
  /** The AMQP event name; the message's `name` repeats it. */
  readonly event_name?: string;
  /** The KAZOO application that published the event. */
  readonly app_name?: string;
  /** Its version. */
  readonly app_version?: string;
  /** The AMQP message id. */
  readonly msg_id?: string;
  /** Any other field KAZOO sent. */
  readonly [field: string]: unknown;
}

/**
 * One event message as blackhole sends it (`blackhole_data_emitter:event/4`):
 * `{"action":"event","subscribed_key","subscription_key","name","routing_key","data"}`.
 * Wire names are kept as they are.
 *
 * @example
 * ```ts
 * import type { EventMessage } from '@audian/events';
 *
 * function log(event: EventMessage) {
 *   console.log(event.subscribed_key, event.name, event.routing_key);
 * }
 * ```
 */
export interface EventMessage<Name extends string = string, Data extends EventData = EventData> {
  /** Always `event`. */
  readonly action: 'event';
  /** The event's name (`CHANNEL_CREATE`, `doc_edited`, `status`, …): the discriminant of {@link KazooEvent}. */
  readonly name: Name;
  /** The binding this client subscribed with (`call.CHANNEL_CREATE.*`): the socket-level binding that matched. */
  readonly subscribed_key: string;
  /** The AMQP binding blackhole made for it (`call.{account_id}.CHANNEL_CREATE.*`). */
  readonly subscription_key: string;
  /** The AMQP routing key of this event (`call.{account_id}.CHANNEL_CREATE.{call_id}`). */
  readonly routing_key: string;
  /** The event's fields. */
  readonly data: Data;
  /** Anything else the server adds to the message. */
  readonly [field: string]: unknown;
}

/**
 * An event from a binding family this package does not type (`qubicle.*`, custom `bh_*`
 * modules): its name and data are whatever the server sent.
 *
 * @example
 * ```ts
 * import type { OtherEvent } from '@audian/events';
 *
 * const describe = (event: OtherEvent) => `${event.name} on ${event.routing_key}`;
 * ```
 */
export type OtherEvent = EventMessage<string, EventData>;
