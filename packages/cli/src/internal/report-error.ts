import {
  ApiError,
  AudianError,
  BadRequestError,
  InvalidArgumentError,
  NotFoundError,
  PaymentRequiredError,
  UnauthorizedError,
} from '@audian/core';
import { actingAccount, activity } from './activity';
import { CliError, EXIT_CODES, type ExitCode } from './cli-error';
import { interrupted } from './interrupt';
import { secrets } from './secrets';

/** What to print for an error, and the exit code. */
export interface ErrorReport {
  readonly exitCode: ExitCode;
  /** The first line says what failed and why; the others list field errors and hints. */
  readonly lines: readonly string[];
  /**
   * The same as one JSON object, for scripts (`--json-errors`, or `--output json`):
   * `{ message, exit_code, details, status?, request_id?, field_errors? }`, secrets scrubbed.
   */
  readonly json: Readonly<Record<string, unknown>>;
}

/**
 * Turns an error into one line (what failed and why, with the request id of API errors), one
 * more line per field error, and the exit code: 2 bad arguments, 3 auth, 4 not found, 130
 * interrupted, 1 anything else. Known secrets are scrubbed; the stack only with `debug`.
 */
export function reportError(error: unknown, debug = false): ErrorReport {
  const { exitCode, message, details } = classify(error);
  const doing = activity();
  // Ctrl-C is the user's own doing, not an error.
  const head = exitCode === EXIT_CODES.interrupted ? message : `error: ${doing ? `${doing}: ` : ''}${message}`;
  const lines = [head, ...details.map((d) => `  ${d}`)];
  if (debug && error instanceof Error && error.stack) lines.push(error.stack);
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  const api = error instanceof ApiError ? error : cause instanceof ApiError ? cause : undefined;
  const fieldErrors = error instanceof BadRequestError ? error.fieldErrors : undefined;
  const json = {
    message: secrets.scrub(`${doing && exitCode !== EXIT_CODES.interrupted ? `${doing}: ` : ''}${message}`),
    exit_code: exitCode,
    details: details.map((d) => secrets.scrub(d)),
    ...(api ? { status: api.status, ...(api.requestId ? { request_id: api.requestId } : {}) } : {}),
    ...(fieldErrors?.length
      ? { field_errors: fieldErrors.map((f) => ({ path: f.path, code: f.code, message: secrets.scrub(f.message) })) }
      : {}),
  };
  return { exitCode, lines: lines.map((l) => secrets.scrub(l)), json };
}

function classify(error: unknown): { exitCode: ExitCode; message: string; details: readonly string[] } {
  if (error instanceof CliError && error.exitCode === EXIT_CODES.interrupted)
    return { exitCode: error.exitCode, message: error.message, details: error.details };
  if (interrupted() || isAbort(error)) return { exitCode: EXIT_CODES.interrupted, message: 'interrupted', details: [] };
  if (error instanceof CliError) return { exitCode: error.exitCode, message: error.message, details: error.details };
  if (error instanceof InvalidArgumentError) {
    const details = error.issues.length > 1 ? error.issues.map((i) => `${i.path || '(body)'}: ${i.message}`) : [];
    // A value parsed as a number or boolean where the field wants text: show how to keep it text.
    for (const issue of error.issues) {
      const got = /must be a string, got (?:number|boolean) ?(.*)$/.exec(issue.message);
      if (got && issue.path) details.push(`to send ${issue.path} as text, quote it: --set '${issue.path}="${got[1] || 'VALUE'}"'`);
    }
    return { exitCode: EXIT_CODES.usage, message: error.message, details };
  }
  const notApi = notCrossbarApi(error);
  if (notApi) return notApi;
  if (error instanceof UnauthorizedError) {
    return { exitCode: EXIT_CODES.auth, message: error.message, details: ['check the credentials, or log in again with `audian login`'] };
  }
  if (error instanceof NotFoundError) return { exitCode: EXIT_CODES.notFound, message: error.message, details: [] };
  if (error instanceof BadRequestError) {
    const details = error.fieldErrors.map((f) => `${f.path || '(document)'}: ${f.message} [${f.code}]`);
    return { exitCode: EXIT_CODES.failure, message: apiSummary(error, details.length > 0), details };
  }
  if (error instanceof PaymentRequiredError) {
    return {
      exitCode: EXIT_CODES.failure,
      message: error.message,
      details: [`charges: ${JSON.stringify(error.charges)}`, 'add --accept-charges to accept them'],
    };
  }
  const account = actingAccount();
  if (error instanceof ApiError && error.status === 403 && account) {
    return {
      exitCode: EXIT_CODES.failure,
      message: `no access to account ${account}: ${error.message}`,
      details: ['the login can reach its own account and the accounts below it; check --account (or AUDIAN_ACCOUNT_ID)'],
    };
  }
  if (error instanceof ApiError || error instanceof AudianError)
    return { exitCode: EXIT_CODES.failure, message: error.message, details: [] };
  if (error instanceof Error) return { exitCode: EXIT_CODES.failure, message: error.message || error.name, details: [] };
  return { exitCode: EXIT_CODES.failure, message: String(error), details: [] };
}

/** A 400's first line: status, reason, request; the field errors follow on their own lines. */
function apiSummary(error: BadRequestError, hasFields: boolean): string {
  if (!hasFields) return error.message;
  const reason = error.apiMessage ?? 'invalid request';
  return `${error.status} ${reason}: ${error.fieldErrors.length} field error${error.fieldErrors.length === 1 ? '' : 's'} (${error.request.method} ${error.request.url}${error.requestId ? `, request id ${error.requestId}` : ''})`;
}

/**
 * A login refused with a 404 that is not Crossbar's answer to an unknown key. `cb_api_auth`
 * answers an unknown key with 404 `bad identifier` (`crossbar_util:response_bad_identifier/2`,
 * data = the key); any other 404 (`not_found`, an HTML page, no envelope at all) means the
 * request reached something that has no `api_auth`: the base URL is wrong, not the key.
 */
function notCrossbarApi(error: unknown): { exitCode: ExitCode; message: string; details: readonly string[] } | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const reason = (error as { reason?: unknown }).reason;
  // @audian/auth says `not_crossbar` itself; an older one calls every 404 an unknown key.
  const oldUnknownKey = reason === 'unknown_api_key' && error.status === 404 && !/^bad[ _]identifier$/.test(error.apiMessage ?? '');
  if (reason !== 'not_crossbar' && !oldUnknownKey) return undefined;
  const url = error.request.url;
  const base = url.replace(/(api|user)_auth(\?.*)?$/, '');
  const answer = error.apiMessage ?? (error.bodyExcerpt ? 'not a Crossbar answer' : 'no envelope');
  return {
    exitCode: EXIT_CODES.usage,
    message: `${base} is not a Crossbar API: ${error.request.method} ${url} answered ${error.status} ${answer}${error.requestId ? ` (request id ${error.requestId})` : ''}`,
    details: ['check the base URL: it is the API root, usually ending in /v2/ (e.g. https://api.audian.com:8443/v2/)'],
  };
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || (error as { code?: string }).code === 'ABORT_ERR');
}
