import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvents, type EventsClient } from '../src/index';
import { type BlackholeServer, startBlackhole } from './blackhole-server';
import { ACCOUNT, callData, staticAuth, TOKEN } from './fixtures';

const CHILD = 'c'.repeat(32);
let server: BlackholeServer;
let events: EventsClient;

beforeEach(async () => {
  server = await startBlackhole();
  server.tokens.set(TOKEN, ACCOUNT);
  server.descendants.add(CHILD);
  events = createEvents({ auth: staticAuth(), eventsUrl: server.url });
});

afterEach(async () => {
  events.close();
  await server.close();
});

describe('several accounts on one socket', () => {
  it('the same binding for two accounts is two subscriptions, and each event goes to its account’s iterator', async () => {
    const mine = events.subscribe('call.CHANNEL_CREATE.*');
    const child = events.subscribe('call.CHANNEL_CREATE.*', { accountId: CHILD });
    await Promise.all([mine.ready, child.ready]);
    expect(server.commands.filter((c) => c.action === 'subscribe').map((c) => c.data?.account_id)).toEqual([ACCOUNT, CHILD]);
    expect(server.connections).toBe(1);
    // Both arrive with subscribed_key call.CHANNEL_CREATE.*; the subscription key names the account.
    server.emit(CHILD, 'call.CHANNEL_CREATE.*', 'CHANNEL_CREATE', callData('child-call'));
    server.emit(ACCOUNT, 'call.CHANNEL_CREATE.*', 'CHANNEL_CREATE', callData('my-call'));
    expect((await child.next()).value?.data.call_id).toBe('child-call');
    expect((await mine.next()).value?.data.call_id).toBe('my-call');
    mine.close();
    const pending = child.next();
    server.emit(CHILD, 'call.CHANNEL_CREATE.*', 'CHANNEL_CREATE', callData('child-2'));
    expect((await pending).value?.data.call_id).toBe('child-2');
    child.close();
  });

  it('a rate-limited subscribe (blackhole_socket_callback:rate/3) is sent again after a delay', async () => {
    const limited = createEvents({ auth: staticAuth(), eventsUrl: server.url, reconnect: { minDelayMs: 5, maxDelayMs: 20 } });
    server.rateLimitNext = 2;
    const sub = limited.subscribe('call.CHANNEL_CREATE.*');
    await sub.ready;
    expect(server.commands.filter((c) => c.action === 'subscribe')).toHaveLength(3);
    limited.close();
  });
});
