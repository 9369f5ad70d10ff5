import {
  AudianError,
  createTransport,
  InvalidArgumentError,
  type Logger,
  redactUrl,
  SecretRegistry,
  silentLogger,
  type Transport,
} from '@audian/core';
import type { Binding, EventForBinding } from './bindings';
import type { EventSubscription } from './event-subscription';
import type { EventsOptions, OnOptions, SubscribeOptions } from './events-options';
import type { Consumer } from './internal/consumer';
import { EventHub } from './internal/event-hub';
import { EventQueue } from './internal/event-queue';
import type { EventMessage } from './kazoo-event';

const DEFAULT_RECONNECT = { minDelayMs: 500, maxDelayMs: 30_000 };
const DEFAULT_PING = { intervalMs: 30_000, timeoutMs: 10_000 };

/**
 * A client for KAZOO's websocket events (blackhole). Every subscription shares one socket:
 * a binding asked for twice is subscribed once and released when its last consumer stops.
 * A dropped socket is reopened with backoff and every binding subscribed again; events
 * published while it was down are lost (KAZOO does not replay them).
 *
 * @example
 * ```ts
 * import { createApiKeyAuth } from '@audian/auth';
 * import { createEvents } from '@audian/events';
 *
 * const events = createEvents({ auth: createApiKeyAuth({ apiKey: process.env.AUDIAN_API_KEY! }), eventsUrl: 'wss://api.audian.com:7777' });
 * for await (const event of events.subscribe(['call.CHANNEL_CREATE.*', 'call.CHANNEL_DESTROY.*'])) {
 *   console.log(event.name, event.data.call_id);
 * }
 * ```
 */
export class EventsClient {
  readonly #hub: EventHub;
  readonly #logger: Logger;
  readonly #safeUrl: string;

