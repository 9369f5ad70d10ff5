import { abortReason } from './abort';

/** A whole body read as text, or the deadline passing first. */
export type BodyRead = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'timeout' };

/** Options of {@link readText}. */
export interface ReadTextOptions {
  /** Milliseconds left of the attempt's deadline. */
  readonly timeLeft: number;
  /** The caller's signal: aborting it stops the read with its reason. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Reads a whole body as UTF-8 text, giving up when the deadline passes.
 *
 * The body is read through a reader of our own because that reader is the only handle that can
 * still cancel the stream once reading began: `response.body.cancel()` fails on a locked stream
 * (which is what `response.text()` leaves), and a user's `fetch` may never pass the abort signal
 * on. Cancelling the reader releases the connection for every fetch that streams its body.
 *
 * @throws the stream's own error when the connection breaks, or the signal's reason on abort
 */
export async function readText(response: Response, options: ReadTextOptions): Promise<BodyRead> {
  const { signal } = options;
  if (signal?.aborted) throw abortReason(signal);
  const body = response.body;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<'timeout' | 'aborted'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), Math.max(1, options.timeLeft));
    if (signal) {
      onAbort = () => resolve('aborted');
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  try {
    if (!body || typeof body.getReader !== 'function') {
      // A Response without a web stream (an unusual polyfill): race its text() instead.
      const text = response.text();
      text.catch(() => undefined);
      const first = await Promise.race([text, stop]);
      if (first === 'aborted') throw abortReason(signal as AbortSignal);
      return first === 'timeout' ? { kind: 'timeout' } : { kind: 'text', text: first };
    }
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    for (;;) {
      const next = await Promise.race([reader.read(), stop]);
      if (next === 'timeout' || next === 'aborted') {
        void reader.cancel().catch(() => undefined);
        if (next === 'aborted') throw abortReason(signal as AbortSignal);
        return { kind: 'timeout' };
      }
      if (next.done) return { kind: 'text', text: text + decoder.decode() };
      text += decoder.decode(next.value, { stream: true });
    }
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}
