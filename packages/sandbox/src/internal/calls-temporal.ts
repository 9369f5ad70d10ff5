import { GREGORIAN_OFFSET } from './clock';
import type { JsonObject } from './json';
import { type ZonedClock, zonedClock } from './time-zone';

/** A moment as the account's wall clock shows it. */
interface LocalTime {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
  /** 0 = Sunday */
  readonly weekday: number;
  readonly secondsOfDay: number;
  /** Whole days since 1970-01-01 of the local date, for interval arithmetic. */
  readonly epochDay: number;
}

// KAZOO spells Wednesday `wensday` (kzd_temporal_rules); the correct spelling is accepted too.
const WDAYS: Readonly<Record<string, number>> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  wensday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];

function localTime(unixMs: number, timezone: string): LocalTime {
  const clock = zonedClock(unixMs, timezone) ?? (zonedClock(unixMs, 'UTC') as ZonedClock);
  const { year, month, day } = clock;
  const epochDay = Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
  return {
    year,
    month,
    day,
    weekday: new Date(epochDay * 86_400_000).getUTCDay(),
    secondsOfDay: clock.hour * 3600 + clock.minute * 60 + clock.second,
    epochDay,
  };
}

const num = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

/** Whether the local date is the rule's ordinal weekday of its month (`first monday`, `last friday`, `every tuesday`). */
function ordinalMatches(rule: JsonObject, now: LocalTime): boolean {
  const wdays = (Array.isArray(rule.wdays) ? rule.wdays : []).map((w) => WDAYS[String(w)]);
  if (!wdays.includes(now.weekday)) return false;
  const ordinal = String(rule.ordinal ?? 'every');
  if (ordinal === 'every') return true;
  const daysInMonth = new Date(Date.UTC(now.year, now.month, 0)).getUTCDate();
  if (ordinal === 'last') return now.day + 7 > daysInMonth;
  const index = ORDINALS.indexOf(ordinal);
  return index >= 0 && Math.floor((now.day - 1) / 7) === index;
}

function dayMatches(rule: JsonObject, now: LocalTime, start: LocalTime): boolean {
  const interval = Math.max(1, Math.floor(num(rule.interval, 1)));
  const days = Array.isArray(rule.days) ? rule.days.map(Number) : [];
  switch (rule.cycle) {
    case 'date':
      return now.epochDay === start.epochDay;
    case 'daily':
      return (now.epochDay - start.epochDay) % interval === 0;
    case 'weekly': {
      const weeks = Math.floor((now.epochDay - start.epochDay) / 7);
      return ordinalMatches({ ...rule, ordinal: 'every' }, now) && weeks % interval === 0;
    }
    case 'monthly': {
      const months = (now.year - start.year) * 12 + (now.month - start.month);
      if (months % interval !== 0) return false;
      return days.length > 0 ? days.includes(now.day) : ordinalMatches(rule, now);
    }
    case 'yearly': {
      if ((now.year - start.year) % interval !== 0 || num(rule.month, 0) !== now.month) return false;
      return days.length > 0 ? days.includes(now.day) : ordinalMatches(rule, now);
    }
    default:
      return false;
  }
}

/**
 * Whether a temporal rule holds at `unixMs` on the account's wall clock (`cf_temporal_route`): an
 * `enabled` flag forces the answer; otherwise the date must fit the rule's cycle (`date`, `daily`,
 * `weekly` by `wdays`, `monthly`/`yearly` by `days` or `ordinal` + `wdays`, every `interval`
 * cycles since `start_date`) and the time of day its window (`time_window_start` to
 * `time_window_stop`, seconds after midnight).
 */
export function temporalRuleMatches(rule: JsonObject, unixMs: number, timezone: string): boolean {
  if (rule.enabled === true) return true;
  if (rule.enabled === false) return false;
  const now = localTime(unixMs, timezone);
  const startUnix = (num(rule.start_date, GREGORIAN_OFFSET) - GREGORIAN_OFFSET) * 1000;
  if (startUnix > unixMs) return false;
  const start = localTime(startUnix, timezone);
  if (now.epochDay < start.epochDay || !dayMatches(rule, now, start)) return false;
  const from = num(rule.time_window_start, 0);
  const to = num(rule.time_window_stop, 86_400);
  return now.secondsOfDay >= from && now.secondsOfDay < to;
}
