import { type FieldError, InvalidArgumentError } from '@audian/core';

/**
 * A job file (or job object) that cannot run: YAML that does not parse, an unknown action, a
 * malformed selector, a missing field. Thrown before anything is enqueued. Each entry of
 * `fieldErrors` names the field (`accounts.descendantsOf`) and, for a file, its line
 * (`target.line`); the message lists them as `file:line: field: problem`.
 *
 * @example
 * ```ts
 * import { JobFileError, loadJobFile } from '@audian/fleet';
 *
 * try {
 *   await loadJobFile('jobs/caller-id.yaml');
 * } catch (error) {
 *   if (error instanceof JobFileError) console.error(error.message); // jobs/caller-id.yaml:3: action: unknown action "pach" …
 * }
 * ```
 */
export class JobFileError extends InvalidArgumentError {
  static override readonly errorName: string = 'JobFileError';

  constructor(source: string, fieldErrors: readonly FieldError[]) {
    const lines = fieldErrors.map((issue) => {
      const line = (issue.target as { line?: number } | undefined)?.line;
      return `${line === undefined ? source : `${source}:${line}`}: ${issue.path || '(job)'}: ${issue.message}`;
    });
    super('job', `invalid fleet job\n${lines.join('\n')}`, fieldErrors);
  }
}
