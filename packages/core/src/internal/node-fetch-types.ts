/**
 * Options the transport hands its `fetch` beside the Request: the same method, headers and body
 * as plain values, so the Node fetch need not read them back out of the Request object.
 * Absent when a user hook may have replaced the Request.
 */
export interface PlainInit {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
  /**
   * The caller reads a JSON answer as text and nothing else reads the Response: a buffered body
   * may then be handed over as text (on the `BUFFERED` symbol) with a body-less Response, which
   * skips building a body stream that would only be read back at once.
   */
  readonly textOnly: boolean;
  /**
   * Set when the transport gave ky neither a timeout nor a signal (no hook can see the Request):
   * the fetch then owns the per-attempt deadline (ms, or `false`) and the caller's signal, and
   * rejects with a `TimeoutError`-named error when the deadline passes.
   */
  readonly owned?: { readonly timeout: number | false; readonly signal: AbortSignal | undefined };
}
