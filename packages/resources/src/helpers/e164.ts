import { ApiError, InvalidArgumentError } from '@audian/core';
import type { PhoneNumberError } from '../schemas/phone-numbers.js';

const E164 = /^\+[1-9][0-9]{7,14}$/;

/**
 * Whether `value` is an E.164 number: `+`, then 8 to 15 digits, the first not 0.
 *
 * @example
 * ```ts
 * import { isE164 } from '@audian/resources';
 *
 * isE164('+14155551234'); // true
 * isE164('4155551234');   // false: Crossbar would silently turn it into +14155551234
 * ```
 */
export function isE164(value: unknown): value is string {
  return typeof value === 'string' && E164.test(value);
}

/**
 * Rejects anything that is not an E.164 number. Crossbar "normalises" other input silently
 * (`4123456789` becomes `+14123456789`, but `41234567` becomes `+41234567`), which acquires or
 * deletes a different number than meant, so the SDK never sends one.
 *
 * @throws InvalidArgumentError naming `argument` when the value is not E.164
 *
 * @example
 * ```ts
 * import { assertE164 } from '@audian/resources';
 *
 * assertE164('+14155551234', 'number'); // ok
 * assertE164('415-555-1234', 'number'); // throws InvalidArgumentError
 * ```
 */
export function assertE164(value: unknown, argument: string): asserts value is string {
  if (!isE164(value)) {
    const got = typeof value === 'string' ? JSON.stringify(value) : value === null ? 'null' : typeof value;
    throw new InvalidArgumentError(
      argument,
      `${argument} must be an E.164 number ("+" then 8 to 15 digits, e.g. +14155551234), got ${got}`,
      [{ path: '', code: 'pattern', message: `${argument} must be an E.164 number` }],
    );
  }
}

/**
 * Reads the per-number error map of a failed collection call: when every number of a
 * `…/phone_numbers/collection` request fails, Crossbar answers 400 with `data` keyed by number.
 * Returns `undefined` for any other error.
 *
 * @example
 * ```ts
 * import { phoneNumberErrors } from '@audian/resources';
 *
 * try {
 *   await audian.phone_numbers.createMany(['+14155550100', '+14155550101']);
 * } catch (error) {
 *   for (const [number, why] of Object.entries(phoneNumberErrors(error) ?? {})) console.log(number, why.error);
 * }
 * ```
 */
export function phoneNumberErrors(error: unknown): Readonly<Record<string, PhoneNumberError>> | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const data = error.data;
  if (!isRecord(data)) return undefined;
  const entries = Object.entries(data);
  if (entries.length === 0) return undefined;
  for (const [key, value] of entries) {
    if (!/^\+?[0-9]/.test(key) || !isRecord(value) || !('error' in value || 'message' in value || 'code' in value)) return undefined;
  }
  return data as Record<string, PhoneNumberError>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
