import { fromGregorianSeconds, InvalidArgumentError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import { dateRule, secondsOfDay, weeklyRule, yearlyRule } from '../src/index';
import { acct, crudWireCases, rejectionOf, scriptedClient, wireCases } from './wire';

const RULE = '7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e7e';
const christmas = {
  time_window_start: 0,
  time_window_stop: 86400,
  days: [25],
  name: 'Christmas',
  cycle: 'yearly',
  start_date: 62586115200,
  month: 12,
  ordinal: 'every',
  interval: 1,
} as const;

describe('temporal_rules on the wire', () => {
  wireCases([
    ...crudWireCases({
      name: 'temporal_rules',
      resource: (a) => a.temporal_rules,
      path: '/temporal_rules',
      id: RULE,
      document: { id: RULE, ...christmas },
      create: christmas,
      patch: { enabled: false },
    }),
    {
      label: 'a weeklyRule() is sent as KAZOO stores business hours',
      call: (a) => a.temporal_rules.create(weeklyRule({ name: 'Open', days: ['monday', 'friday'], from: '09:00', to: '17:30' })),
      request: {
        method: 'PUT',
        path: acct('/temporal_rules'),
        body: {
          data: {
            name: 'Open',
            cycle: 'weekly',
            interval: 1,
            wdays: ['monday', 'friday'],
            time_window_start: 32400,
            time_window_stop: 63000,
          },
        },
      },
      reply: [201, { id: RULE }],
    },
  ]);
});

describe('temporal rule helpers', () => {
  it('secondsOfDay converts clock times', () => {
    expect(secondsOfDay('00:00')).toBe(0);
    expect(secondsOfDay('09:30')).toBe(34200);
    expect(secondsOfDay('23:59:59')).toBe(86399);
    expect(secondsOfDay('24:00')).toBe(86400);
    for (const bad of ['24:01', '9', '12:60', 'noon']) expect(() => secondsOfDay(bad)).toThrow(InvalidArgumentError);
  });

  it('yearlyRule builds a fixed all-day holiday', () => {
    expect(yearlyRule('Christmas', 12, 25)).toEqual({
      name: 'Christmas',
      cycle: 'yearly',
      interval: 1,
      month: 12,
      days: [25],
      ordinal: 'every',
      time_window_start: 0,
      time_window_stop: 86400,
    });
    expect(() => yearlyRule('Bad', 13, 1)).toThrow(/month/);
  });

  it('dateRule puts the day in start_date as Gregorian seconds', () => {
    const rule = dateRule('Move', '2026-07-03');
    expect(rule.cycle).toBe('date');
    expect(fromGregorianSeconds(rule.start_date as number).toISOString()).toBe('2026-07-03T00:00:00.000Z');
    expect(() => dateRule('Bad', '2026-13-45')).toThrow(InvalidArgumentError);
  });

  it('weeklyRule refuses unknown weekdays', () => {
    expect(() => weeklyRule({ name: 'X', days: ['funday' as never] })).toThrow(/days/);
  });
});

describe('temporal rule validation', () => {
  const { client } = scriptedClient();

  it('cycle is required and must be one KAZOO knows', async () => {
    const missing = await rejectionOf(client.audian().temporal_rules.create({ name: 'X' } as never));
    expect(missing.argument).toBe('data.cycle');
    expect(missing.message).toContain('cycle is required');
    const wrong = await rejectionOf(client.audian().temporal_rules.create({ name: 'X', cycle: 'hourly' as never }));
    expect(wrong.issues?.[0]).toMatchObject({ path: 'cycle', code: 'enum' });
    expect(client.server().requests).toHaveLength(0);
  });
});
