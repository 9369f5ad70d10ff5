import { describe, expect, it } from 'vitest';
import { assertE164, isE164 } from './e164';
import { InvalidArgumentError } from './errors/invalid-argument-error';
import { numberErrors } from './errors/number-errors';
import { createApiError } from './errors/status-errors';
import { MAX_RANGE_SECONDS, rangeWindows } from './time-windows';

describe('E.164 checks', () => {
  it.each(['+14155551234', '+442071838750', '+4412345678'])('accepts %s', (n) => expect(isE164(n)).toBe(true));
  it.each(['4155551234', '+0123456789', '+1415', '+1415555123456789', '+1 415 555 1234', 14155551234])('rejects %s', (n) => {
    expect(isE164(n)).toBe(false);
    expect(() => assertE164(n, 'number')).toThrow(InvalidArgumentError);
  });
});

describe('rangeWindows', () => {
  it('splits a range into non-overlapping windows of at most 31 days + 1 h', () => {
    const from = 63905587200;
    const windows = rangeWindows(from, from + 70 * 86_400);
    expect(windows).toHaveLength(3);
    expect(windows[0]).toEqual([from, from + MAX_RANGE_SECONDS]);
    expect(windows[1]?.[0]).toBe(from + MAX_RANGE_SECONDS + 1);
    expect(windows.at(-1)?.[1]).toBe(from + 70 * 86_400);
  });

  it('rejects reversed and non-Gregorian bounds', () => {
    expect(() => rangeWindows(63905587300, 63905587200)).toThrow(/after/);
    expect(() => rangeWindows(1_700_000_000, 63905587200)).toThrow(/Unix seconds/);
  });
});

describe('numberErrors', () => {
  const request = { method: 'PUT', url: 'https://h/v2/accounts/a/phone_numbers/collection', headers: {} };
  it('reads the per-number map of a failed collection call', () => {
    const error = createApiError({ status: 400, request, data: { '+14155550100': { error: 'number_exists', message: 'exists' } } });
    expect(numberErrors(error)).toEqual({ '+14155550100': { error: 'number_exists', message: 'exists' } });
  });
  it('ignores other errors', () => {
    expect(numberErrors(createApiError({ status: 400, request, data: { name: { required: { message: 'x' } } } }))).toBeUndefined();
    expect(numberErrors(new Error('x'))).toBeUndefined();
  });
});
