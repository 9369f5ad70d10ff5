import { numberErrors } from '@audian/core';
import type { PhoneNumberError } from '../schemas/phone-numbers.js';

/**
 * Reads the per-number error map of a failed `…/phone_numbers/collection` call (Crossbar answers
 * 400 with `data` keyed by number when every number failed); `undefined` for any other error.
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
  return numberErrors(error) as Readonly<Record<string, PhoneNumberError>> | undefined;
}
