import { sessionEventsUrl } from '@audian/auth';
import { AudianError, InvalidArgumentError, type Transport } from '@audian/core';
// Types only: the events module itself is imported on first use, so it is its own chunk.
import type { Binding, EventForBinding, EventSubscription, EventsClient, OnOptions, ReconnectInfo, SubscribeOptions } from '@audian/events';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Where the field of a login answer that names the events URL is, for errors. */
const LOGIN_FIELD = 'ui_config.api.kazoo_websocket.url';

/**
 * Where the events websocket URL may come from, by precedence: {@link resolveEventsUrl} takes
 * the first one given.
 */
export interface EventsUrlSources {
  /** The explicit option or flag: it wins over everything else. */
  readonly given?: string | undefined;
  /** How errors name `given`: `eventsUrl` for `createAudian`, `--events-url` for the CLI. @default 'eventsUrl' */
  readonly givenName?: string;
  /** The `AUDIAN_EVENTS_URL` environment variable (blank counts as unset). */
  readonly env?: string | undefined;
  /**
   * The URL the login answer named, `data.ui_config.api.kazoo_websocket.url`
   * (`sessionEventsUrl(session)` from `@audian/auth`).
   */
  readonly login?: string | undefined;
  /** The API's base URL: an API on this machine (the sandbox) serves its events on its own port. */
  readonly baseUrl: string;
}

/**
 * The events websocket URL (KAZOO's blackhole), the one rule `audian.events` and the CLI's event
 * commands share: the explicit option or flag, else `AUDIAN_EVENTS_URL`, else the URL the login
 * answer named (`crossbar_util:get_kazoo_websocket_config/1`, set from the `blackhole` system
 * config), else — when the API runs on this machine — `ws://host:port/`. A remote API's blackhole
 * port is deployment-specific (KAZOO's default is 5555), so it is never guessed.
 *
 * @throws InvalidArgumentError naming the option, `AUDIAN_EVENTS_URL` or the login answer's field
 *   when the URL it gives is not `ws://` or `wss://`, and naming `eventsUrl` when there is no URL at all
 *
 * @example
 * ```ts
 * import { sessionEventsUrl } from '@audian/auth';
 * import { createAudian, resolveEventsUrl } from '@audian/resources';
 *
 * const audian = createAudian();
 * const url = resolveEventsUrl({
 *   env: process.env.AUDIAN_EVENTS_URL,
 *   login: sessionEventsUrl(await audian.transport.session()),
 *   baseUrl: audian.transport.baseUrl,
 * });
 * ```
 */
export function resolveEventsUrl(sources: EventsUrlSources): string {
  const givenName = sources.givenName ?? 'eventsUrl';
  if (sources.given !== undefined) return checkEventsUrl(sources.given, givenName);
  const env = sources.env?.trim();
  if (env) return checkEventsUrl(env, 'AUDIAN_EVENTS_URL');
  if (sources.login !== undefined) {
    return checkEventsUrl(sources.login, LOGIN_FIELD, ` (the login answer's; pass ${givenName} or set AUDIAN_EVENTS_URL to use another)`);
  }
  const base = new URL(sources.baseUrl);
  if (LOOPBACK_HOSTS.has(base.hostname)) return `ws://${base.host}/`;
  throw new InvalidArgumentError(
    'eventsUrl',
    `no events URL for ${base.host}: the login answer named none (${LOGIN_FIELD}); pass ${givenName} (wss://HOST:PORT/) or set AUDIAN_EVENTS_URL (the API's websocket, KAZOO's blackhole)`,
  );
}

/**
 * The URL, normalized, when it is `ws://` or `wss://`.
 *
 * @throws InvalidArgumentError naming `source` otherwise
 */
export function checkEventsUrl(value: string, source: string, advice = ''): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'ws:' && url.protocol !== 'wss:')) {
    throw new InvalidArgumentError(
      source,
      `${source} must be a ws:// or wss:// URL (the API's websocket, KAZOO's blackhole), got ${JSON.stringify(value)}${advice}`,
    );
  }
  return url.href;
}

/**
 * How `audian.events` finds its URL when it connects: the option and `AUDIAN_EVENTS_URL` are
 * checked now (a malformed one throws at `createAudian`); the login answer is only known after
 * the login, so the rest of {@link resolveEventsUrl} runs on first use.
 *
 * @throws InvalidArgumentError naming `eventsUrl` or `AUDIAN_EVENTS_URL` when it is malformed
 */
export function eventsUrlResolver(transport: Transport, given: string | undefined, env: string | undefined): () => Promise<string> {
  if (given !== undefined) checkEventsUrl(given, 'eventsUrl');
  else if (env?.trim()) checkEventsUrl(env.trim(), 'AUDIAN_EVENTS_URL');
  const baseUrl = transport.baseUrl;
  return async () => {
    // Only log in for the URL when nothing set earlier in the order names one.
    const login = given === undefined && !env?.trim() ? sessionEventsUrl(await transport.session()) : undefined;
    return resolveEventsUrl({ given, env, login, baseUrl });
  };
}

