import { NotFoundError, type RequestInfo, ResponseValidationError } from '@audian/core';
import { AuthenticationError } from '../authentication-error';

/**
 * The refusals every login endpoint shares: a login URL that is not a Crossbar API. Crossbar
 * routes `/v{N}/…` to its REST handler and everything else to a plain-text banner
 * (`crossbar_init:paths_list/0`, `crossbar_default_handler`), and a path under `/v2/` that no
 * module claims answers 404 `not_found` (`api_resource:maybe_allow_method/4`). So a 404 other
 * than the endpoint's own refusal, or a 2xx that is not JSON, means the base URL is wrong.
 * Returns `undefined` for anything else.
 */
export function notCrossbarError(error: unknown, what: string): AuthenticationError | undefined {
  if (error instanceof NotFoundError) {
    return new AuthenticationError(error, 'not_crossbar', notCrossbar(error.request, `${what} answered 404`));
  }
  if (error instanceof ResponseValidationError && error.kind === 'json') {
    return new AuthenticationError(
      { status: error.status, request: error.request, requestId: error.requestId, apiMessage: 'not JSON' },
      'not_crossbar',
      notCrossbar(error.request, `${what} answered a body that is not JSON`),
    );
  }
  return undefined;
}

function notCrossbar(request: RequestInfo, answer: string): string {
  return `no Crossbar API at ${baseOf(request.url)} (${answer}): check baseUrl, which normally ends in /v2/`;
}

/** The base URL a one-segment login path was sent under (the request URL is already redacted). */
function baseOf(url: string): string {
  try {
    return new URL('.', url).href;
  } catch {
    return url;
  }
}