  /**
   * @throws InvalidArgumentError for a missing or non-websocket `eventsUrl`, no `auth` nor `transport`, or bad numbers
   */
  constructor(options: EventsOptions) {
    if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('options', 'createEvents needs an options object');
    const url = checkUrl(options.eventsUrl);
    const transport = sessionSource(options);
    const secrets = new SecretRegistry();
    this.#logger = scrubbingLogger(options.logger ?? silentLogger, secrets);
    this.#safeUrl = redactUrl(url);
    if (options.accountId !== undefined) checkAccountId(options.accountId, 'accountId');
    if (options.WebSocket !== undefined && typeof options.WebSocket !== 'function') {
      throw new InvalidArgumentError('WebSocket', 'WebSocket must be a WebSocket constructor');
    }
    const reconnect = options.reconnect === false ? false : { ...DEFAULT_RECONNECT, ...options.reconnect };
    if (reconnect) {
      checkDelay(reconnect.minDelayMs, 'reconnect.minDelayMs');
      checkDelay(reconnect.maxDelayMs, 'reconnect.maxDelayMs');
      if (reconnect.maxDelayMs < reconnect.minDelayMs)
        throw new InvalidArgumentError('reconnect.maxDelayMs', 'reconnect.maxDelayMs must not be below minDelayMs');
    }
    const ping = options.ping === false ? false : { ...DEFAULT_PING, ...options.ping };
    if (ping) {
      checkDelay(ping.intervalMs, 'ping.intervalMs', 1);
      checkDelay(ping.timeoutMs, 'ping.timeoutMs', 1);
    }
    const refreshMarginMs = options.tokenRefreshMarginMs ?? 60_000;
    checkDelay(refreshMarginMs, 'tokenRefreshMarginMs');
    this.#hub = new EventHub({
      url,
      safeUrl: this.#safeUrl,
      WebSocket: options.WebSocket,
      reconnect,
      ping,
      session: () => transport.session(),
      accountId: options.accountId,
      logger: this.#logger,
      secrets,
      refreshMarginMs,
      onReconnect: options.onReconnect,
    });
  }

  /**
   * Subscribes to one or more bindings and returns an async iterator of their events, typed by
   * binding (`call.CHANNEL_CREATE.*` yields `CallEvent<'CHANNEL_CREATE'>`). The subscribe is sent
   * at once; events are buffered until read.
   *
   * @throws InvalidArgumentError for an empty binding list, a binding that is not a non-empty string without spaces, or an empty `accountId`
   * @throws AudianError when the client is closed
   *
   * The iterator throws {@link SubscriptionRefusedError} when the server refuses one of the
   * bindings or the token, and {@link EventsConnectionError} when the socket is lost for good.
   *
   * @example
   * ```ts
   * const controller = new AbortController();
   * for await (const event of events.subscribe('object.doc_edited.user', { signal: controller.signal })) {
   *   console.log(`user ${event.data.id} edited`);
   * }
   * ```
   */
  subscribe<const B extends Binding>(bindings: B | readonly B[], options: SubscribeOptions = {}): EventSubscription<EventForBinding<B>> {
    const list = this.#check(bindings, options);
    const queue = new EventQueue<EventForBinding<B>>(() => this.#hub.remove(queue));
    if (options.signal?.aborted) {
      queue.end();
      return queue;
    }
    const onAbort = () => queue.close();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    this.#hub.add(queue, list, options.accountId);
    return queue;
  }

  /**
   * Calls `handler` for each event of these bindings until the returned function is called or
   * `signal` aborts. A refused binding or a socket lost for good ends it and goes to `onError`.
   *
   * @throws InvalidArgumentError for a bad binding list or `accountId`, or a handler that is not a function
   * @throws AudianError when the client is closed
   *
   * @example
   * ```ts
   * const stop = events.on('call.CHANNEL_ANSWER.*', (event) => console.log('answered', event.data.call_id));
   * // later
   * stop();
   * ```
   */
  on<const B extends Binding>(
    bindings: B | readonly B[],
    handler: (event: EventForBinding<B>) => void,
    options: OnOptions = {},
  ): () => void {
    if (typeof handler !== 'function') throw new InvalidArgumentError('handler', 'handler must be a function');
    const list = this.#check(bindings, options);
    let stopped = false;
    const logger = this.#logger;
    const hub = this.#hub;
    const consumer: Consumer = {
      deliver(event: EventMessage) {
        if (stopped) return;
        try {
          handler(event as EventForBinding<B>);
        } catch (error) {
          logger.error(`events: handler threw on ${event.name}: ${(error as Error)?.message ?? String(error)}`);
        }
      },
      fail(error: Error) {
        if (stopped) return;
        stopped = true;
        if (options.onError) options.onError(error);
        else logger.error(`events: subscription ended: ${error.message}`);
      },
      end() {
        stopped = true;
      },
      expect() {},
      accepted() {},
    };
    const stop = () => {
      if (stopped) return;
      stopped = true;
      hub.remove(consumer);
    };
    if (options.signal?.aborted) return () => {};
    options.signal?.addEventListener('abort', stop, { once: true });
    this.#hub.add(consumer, list, options.accountId);
    return stop;
  }

  /** Ends every subscription (iterators finish, handlers stop) and closes the socket. Idempotent. */
  close(): void {
    this.#hub.close();
  }

  #check(bindings: unknown, options: SubscribeOptions): string[] {
    if (this.#hub.closed) throw new AudianError('the events client is closed');
    const list = typeof bindings === 'string' ? [bindings] : Array.isArray(bindings) ? [...bindings] : undefined;
    if (!list || list.length === 0)
      throw new InvalidArgumentError('bindings', 'bindings must be a binding or a non-empty array of bindings');
    for (const [index, binding] of list.entries()) {
      if (typeof binding !== 'string' || binding === '' || /\s/.test(binding)) {
        throw new InvalidArgumentError(
          `bindings[${index}]`,
          `bindings[${index}] must be a non-empty string without spaces (like 'call.CHANNEL_CREATE.*'), got ${JSON.stringify(binding)}`,
        );
      }
    }
    if (options.accountId !== undefined) checkAccountId(options.accountId, 'accountId');
    if (options.signal !== undefined && !(options.signal instanceof AbortSignal))
      throw new InvalidArgumentError('signal', 'signal must be an AbortSignal');
    return [...new Set(list as string[])];
  }

  // The token lives in the auth strategy; nothing secret is shown.
  toJSON(): Record<string, unknown> {
    return { eventsUrl: this.#safeUrl };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `EventsClient { eventsUrl: '${this.#safeUrl}' }`;
  }
}

/**
 * Creates an {@link EventsClient} for KAZOO's websocket events.
 *
 * @throws InvalidArgumentError for a missing or non-websocket `eventsUrl`, no `auth` nor `transport`, or bad numbers
 *
 * @example
 * ```ts
 * import { createApiKeyAuth } from '@audian/auth';
 * import { createEvents } from '@audian/events';
 *
 * const events = createEvents({
 *   auth: createApiKeyAuth({ apiKey: process.env.AUDIAN_API_KEY! }),
 *   eventsUrl: 'wss://api.audian.com:7777',
 *   reconnect: { minDelayMs: 1000, maxDelayMs: 60_000 },
 * });
 * const stop = events.on('call.*.*', (event) => console.log(event.name, event.data.call_id));
 * ```
 */
export function createEvents(options: EventsOptions): EventsClient {
  return new EventsClient(options);
}

function checkUrl(value: unknown): string {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new InvalidArgumentError('eventsUrl', 'eventsUrl must be a ws:// or wss:// URL (the blackhole websocket)');
  }
  if (value === undefined || (url.protocol !== 'ws:' && url.protocol !== 'wss:')) {
    throw new InvalidArgumentError('eventsUrl', `eventsUrl must be a ws:// or wss:// URL (the blackhole websocket), got ${url.protocol}`);
  }
  return url.toString();
}

function sessionSource(options: EventsOptions): Pick<Transport, 'session'> {
  if (options.transport !== undefined) {
    if (options.auth !== undefined)
      throw new InvalidArgumentError('auth', 'give auth or transport, not both (the transport has its own auth strategy)');
    if (typeof options.transport?.session !== 'function')
      throw new InvalidArgumentError('transport', 'transport must be a Transport from @audian/core');
    return options.transport;
  }
  if (options.auth === undefined) {
    throw new InvalidArgumentError(
      'auth',
      'auth is required (createApiKeyAuth, createUserAuth or createTokenAuth from @audian/auth), or pass transport',
    );
  }
  return createTransport({
    auth: options.auth,
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}

function checkAccountId(value: unknown, name: string): void {
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidArgumentError(name, `${name} must be a non-empty account id`);
}

function checkDelay(value: unknown, name: string, min = 0): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new InvalidArgumentError(name, `${name} must be a number of milliseconds ≥ ${min}, got ${String(value)}`);
  }
}

/** The user's logger behind a scrubber: no line or metadata carries a token, whatever went wrong. */
function scrubbingLogger(logger: Logger, secrets: SecretRegistry): Logger {
  const wrap =
    (level: keyof Logger) =>
    (message: string, meta?: Record<string, unknown>): void =>
      logger[level](secrets.scrub(message), meta === undefined ? undefined : secrets.redact(meta));
  return { debug: wrap('debug'), info: wrap('info'), warn: wrap('warn'), error: wrap('error') };
}
