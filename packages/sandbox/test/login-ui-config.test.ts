import { describe, expect, it } from 'vitest';
import { credentials, request, useHarness } from './helpers';

const h = useHarness();

const kazooWebsocket = (data: unknown) =>
  (data as { ui_config?: { api?: { kazoo_websocket?: { url?: unknown } } } }).ui_config?.api?.kazoo_websocket?.url;

describe('login answers name the sandbox websocket (crossbar_util:populate_resp/3 → get_kazoo_websocket_config/1)', () => {
  it('PUT /v2/api_auth: data.ui_config.api.kazoo_websocket.url is sandbox.eventsUrl', async () => {
    const r = await request(h.sandbox, 'PUT', '/v2/api_auth', { data: { api_key: h.sandbox.apiKey } });
    expect(r.status).toBe(201);
    expect(h.sandbox.eventsUrl).toBe(`ws://127.0.0.1:${h.sandbox.port}/`);
    expect(kazooWebsocket(r.body.data)).toBe(h.sandbox.eventsUrl);
  });

  it('PUT /v2/user_auth names it too', async () => {
    const r = await request(h.sandbox, 'PUT', '/v2/user_auth', {
      data: { credentials: await credentials(h.sandbox.username, h.sandbox.password), account_name: h.sandbox.accountName },
    });
    expect(r.status).toBe(201);
    expect(kazooWebsocket(r.body.data)).toBe(h.sandbox.eventsUrl);
  });

  it('GET /v2/token_auth (cb_token_auth, also through crossbar_util:response_auth/1) names it', async () => {
    const r = await request(h.sandbox, 'GET', '/v2/token_auth', { token: h.token });
    expect(r.status).toBe(200);
    expect(kazooWebsocket(r.body.data)).toBe(h.sandbox.eventsUrl);
  });
});
