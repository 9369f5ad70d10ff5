import type { AuthStrategy, Logger, Transport } from '@audian/core';
import type { WebSocketConstructor } from './websocket-like';

/** How the client reopens a dropped socket: exponential backoff with jitter between the bounds. */
export interface ReconnectOptions {
  /** The first delay's ceiling in ms; it doubles per failed attempt. @default 500 */
  readonly minDelayMs?: number;
  /** The largest delay in ms. @default 30000 */
  readonly maxDelayMs?: number;
}

/** How the client checks the socket is alive with blackhole's `ping` action (`bh_ping:ping/2`). */
export interface PingOptions {
  /** Time between pings in ms. @default 30000 */
  readonly intervalMs?: number;
  /** How long to wait for the `pong` reply before dropping the socket and reconnecting. @default 10000 */
  readonly timeoutMs?: number;
}

/** A connection lost and restored: events published in between were not delivered. */
export interface ReconnectInfo {
  /** When the socket was lost. */
  readonly disconnectedAt: Date;
  /** When every subscription was sent again on the new socket. */
  readonly reconnectedAt: Date;
  /** How many connection attempts it took. */
  readonly attempts: number;
}

/** Options of {@link createEvents}. */
export interface EventsOptions {
  /**
   * The blackhole websocket URL (`ws://` or `wss://`), e.g. `wss://api.audian.com:7777`
   * (KAZOO's default port is 5555, usually behind a TLS proxy).
   */
  readonly eventsUrl: string | URL;
  /**
   * How the socket authenticates: the same strategy the REST client uses
   * (`createApiKeyAuth`, `createUserAuth`, `createTokenAuth` from `@audian/auth`), so the two
   * share one cached session and one single-flight login. Give `auth` or `transport`.
   */
  readonly auth?: AuthStrategy;
  /** API root the strategy logs in against, with `auth`. @default 'https://api.audian.com:8443/v2/' */
  readonly baseUrl?: string | URL;
  /** An existing transport (with its auth strategy) to take sessions from, instead of `auth` (not with it). */
  readonly transport?: Transport;
  /** The account to subscribe for when a subscription names none. @default the session's account */
  readonly accountId?: string;
  /** A `WebSocket` constructor. @default the global one; on Node without one, the `ws` package */
  readonly WebSocket?: WebSocketConstructor;
  /** Receives connection, reconnection and refusal lines; never the token. */
  readonly logger?: Logger;
  /** Backoff bounds, or `false` to end every subscription when the socket drops. @default { minDelayMs: 500, maxDelayMs: 30000 } */
  readonly reconnect?: ReconnectOptions | false;
  /** Keep-alive pings, or `false` for none. @default { intervalMs: 30000, timeoutMs: 10000 } */
  readonly ping?: PingOptions | false;
  /**
   * How long before the token's `exp` to ask the auth strategy for a new session and subscribe
   * again with it. @default 60000
   */
  readonly tokenRefreshMarginMs?: number;
  /** Called after a dropped socket was reopened and every subscription sent again. */
  readonly onReconnect?: (info: ReconnectInfo) => void;
}

/** Options of {@link EventsClient.subscribe}. */
export interface SubscribeOptions {
  /** Ends the subscription (the iterator finishes; the binding is released). */
  readonly signal?: AbortSignal;
  /** The account to subscribe for. @default the client's `accountId`, else the session's */
  readonly accountId?: string;
}

/** Options of {@link EventsClient.on}. */
export interface OnOptions extends SubscribeOptions {
  /**
   * Called once when the subscription ends with an error (a refused binding or token, a lost
   * socket that will not be reopened). @default the error is logged at `error` level
   */
  readonly onError?: (error: Error) => void;
}
