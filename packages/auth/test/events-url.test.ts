import { createTransport, type Logger } from '@audian/core';
import { envelope, fakeJwt, startTestServer, type TestServer } from '@audian/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiKeyAuth, createMemoryTokenStore, createTokenAuth, createUserAuth, sessionEventsUrl } from '../src/index';

const API_KEY = 'a3f1c9e2b7d4a8f0c6e1b9d3a7f2c8e4b0d6a1f9c3e7b5d2a8f4c0e6b1d9a3f7';
const ACCOUNT = '0c8ae0e1a3f54f8e9d6b2c4a7e1f3b5d';
const WS = 'wss://events.example.com:5555/';

let server: TestServer;
let lines: string[];
const logger: Logger = {
  debug: (m) => lines.push(m),
  info: (m) => lines.push(m),
  warn: (m) => lines.push(m),
  error: (m) => lines.push(m),
};

/** A login answer as `crossbar_util:populate_resp/3` builds it, with `ui_config` as given. */
function loginRoute(path: string, uiConfig: unknown): { token: string } {
  const token = fakeJwt({ account_id: ACCOUNT, exp: Math.floor(Date.now() / 1000) + 3600 });
  server.route('PUT', path, {
    status: 201,
    body: envelope(
      { account_id: ACCOUNT, owner_id: 'owner1', ...(uiConfig === undefined ? {} : { ui_config: uiConfig }) },
      { auth_token: token },
    ),
  });
  return { token };
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  lines = [];
});

const transport = (auth: ReturnType<typeof createApiKeyAuth>) =>
  createTransport({ baseUrl: server.baseUrl, auth, logger, rateLimit: false });

describe('the events URL a login answer names (crossbar_util:get_kazoo_websocket_config/1)', () => {
  it('api_auth: data.ui_config.api.kazoo_websocket.url becomes the session eventsUrl, read by sessionEventsUrl', async () => {
    const { token } = loginRoute('/v2/api_auth', {
      api: { kazoo_websocket: { url: WS }, webrtc_websocket: { url: 'wss://webrtc.example.com/' } },
    });
    const session = await transport(createApiKeyAuth({ apiKey: API_KEY })).session();
    expect(session).toMatchObject({ accountId: ACCOUNT, eventsUrl: WS });
    expect(sessionEventsUrl(session)).toBe(WS);
    // The URL is not a secret and may be logged; the token never is.
    expect(lines.join('\n')).not.toContain(token);
  });

  it('user_auth: the same field is kept from the user login answer', async () => {
    loginRoute('/v2/user_auth', { api: { kazoo_websocket: { url: ' ws://10.0.0.5:5555 ' } } });
    const auth = createUserAuth({ username: 'ada', password: 'secret-pass', accountName: 'Lovelace' });
    const session = await createTransport({ baseUrl: server.baseUrl, auth, logger, rateLimit: false }).session();
    expect(sessionEventsUrl(session)).toBe('ws://10.0.0.5:5555');
  });

  it('no blackhole url configured (get_ui_config/0 leaves kazoo_websocket out): no eventsUrl', async () => {
    loginRoute('/v2/api_auth', { api: { provisioner: { url: 'https://p.example.com/' } } });
    const session = await transport(createApiKeyAuth({ apiKey: API_KEY })).session();
    expect('eventsUrl' in session).toBe(false);
    expect(sessionEventsUrl(session)).toBeUndefined();
  });

  it('a login answer without ui_config, or with a non-string url, has no eventsUrl', async () => {
    loginRoute('/v2/api_auth', undefined);
    expect(sessionEventsUrl(await transport(createApiKeyAuth({ apiKey: API_KEY })).session())).toBeUndefined();
    server.reset();
    loginRoute('/v2/api_auth', { api: { kazoo_websocket: { url: 5555 } } });
    expect(sessionEventsUrl(await transport(createApiKeyAuth({ apiKey: API_KEY })).session())).toBeUndefined();
  });

  it('the token store keeps it, so a stored session still knows the URL without logging in again', async () => {
    loginRoute('/v2/api_auth', { api: { kazoo_websocket: { url: WS } } });
    const store = createMemoryTokenStore();
    await transport(createApiKeyAuth({ apiKey: API_KEY, tokenStore: store })).session();
    const stored = JSON.parse(JSON.stringify(await store.get()));
    server.reset();
    const again = createApiKeyAuth({ apiKey: API_KEY, tokenStore: { get: () => stored, set: () => {}, clear: () => {} } });
    expect(sessionEventsUrl(await transport(again).session())).toBe(WS);
    expect(server.requests).toHaveLength(0);
  });

  it('createTokenAuth has no login answer, hence no eventsUrl', async () => {
    const token = fakeJwt({ account_id: ACCOUNT, exp: Math.floor(Date.now() / 1000) + 3600 });
    const session = await createTransport({ baseUrl: server.baseUrl, auth: createTokenAuth(token), rateLimit: false }).session();
    expect(sessionEventsUrl(session)).toBeUndefined();
  });
});
