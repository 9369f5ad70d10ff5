import { AudianError } from '@audian/core';

/**
 * The event socket closed and the client will not open it again: reconnecting is turned off
 * (`reconnect: false`), or getting a session for it failed for good (the login itself was
 * refused: that error is the `cause`). Every open subscription ends with it.
 *
 * @example
 * ```ts
 * import { EventsConnectionError } from '@audian/events';
 *
 * try {
 *   for await (const event of events.subscribe('call.*.*')) console.log(event.name);
 * } catch (error) {
 *   if (error instanceof EventsConnectionError) console.error(`events socket lost: ${error.message}`);
 * }
 * ```
 */
export class EventsConnectionError extends AudianError {
  static override readonly errorName: string = 'EventsConnectionError';
  /** The websocket close code, when the socket closed (1006 when it dropped without one). */
  readonly code: number | undefined;

  constructor(message: string, options: { code?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
  }
}
