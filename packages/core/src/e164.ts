import { InvalidArgumentError } from './errors/invalid-argument-error';

const E164 = /^\+[1-9][0-9]{7,14}$/;

/**
 * Whether `value` is an E.164 number: `+`, then 8 to 15 digits, the first not 0.
 *
 * @example
 * ```ts
 * import { isE164 } from '@audian/core';
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
 * import { assertE164 } from '@audian/core';
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
