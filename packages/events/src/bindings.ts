import type { CallEvent, CallEventName } from './call-event';
import type { ConferenceCommandEvent, ConferenceEvent } from './conference-event';
import type { DocumentAction, DocumentEvent, DocumentType } from './document-event';
import type { FaxStatusEvent } from './fax-event';
import type { OtherEvent } from './kazoo-event';
import type { PresenceEvent } from './presence-event';

/**
 * A blackhole binding: the first segment picks the server's callback module, the rest its
 * arguments (`bh_events:subscribe/2` splits on `.`). The families KAZOO 4.3/5.x serves:
 *
 * | binding | module | events |
 * |---|---|---|
 * | `call.{EVENT\|*}.{CALL_ID\|*}` | `bh_call` | {@link CallEvent} |
 * | `object.{doc_created\|doc_edited\|doc_deleted\|*}.{TYPE\|*}` | `bh_object` | {@link DocumentEvent} |
 * | `fax.status.{FAX_ID\|*}`, `fax.object.{ACTION}` | `bh_fax` | {@link FaxStatusEvent}, {@link DocumentEvent} |
 * | `conference.event.{CONFERENCE_ID}.{CALL_ID\|*}`, `conference.command.{CONFERENCE_ID}` | `bh_conference` | {@link ConferenceEvent}, {@link ConferenceCommandEvent} |
 * | `dialog.{CALL_ID}`, `update.{CALL_ID}`, `mwi_updates.{USER}` | `bh_presence` | {@link PresenceEvent} |
 *
 * Any other string is accepted too (`qubicle.*` on commercial builds, custom `bh_*` modules);
 * the server says when it has no module for it. The KAZOO 4.0 form `doc_created.*.user.*` is
 * refused by 4.3 and later (`no available subscriptions to requested binding`): use
 * `object.doc_created.user`.
 *
 * @example
 * ```ts
 * import type { Binding } from '@audian/events';
 *
 * const bindings: Binding[] = ['call.CHANNEL_CREATE.*', 'object.doc_edited.user', 'fax.status.*'];
 * ```
 */
export type Binding =
  | `call.${CallEventName | '*'}.${string}`
  | `object.${DocumentAction | '*'}.${DocumentType | '*'}`
  | `fax.status.${string}`
  | `fax.object.${DocumentAction}`
  | `conference.event.${string}.${string}`
  | `conference.command.${string}`
  | `dialog.${string}`
  | `update.${string}`
  | `mwi_updates.${string}`
  | `qubicle.${string}`
  | (string & {});

/**
 * Every event a subscription can yield: a union discriminated by `name` within each binding
 * family. {@link EventForBinding} narrows it to what a given binding can produce.
 *
 * @example
 * ```ts
 * import type { KazooEvent } from '@audian/events';
 *
 * function handle(event: KazooEvent) {
 *   if (event.name === 'CHANNEL_CREATE') console.log(event.routing_key);
 * }
 * ```
 */
export type KazooEvent = CallEvent | DocumentEvent | FaxStatusEvent | ConferenceEvent | ConferenceCommandEvent | PresenceEvent | OtherEvent;

/**
 * The events one binding yields: `call.CHANNEL_DESTROY.*` gives `CallEvent<'CHANNEL_DESTROY'>`,
 * `call.*.*` any {@link CallEvent}, `object.doc_edited.user` `DocumentEvent<'doc_edited'>`, and
 * a binding of no known family any {@link KazooEvent}.
 *
 * @example
 * ```ts
 * import type { EventForBinding } from '@audian/events';
 *
 * type Hangup = EventForBinding<'call.CHANNEL_DESTROY.*'>; // CallEvent<'CHANNEL_DESTROY'>
 * ```
 */
export type EventForBinding<B extends string> = B extends `call.${infer Name}.${string}`
  ? Name extends CallEventName
    ? CallEvent<Name>
    : CallEvent
  : B extends `object.${infer Action}.${string}`
    ? Action extends DocumentAction
      ? DocumentEvent<Action>
      : DocumentEvent
    : B extends `fax.status.${string}`
      ? FaxStatusEvent
      : B extends `fax.object.${infer Action}`
        ? Action extends DocumentAction
          ? DocumentEvent<Action>
          : DocumentEvent
        : B extends `conference.event.${string}`
          ? ConferenceEvent
          : B extends `conference.command.${string}`
            ? ConferenceCommandEvent
            : B extends `${'dialog' | 'update' | 'mwi_updates'}.${string}`
              ? PresenceEvent
              : KazooEvent;
