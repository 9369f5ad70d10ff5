/**
 * The part of the WHATWG `WebSocket` this package uses: the browser's, Node 22's global one and
 * the `ws` package's all fit.
 */
export interface WebSocketLike {
  /** 0 connecting, 1 open, 2 closing, 3 closed. */
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  onclose: ((event: { readonly code?: number; readonly reason?: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

/**
 * A `WebSocket` constructor: pass one as the `WebSocket` option to use it instead of the
 * global one (or of `ws` on Node 20, which has no stable global `WebSocket`).
 *
 * @example
 * ```ts
 * import { WebSocket } from 'ws';
 * import { createEvents } from '@audian/events';
 *
 * const events = createEvents({ auth, eventsUrl: 'wss://api.audian.com:7777', WebSocket });
 * ```
 */
export type WebSocketConstructor = new (url: string) => WebSocketLike;
