import { InvalidArgumentError } from './errors/invalid-argument-error';

/** A value that can fill one path segment: an id, a name, an E.164 number. */
export type PathValue = string | number;

/**
 * Encodes one path segment. Every character that could change the URL's structure is
 * percent-encoded (`+` → `%2B` for E.164 numbers, `?` → `%3F`, `#` → `%23`, spaces…), and values
 * that would escape their place — empty, `.`, `..`, or containing `/` or `\` — are rejected.
 *
 * @param value - the segment value
 * @param name - what the value is, for the error message (`"user id"`)
 * @throws InvalidArgumentError when the value is empty, `.`/`..`, contains a slash, or is not a string/number
 *
 * @example
 * ```ts
 * import { encodePathSegment } from '@audian/core';
 *
 * encodePathSegment('+14155551234'); // '%2B14155551234'
 * ```
 */
export function encodePathSegment(value: PathValue, name = 'path segment'): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InvalidArgumentError(name, `${name} must be a finite number, got ${value}`);
    return String(value);
  }
  if (typeof value !== 'string') {
    throw new InvalidArgumentError(name, `${name} must be a string, got ${value === null ? 'null' : typeof value}`);
  }
  if (value === '') throw new InvalidArgumentError(name, `${name} must not be empty`);
  if (value === '.' || value === '..') throw new InvalidArgumentError(name, `${name} must not be "${value}"`);
  if (value.includes('/') || value.includes('\\')) {
    throw new InvalidArgumentError(name, `${name} must not contain "/" or "\\" (got ${JSON.stringify(value)})`);
  }
  try {
    return encodeURIComponent(value);
  } catch {
    // A lone UTF-16 surrogate has no UTF-8 form.
    throw new InvalidArgumentError(name, `${name} is not valid Unicode text (got ${JSON.stringify(value)})`);
  }
}

/**
 * Tagged template that builds a path, encoding every interpolated value as one segment with
 * {@link encodePathSegment}. Literal parts are written as they are.
 *
 * @throws InvalidArgumentError when an interpolated value would escape its segment
 *
 * @example
 * ```ts
 * import { path } from '@audian/core';
 *
 * path`accounts/${accountId}/phone_numbers/${'+14155551234'}`; // 'accounts/…/phone_numbers/%2B14155551234'
 * ```
 */
export function path(strings: TemplateStringsArray, ...values: PathValue[]): string {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    out += encodePathSegment(values[i] as PathValue, `path value #${i + 1}`) + (strings[i + 1] ?? '');
  }
  return out;
}

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Fills a path template's `{name}` placeholders, each value encoded as one segment.
 * `{account_id}` (any case, so `{ACCOUNT_ID}` copied from KAZOO docs works too) takes
 * `params.account_id`. The template itself must be relative (a leading `/` and a leading `v2/`
 * are dropped) and may not contain `.`/`..` segments, a query string or a fragment. `fallback`
 * supplies values `params` lacks (the transport's account id).
 *
 * @throws InvalidArgumentError when a placeholder has no value, or the template is malformed
 *
 * @example
 * ```ts
 * import { expandPath } from '@audian/core';
 *
 * expandPath('accounts/{account_id}/users/{user_id}', { account_id: 'a1', user_id: 'u 1' });
 * // 'accounts/a1/users/u%201'
 * ```
 */
export function expandPath(
  template: string,
  params: Readonly<Record<string, PathValue | undefined>> = {},
  fallback?: Readonly<Record<string, PathValue | undefined>>,
): string {
  const parts = compiledPaths.get(template) ?? compilePath(template);
  let out = parts.literals[0] as string;
  for (let i = 0; i < parts.names.length; i++) {
    const { raw, name } = parts.names[i] as Placeholder;
    const value = params[name] ?? params[raw] ?? fallback?.[name];
    if (value === undefined) {
      throw new InvalidArgumentError(`pathParams.${name}`, `path placeholder {${raw}} has no value`);
    }
    out += encodePathSegment(value, name) + (parts.literals[i + 1] as string);
  }
  return out;
}

interface Placeholder {
  /** As written in the template. */
  readonly raw: string;
  /** The params key (`account_id` in any case becomes `account_id`). */
  readonly name: string;
}

/** A checked template split at its placeholders: `literals` has one more entry than `names`. */
interface CompiledPath {
  readonly literals: readonly string[];
  readonly names: readonly Placeholder[];
}

// Every request expands a template, and resources use a few hundred fixed ones: each is checked
// and split once. The cap only matters to callers who build templates on the fly.
const compiledPaths = new Map<string, CompiledPath>();
const MAX_COMPILED_PATHS = 2000;

function compilePath(template: string): CompiledPath {
  if (typeof template !== 'string' || template.trim() === '') {
    throw new InvalidArgumentError('path', 'path must be a non-empty string such as "accounts/{account_id}/users"');
  }
  let t = template.trim().replace(/^\/+/, '');
  if (t.startsWith('v2/')) t = t.slice(3);
  if (/[?#]/.test(t))
    throw new InvalidArgumentError(
      'path',
      `path must not contain "?" or "#"; pass query parameters in "query" (got ${JSON.stringify(template)})`,
    );
  for (const segment of t.split('/')) {
    if (segment === '.' || segment === '..')
      throw new InvalidArgumentError('path', `path must not contain "${segment}" segments (got ${JSON.stringify(template)})`);
  }
  const literals: string[] = [];
  const names: Placeholder[] = [];
  let last = 0;
  for (const match of t.matchAll(PLACEHOLDER)) {
    const raw = match[1] as string;
    literals.push(t.slice(last, match.index));
    names.push({ raw, name: raw.toLowerCase() === 'account_id' ? 'account_id' : raw });
    last = (match.index as number) + match[0].length;
  }
  literals.push(t.slice(last));
  const compiled: CompiledPath = { literals, names };
  if (compiledPaths.size >= MAX_COMPILED_PATHS) compiledPaths.clear();
  compiledPaths.set(template, compiled);
  return compiled;
}
