/** What redacted values are replaced with. */
export const REDACTED = '[REDACTED]';

/**
 * Object keys whose values are credentials wherever they appear (request bodies echoed in
 * validation errors, log metadata): passwords, PINs, API keys, hashes, tokens.
 */
const SECRET_KEY =
  /^(?:password|passwd|pwd|pin|secret|client_secret|api_?key|credentials|auth_?token|token|x-auth-token|authorization|proxy-authorization|cookie|set-cookie|multi_factor_response)$|password|secret/i;

/** Query parameters that carry credentials. */
const SECRET_PARAMS = ['auth_token', 'api_key', 'token', 'credentials', 'password'];

/**
 * Tells whether an object key (or header name) holds a credential.
 *
 * @example
 * ```ts
 * import { isSecretKey } from '@audian/core';
 *
 * isSecretKey('X-Auth-Token'); // true
 * isSecretKey('first_name');   // false
 * ```
 */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/**
 * Remembers secret strings (a token, an API key, a credentials hash) and scrubs them from any
 * text or value: the last line of defence for error messages and log lines.
 *
 * @example
 * ```ts
 * import { SecretRegistry } from '@audian/core';
 *
 * const secrets = new SecretRegistry();
 * secrets.add('my-api-key-0123');
 * secrets.scrub('bad key my-api-key-0123'); // 'bad key [REDACTED]'
 * ```
 */
export class SecretRegistry {
  readonly #secrets = new Set<string>();

  /** Registers a secret; values shorter than 6 characters are ignored (too likely to match innocent text). */
  add(secret: string | undefined | null): void {
    if (typeof secret === 'string' && secret.length >= 6) this.#secrets.add(secret);
  }

  /** Forgets a secret (after logout). */
  delete(secret: string | undefined | null): void {
    if (typeof secret === 'string') this.#secrets.delete(secret);
  }

  /** Number of secrets registered. */
  get size(): number {
    return this.#secrets.size;
  }

  /** Replaces every registered secret inside `text` with `[REDACTED]`. */
  scrub(text: string): string {
    let out = text;
    for (const secret of this.#secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  }

  /**
   * Deep copy of `value` with credential-named keys and registered secrets redacted.
   * Leaves non-plain objects (Dates, buffers) as they are.
   */
  redact<T>(value: T): T {
    return redactValue(value, this, 0) as T;
  }

  // Secrets must not leak through util.inspect or JSON.stringify of whatever holds the registry.
  toJSON(): string {
    return `SecretRegistry(${this.#secrets.size})`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toJSON();
  }
}

function redactValue(value: unknown, secrets: SecretRegistry | undefined, depth: number, underSecret = false): unknown {
  if (typeof value === 'string') return secrets ? secrets.scrub(value) : value;
  if (depth > 32 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets, depth + 1, underSecret));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    // Keys are scrubbed too: per-number error maps are keyed by what the request sent.
    const key = secrets ? secrets.scrub(k) : k;
    if (underSecret || isSecretKey(k)) out[key] = redactUnderSecret(k, v, secrets, depth, underSecret);
    else out[key] = redactValue(v, secrets, depth + 1);
  }
  return out;
}

/**
 * A value under a credential-named key. A plain value goes; an object is kept as structure with
 * only its `message` texts, so a validation map such as
 * `{ password: { required: { message } } }` still says what is wrong with the password while its
 * `value` and `cause` (which may be the password itself) go.
 */
function redactUnderSecret(key: string, value: unknown, secrets: SecretRegistry | undefined, depth: number, underSecret: boolean): unknown {
  if (value === null || value === undefined || value === '') return value;
  if (typeof value === 'object') return redactValue(value, secrets, depth + 1, true);
  if (underSecret && key === 'message' && typeof value === 'string') return secrets ? secrets.scrub(value) : value;
  return REDACTED;
}

/**
 * Deep copy of `value` with the value of every credential-named key (`password`, `pin`,
 * `api_key`, `credentials`, `auth_token`, …) replaced by `[REDACTED]`. An object under such a key
 * keeps its shape and its `message` texts only (a validation map still says what is wrong).
 *
 * @example
 * ```ts
 * import { redactSecrets } from '@audian/core';
 *
 * redactSecrets({ username: 'ann', password: 'hunter2' }); // { username: 'ann', password: '[REDACTED]' }
 * ```
 */
export function redactSecrets<T>(value: T): T {
  return redactValue(value, undefined, 0) as T;
}

/**
 * Headers as a plain object with credential headers (`X-Auth-Token`, `Authorization`, cookies)
 * replaced by `[REDACTED]`.
 *
 * @example
 * ```ts
 * import { redactHeaders } from '@audian/core';
 *
 * redactHeaders({ 'x-auth-token': 'eyJ…' }); // { 'x-auth-token': '[REDACTED]' }
 * ```
 */
export function redactHeaders(headers: Headers | Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [k, v] of entries) out[k.toLowerCase()] = isSecretKey(k) ? REDACTED : v;
  return out;
}

/**
 * A URL with credential query parameters (`auth_token`, `api_key`, …) replaced by `[REDACTED]`
 * and any user:password part removed.
 *
 * @example
 * ```ts
 * import { redactUrl } from '@audian/core';
 *
 * redactUrl('https://h/v2/accounts?auth_token=abc'); // 'https://h/v2/accounts?auth_token=%5BREDACTED%5D'
 * ```
 */
export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return String(url);
  }
  if (parsed.username || parsed.password) {
    parsed.username = '';
    parsed.password = '';
  }
  for (const name of SECRET_PARAMS) if (parsed.searchParams.has(name)) parsed.searchParams.set(name, REDACTED);
  return parsed.toString();
}
