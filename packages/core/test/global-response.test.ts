import { startTestServer, type TestServer } from '@audian/test-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTransport } from '../src/index';

// Some servers embedded in the same process replace the global Response with their own class
// (@hono/node-server does, for speed), and that class gives a body without a content type
// `text/plain; charset=UTF-8`. The SDK's Node fetch builds its answers with the global Response,
// so the server's headers must reach it at construction, not be added afterwards.
const NativeResponse = globalThis.Response;
class DefaultingResponse extends NativeResponse {
  constructor(body?: BodyInit | null, init?: ResponseInit) {
    const headers = new Headers(init?.headers);
    if (body != null && !headers.has('content-type')) headers.set('content-type', 'text/plain; charset=UTF-8');
    super(body, { ...init, headers });
  }
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  globalThis.Response = DefaultingResponse;
});
afterAll(() => {
  globalThis.Response = NativeResponse;
  return server.close();
});
afterEach(() => server.reset());

describe('the SDK Node fetch under a replaced global Response', () => {
  it("a download keeps the server's content type and bytes", async () => {
    const pdf = Buffer.from('%PDF-1.4 fake');
    server.route('GET', '/v2/accounts/a1/faxes/outbox/f1/attachment', { body: pdf, headers: { 'content-type': 'application/pdf' } });
    const transport = createTransport({ baseUrl: server.baseUrl, accountId: 'a1', retry: false, rateLimit: false });
    const file = await transport.download({ method: 'GET', path: 'accounts/{account_id}/faxes/outbox/f1/attachment' });
    expect(file.contentType).toBe('application/pdf');
    expect(Buffer.from(await file.bytes())).toEqual(pdf);
  });
});
