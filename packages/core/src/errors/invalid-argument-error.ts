import { AudianError } from './audian-error';

/** One rule a request argument broke, found before anything was sent. */
export interface ArgumentIssue {
  /** Dot path of the offending field inside the argument (`""` for the argument itself). */
  readonly path: string;
  /** Short rule name: `required`, `type`, `enum`, `minLength`, `pattern`, `reserved`, … */
  readonly code: string;
  /** Human text. */
  readonly message: string;
}

/**
 * Bad input caught before any request was sent: an invalid base URL, an unknown method, a path
 * segment that would escape its place, a reserved filter name, a body that breaks the resource
 * schema. `argument` names the argument; `issues` lists every offending field.
 *
 * @example
 * ```ts
 * import { InvalidArgumentError } from '@audian/core';
 *
 * try {
 *   await audian.users.create({ first_name: 'Ann' });
 * } catch (error) {
 *   if (error instanceof InvalidArgumentError) console.error(error.issues); // last_name: required
 * }
 * ```
 */
export class InvalidArgumentError extends AudianError {
  static override readonly errorName: string = 'InvalidArgumentError';
  /** The argument or option at fault (`baseUrl`, `pageSize`, `data`, `path`, `filter.verb`, …). */
  readonly argument: string;
  /** Every offending field; one entry for a simple argument. */
  readonly issues: readonly ArgumentIssue[];

  constructor(argument: string, message: string, issues?: readonly ArgumentIssue[]) {
    super(message);
    this.argument = argument;
    this.issues = issues ?? [{ path: '', code: 'invalid', message }];
  }

  /** A JSON form for logs and CLI output. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, argument: this.argument, issues: this.issues };
  }
}
