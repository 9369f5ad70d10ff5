import { InvalidArgumentError } from '../errors/invalid-argument-error';
import type { AcceptType } from '../request-params';
import { HTTP_METHODS, type HttpMethod } from '../retry';

/**
 * The method, upper-cased.
 *
 * @throws InvalidArgumentError for anything but GET, PUT, POST, PATCH, DELETE or HEAD
 */
export function checkMethod(method: unknown): HttpMethod {
  const upper = typeof method === 'string' ? method.toUpperCase() : method;
  if (typeof upper !== 'string' || !HTTP_METHODS.has(upper)) {
    throw new InvalidArgumentError('method', `method must be one of GET, PUT, POST, PATCH, DELETE, HEAD; got ${JSON.stringify(method)}`);
  }
  return upper as HttpMethod;
}

/**
 * A timeout in ms, or `false` for none.
 *
 * @throws InvalidArgumentError (naming `argument`) for anything but a positive number of ms that fits a timer
 */
export function checkTimeout(timeout: number | false, argument: string): number | false {
  if (timeout === false) return false;
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0 || timeout > 2_147_483_647) {
    throw new InvalidArgumentError(argument, `${argument} must be a positive number of milliseconds or false, got ${String(timeout)}`);
  }
  return timeout;
}

/** The `Accept` header for an {@link AcceptType}. */
export function acceptHeader(accept: AcceptType | undefined): string {
  switch (accept) {
    case undefined:
    case 'json':
      return 'application/json';
    case 'csv':
      return 'text/csv';
    case 'binary':
      return 'application/octet-stream, */*;q=0.8';
    default:
      return accept;
  }
}

/** One signal for two optional ones. */
export function combineSignals(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  if (a && b) return AbortSignal.any([a, b]);
  return a ?? b;
}
