import type { Consumer } from './consumer';

/** One (account, binding) pair subscribed on the socket, shared by every consumer that asked for it. */
export interface Entry {
  readonly key: string;
  readonly binding: string;
  /** The account asked for; `undefined` means the client's default (the session's account). */
  readonly accountId: string | undefined;
  readonly consumers: Set<Consumer>;
  /** `active` once the server accepted the current subscribe. */
  state: 'pending' | 'active';
  /** The request id of the latest subscribe: replies to older ones are stale. */
  requestId: string | undefined;
  /** Whether a refused token was already retried with a fresh session. */
  tokenRetried: boolean;
}

/** Reference-counted bindings: who listens to what. */
export class SubscriptionRegistry {
  readonly #entries = new Map<string, Entry>();
  readonly #byConsumer = new Map<Consumer, Set<Entry>>();

  static key(binding: string, accountId: string | undefined): string {
    return `${accountId ?? ''}\u0000${binding}`;
  }

  get size(): number {
    return this.#entries.size;
  }

  entries(): Entry[] {
    return [...this.#entries.values()];
  }

  has(entry: Entry): boolean {
    return this.#entries.get(entry.key) === entry;
  }

  /** Adds a consumer; returns the entries it created (the bindings to subscribe now) and all of its entries. */
  add(consumer: Consumer, bindings: readonly string[], accountId: string | undefined): { created: Entry[]; entries: Entry[] } {
    const created: Entry[] = [];
    const mine = new Set<Entry>();
    for (const binding of bindings) {
      const key = SubscriptionRegistry.key(binding, accountId);
      let entry = this.#entries.get(key);
      if (!entry) {
        entry = { key, binding, accountId, consumers: new Set(), state: 'pending', requestId: undefined, tokenRetried: false };
        this.#entries.set(key, entry);
        created.push(entry);
      }
      entry.consumers.add(consumer);
      mine.add(entry);
    }
    this.#byConsumer.set(consumer, mine);
    return { created, entries: [...mine] };
  }

  /** Removes a consumer; returns the entries nobody uses any more (the bindings to unsubscribe). */
  remove(consumer: Consumer): Entry[] {
    const mine = this.#byConsumer.get(consumer);
    if (!mine) return [];
    this.#byConsumer.delete(consumer);
    const emptied: Entry[] = [];
    for (const entry of mine) {
      entry.consumers.delete(consumer);
      if (entry.consumers.size === 0 && this.#entries.get(entry.key) === entry) {
        this.#entries.delete(entry.key);
        emptied.push(entry);
      }
    }
    return emptied;
  }

  /** Drops an entry (refused by the server); returns its consumers. */
  drop(entry: Entry): Consumer[] {
    if (this.#entries.get(entry.key) === entry) this.#entries.delete(entry.key);
    return [...entry.consumers];
  }

  /** Every consumer (to end them all on close). */
  consumers(): Consumer[] {
    return [...this.#byConsumer.keys()];
  }

  /** The entries subscribed with this binding, whatever the account. */
  withBinding(binding: string): Entry[] {
    return this.entries().filter((entry) => entry.binding === binding);
  }
}
