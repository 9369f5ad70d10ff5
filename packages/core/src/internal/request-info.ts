import type { RequestInfo } from '../errors/request-info';
import { REDACTED, redactUrl, type SecretRegistry } from '../redact';

/**
 * Headers whose values errors may show: they describe the request and never carry a credential.
 * Every other header (the token, but also a proxy's key or any custom header a caller added) keeps
 * its name and loses its value, so no error can hold a header that carries a secret.
 */
const SHOWN_HEADERS = new Set(['accept', 'content-type', 'content-length', 'user-agent', 'x-request-id']);

/** The request as an error tells it. */
export interface RequestSummary {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly requestId: string | undefined;
  /** Secrets to scrub from the URL. */
  readonly secrets: SecretRegistry;
}

/** A {@link RequestInfo} safe to keep in an error: URL redacted and scrubbed, headers reduced to safe values. */
export function requestInfo(request: RequestSummary): RequestInfo {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    const key = name.toLowerCase();
    headers[key] = SHOWN_HEADERS.has(key) ? value : REDACTED;
  }
  return {
    method: request.method,
    url: request.secrets.scrub(redactUrl(request.url)),
    headers,
    ...(request.requestId ? { requestId: request.requestId } : {}),
  };
}
