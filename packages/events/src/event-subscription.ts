/**
 * A running subscription: an async iterator of events (`for await`), plus a promise for the
 * server's acceptance. Leaving the loop (`break`, `return`, a thrown error), calling `close()`
 * or aborting the subscription's `signal` releases its bindings; the socket unsubscribes a
 * binding when its last consumer lets go.
 *
 * @example
 * ```ts
 * import { createEvents } from '@audian/events';
 *
 * const events = createEvents({ auth, eventsUrl: 'wss://api.audian.com:7777' });
 * const calls = events.subscribe('call.CHANNEL_CREATE.*');
 * await calls.ready; // the server accepted the binding
 * for await (const event of calls) console.log(event.data.caller_id_number);
 * ```
 */
export interface EventSubscription<E> extends AsyncIterableIterator<E> {
  /**
   * Resolves once the server has accepted every binding of the subscription; rejects with the
   * error that ends it when one is refused first.
   */
  readonly ready: Promise<void>;
  /** Ends the subscription: the iterator finishes once it has yielded what it holds. */
  close(): void;
}
