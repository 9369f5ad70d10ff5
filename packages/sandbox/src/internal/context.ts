import type { IncomingHttpHeaders } from 'node:http';
import type { JsonObject } from './json';
import type { TokenClaims } from './jwt';
import type { Verb } from './resource-def';

/** Who a request authenticated as. */
export interface AuthInfo {
  readonly token: string;
  readonly claims: TokenClaims;
  readonly accountId: string;
  readonly ownerId: string | undefined;
}

/** A parsed request, as handlers see it. */
export interface SandboxRequest {
  readonly method: Verb;
  /** The path without the query (`/v2/accounts/…`). */
  readonly path: string;
  /** Decoded path segments after `/v2`. */
  readonly segments: readonly string[];
  readonly query: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  /** The JSON envelope (`{}` for an empty or binary body). */
  readonly envelope: JsonObject;
  /** `envelope.data`, `{}` when absent. */
  readonly data: unknown;
  /** The raw body. */
  readonly body: Buffer;
  /** The request's media type, lowercased, without parameters (`application/json` when absent). */
  readonly contentType: string;
  readonly requestId: string;
  /** The client's IP address (`cb_context:client_ip/1`), IPv4-mapped addresses unwrapped. */
  readonly clientIp?: string;
  auth: AuthInfo | undefined;
}

/** What a handler answers. */
export interface Reply {
  /** @default 200 */
  readonly status?: number;
  readonly data?: unknown;
  /** Extra envelope keys: `revision`, `page_size`, `next_start_key`, … */
  readonly envelope?: JsonObject;
  readonly headers?: Record<string, string>;
  /** A non-JSON answer (media, voicemail audio). */
  readonly raw?: { readonly body: Buffer | string; readonly contentType: string };
  /** Leave `data` out of the envelope (`DELETE /v2/token_auth`). */
  readonly noData?: boolean;
  /** Stream the JSON with chunked transfer, trailing keys as strings (Crossbar's CDR listings). */
  readonly chunked?: boolean;
}

/** Reads a request parameter the way Crossbar does for paging: query string first, then the envelope. */
export function param(req: SandboxRequest, key: string): string | undefined {
  const q = req.query[key];
  if (q !== undefined) return q;
  const e = req.envelope[key];
  if (e === undefined || e === null) return undefined;
  return typeof e === 'string' ? e : JSON.stringify(e);
}

/** `true`/`"true"` (any case) in the envelope, as `accept_charges` is read. */
export function envelopeFlag(req: SandboxRequest, key: string): boolean {
  const v = req.envelope[key] ?? req.query[key];
  return v === true || (typeof v === 'string' && v.toLowerCase() === 'true');
}
