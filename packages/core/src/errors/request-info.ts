/**
 * What an error tells about the request that failed. The URL has secret query parameters
 * removed and the headers have credentials replaced by `[REDACTED]`, so an error can be logged
 * or serialised as it is.
 */
export interface RequestInfo {
  /** HTTP method, upper case. */
  readonly method: string;
  /** Full URL with `auth_token`-like query parameters redacted. */
  readonly url: string;
  /** Request header names; only descriptive ones (`accept`, `content-type`, `user-agent`, `x-request-id`…) keep their values, every other reads `[REDACTED]`. */
  readonly headers: Readonly<Record<string, string>>;
  /** `X-Request-ID` sent with the request, when one was sent. */
  readonly requestId?: string;
}
