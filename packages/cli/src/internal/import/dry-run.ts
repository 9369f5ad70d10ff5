import { createTokenAuth } from '@audian/auth';
import { type Audian, createAudian } from '@audian/resources';

/**
 * A client whose requests never leave the process: its `fetch` answers every create with the
 * document it was given. A resource's `create()` validates the body client-side before sending,
 * so calling it through this client runs exactly that validation, and sends nothing.
 */
export function createDryRunClient(): Audian {
  const fetchNothing = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const text = await request.text();
    let data: unknown = {};
    try {
      data = (JSON.parse(text) as { data?: unknown }).data ?? {};
    } catch {
      data = {};
    }
    const body = { data: { ...(data as object), id: 'dry-run' }, status: 'success', request_id: 'dry-run' };
    return new Response(JSON.stringify(body), { status: 201, headers: { 'content-type': 'application/json' } });
  };
  return createAudian({
    baseUrl: 'http://dry-run.invalid/v2/',
    accountId: 'dry-run',
    // A token needs no login: nothing is ever sent to check it.
    auth: createTokenAuth('dry-run'),
    fetch: fetchNothing as typeof fetch,
    rateLimit: false,
    retry: false,
    requestIds: false,
  });
}
