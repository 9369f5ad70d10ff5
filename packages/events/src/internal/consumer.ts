import type { EventMessage } from '../kazoo-event';

/** One user of the shared socket: an iterator or an `on` handler. */
export interface Consumer {
  /** Hands it one event. */
  deliver(event: EventMessage): void;
  /** Ends it with an error (its bindings are released by the caller). */
  fail(error: Error): void;
  /** Ends it quietly. */
  end(): void;
  /** The keys of the entries it waits on before it is ready. */
  expect(entryKeys: readonly string[]): void;
  /** The server accepted one of its bindings. */
  accepted(entryKey: string): void;
}
