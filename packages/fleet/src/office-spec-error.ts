import { InvalidArgumentError } from '@audian/core';

/** One problem of an office spec: where it is (`file:line:column`), the field, and what is wrong. */
export interface OfficeSpecProblem {
  readonly location: string;
  readonly path: string;
  readonly message: string;
}

/**
 * An office spec that cannot be used: YAML that does not parse, a field that breaks the schema,
 * a reference to an extension nobody has. Thrown before any request; the message lists every
 * problem as `file:line:column: field: problem`, one a line.
 *
 * @example
 * ```ts
 * import { OfficeSpecError, parseOfficeSpec } from '@audian/fleet';
 *
 * try {
 *   parseOfficeSpec(text, 'office.yaml');
 * } catch (error) {
 *   if (error instanceof OfficeSpecError) for (const p of error.problems) console.error(p.location, p.message);
 * }
 * ```
 */
export class OfficeSpecError extends InvalidArgumentError {
  static override readonly errorName: string = 'OfficeSpecError';
  /** Every problem, in the order found. */
  readonly problems: readonly OfficeSpecProblem[];

  constructor(problems: readonly OfficeSpecProblem[]) {
    super(
      'spec',
      problems.map((p) => `${p.location}: ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n'),
      problems.map((p) => ({ path: p.path, code: 'invalid', message: p.message })),
    );
    this.problems = problems;
  }
}
