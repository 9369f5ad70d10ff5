import { isSecretKey, REDACTED } from '../redact';
import { AudianError } from './audian-error';
import type { FieldError } from './field-errors';

/**
 * One rule a request argument broke, found before anything was sent: the same shape as a
 * {@link BadRequestError}'s field errors (`{ path, code, message, cause?, value? }`).
 */
export type ArgumentIssue = FieldError;

/**
 * Bad input caught before any request was sent: an invalid base URL, an unknown method, a path
 * segment that would escape its place, a reserved filter name, a body that breaks the resource
 * schema. `argument` names the argument; `fieldErrors` lists every offending field, in the same
 * shape as the server's own validation errors ({@link BadRequestError}), so one handler (and
 * {@link isValidationError}) serves both.
 *
 * @example
 * ```ts
 * import { InvalidArgumentError } from '@audian/core';
 *
 * try {
 *   await audian.users.create({ first_name: 'Ann' });
 * } catch (error) {
 *   if (error instanceof InvalidArgumentError) console.error(error.fieldErrors); // last_name: required
 * }
 * ```
 */
export class InvalidArgumentError extends AudianError {
  static override readonly errorName: string = 'InvalidArgumentError';
  /** The argument or option at fault (`baseUrl`, `pageSize`, `data`, `path`, `filter.verb`, …). */
  readonly argument: string;
  /** Every offending field (`path` inside the argument, `""` for the argument itself); one entry for a simple argument. */
  readonly fieldErrors: readonly FieldError[];

  constructor(argument: string, message: string, fieldErrors?: readonly FieldError[]) {
    super(message);
    this.argument = argument;
    this.fieldErrors = fieldErrors?.map(withoutSecretValue) ?? [{ path: '', code: 'invalid', message }];
  }

  /** The same list as {@link InvalidArgumentError.fieldErrors} (its earlier name). */
  get issues(): readonly FieldError[] {
    return this.fieldErrors;
  }

  /** A JSON form for logs and CLI output. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, argument: this.argument, fieldErrors: this.fieldErrors };
  }
}

/** A field error about a credential field (`password`, `pin`, …) keeps its message, not the value it quotes. */
function withoutSecretValue(error: FieldError): FieldError {
  const field = error.path.split('.').at(-1) ?? '';
  if (!isSecretKey(field) || (error.value === undefined && error.cause === undefined)) return error;
  return {
    ...error,
    ...(error.value !== undefined ? { value: REDACTED } : {}),
    ...(error.cause !== undefined ? { cause: REDACTED } : {}),
  };
}
