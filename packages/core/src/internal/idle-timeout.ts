/** The errors a guarded body fails with. */
export interface StreamErrors {
  /** Made when the server sent nothing for the idle time. */
  readonly timeout: () => unknown;
  /** Made from the fetch's own error when the connection broke mid-body. */
  readonly broken: (cause: unknown) => unknown;
}

/**
 * The same response with a body that fails when the server sends nothing for `idle` ms.
 *
 * Downloads (recordings, faxes, CSV exports) may rightly take longer than any fixed deadline, so
 * they get a gap limit instead of a total one. The clock runs only while the caller waits for a
 * chunk (the stream pulls on demand): a slow reader is never mistaken for a stalled server.
 * On expiry the source is cancelled, which releases the connection whatever `fetch` made it.
 */
export function withIdleTimeout(response: Response, idle: number, errors: StreamErrors): Response {
  const source = response.body;
  if (!source) return response;
  const reader = source.getReader();
  const guarded = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const expired = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), idle);
        });
        try {
          const next = await Promise.race([reader.read(), expired]);
          if (next === 'timeout') {
            void reader.cancel().catch(() => undefined);
            controller.error(errors.timeout());
          } else if (next.done) controller.close();
          else controller.enqueue(next.value);
        } catch (cause) {
          controller.error(errors.broken(cause));
        } finally {
          clearTimeout(timer);
        }
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(guarded, { status: response.status, statusText: response.statusText, headers: response.headers });
}
