import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type Doc, data, request, useHarness } from './helpers';

const h = useHarness();

/** Opens a socket to the sandbox's websocket service and subscribes it; resolves once the reply came. */
async function subscribedSocket(token: string, binding: string): Promise<WebSocket> {
  const socket = new WebSocket(h.sandbox.eventsUrl);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const reply = new Promise((resolve) => socket.once('message', resolve));
  socket.send(
    JSON.stringify({ action: 'subscribe', auth_token: token, request_id: 'r1', data: { account_id: h.sandbox.accountId, binding } }),
  );
  await reply;
  return socket;
}

describe('websockets (cb_websockets, blackhole_tracking)', () => {
  it('lists the bindings a socket may use, without a token', async () => {
    const available = await request(h.sandbox, 'GET', '/v2/websockets');
    expect(available.status).toBe(200);
    expect(available.body.data).toMatchObject({ object: expect.arrayContaining(['object.doc_created.user']), call: expect.any(Array) });
  });

  it('lists the account’s live sockets with their bindings, fetches one by session id, and forgets it once closed', async () => {
    expect((await h.call('GET', `${h.acct}/websockets`)).body.data).toEqual([]);
    const socket = await subscribedSocket(h.token, 'object.doc_created.user');
    const sockets = (await h.call('GET', `${h.acct}/websockets`)).body.data as Record<string, unknown>[];
    expect(sockets).toHaveLength(1);
    const live = sockets[0] as { websocket_session_id: string; source: string; timestamp: number };
    expect(live).toMatchObject({ bindings: ['object.doc_created.user'], source: '127.0.0.1' });
    expect(live.websocket_session_id).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(live.timestamp).toBeGreaterThan(63_000_000_000);
    expect(data(await h.call('GET', `${h.acct}/websockets/${encodeURIComponent(live.websocket_session_id)}`))).toEqual(live);
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.close();
    await closed;
    // blackhole_tracking drops a socket when it goes down; a gone socket reads as {} (cb_websockets:read_success_resp/2).
    await expect.poll(async () => (await h.call('GET', `${h.acct}/websockets`)).body.data).toEqual([]);
    expect((await h.call('GET', `${h.acct}/websockets/${encodeURIComponent(live.websocket_session_id)}`)).body.data).toEqual({});
  });
});

describe('att_handlers_errors (cb_att_handlers_errors)', () => {
  it('lists no failures (the sandbox reaches no storage backend) and answers 404 for an unknown one', async () => {
    expect((await h.call('GET', `${h.acct}/att_handlers_errors`)).body.data).toEqual([]);
    expect((await h.call('GET', `${h.acct}/att_handlers_errors/handler/0123456789abcdef0123456789abcdef`)).body.data).toEqual([]);
    const missing = await h.call('GET', `${h.acct}/att_handlers_errors/202501-00000000000000000000000000000000`);
    expect(missing.status).toBe(404);
  });
});

describe('apps_link (cb_apps_link)', () => {
  it('describes the token (account, method, creation) and the URL’s account, the top account being the master', async () => {
    const link = await h.call('GET', `${h.acct}/apps_link/authorize`);
    expect(link.status).toBe(200);
    const { auth_token: auth, account } = link.body.data as { auth_token: Doc; account: Doc };
    expect(auth).toMatchObject({ account_id: h.sandbox.accountId, method: 'cb_api_auth', is_reseller: true, is_master: true, apps: [] });
    expect(Number(auth.created)).toBeGreaterThan(63_000_000_000);
    expect(account).toMatchObject({ account_id: h.sandbox.accountId, is_master: true, reseller_id: h.sandbox.accountId });

    const child = data(await h.call('PUT', h.acct, { data: { name: 'Linked branch' } }));
    const childLink = (await h.call('GET', `/v2/accounts/${child.id}/apps_link/authorize`)).body.data as { auth_token: Doc; account: Doc };
    expect(childLink.account).toMatchObject({ account_id: child.id, account_name: 'Linked branch', is_master: false, is_reseller: false });
    expect(childLink.auth_token.account_id).toBe(h.sandbox.accountId);
  });
});
