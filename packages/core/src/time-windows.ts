import { InvalidArgumentError } from './errors/invalid-argument-error';
import type { ListParams } from './filters';
import { assertGregorian, gregorianBound, toGregorianSeconds } from './gregorian';

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

/**
 * The windows a listing of `params`' `createdFrom`…`createdTo` range needs, in listing order
 * (newest first, as Crossbar lists, unless `ascending`), or `undefined` when one request does: no
 * `createdFrom` (Crossbar's default range, or it counts back from `createdTo`), or a range that
 * fits. With only `createdFrom`, the range ends now.
 *
 * @throws InvalidArgumentError for a bound that is not a Date or Gregorian seconds, or `createdFrom` after `createdTo`
 *
 * @example
 * ```ts
 * import { planWindows } from '@audian/core';
 *
 * planWindows({ createdFrom: new Date('2025-01-01Z'), createdTo: new Date('2025-03-31Z') })?.length; // 3
 * ```
 */
export function planWindows(
  params: Pick<ListParams, 'createdFrom' | 'createdTo' | 'ascending'>,
  maxRange: number = MAX_RANGE_SECONDS,
): [number, number][] | undefined {
  if (params.createdFrom === undefined) {
    if (params.createdTo !== undefined) gregorianBound(params.createdTo, 'createdTo');
    return undefined;
  }
  const from = gregorianBound(params.createdFrom, 'createdFrom');
  const to = params.createdTo === undefined ? toGregorianSeconds(new Date()) : gregorianBound(params.createdTo, 'createdTo');
  if (from > to) throw new InvalidArgumentError('createdFrom', 'createdFrom is after createdTo');
  if (to - from <= maxRange) return undefined;
  const windows = rangeWindows(from, to, maxRange);
  return params.ascending === true ? windows : windows.reverse();
}
