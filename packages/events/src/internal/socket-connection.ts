import type { Logger } from '@audian/core';
import { loadWebSocket } from '#node-websocket';
import { EventsConnectionError } from '../events-connection-error';
import type { EventMessage } from '../kazoo-event';
import type { WebSocketConstructor, WebSocketLike } from '../websocket-like';
import { reconnectDelay } from './reconnect-delay';
import { type CommandMessage, parseServerMessage, type ReplyMessage } from './wire';

/** What the socket asks of its owner. */
export interface SocketHooks {
  /** Before each attempt (the session to send): `false` stops for good, a throw retries later. */
  prepare(): Promise<boolean>;
  /** The socket is open: send the subscriptions. `downSince` is set after a reconnect. */
  opened(attempts: number, downSince: Date | undefined): void;
  /** A reply (other than to our own pings) or an event. */
  message(message: ReplyMessage | EventMessage): void;
  /** The socket closed; it will be reopened unless `gaveUp` follows. */
  lost(): void;
  /** The socket will not be reopened. */
  gaveUp(error: EventsConnectionError): void;
  /** The ping command (it carries the token). */
  ping(requestId: string): CommandMessage;
}

export interface SocketOptions {
  readonly url: string;
  /** The URL as it may be logged. */
  readonly safeUrl: string;
  readonly WebSocket: WebSocketConstructor | undefined;
  readonly reconnect: { readonly minDelayMs: number; readonly maxDelayMs: number } | false;
  readonly ping: { readonly intervalMs: number; readonly timeoutMs: number } | false;
  readonly logger: Logger;
  readonly hooks: SocketHooks;
  readonly newId: () => string;
}

type State = 'idle' | 'connecting' | 'open' | 'waiting';

/**
 * The one websocket of a client: opens it, reopens it with backoff after it drops, and pings it
 * with blackhole's `ping` action (`bh_ping:ping/2` answers `{"response":"pong"}`); a ping left
 * unanswered for `timeoutMs` counts as a dead socket. Control frames (RFC 6455 ping/pong) are
 * answered by the WebSocket implementation itself; cowboy answers ours the same way.
 */
export class SocketConnection {
  readonly #options: SocketOptions;
  #state: State = 'idle';
  #socket: WebSocketLike | undefined;
  #attempts = 0;
  #downSince: Date | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #pingTimer: ReturnType<typeof setInterval> | undefined;
  #pongTimer: ReturnType<typeof setTimeout> | undefined;
  #pingId: string | undefined;
  #generation = 0;

  constructor(options: SocketOptions) {
    this.#options = options;
  }

  get isOpen(): boolean {
    return this.#state === 'open';
  }

  /** Opens the socket unless it is open or on its way. */
  start(): void {
    if (this.#state === 'idle') void this.#connect();
  }

  /** Closes the socket and stops reconnecting. */
  stop(): void {
    this.#generation++;
    this.#state = 'idle';
    this.#attempts = 0;
    this.#downSince = undefined;
    clearTimeout(this.#retryTimer);
    this.#stopPings();
    const socket = this.#socket;
    this.#socket = undefined;
    if (socket) {
      socket.onclose = null;
      socket.onmessage = null;
      socket.onerror = () => {};
      socket.onopen = null;
      try {
        socket.close(1000, 'done');
      } catch {
        // already closing
      }
    }
  }

  /** Sends a command on the open socket; `false` when there is none (it will be sent on open). */
  send(message: CommandMessage): boolean {
    if (this.#state !== 'open' || !this.#socket) return false;
    this.#socket.send(JSON.stringify(message));
    return true;
  }

  async #connect(): Promise<void> {
    const generation = ++this.#generation;
    this.#state = 'connecting';
    const { logger, hooks } = this.#options;
    try {
      if (!(await hooks.prepare())) {
        if (generation === this.#generation) this.stop();
        return;
      }
      const WebSocketClass = this.#options.WebSocket ?? (await loadWebSocket());
      if (generation !== this.#generation) return;
      logger.debug(`events: connecting to ${this.#options.safeUrl}`);
      const socket = new WebSocketClass(this.#options.url);
      this.#socket = socket;
      socket.onopen = () => {
        if (generation !== this.#generation) return;
        this.#state = 'open';
        const attempts = this.#attempts + 1;
        const downSince = this.#downSince;
        this.#attempts = 0;
        this.#downSince = undefined;
        logger.info(`events: connected to ${this.#options.safeUrl}`);
        this.#startPings();
        hooks.opened(attempts, downSince);
      };
      socket.onmessage = (event) => {
        if (generation !== this.#generation || typeof event.data !== 'string') return;
        const message = parseServerMessage(event.data);
        if (!message) return;
        if (message.action === 'reply' && message.request_id === this.#pingId) {
          this.#pingId = undefined;
          clearTimeout(this.#pongTimer);
          return;
        }
        hooks.message(message);
      };
      socket.onerror = () => {
        // A close event follows, with the code.
      };
      socket.onclose = (event) => {
        if (generation === this.#generation) this.#lost(event.code);
      };
    } catch (error) {
      if (generation !== this.#generation) return;
      logger.warn(`events: could not open ${this.#options.safeUrl}: ${(error as Error)?.message ?? String(error)}`);
      this.#lost(undefined);
    }
  }

  #lost(code: number | undefined): void {
    const wasOpen = this.#state === 'open';
    this.#stopPings();
    this.#socket = undefined;
    this.#downSince ??= new Date();
    this.#generation++;
    if (wasOpen) this.#options.logger.warn(`events: socket to ${this.#options.safeUrl} closed (${code ?? 'no code'})`);
    this.#options.hooks.lost();
    const reconnect = this.#options.reconnect;
    if (reconnect === false) {
      this.#state = 'idle';
      this.#options.hooks.gaveUp(
        new EventsConnectionError(`events socket to ${this.#options.safeUrl} closed (${code ?? 'no code'}) and reconnecting is off`, {
          ...(code === undefined ? {} : { code }),
        }),
      );
      return;
    }
    const delay = reconnectDelay(this.#attempts++, reconnect.minDelayMs, reconnect.maxDelayMs);
    this.#state = 'waiting';
    this.#options.logger.info(`events: reconnecting in ${delay} ms (attempt ${this.#attempts})`);
    this.#retryTimer = setTimeout(() => {
      if (this.#state === 'waiting') void this.#connect();
    }, delay);
  }

  #startPings(): void {
    const ping = this.#options.ping;
    if (ping === false) return;
    this.#pingTimer = setInterval(() => {
      if (this.#pingId !== undefined) return;
      const id = this.#options.newId();
      this.#pingId = id;
      if (!this.send(this.#options.hooks.ping(id))) return;
      this.#pongTimer = setTimeout(() => {
        if (this.#pingId !== id || !this.#socket) return;
        this.#options.logger.warn(`events: no pong within ${ping.timeoutMs} ms: dropping the socket`);
        const socket = this.#socket;
        socket.onclose = null;
        try {
          socket.close(4000, 'ping timeout');
        } catch {
          // already closing
        }
        this.#lost(1006);
      }, ping.timeoutMs);
      unref(this.#pongTimer);
    }, ping.intervalMs);
    unref(this.#pingTimer);
  }

  #stopPings(): void {
    clearInterval(this.#pingTimer);
    clearTimeout(this.#pongTimer);
    this.#pingId = undefined;
  }
}

/** Lets Node exit while only a keep-alive timer is pending (the socket itself keeps it running). */
export function unref(timer: ReturnType<typeof setTimeout> | undefined): void {
  (timer as { unref?: () => void } | undefined)?.unref?.();
}
