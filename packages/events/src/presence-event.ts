import type { EventData, EventMessage } from './kazoo-event';

/**
 * A presence update (`bh_presence`: `dialog.{CALL_ID}`, `update.{CALL_ID}` and
 * `mwi_updates.{USER}` bindings, scoped to the account's realm by the server).
 *
 * @example
 * ```ts
 * import type { PresenceEvent } from '@audian/events';
 *
 * const who = (event: PresenceEvent) => `${event.name}: ${String(event.data.presence_id ?? event.data.to ?? '')}`;
 * ```
 */
export type PresenceEvent = EventMessage<'dialog' | 'update' | 'mwi_update' | (string & {}), EventData>;
