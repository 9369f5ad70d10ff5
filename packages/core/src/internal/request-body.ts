import { InvalidArgumentError } from '../errors/invalid-argument-error';
import type { RequestParams } from '../request-params';
import type { HttpMethod } from '../retry';

/**
 * Keys Crossbar reads as request parameters even from inside `data` (its parameter lookup checks
 * the document first), so a document carrying one would silently change the request.
 */
const RESERVED_DATA_KEYS = ['verb', 'auth_token', 'accept_charges', 'page_size', 'start_key', 'paginate', 'pretty_print'];

/** A request body ready for `fetch`, and the content type that goes with it. */
export interface EncodedBody {
  readonly body: BodyInit | undefined;
  readonly contentType: string | undefined;
}

/**
 * Encodes what a request sends: a raw body as it is, or `data` and envelope keys as Crossbar's
 * `{"data": …}` envelope. Writes always carry an envelope (`{"data":{}}` when nothing was given).
 *
 * @throws InvalidArgumentError for a raw body without a content type, both `data` and `body`, a
 * reserved key in `data` or the envelope, or data that cannot be serialised
 */
export function encodeBody(params: RequestParams, method: HttpMethod): EncodedBody {
  if (params.body !== undefined) {
    if (params.data !== undefined) throw new InvalidArgumentError('body', 'pass either data (JSON envelope) or body (raw), not both');
    if (!params.contentType)
      throw new InvalidArgumentError('contentType', 'a raw body needs a contentType (audio/mpeg, application/pdf, …)');
    if (!isRawBody(params.body))
      throw new InvalidArgumentError('body', 'body must be a string, Uint8Array, ArrayBuffer, Blob or ReadableStream');
    return { body: params.body as BodyInit, contentType: params.contentType };
  }
  const envelope = envelopeKeys(params);
  if (params.data === undefined && Object.keys(envelope).length === 0) {
    if (method === 'PUT' || method === 'POST' || method === 'PATCH') return { body: '{"data":{}}', contentType: 'application/json' };
    return { body: undefined, contentType: undefined };
  }
  const data = params.data === undefined ? {} : params.data;
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    for (const key of RESERVED_DATA_KEYS) {
      if (Object.hasOwn(data, key)) {
        throw new InvalidArgumentError(
          `data.${key}`,
          `data.${key}: "${key}" is a reserved Crossbar parameter name; Crossbar would read it as a request parameter, not a field`,
          [{ path: key, code: 'reserved', message: `"${key}" is a reserved Crossbar parameter name` }],
        );
      }
    }
  }
  let json: string;
  try {
    json = JSON.stringify({ data, ...envelope });
  } catch (cause) {
    throw new InvalidArgumentError('data', `data cannot be serialised as JSON: ${(cause as Error).message}`);
  }
  return { body: json, contentType: 'application/json' };
}

/** Whether a body can be sent only once (a stream), so its request is never repeated. */
export function isStream(body: unknown): boolean {
  return typeof ReadableStream !== 'undefined' && body instanceof ReadableStream;
}

function envelopeKeys(params: RequestParams): Record<string, unknown> {
  const envelope: Record<string, unknown> = {};
  if (params.envelope !== undefined) {
    if (typeof params.envelope !== 'object' || params.envelope === null || Array.isArray(params.envelope)) {
      throw new InvalidArgumentError('envelope', 'envelope must be an object of keys sent beside data');
    }
    for (const [k, v] of Object.entries(params.envelope)) {
      if (k === 'data' || k === 'auth_token')
        throw new InvalidArgumentError(
          `envelope.${k}`,
          `envelope.${k} is not allowed: pass data as data, and authenticate with an auth strategy`,
        );
      envelope[k] = v;
    }
  }
  if (params.acceptCharges !== undefined) {
    if (typeof params.acceptCharges !== 'boolean') throw new InvalidArgumentError('acceptCharges', 'acceptCharges must be a boolean');
    if (params.acceptCharges) envelope.accept_charges = true;
  }
  return envelope;
}

function isRawBody(body: unknown): boolean {
  return (
    typeof body === 'string' ||
    body instanceof Uint8Array ||
    body instanceof ArrayBuffer ||
    (typeof Blob !== 'undefined' && body instanceof Blob) ||
    (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream)
  );
}
