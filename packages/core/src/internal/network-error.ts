/** Error codes meaning the request never left this machine: safe to repeat for any method. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'ENETUNREACH', 'EHOSTUNREACH']);

/** What a failed fetch says about itself: a low-level code, and whether the request may have been sent. */
export interface NetworkFailure {
  readonly errno: string | undefined;
  readonly sent: boolean;
  readonly detail: string;
}

/**
 * Reads the error a `fetch` threw. Node's fetch wraps the socket error as `cause` (sometimes
 * twice); browsers give a bare TypeError, which counts as possibly sent.
 */
export function describeNetworkError(error: unknown): NetworkFailure {
  let errno: string | undefined;
  let detail = error instanceof Error ? error.message : String(error);
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && !errno) errno = code;
    const message = (current as { message?: unknown }).message;
    if (depth > 0 && typeof message === 'string' && message) detail = message;
    current = (current as { cause?: unknown }).cause;
  }
  if (errno && AggregateErrorCodes(error).some((c) => NOT_SENT.has(c))) return { errno, sent: false, detail };
  return { errno, sent: !(errno && NOT_SENT.has(errno)), detail };
}

/** Node reports a refused dual-stack connect as an AggregateError of per-address errors. */
function AggregateErrorCodes(error: unknown): string[] {
  const codes: string[] = [];
  const visit = (e: unknown, depth: number) => {
    if (!e || typeof e !== 'object' || depth > 5) return;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors)) for (const inner of errors) visit(inner, depth + 1);
    visit((e as { cause?: unknown }).cause, depth + 1);
  };
  visit(error, 0);
  return codes;
}
