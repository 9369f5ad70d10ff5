import { InvalidArgumentError } from './errors/invalid-argument-error';

/** Seconds between 0000-01-01 and 1970-01-01 (UTC): KAZOO's Gregorian epoch offset. */
export const GREGORIAN_OFFSET = 62_167_219_200;

/** Gregorian seconds of 1970-01-01 and of 9999-12-31: anything outside is not a plausible time. */
const MIN_GREGORIAN = GREGORIAN_OFFSET;
const MAX_GREGORIAN = GREGORIAN_OFFSET + 253_402_300_799;

/**
 * Converts a time to KAZOO's Gregorian seconds (seconds since year 0, UTC), the unit of
 * `created`, `modified`, CDR `timestamp` and the `created_from`/`created_to` filters.
 *
 * @param time - a `Date` or Unix milliseconds
 * @throws InvalidArgumentError for an invalid date
 *
 * @example
 * ```ts
 * import { toGregorianSeconds } from '@audian/core';
 *
 * toGregorianSeconds(new Date('2025-02-01T00:00:00Z')); // 63905587200
 * ```
 */
export function toGregorianSeconds(time: Date | number): number {
  const ms = time instanceof Date ? time.getTime() : time;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new InvalidArgumentError('time', `expected a valid Date or Unix milliseconds, got ${String(time)}`);
  }
  return Math.floor(ms / 1000) + GREGORIAN_OFFSET;
}

/**
 * Converts KAZOO Gregorian seconds to a `Date`.
 *
 * @throws InvalidArgumentError when the value is not a plausible Gregorian time (a Unix timestamp, say)
 *
 * @example
 * ```ts
 * import { fromGregorianSeconds } from '@audian/core';
 *
 * fromGregorianSeconds(63905587200).toISOString(); // '2025-02-01T00:00:00.000Z'
 * ```
 */
export function fromGregorianSeconds(seconds: number | string): Date {
  const s = typeof seconds === 'string' ? Number(seconds) : seconds;
  assertGregorian(s, 'seconds');
  return new Date((s - GREGORIAN_OFFSET) * 1000);
}

/**
 * Checks that a number is a plausible Gregorian-seconds time (between 1970 and 9999), which
 * catches Unix seconds and milliseconds passed by mistake.
 *
 * @throws InvalidArgumentError naming `argument` when it is not
 *
 * @example
 * ```ts
 * import { assertGregorian } from '@audian/core';
 *
 * assertGregorian(63905587200, 'createdFrom'); // ok
 * assertGregorian(1738368000, 'createdFrom');  // throws: looks like Unix seconds
 * ```
 */
export function assertGregorian(value: number, argument: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < MIN_GREGORIAN || value > MAX_GREGORIAN) {
    const hint =
      typeof value === 'number' && value > 0 && value < MIN_GREGORIAN
        ? ' (it looks like Unix seconds: pass a Date, or add 62167219200)'
        : '';
    throw new InvalidArgumentError(argument, `${argument} must be a Date or Gregorian seconds, got ${String(value)}${hint}`);
  }
}

/**
 * A time bound as Gregorian seconds: a `Date` is converted, a number must already be Gregorian
 * seconds (it is floored). What list params' `createdFrom`, `createdTo`, … go through.
 *
 * @throws InvalidArgumentError naming `argument` for an invalid Date or a number that is not Gregorian seconds
 *
 * @example
 * ```ts
 * import { gregorianBound } from '@audian/core';
 *
 * gregorianBound(new Date('2025-02-01T00:00:00Z'), 'createdFrom'); // 63905587200
 * ```
 */
export function gregorianBound(value: Date | number, argument: string): number {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new InvalidArgumentError(argument, `${argument} is an invalid Date`);
    return toGregorianSeconds(value);
  }
  assertGregorian(value, argument);
  return Math.floor(value);
}
