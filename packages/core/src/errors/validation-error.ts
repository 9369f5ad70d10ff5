import { InvalidArgumentError } from './invalid-argument-error';
import { BadRequestError } from './status-errors';

/**
 * Tells whether `error` is a validation failure, found client-side before sending
 * ({@link InvalidArgumentError}) or by the server (a 400 {@link BadRequestError}). Both carry
 * `fieldErrors: { path, code, message, cause?, value? }[]`, so one handler serves both. Also true
 * for errors from another installed copy of the package.
 *
 * @example
 * ```ts
 * import { isValidationError } from '@audian/core';
 *
 * try {
 *   await audian.users.create(form);
 * } catch (error) {
 *   if (!isValidationError(error)) throw error;
 *   for (const f of error.fieldErrors) showFieldError(f.path, f.message);
 * }
 * ```
 */
export function isValidationError(error: unknown): error is InvalidArgumentError | BadRequestError {
  return error instanceof InvalidArgumentError || error instanceof BadRequestError;
}
