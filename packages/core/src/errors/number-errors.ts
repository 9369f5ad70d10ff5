import { ApiError } from './api-error';

/** Why one number of a collection operation failed, as Crossbar reports it. */
export interface NumberError {
  readonly code?: number | string;
  readonly error?: string;
  readonly message?: string;
  readonly cause?: unknown;
  readonly [key: string]: unknown;
}

/**
 * Reads the per-number error map of a failed collection call: when every number of a
 * `…/phone_numbers/collection` request fails, Crossbar answers 400 with `data` keyed by number.
 * Returns `undefined` for any other error.
 *
 * @example
 * ```ts
 * import { numberErrors } from '@audian/core';
 *
 * try {
 *   await audian.phone_numbers.createMany(['+14155550100', '+14155550101']);
 * } catch (error) {
 *   for (const [number, why] of Object.entries(numberErrors(error) ?? {})) console.log(number, why.error);
 * }
 * ```
 */
export function numberErrors(error: unknown): Readonly<Record<string, NumberError>> | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const data = error.data;
  if (!isRecord(data)) return undefined;
  const entries = Object.entries(data);
  if (entries.length === 0) return undefined;
  for (const [key, value] of entries) {
    if (!/^\+?[0-9]/.test(key) || !isRecord(value) || !('error' in value || 'message' in value || 'code' in value)) return undefined;
  }
  return data as Record<string, NumberError>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
