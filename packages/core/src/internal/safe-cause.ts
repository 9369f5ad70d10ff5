import { redactUrl } from '../redact';

/** Marks an error built by {@link safeCause}, so it is not rebuilt (and loses nothing) twice. */
const SAFE = Symbol.for('@audian/core.safe-cause');
/** The class chain every Audian error carries (see audian-error.ts); read here without importing it. */
const CHAIN = Symbol.for('@audian/core.error-chain');
/** Deep enough for fetch's TypeError → socket error → its cause. */
const MAX_DEPTH = 4;
const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'<>]+/g;

/**
 * Turns whatever a `fetch`, ky or a parser threw into an `Error` that holds nothing but its
 * `name`, a cleaned `message`, a string or number `code`, and the same for its own `cause`.
 *
 * Errors from below the SDK carry live objects: ky's `TimeoutError` and `HTTPError` hold the
 * `Request` (with the `X-Auth-Token` header and a login's body), undici's errors hold sockets and
 * headers, a JSON parser's message quotes the body. Copying only those three fields is what makes
 * an SDK error safe to log, inspect or serialise whatever a lower layer put into its own.
 * Audian errors are safe by construction and kept as they are.
 *
 * @param scrub - removes known secrets from text (the transport's secret registry)
 */
export function safeCause(cause: unknown, scrub: (text: string) => string = (text) => text, depth = 0): unknown {
  if (cause === undefined || cause === null) return undefined;
  if (typeof cause === 'object' && (SAFE in cause || CHAIN in cause)) return cause;
  const source = cause instanceof Error ? cause : undefined;
  const name = source && typeof source.name === 'string' && source.name ? source.name : 'Error';
  const raw = source ? String(source.message) : typeof cause === 'string' ? cause : `a thrown ${typeof cause}`;
  const message = scrub(raw.replace(URL_IN_TEXT, (url) => redactUrl(url)));
  const safe = new Error(message);
  Object.defineProperty(safe, 'name', { value: name, enumerable: false, configurable: true, writable: true });
  // The original stack starts with the original (unscrubbed) message: only the cleaned line is kept.
  Object.defineProperty(safe, 'stack', { value: `${name}: ${message}`, enumerable: false, configurable: true, writable: true });
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') Object.defineProperty(safe, 'code', { value: code, enumerable: true });
  const inner = source?.cause;
  if (inner !== undefined && depth < MAX_DEPTH) {
    Object.defineProperty(safe, 'cause', {
      value: safeCause(inner, scrub, depth + 1),
      enumerable: false,
      configurable: true,
      writable: true,
    });
  }
  Object.defineProperty(safe, SAFE, { value: true });
  return safe;
}
