import { ApiError, AudianError, BadRequestError, ConnectionError, formatFieldErrors, isValidationError, TimeoutError } from '@audian/core';

/** A task's failure as the run state keeps it: never a stack, never a secret (errors hold none). */
export interface TaskFailure {
  readonly name: string;
  readonly message: string;
  readonly status?: number;
  /** Retrying cannot help (a 4xx other than 408/429, bad input): the account is reported as failed. */
  readonly permanent: boolean;
}

// The transport already retried what is safe to retry (GET/DELETE on 5xx, everything on 429 and
// refused connections). What reaches the task is either final (a 4xx: the request itself is
// wrong for this account) or worth another whole-task attempt later (5xx, timeouts, dropped
// connections), which is safe because every task compares or looks up before it writes.
export function describeFailure(error: unknown): TaskFailure {
  if (error instanceof ApiError) {
    const permanent = error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
    // A 400's message says only "validation error": the fields are what a person needs to see.
    const fields = error instanceof BadRequestError && error.fieldErrors.length > 0 ? ` (${formatFieldErrors(error.fieldErrors)})` : '';
    return { name: error.name, message: `${error.message}${fields}`, status: error.status, permanent };
  }
  if (error instanceof ConnectionError || error instanceof TimeoutError)
    return { name: error.name, message: error.message, permanent: false };
  if (isValidationError(error) || error instanceof AudianError) {
    return { name: (error as Error).name, message: (error as Error).message, permanent: true };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  return { name: e.name, message: e.message, permanent: false };
}
