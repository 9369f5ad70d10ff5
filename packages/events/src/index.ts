// @audian/events — KAZOO's websocket events (blackhole), typed and reconnecting.

export type { Binding, EventForBinding, KazooEvent } from './bindings';
export { CALL_EVENT_NAMES, type CallEvent, type CallEventData, type CallEventName, type CustomChannelVars } from './call-event';
export type { ConferenceCommandEvent, ConferenceEvent, ConferenceEventData } from './conference-event';
export { DOCUMENT_TYPES, type DocumentAction, type DocumentEvent, type DocumentEventData, type DocumentType } from './document-event';
export type { EventSubscription } from './event-subscription';
export { createEvents, EventsClient } from './events-client';
export { EventsConnectionError } from './events-connection-error';
export type { EventsOptions, OnOptions, PingOptions, ReconnectInfo, ReconnectOptions, SubscribeOptions } from './events-options';
export type { FaxStatusData, FaxStatusEvent } from './fax-event';
export type { EventData, EventMessage, OtherEvent } from './kazoo-event';
export type { PresenceEvent } from './presence-event';
export { type SubscriptionRefusal, SubscriptionRefusedError } from './subscription-refused-error';
export type { WebSocketConstructor, WebSocketLike } from './websocket-like';
