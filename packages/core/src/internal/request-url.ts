import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { queryValue } from '../filters';
import { expandPath } from '../path';
import type { RequestParams } from '../request-params';
import { isWellFormed } from './well-formed';

/** What {@link buildUrl} needs: the API root, the request's path and query, and the account. */
export interface UrlParts extends Pick<RequestParams, 'path' | 'pathParams' | 'query'> {
  /** The normalised API root, ending in `/`. */
  readonly baseUrl: string;
  /** The account for `{account_id}` when `pathParams` has none. */
  readonly accountId: string | undefined;
}

/**
 * The API root as an absolute URL ending in `/`; a bare host gets `/v2/` appended.
 *
 * @throws InvalidArgumentError for anything but a plain http(s) URL without credentials, query or fragment
 */
export function normalizeBaseUrl(input: string | URL): string {
  let url: URL;
  try {
    url = new URL(String(input));
  } catch {
    throw new InvalidArgumentError(
      'baseUrl',
      `baseUrl must be an absolute http(s) URL such as https://api.audian.com:8443/v2/, got ${JSON.stringify(String(input))}`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArgumentError('baseUrl', `baseUrl must use http or https, got ${url.protocol}`);
  }
  if (url.search || url.hash) throw new InvalidArgumentError('baseUrl', 'baseUrl must not have a query string or fragment');
  if (url.username || url.password) throw new InvalidArgumentError('baseUrl', 'baseUrl must not carry credentials; use an auth strategy');
  let pathname = url.pathname;
  if (pathname === '/' || pathname === '') pathname = '/v2/';
  if (!pathname.endsWith('/')) pathname += '/';
  return `${url.origin}${pathname}`;
}

/**
 * The absolute URL of a request: placeholders filled (each value one encoded segment) and the
 * query encoded, arrays as JSON.
 *
 * @throws InvalidArgumentError for a path that needs an account id nobody gave, a bad path value,
 * or query text that is not valid Unicode
 */
export function buildUrl(parts: UrlParts): string {
  const given = parts.pathParams;
  if (parts.accountId === undefined && given?.account_id === undefined && /\{account_id\}/i.test(parts.path ?? '')) {
    throw new InvalidArgumentError('accountId', `path ${parts.path} needs an account id: authenticate first, or pass accountId`);
  }
  let url = parts.baseUrl + expandPath(parts.path, given, parts.accountId === undefined ? undefined : { account_id: parts.accountId });
  if (parts.query !== undefined) {
    if (typeof parts.query !== 'object' || parts.query === null) throw new InvalidArgumentError('query', 'query must be an object');
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(parts.query)) {
      const encoded = queryValue(v);
      if (encoded === undefined) continue;
      if (!isWellFormed(encoded) || !isWellFormed(k)) {
        throw new InvalidArgumentError(
          `query.${k}`,
          `query parameter ${JSON.stringify(k)} is not valid Unicode text (it holds a lone surrogate)`,
        );
      }
      search.append(k, encoded);
    }
    const qs = search.toString();
    if (qs) url += `?${qs}`;
  }
  return url;
}

/** The rate-limit bucket a URL draws from: Crossbar keeps one per (client IP, account in the URL). */
export function bucketKeyOf(url: string, baseUrl: string): string {
  const match = /^accounts\/([^/?]+)/.exec(url.slice(baseUrl.length));
  return match?.[1] ?? '';
}
