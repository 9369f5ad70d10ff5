import type { KyInstance } from 'ky';
// '#node-fetch' is the Node client on Node and a stub elsewhere (package.json "imports").
import { BUFFERED, type PlainInit } from '#node-fetch';
import type { HttpMethod } from '../retry';
import { abortReason } from './abort';
import { describeNetworkError } from './network-error';
import { readText } from './read-body';

/** `json`: the whole body is read as text; `raw`: a 2xx body is left unread for the caller. */
export type BodyMode = 'json' | 'raw';

/** One attempt of a request. */
export interface AttemptRequest {
  readonly url: string;
  readonly method: HttpMethod;
  readonly headers: Record<string, string>;
  readonly body: BodyInit | undefined;
  readonly signal: AbortSignal | undefined;
  /** Per-attempt deadline in ms, or `false`. */
  readonly timeout: number | false;
  readonly mode: BodyMode;
  /** Hand method, headers and string body to the Node fetch as plain values (no hook can swap the Request). */
  readonly plain: boolean;
  /** Nobody but the transport reads a JSON body (no `afterResponse` hooks): it may arrive as text. */
  readonly textOnly: boolean;
}

/** How one attempt ended. */
export type AttemptResult =
  | { readonly kind: 'response'; readonly response: Response; readonly text: string | undefined }
  | { readonly kind: 'timeout'; readonly cause: unknown }
  | {
      readonly kind: 'network';
      readonly sent: boolean;
      readonly errno: string | undefined;
      readonly detail: string;
      readonly cause: unknown;
    };

/**
 * One attempt: fetch plus (for JSON, and for any error answer) reading the whole body, under one
 * per-attempt deadline. ky's own timeout covers the wait for the response; a buffered body (the
 * Node fetch reads JSON in full before answering) is then already complete, otherwise the body
 * read gets the rest of the time and its reader is cancelled when it runs out — that works for
 * any fetch, including one that ignores abort signals. No per-request AbortSignal is made unless
 * the caller passed one: signals are the costliest part of a small request.
 *
 * @throws the caller's abort reason when its signal fires
 */
export async function sendAttempt(ky: KyInstance, attempt: AttemptRequest): Promise<AttemptResult> {
  const { url, method, headers, body, signal, timeout, mode } = attempt;
  const started = timeout === false ? 0 : performance.now();
  let response: Response;
  try {
    let options: Record<string, unknown>;
    // A raw (non-string) body cannot travel in the plain side channel: the fetch reads it instead.
    const plainBody = body === undefined || typeof body === 'string';
    if (attempt.plain && attempt.textOnly && plainBody) {
      // No hook can see the Request: it gets only the method, and the fetch owns the deadline and
      // the signal. Headers, signals and timers ky would copy into Requests nobody reads are the
      // costliest part of a small request.
      const plain: PlainInit = { method, url, headers, body, textOnly: mode === 'json', owned: { timeout, signal } };
      options = { method, timeout: false, audianPlain: plain };
    } else {
      options = { method, headers, body: body ?? null, timeout };
      if (signal) options.signal = signal;
      if (attempt.plain && plainBody) {
        const plain: PlainInit = { method, url, headers, body, textOnly: mode === 'json' && attempt.textOnly };
        options.audianPlain = plain;
      }
    }
    const pending = ky(url, options);
    // ky's timeout covers its fetch but not the afterResponse hooks it runs next, and a hook may
    // read a body that stalls; only then is the whole call raced against the deadline.
    response = await (attempt.textOnly || timeout === false ? pending : withinDeadline(pending, timeout));
  } catch (error) {
    if (signal?.aborted) throw abortReason(signal);
    if ((error as Error)?.name === 'TimeoutError') return { kind: 'timeout', cause: error };
    return { kind: 'network', ...describeNetworkError(error), cause: error };
  }
  // Error bodies are read now in both modes; a successful raw body is left for the caller.
  if (mode === 'raw' && response.ok) return { kind: 'response', response, text: undefined };
  const marked = response as unknown as Record<symbol, unknown>;
  const buffered = marked[BUFFERED];
  if (typeof buffered === 'string') {
    // Taken off the Response, as reading a body consumes it. Promises made before the wait for
    // the answer (ky's, the caller's) have often been moved to the old generation by the time
    // they settle, and until the next full collection they keep what they settled with alive
    // through every minor one: a Response still holding its text would carry a page's JSON into
    // the old generation on every page of a long listing (and grow the young one).
    marked[BUFFERED] = true;
    return { kind: 'response', response, text: buffered };
  }
  try {
    if (buffered || timeout === false) return { kind: 'response', response, text: await response.text() };
    const read = await readText(response, { timeLeft: timeout - (performance.now() - started), signal });
    return read.kind === 'timeout' ? { kind: 'timeout', cause: undefined } : { kind: 'response', response, text: read.text };
  } catch (error) {
    if (signal?.aborted) throw abortReason(signal);
    return { kind: 'network', ...describeNetworkError(error), sent: true, cause: error };
  }
}

/** Rejects with a `TimeoutError`-named error when `promise` is not settled within `ms`. */
function withinDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DOMException(`no response within ${ms} ms`, 'TimeoutError')), ms);
  });
  promise.catch(() => undefined);
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
