import { InvalidArgumentError } from './errors/invalid-argument-error';
import { assertGregorian } from './gregorian';

/**
 * The longest `created_from`…`created_to` span Crossbar accepts in one request to a time-ranged
 * endpoint (CDRs, ledgers, recordings…): 31 days and one hour (`crossbar.maximum_range`), in
 * seconds. Longer ranges answer 400 `date_range`.
 */
export const MAX_RANGE_SECONDS = 2_682_000;

/**
 * Splits `[from, to]` (Gregorian seconds, both inclusive, as Crossbar compares them) into
 * consecutive windows no longer than `maxRange`, oldest first. Windows do not overlap: each
 * starts one second after the previous one ends, so no record is listed twice.
 *
 * @throws InvalidArgumentError when `from` is after `to` or a bound is not Gregorian seconds
 *
 * @example
 * ```ts
 * import { rangeWindows } from '@audian/core';
 *
 * rangeWindows(63905587200, 63905587200 + 70 * 86400).length; // 3
 * ```
 */
export function rangeWindows(from: number, to: number, maxRange: number = MAX_RANGE_SECONDS): [number, number][] {
  assertGregorian(from, 'createdFrom');
  assertGregorian(to, 'createdTo');
  if (from > to) throw new InvalidArgumentError('createdFrom', 'createdFrom is after createdTo');
  if (!Number.isInteger(maxRange) || maxRange < 1) throw new InvalidArgumentError('maxRange', 'maxRange must be a positive integer');
  const windows: [number, number][] = [];
  for (let start = Math.floor(from); start <= to; ) {
    const end = Math.min(start + maxRange, Math.floor(to));
    windows.push([start, end]);
    start = end + 1;
  }
  return windows;
}
