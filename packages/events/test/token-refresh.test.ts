import { createApiKeyAuth } from '@audian/auth';
import { createTransport } from '@audian/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvents, type EventsClient } from '../src/index';
import { type BlackholeServer, jwt, startBlackhole } from './blackhole-server';
import { ACCOUNT, callData } from './fixtures';

let server: BlackholeServer;
let events: EventsClient;

beforeEach(async () => {
  server = await startBlackhole();
});

afterEach(async () => {
  events.close();
  await server.close();
});

describe('token refresh', () => {
  it('asks the auth strategy for a new session before exp (one login for the whole client) and subscribes again with it', async () => {
    const soon = jwt(ACCOUNT, 3, 'first');
    const later = jwt(ACCOUNT, 3600, 'second');
    server.tokens.set(soon, ACCOUNT);
    server.tokens.set(later, ACCOUNT);
    server.loginTokens = [soon, later];
    const auth = createApiKeyAuth({ apiKey: 'k'.repeat(64) });
    // The first token expires within 3 s and the margin is 3 s: the client renews after 1–1.5 s
    // (never sooner than 1 s, half of what is left), once both subscriptions were accepted.
    events = createEvents({ auth, baseUrl: server.baseUrl, eventsUrl: server.url, tokenRefreshMarginMs: 3000 });
    const calls = events.subscribe('call.CHANNEL_CREATE.*');
    const docs = events.subscribe('object.doc_edited.user');
    await Promise.all([calls.ready, docs.ready]);
    expect(server.logins).toBe(1);
    expect(server.commands.filter((c) => c.action === 'subscribe').map((c) => c.auth_token)).toEqual([soon, soon]);

    // Shortly before the first token's exp, the client renews and sends both bindings again.
    await server.waitForCommand((c) => c.action === 'subscribe' && c.auth_token === later && c.data?.binding === 'call.CHANNEL_CREATE.*');
    await server.waitForCommand((c) => c.action === 'subscribe' && c.auth_token === later && c.data?.binding === 'object.doc_edited.user');
    expect(server.logins).toBe(2);
    expect(server.connections).toBe(1);

    // The same socket still delivers.
    server.emit(ACCOUNT, 'call.CHANNEL_CREATE.*', 'CHANNEL_CREATE', callData('after-refresh'));
    expect((await calls.next()).value?.data.call_id).toBe('after-refresh');
    // The strategy holds the new session: REST calls sharing it do not log in again.
    const rest = createTransport({ auth, baseUrl: server.baseUrl });
    expect((await rest.session()).token).toBe(later);
    expect(server.logins).toBe(2);
    calls.close();
    docs.close();
  });

  it('clients sharing one strategy log in once between them (its single-flight login)', async () => {
    const token = jwt(ACCOUNT, 3600, 'shared');
    server.tokens.set(token, ACCOUNT);
    server.loginTokens = [token];
    const auth = createApiKeyAuth({ apiKey: 'k'.repeat(64) });
    events = createEvents({ auth, baseUrl: server.baseUrl, eventsUrl: server.url });
    const second = createEvents({ auth, baseUrl: server.baseUrl, eventsUrl: server.url });
    const a = events.subscribe('call.CHANNEL_CREATE.*');
    const b = second.subscribe('call.CHANNEL_DESTROY.*');
    await Promise.all([a.ready, b.ready]);
    expect(server.connections).toBe(2);
    expect(server.logins).toBe(1);
    second.close();
  });
});
