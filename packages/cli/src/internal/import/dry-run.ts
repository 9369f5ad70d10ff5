import { createTokenAuth } from '@audian/auth';
import { type Audian, createAudian } from '@audian/resources';

/**
 * A client whose requests never leave the process: its `fetch` answers every request with the
 * document it was given. A resource's `create()` validates the body client-side before sending,
 * so calling it through this client runs exactly that validation, and sends nothing; `onRequest`
 * sees each request it would have sent (`--dry-run` prints them).
 */
/** A request the dry-run client would have sent. */
export interface DryRunRequest {
  readonly method: string;
  readonly url: string;
  /** The JSON body, when there is one. */
  readonly body?: unknown;
}

/** Options of {@link createDryRunClient}: where the requests would go, and who hears of them. */
export interface DryRunOptions {
  readonly baseUrl?: string;
  readonly accountId?: string;
  /** Called with each request instead of sending it. */
  readonly onRequest?: (request: DryRunRequest) => void;
}

export function createDryRunClient(options: DryRunOptions = {}): Audian {
  const fetchNothing = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const text = await request.text();
    let data: unknown = {};
    let envelope: unknown;
    try {
      envelope = JSON.parse(text);
      data = (envelope as { data?: unknown }).data ?? {};
    } catch {
      data = {};
    }
    // The token's own check (GET token_auth) is the dry run's business, not the command's.
    if (!/\/(token|api|user)_auth$/.test(new URL(request.url).pathname)) {
      options.onRequest?.({ method: request.method, url: request.url, ...(envelope !== undefined ? { body: envelope } : {}) });
    }
    const body = { data: { ...(data as object), id: 'dry-run' }, status: 'success', request_id: 'dry-run' };
    return new Response(JSON.stringify(body), { status: 201, headers: { 'content-type': 'application/json' } });
  };
  return createAudian({
    baseUrl: options.baseUrl ?? 'http://dry-run.invalid/v2/',
    accountId: options.accountId ?? 'dry-run',
    // A token needs no login: nothing is ever sent to check it.
    auth: createTokenAuth('dry-run'),
    fetch: fetchNothing as typeof fetch,
    rateLimit: false,
    retry: false,
    requestIds: false,
  });
}
