import type { EventMessage } from '../kazoo-event';
import type { Consumer } from './consumer';

interface Waiter<T> {
  resolve(result: IteratorResult<T>): void;
  reject(error: unknown): void;
}

/**
 * An async iterator fed by the socket: events are buffered until read, an error is thrown after
 * the buffered events, and `return()` (a `break` out of `for await`) stops it and releases its
 * bindings through `release`.
 */
export class EventQueue<T> implements Consumer, AsyncIterableIterator<T> {
  readonly ready: Promise<void>;
  readonly #buffer: T[] = [];
  readonly #waiters: Waiter<T>[] = [];
  readonly #pendingKeys = new Set<string>();
  readonly #release: () => void;
  #resolveReady!: () => void;
  #rejectReady!: (error: unknown) => void;
  #finished = false;
  #error: unknown;

  constructor(release: () => void) {
    this.#release = release;
    this.ready = new Promise<void>((resolve, reject) => {
      this.#resolveReady = resolve;
      this.#rejectReady = reject;
    });
    // Nobody has to await `ready`: its rejection is the iterator's error too.
    this.ready.catch(() => {});
  }

  deliver(event: EventMessage): void {
    if (this.#finished) return;
    const waiter = this.#waiters.shift();
    if (waiter) waiter.resolve({ value: event as T, done: false });
    else this.#buffer.push(event as T);
  }

  expect(entryKeys: readonly string[]): void {
    for (const key of entryKeys) this.#pendingKeys.add(key);
  }

  accepted(entryKey: string): void {
    this.#pendingKeys.delete(entryKey);
    if (this.#pendingKeys.size === 0) this.#resolveReady();
  }

  fail(error: Error): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#error = error;
    this.#rejectReady(error);
    const waiters = this.#waiters.splice(0);
    for (const waiter of waiters) waiter.reject(error);
    // A reader that was waiting got the error; otherwise it comes after the buffered events.
    if (waiters.length > 0) this.#error = undefined;
  }

  end(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#resolveReady();
    for (const waiter of this.#waiters.splice(0)) waiter.resolve({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<T>> {
    const value = this.#buffer.shift();
    if (value !== undefined) return Promise.resolve({ value, done: false });
    if (this.#error !== undefined) {
      const error = this.#error;
      this.#error = undefined;
      return Promise.reject(error);
    }
    if (this.#finished) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  close(): void {
    if (!this.#finished) {
      this.end();
      this.#release();
    }
    this.#buffer.length = 0;
    this.#error = undefined;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
