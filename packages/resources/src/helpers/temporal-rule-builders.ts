import { InvalidArgumentError, toGregorianSeconds } from '@audian/core';
import type { TemporalRuleCreateParams, Weekday } from '../schemas/temporal-rules.js';

/** Options of {@link weeklyRule}. */
export interface WeeklyRuleOptions {
  readonly name: string;
  /** The weekdays the rule matches. */
  readonly days: readonly Weekday[];
  /** Start of the window, `HH:MM`. @default '00:00' */
  readonly from?: string;
  /** End of the window, `HH:MM`. @default '24:00' */
  readonly to?: string;
}

const WEEKDAYS: readonly string[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/**
 * Seconds after midnight of a `HH:MM` (or `HH:MM:SS`) time, as temporal rules store
 * `time_window_start`/`time_window_stop`. `24:00` is the end of the day (86400).
 *
 * @throws InvalidArgumentError when the time is not `HH:MM[:SS]` between 00:00 and 24:00
 *
 * @example
 * ```ts
 * import { secondsOfDay } from '@audian/resources';
 *
 * secondsOfDay('09:30'); // 34200
 * ```
 */
export function secondsOfDay(time: string): number {
  const match = typeof time === 'string' ? /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time.trim()) : null;
  const [h, m, s] = match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : [Number.NaN, 0, 0];
  const total = h * 3600 + m * 60 + s;
  if (!match || m > 59 || s > 59 || total > 86400) {
    throw new InvalidArgumentError('time', `time must be HH:MM or HH:MM:SS between 00:00 and 24:00, got ${JSON.stringify(time)}`);
  }
  return total;
}

/** Gregorian seconds of a date's midnight (UTC): the form of `start_date`. */
function startDate(date: Date | string): number {
  const d = typeof date === 'string' ? new Date(`${date}T00:00:00Z`) : date;
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) {
    throw new InvalidArgumentError('date', `date must be a Date or YYYY-MM-DD, got ${JSON.stringify(date)}`);
  }
  return toGregorianSeconds(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())));
}

/**
 * A weekly temporal rule: these weekdays, between two times of day (business hours).
 *
 * @throws InvalidArgumentError for an unknown weekday or a bad time
 *
 * @example
 * ```ts
 * import { weeklyRule } from '@audian/resources';
 *
 * const open = await audian.temporal_rules.create(
 *   weeklyRule({ name: 'Office hours', days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], from: '09:00', to: '17:30' }),
 * );
 * ```
 */
export function weeklyRule(options: WeeklyRuleOptions): TemporalRuleCreateParams {
  const days = options.days;
  if (!Array.isArray(days) || days.length === 0 || days.some((d) => !WEEKDAYS.includes(d))) {
    throw new InvalidArgumentError('days', `days must be a non-empty list of ${WEEKDAYS.join(', ')}`);
  }
  return {
    name: options.name,
    cycle: 'weekly',
    interval: 1,
    wdays: [...days],
    time_window_start: secondsOfDay(options.from ?? '00:00'),
    time_window_stop: secondsOfDay(options.to ?? '24:00'),
  };
}

/**
 * A yearly temporal rule on one day of one month, all day (a fixed holiday).
 *
 * @param month - 1–12
 * @param day - 1–31
 * @throws InvalidArgumentError for a month or day out of range
 *
 * @example
 * ```ts
 * import { yearlyRule } from '@audian/resources';
 *
 * await audian.temporal_rules.create(yearlyRule('Christmas', 12, 25));
 * ```
 */
export function yearlyRule(name: string, month: number, day: number): TemporalRuleCreateParams {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new InvalidArgumentError('month', `month must be 1–12, got ${month}`);
  if (!Number.isInteger(day) || day < 1 || day > 31) throw new InvalidArgumentError('day', `day must be 1–31, got ${day}`);
  return { name, cycle: 'yearly', interval: 1, month, days: [day], ordinal: 'every', time_window_start: 0, time_window_stop: 86400 };
}

/**
 * A one-off temporal rule matching a single date, all day.
 *
 * @param date - a `Date` (its UTC date is used) or `YYYY-MM-DD`
 * @throws InvalidArgumentError for an invalid date
 *
 * @example
 * ```ts
 * import { dateRule } from '@audian/resources';
 *
 * await audian.temporal_rules.create(dateRule('Office move', '2026-07-03'));
 * ```
 */
export function dateRule(name: string, date: Date | string): TemporalRuleCreateParams {
  return { name, cycle: 'date', start_date: startDate(date), time_window_start: 0, time_window_stop: 86400 };
}
