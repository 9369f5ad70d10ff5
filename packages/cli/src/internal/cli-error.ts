/**
 * The exit codes of `audian`, one per kind of outcome a script may branch on.
 *
 * @example
 * ```ts
 * import { EXIT_CODES, run } from '@audian/cli';
 *
 * if ((await run(['users', 'get', id])) === EXIT_CODES.notFound) console.log('no such user');
 * ```
 */
export const EXIT_CODES = Object.freeze({
  /** Success. */
  ok: 0,
  /** The API refused the request, or the command could not proceed (refused confirmation, failed rows). */
  failure: 1,
  /** The command line was wrong: unknown flag, missing argument, malformed JSON or value. */
  usage: 2,
  /** Not logged in, or the credentials or token were refused. */
  auth: 3,
  /** The thing asked for does not exist (404). */
  notFound: 4,
  /** Interrupted with Ctrl-C (SIGINT). */
  interrupted: 130,
});

/**
 * One of {@link EXIT_CODES}' values.
 *
 * @example
 * ```ts
 * import type { ExitCode } from '@audian/cli';
 *
 * const code: ExitCode = 4;
 * ```
 */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/**
 * An error the CLI raises itself, carrying its exit code and optional detail lines (printed
 * under the message, one per line).
 *
 * @example
 * ```ts
 * import { CliError, createProfileClient } from '@audian/cli';
 *
 * try {
 *   createProfileClient();
 * } catch (error) {
 *   if (error instanceof CliError) process.exitCode = error.exitCode; // 3: not logged in
 * }
 * ```
 */
export class CliError extends Error {
  /** The process exit code this error ends the command with. */
  readonly exitCode: ExitCode;
  /** Extra lines (field errors, hints) shown under the message. */
  readonly details: readonly string[];

  constructor(message: string, exitCode: ExitCode = EXIT_CODES.failure, details: readonly string[] = [], cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'CliError';
    this.exitCode = exitCode;
    this.details = details;
  }
}

/** A malformed command line or argument value: exit code 2. */
export class UsageError extends CliError {
  constructor(message: string, details: readonly string[] = []) {
    super(message, EXIT_CODES.usage, details);
    this.name = 'UsageError';
  }
}

/** No credentials to use (no profile, no `AUDIAN_API_KEY`): exit code 3. */
export class NotLoggedInError extends CliError {
  constructor(message: string) {
    super(message, EXIT_CODES.auth, ['log in with `audian login --api-key KEY` (or set AUDIAN_API_KEY)']);
    this.name = 'NotLoggedInError';
  }
}

/** The user pressed Ctrl-C (or a prompt was cancelled): exit code 130. */
export class InterruptedError extends CliError {
  constructor(message = 'interrupted') {
    super(message, EXIT_CODES.interrupted);
    this.name = 'InterruptedError';
  }
}
