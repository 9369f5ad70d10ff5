import { parseEnvelope, type ResponseMeta } from '../envelope';
import { type ApiError, statusText } from '../errors/api-error';
import type { RequestInfo } from '../errors/request-info';
import { createApiError } from '../errors/status-errors';
import type { SecretRegistry } from '../redact';
import { parseRetryAfter } from '../retry';
import { excerpt, stripTags } from './text-excerpt';

/** A non-2xx answer and what is known about the request that drew it. */
export interface FailedExchange {
  readonly response: Response;
  /** The body, when it was already read. */
  readonly text: string | undefined;
  /** The request, already redacted. */
  readonly request: RequestInfo;
  /** The `X-Request-ID` that was sent. */
  readonly requestId: string | undefined;
  /** Secrets to scrub from whatever the server echoed. */
  readonly secrets: SecretRegistry;
}

/**
 * The {@link ApiError} subclass for a non-2xx answer, read from Crossbar's error envelope (or, for
 * a body that is not one — a proxy's HTML page — a short tag-stripped excerpt). Everything the
 * server sent back is scrubbed: it may echo the token or the key it was given.
 */
export async function apiErrorFromResponse(exchange: FailedExchange): Promise<ApiError> {
  const { response, secrets } = exchange;
  const raw = exchange.text ?? (await response.text().catch(() => ''));
  let envelope: Record<string, unknown> | undefined;
  try {
    const body = raw ? JSON.parse(raw) : undefined;
    if (body && typeof body === 'object' && !Array.isArray(body)) envelope = body as Record<string, unknown>;
  } catch {
    envelope = undefined;
  }
  let meta: ResponseMeta | undefined;
  // Unknown envelope keys and the Location header land in meta: a server may echo a secret there.
  if (envelope) meta = secrets.redact(parseEnvelope(envelope, response.status, response.headers).meta);
  return createApiError({
    status: response.status,
    code: typeof envelope?.error === 'string' ? envelope.error : undefined,
    apiMessage:
      typeof envelope?.message === 'string' ? secrets.scrub(envelope.message) : envelope ? undefined : statusText(response.status),
    data: envelope ? secrets.redact(envelope.data) : undefined,
    requestId: meta?.requestId ?? response.headers.get('x-request-id') ?? exchange.requestId,
    request: exchange.request,
    meta,
    bodyExcerpt: envelope ? undefined : secrets.scrub(excerpt(stripTags(raw), 200)) || undefined,
    retryAfter: parseRetryAfter(response.headers.get('retry-after')),
  });
}
