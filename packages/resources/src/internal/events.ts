import { AudianError, InvalidArgumentError, type Transport } from '@audian/core';
// Types only: the events module itself is imported on first use, so it is its own chunk.
import type { Binding, EventForBinding, EventSubscription, EventsClient, OnOptions, SubscribeOptions } from '@audian/events';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The client's events websocket: `eventsUrl`, else AUDIAN_EVENTS_URL, else — when the API runs on
 * this machine (the sandbox serves its events on the API's own port) — `ws://host:port/`. A remote
 * API's blackhole port is deployment-specific (KAZOO's default is 5555), so it is never guessed.
 *
 * @throws InvalidArgumentError naming the option or variable when the URL is malformed
 */
export function resolveEventsUrl(given: string | undefined, fromEnv: string | undefined, baseUrl: string): string | undefined {
  const value = given ?? fromEnv;
  if (value !== undefined) {
    const source = given !== undefined ? 'eventsUrl' : 'AUDIAN_EVENTS_URL';
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (url === undefined || (url.protocol !== 'ws:' && url.protocol !== 'wss:')) {
      throw new InvalidArgumentError(
        source,
        `${source} must be a ws:// or wss:// URL (the API's websocket, KAZOO's blackhole), got ${JSON.stringify(value)}`,
      );
    }
    return url.href;
  }
  const base = new URL(baseUrl);
  return LOOPBACK_HOSTS.has(base.hostname) ? `ws://${base.host}/` : undefined;
}

/** The error `audian.events` throws when the client has no events URL. */
export function missingEventsUrl(baseUrl: string): InvalidArgumentError {
  return new InvalidArgumentError(
    'eventsUrl',
    `no events URL for ${new URL(baseUrl).host}: pass createAudian({ eventsUrl: 'wss://HOST:PORT/' }) or set AUDIAN_EVENTS_URL (the API's websocket, KAZOO's blackhole)`,
  );
}

/** What {@link LazyEvents} needs from the client. */
export interface LazyEventsOptions {
  readonly transport: Transport;
  readonly eventsUrl: string;
  readonly accountId: string | undefined;
}

/**
 * `audian.events`: an `@audian/events` client made on first use from the client's own transport
 * (one login for REST and websocket) and account.
 */
export class LazyEvents {
  readonly #options: LazyEventsOptions;
  readonly #subscriptions = new Set<LazySubscription<unknown>>();
  #client: Promise<EventsClient> | undefined;
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
    this.#client ??= import('@audian/events').then(({ createEvents }) => {
      const { transport, eventsUrl, accountId } = this.#options;
      const client = createEvents({ transport, eventsUrl, ...(accountId === undefined ? {} : { accountId }) });
      if (this.#closed) client.close();
      return client;
    });
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
