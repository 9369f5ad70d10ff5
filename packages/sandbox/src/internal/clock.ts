/** Seconds between 0000-01-01 and 1970-01-01: KAZOO timestamps are Gregorian seconds. */
export const GREGORIAN_OFFSET = 62_167_219_200;

/** The sandbox's clock: real time plus an offset tests can move forward (token expiry, ranges). */
export class Clock {
  #offsetMs = 0;

  nowMs(): number {
    return Date.now() + this.#offsetMs;
  }

  /** Unix seconds. */
  unix(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  /** Gregorian seconds. */
  gregorian(): number {
    return this.unix() + GREGORIAN_OFFSET;
  }

  advance(seconds: number): void {
    this.#offsetMs += seconds * 1000;
  }

  reset(): void {
    this.#offsetMs = 0;
  }
}

/** ISO-8601 without milliseconds, as in the envelope's `timestamp`. */
export function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