/** What {@link LazyEvents} needs from the client. */
export interface LazyEventsOptions {
  readonly transport: Transport;
  /** The websocket URL, resolved when the socket is first needed (after the login). */
  readonly eventsUrl: () => Promise<string>;
  readonly accountId: string | undefined;
}

/**
 * `audian.events`: an `@audian/events` client made on first use from the client's own transport
 * (one login for REST and websocket) and account.
 */
export class LazyEvents {
  readonly #options: LazyEventsOptions;
  readonly #subscriptions = new Set<LazySubscription<unknown>>();
  readonly #reconnectListeners = new Set<(info: ReconnectInfo) => void>();
  #client: Promise<EventsClient> | undefined;
  #url: Promise<string> | undefined;
  #closed = false;

  constructor(options: LazyEventsOptions) {
    this.#options = options;
  }

  subscribe<const B extends Binding>(bindings: B | readonly B[], options: SubscribeOptions = {}): EventSubscription<EventForBinding<B>> {
    this.#checkOpen();
    const subscription: LazySubscription<EventForBinding<B>> = new LazySubscription(
      () => this.#load().then((client) => client.subscribe(bindings, options)),
      () => this.#subscriptions.delete(subscription as LazySubscription<unknown>),
    );
    this.#subscriptions.add(subscription as LazySubscription<unknown>);
    return subscription;
  }

  on<const B extends Binding>(
    bindings: B | readonly B[],
    handler: (event: EventForBinding<B>) => void,
    options: OnOptions = {},
  ): () => void {
    this.#checkOpen();
    if (typeof handler !== 'function') throw new InvalidArgumentError('handler', 'handler must be a function');
    let stopped = false;
    let stop: (() => void) | undefined;
    this.#load()
      .then((client) => {
        if (!stopped) stop = client.on(bindings, handler, options);
      })
      .catch((error: Error) => {
        if (stopped) return;
        stopped = true;
        // Without onError a failure to start is an unhandled rejection, as a thrown error would be.
        if (options.onError) options.onError(error);
        else throw error;
      });
    return () => {
      stopped = true;
      stop?.();
    };
  }

  onReconnect(listener: (info: ReconnectInfo) => void): () => void {
    if (typeof listener !== 'function') throw new InvalidArgumentError('listener', 'listener must be a function');
    this.#reconnectListeners.add(listener);
    return () => {
      this.#reconnectListeners.delete(listener);
    };
  }

  url(): Promise<string> {
    this.#url ??= this.#options.eventsUrl().catch((error: unknown) => {
      // A failed login (or a network error on the way) may pass: the next use tries again.
      this.#url = undefined;
      throw error;
    });
    return this.#url;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const subscription of this.#subscriptions) subscription.close();
    this.#client?.then(
      (client) => client.close(),
      () => {},
    );
  }

  #checkOpen(): void {
    if (this.#closed) throw new AudianError('audian.events is closed');
  }

  #load(): Promise<EventsClient> {
    this.#client ??= Promise.all([import('@audian/events'), this.url()]).then(
      ([{ createEvents }, eventsUrl]) => {
        const { transport, accountId } = this.#options;
        const client = createEvents({
          transport,
          eventsUrl,
          ...(accountId === undefined ? {} : { accountId }),
          onReconnect: (info) => {
            // Every listener runs; the first failure goes on to the events client, which logs it.
            let failure: unknown;
            for (const listener of this.#reconnectListeners) {
              try {
                listener(info);
              } catch (error) {
                failure ??= error;
              }
            }
            if (failure !== undefined) throw failure;
          },
        });
        if (this.#closed) client.close();
        return client;
      },
      (error: unknown) => {
        this.#client = undefined;
        throw error;
      },
    );
    return this.#client;
  }
}

const DONE = { done: true, value: undefined } as const;

/** A subscription whose events module is loaded, and whose subscribe is sent, on first use. */
class LazySubscription<E> implements EventSubscription<E> {
  readonly #start: () => Promise<EventSubscription<E>>;
  readonly #onEnd: () => void;
  #inner: Promise<EventSubscription<E>> | undefined;
  #closed = false;

  constructor(start: () => Promise<EventSubscription<E>>, onEnd: () => void) {
    this.#start = start;
    this.#onEnd = onEnd;
  }

  get ready(): Promise<void> {
    return this.#started().then((inner) => inner.ready);
  }

  async next(): Promise<IteratorResult<E, undefined>> {
    if (this.#closed) return DONE;
    const inner = await this.#started();
    if (this.#closed) {
      inner.close();
      return DONE;
    }
    try {
      const result = await inner.next();
      if (result.done) this.#end();
      return result.done ? DONE : result;
    } catch (error) {
      this.#end();
      throw error;
    }
  }

  async return(): Promise<IteratorResult<E, undefined>> {
    this.close();
    const inner = await this.#inner?.catch(() => undefined);
    await inner?.return?.();
    return DONE;
  }

  close(): void {
    this.#end();
    this.#inner?.then(
      (inner) => inner.close(),
      () => {},
    );
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  #started(): Promise<EventSubscription<E>> {
    this.#inner ??= this.#start();
    return this.#inner;
  }

  #end(): void {
    this.#closed = true;
    this.#onEnd();
  }
}
