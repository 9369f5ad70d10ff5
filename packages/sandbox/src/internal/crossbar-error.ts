/** A field-error map as Crossbar sends it: `{ "<dot.path>": { "<code>": { message, … } } }`. */
export type FieldErrors = Record<string, Record<string, Record<string, unknown>>>;

/**
 * An error answer in Crossbar's shape: the HTTP status, the envelope `message` (a short code
 * such as `bad_identifier`) and the envelope `data`. Handlers throw it; the HTTP layer renders it.
 */
export class CrossbarError extends Error {
  readonly status: number;
  readonly data: unknown;
  readonly headers: Record<string, string> | undefined;

  constructor(status: number, message: string, data: unknown, headers?: Record<string, string>) {
    super(message);
    this.name = 'CrossbarError';
    this.status = status;
    this.data = data;
    this.headers = headers;
  }
}

/** Longest identifier an error repeats back; longer ones are cut (an error is no echo chamber). */
const MAX_ECHOED_ID = 128;
/** Longest string any error carries in its `data`. */
const MAX_ECHOED_STRING = 1_024;

/** An identifier as an error repeats it: at most {@link MAX_ECHOED_ID} characters, `…` marking a cut. */
export function echoId(id: string): string {
  return id.length > MAX_ECHOED_ID ? `${id.slice(0, MAX_ECHOED_ID)}…` : id;
}

/** Error data with every string (values and keys) cut to a bounded length, at any depth. */
export function capEchoes(data: unknown): unknown {
  if (typeof data === 'string') return data.length > MAX_ECHOED_STRING ? `${data.slice(0, MAX_ECHOED_STRING)}…` : data;
  if (Array.isArray(data)) return data.map(capEchoes);
  if (typeof data === 'object' && data !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data)) out[capEchoes(key) as string] = capEchoes(value);
    return out;
  }
  return data;
}

/** 404 for a document that does not exist (or was deleted). */
export function badIdentifier(id: string): CrossbarError {
  return new CrossbarError(404, 'bad_identifier', { cause: echoId(id), message: 'bad identifier' });
}

/** 404 from `response_bad_identifier`: data is the list of the unknown ids. */
export function badIdentifierList(id: string): CrossbarError {
  return new CrossbarError(404, 'bad identifier', [echoId(id)]);
}

/**
 * 400 for a path segment no document can have: blank (only whitespace) or holding NUL. CouchDB
 * refuses such ids, so Crossbar never finds or stores one; the sandbox says so up front instead of
 * answering as if the document were merely missing.
 */
export function invalidIdentifier(id: string): CrossbarError {
  return new CrossbarError(400, 'invalid identifier', { cause: echoId(id.replaceAll('\0', '\\0')), message: 'invalid identifier' });
}

/** 404 for an unknown URL. */
export function notFound(): CrossbarError {
  return new CrossbarError(404, 'not_found', { message: 'not found' });
}

/** 405 for a verb the endpoint lacks. */
export function invalidMethod(allowed: readonly string[]): CrossbarError {
  return new CrossbarError(405, 'invalid_method', { message: 'method not allowed' }, { allow: allowed.join(', ') });
}

/** 401 when no credentials were sent. */
export function missingCredentials(): CrossbarError {
  return new CrossbarError(401, 'invalid_credentials', { message: 'invalid credentials' });
}

/** 401 for a token that is malformed, forged, revoked or expired (`crossbar_util:response_401`). */
export function invalidToken(): CrossbarError {
  return new CrossbarError(401, 'invalid credentials', {});
}

/** 403 for an account the token may not reach. */
export function forbidden(): CrossbarError {
  return new CrossbarError(403, 'forbidden', { message: 'forbidden' });
}

/** 400 field-map validation error. */
export function validationError(fields: FieldErrors, status = 400, message = 'validation error'): CrossbarError {
  return new CrossbarError(status, message, fields);
}

/**
 * Adds later errors to a field-error map the way Crossbar does: `cb_context:add_validation_error/4`
 * and `cb_context:failed_error/2` fold each error, `{"<dotted.path>": {<code>: …}}`, into the ones
 * so far with `kz_json:merge_jobjs/2`, which sets that one top-level key whole. A field that fails
 * again keeps only its later entry; every other field's entry stays next to it.
 */
export function mergeFieldErrors(target: FieldErrors, source: FieldErrors): FieldErrors {
  for (const [path, codes] of Object.entries(source)) target[path] = { ...codes };
  return target;
}

/** 404 `faulty_request` (Crossbar's answer to an invalid `page_size`). */
export function faultyRequest(message: string): CrossbarError {
  return new CrossbarError(404, 'faulty_request', { message });
}
