import { createTokenAuth } from '@audian/auth';
import { createEvents, type EventsClient, type KazooEvent, SubscriptionRefusedError } from '@audian/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type DocumentChange, Store } from '../src/internal/store';
import { type Harness, harness } from './helpers';

// The sandbox's blackhole, driven through the @audian/events client over real sockets.
describe('events (blackhole websocket on the sandbox port)', () => {
  let h: Harness;
  const clients: EventsClient[] = [];

  const client = (token: string, accountId?: string): EventsClient => {
    const events = createEvents({
      eventsUrl: h.sandbox.eventsUrl,
      baseUrl: h.sandbox.apiUrl,
      auth: createTokenAuth(token, accountId ? { accountId } : {}),
      reconnect: false,
      ping: false,
    });
    clients.push(events);
    return events;
  };

  // Reads events one at a time without ending the subscription (a `for await` exit would close it).
  const iterators = new WeakMap<AsyncIterable<KazooEvent>, AsyncIterator<KazooEvent>>();
  const next = async (subscription: AsyncIterable<KazooEvent>): Promise<KazooEvent> => {
    let iterator = iterators.get(subscription);
    if (!iterator) {
      iterator = subscription[Symbol.asyncIterator]();
      iterators.set(subscription, iterator);
    }
    const result = await iterator.next();
    if (result.done) throw new Error('the subscription ended without an event');
    return result.value;
  };

  beforeAll(async () => {
    h = await harness();
  });
  afterAll(async () => {
    for (const events of clients) events.close();
    await h.stop();
  });

  it('serves the websocket on the same port as the API', () => {
    expect(h.sandbox.eventsUrl).toBe(`ws://127.0.0.1:${h.sandbox.port}/`);
  });

  it('object.doc_created.user: creating a user via REST sends its id, type and account database (bh_object, kapi_conf doc_update)', async () => {
    const created = client(h.token).subscribe('object.doc_created.user');
    await created.ready;
    const answer = await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Ada', last_name: 'Lovelace' } });
    expect(answer.status).toBe(201);
    const id = (answer.body.data as { id: string }).id;
    const event = await next(created);
    const a = h.sandbox.accountId;
    const db = `account%2F${a.slice(0, 2)}%2F${a.slice(2, 4)}%2F${a.slice(4)}`;
    expect(event).toMatchObject({
      action: 'event',
      name: 'doc_created',
      subscribed_key: 'object.doc_created.user',
      subscription_key: `doc_created.${db}.user.*`,
      routing_key: `doc_created.${db}.user.${id}`,
      data: { id, type: 'user', account_id: a, database: db, is_soft_deleted: false },
    });
    expect(String(event.data.rev)).toMatch(/^1-/);
    created.close();
  });

  it('object.doc_edited.* on PATCH and object.doc_deleted.user on DELETE, and nothing for an unsubscribed action', async () => {
    const user = await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Grace', last_name: 'Hopper' } });
    const id = (user.body.data as { id: string }).id;
    const events = client(h.token);
    const edited = events.subscribe('object.doc_edited.*');
    const deleted = events.subscribe('object.doc_deleted.user');
    await Promise.all([edited.ready, deleted.ready]);
    expect((await h.call('PATCH', `${h.acct}/users/${id}`, { data: { first_name: 'Amazing Grace' } })).status).toBe(200);
    expect(await next(edited)).toMatchObject({ name: 'doc_edited', data: { id, type: 'user' } });
    expect((await h.call('DELETE', `${h.acct}/users/${id}`)).status).toBe(200);
    // the deletion is an edit of no kind: doc_edited.* does not fire, doc_deleted.user does
    expect(await next(deleted)).toMatchObject({ name: 'doc_deleted', data: { id, type: 'user', is_soft_deleted: true } });
    const device = await h.call('PUT', `${h.acct}/devices`, { data: { name: 'Desk phone' } });
    expect(device.status).toBe(201);
    await h.call('PATCH', `${h.acct}/devices/${(device.body.data as { id: string }).id}`, { data: { name: 'Desk phone 2' } });
    expect(await next(edited)).toMatchObject({ name: 'doc_edited', data: { type: 'device' } });
    edited.close();
    deleted.close();
  });

  it("a parent's subscriber naming a child account gets the child's events, and not the parent's own", async () => {
    const child = await h.call('PUT', h.acct, { data: { name: 'Events Child' } });
    const childId = (child.body.data as { id: string }).id;
    const sub = client(h.token).subscribe('object.doc_created.user', { accountId: childId });
    await sub.ready;
    await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Not', last_name: 'Theirs' } });
    const user = await h.call('PUT', `/v2/accounts/${childId}/users`, { data: { first_name: 'Child', last_name: 'User' } });
    expect(user.status).toBe(201);
    expect(await next(sub)).toMatchObject({ data: { id: (user.body.data as { id: string }).id, account_id: childId } });
    sub.close();
  });

  it('refuses an account outside the token\'s tree: "unauthorized account id" (bh_authz_subscribe)', async () => {
    const other = h.sandbox.createAccount({ name: 'Events Stranger' });
    const otherToken = await h.login(other.apiKey);
    const sub = client(otherToken).subscribe('object.doc_created.user', { accountId: h.sandbox.accountId });
    const error = await sub.ready.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SubscriptionRefusedError);
    expect(error).toMatchObject({ reason: 'account', serverErrors: ['unauthorized account id'] });
  });

  it('refuses a token the sandbox did not sign (bh_token_auth), without the client showing it', async () => {
    const forged = `${h.token.slice(0, -4)}AAAA`;
    const sub = client(forged, h.sandbox.accountId).subscribe('object.doc_created.user');
    const error = await sub.ready.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SubscriptionRefusedError);
    expect(error).toMatchObject({ reason: 'token' });
    expect(String((error as Error).message)).not.toContain(forged);
  });

  it('stop() closes open event sockets and still resolves', async () => {
    const other = await harness();
    const socket = new WebSocket(other.sandbox.eventsUrl);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const closed = new Promise((resolve) => socket.once('close', resolve));
    await other.stop();
    await closed;
    expect(socket.readyState).toBe(WebSocket.CLOSED);
  });

  describe('raw protocol', () => {
    const open = async (): Promise<{ send(command: object): Promise<Record<string, unknown>>; close(): void }> => {
      const socket = new WebSocket(h.sandbox.eventsUrl);
      await new Promise((resolve, reject) => {
        socket.once('open', resolve);
        socket.once('error', reject);
      });
      return {
        send: (command) =>
          new Promise((resolve) => {
            socket.once('message', (raw) => resolve(JSON.parse(String(raw)) as Record<string, unknown>));
            socket.send(JSON.stringify(command));
          }),
        close: () => socket.close(),
      };
    };

    it('answers ping with pong, and authenticates the socket once', async () => {
      const socket = await open();
      expect(await socket.send({ action: 'ping', auth_token: h.token, request_id: 'p1' })).toEqual({
        action: 'reply',
        request_id: 'p1',
        status: 'success',
        data: { response: 'pong' },
      });
      expect(await socket.send({ action: 'ping', request_id: 'p2' })).toMatchObject({ status: 'success', data: { response: 'pong' } });
      socket.close();
    });

    it('refuses a bad token, echoing it as KAZOO does, and a command without one', async () => {
      const socket = await open();
      expect(await socket.send({ action: 'ping', auth_token: 'bogus', request_id: 'b1' })).toEqual({
        action: 'reply',
        request_id: 'b1',
        status: 'error',
        data: { errors: ['failed to authenticate token bogus'] },
      });
      expect(await socket.send({ action: 'ping', request_id: 'b2' })).toMatchObject({
        data: { errors: ['authentication token required'] },
      });
      socket.close();
    });

    it('refuses a token past its exp on the sandbox clock, as REST does', async () => {
      h.sandbox.advanceClock(3601);
      try {
        const socket = await open();
        expect(await socket.send({ action: 'ping', auth_token: h.token, request_id: 'e1' })).toMatchObject({
          status: 'error',
          data: { errors: [`failed to authenticate token ${h.token}`] },
        });
        socket.close();
      } finally {
        h.sandbox.advanceClock(0);
      }
    });

    it('validates bindings like bh_events and bh_object, and unsubscribes', async () => {
      const socket = await open();
      const account_id = h.sandbox.accountId;
      const subscribe = (data: object) => socket.send({ action: 'subscribe', auth_token: h.token, request_id: 's', data });
      expect(await subscribe({ account_id })).toMatchObject({ status: 'error', data: { errors: ['missing required keys : binding'] } });
      expect(await subscribe({ account_id, binding: 'nothing.here' })).toMatchObject({
        data: { errors: ['no available subscriptions to requested binding'] },
      });
      expect(await subscribe({ account_id, binding: 'object.doc_touched.user' })).toMatchObject({
        data: { errors: ['event doc_touched not supported'] },
      });
      expect(await subscribe({ account_id, binding: 'object.doc_created' })).toMatchObject({
        data: { errors: ['invalid format for object subscription : doc_created'] },
      });
      expect(await subscribe({ account_id, binding: 'object.*.*' })).toMatchObject({
        status: 'success',
        data: { subscribed: ['object.*.*'] },
      });
      expect(await subscribe({ account_id, binding: 'call.CHANNEL_CREATE.*' })).toMatchObject({
        data: { subscribed: ['object.*.*', 'call.CHANNEL_CREATE.*'] },
      });
      expect(await socket.send({ action: 'unsubscribe', request_id: 'u', data: { account_id, binding: 'object.*.*' } })).toEqual({
        action: 'reply',
        request_id: 'u',
        status: 'success',
        data: { unsubscribed: ['object.*.*'], subscribed: ['call.CHANNEL_CREATE.*'] },
      });
      socket.close();
    });

    it('refuses an upgrade on another path with 404', async () => {
      const socket = new WebSocket(`${h.sandbox.eventsUrl}elsewhere`);
      const status = await new Promise<number | undefined>((resolve) => {
        socket.once('unexpected-response', (_req, res) => resolve(res.statusCode));
        socket.once('error', () => resolve(undefined));
      });
      expect(status).toBe(404);
    });
  });
});

describe('document changes reported by the store', () => {
  it('reports writes once committed, and nothing of a rolled-back transaction', () => {
    const store = new Store(':memory:');
    const seen: DocumentChange[] = [];
    store.onChange = (change) => seen.push(change);
    const body = { _id: 'd1', _rev: '1-a', pvt_type: 'device', pvt_created: 1, pvt_modified: 1 };
    expect(() =>
      store.transaction(() => {
        store.insert({ accountId: 'a1', id: 'd1', type: 'device', sortKey: 'x', body });
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(seen).toEqual([]);
    store.transaction(() => {
      store.insert({ accountId: 'a1', id: 'd1', type: 'device', sortKey: 'x', body });
      expect(seen).toEqual([]);
    });
    store.update({ accountId: 'a1', id: 'd1', sortKey: 'x', deleted: true, body: { ...body, _rev: '2-b', pvt_deleted: true } });
    expect(seen.map((c) => [c.action, c.type, c.id])).toEqual([
      ['doc_created', 'device', 'd1'],
      ['doc_deleted', 'device', 'd1'],
    ]);
    store.close();
  });
});
