import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvents, type EventsClient } from '../src/index';
import { type BlackholeServer, startBlackhole } from './blackhole-server';
import { ACCOUNT, callData, staticAuth, TOKEN } from './fixtures';

let server: BlackholeServer;
let events: EventsClient;

beforeEach(async () => {
  server = await startBlackhole();
  server.tokens.set(TOKEN, ACCOUNT);
  events = createEvents({ auth: staticAuth(), eventsUrl: server.url });
});

afterEach(async () => {
  events.close();
  await server.close();
});

const subscribes = (binding: string) => server.commands.filter((c) => c.action === 'subscribe' && c.data?.binding === binding);
const unsubscribes = (binding: string) => server.commands.filter((c) => c.action === 'unsubscribe' && c.data?.binding === binding);

describe('one socket shared by every subscription', () => {
  it('two subscriptions use one socket, a binding asked twice is subscribed once, and each gets the events', async () => {
    const a = events.subscribe(['call.CHANNEL_CREATE.*', 'call.CHANNEL_DESTROY.*']);
    const b = events.subscribe('call.CHANNEL_CREATE.*');
    await Promise.all([a.ready, b.ready]);
    expect(server.connections).toBe(1);
    expect(subscribes('call.CHANNEL_CREATE.*')).toHaveLength(1);
    server.emit(ACCOUNT, 'call.CHANNEL_CREATE.*', 'CHANNEL_CREATE', callData('c1'));
    server.emit(ACCOUNT, 'call.CHANNEL_DESTROY.*', 'CHANNEL_DESTROY', callData('c1', { hangup_cause: 'NORMAL_CLEARING' }));
    expect((await a.next()).value?.name).toBe('CHANNEL_CREATE');
    expect((await a.next()).value?.name).toBe('CHANNEL_DESTROY');
    expect((await b.next()).value?.name).toBe('CHANNEL_CREATE');
    a.close();
    b.close();
  });

  it('a subscription added later joins the open socket and is ready at once when its binding is already accepted', async () => {
    const a = events.subscribe('call.CHANNEL_ANSWER.*');
    await a.ready;
    const b = events.subscribe('call.CHANNEL_ANSWER.*');
    await b.ready;
    expect(subscribes('call.CHANNEL_ANSWER.*')).toHaveLength(1);
    expect(server.connections).toBe(1);
    a.close();
    b.close();
  });

  it('leaving a for-await loop unsubscribes only when the last consumer of the binding stops', async () => {
    const a = events.subscribe('call.CHANNEL_CREATE.*');
    const b = events.subscribe('call.CHANNEL_CREATE.*');
    await Promise.all([a.ready, b.ready]);
    server.emit(ACCOUNT, 'call.CHANNEL_CREATE.*', 'CHANNEL_CREATE', callData('c1'));
    for await (const _ of a) break; // return() on the iterator
    expect(unsubscribes('call.CHANNEL_CREATE.*')).toHaveLength(0);
    // b still receives.
    expect((await b.next()).value?.data.call_id).toBe('c1');
    const seen = server.commands.length;
    await b.return?.();
    const unsubscribe = await server.waitForCommand((c) => c.action === 'unsubscribe', seen);
    expect(unsubscribe).toMatchObject({ auth_token: TOKEN, data: { account_id: ACCOUNT, binding: 'call.CHANNEL_CREATE.*' } });
  });

  it('aborting the signal ends the iterator and releases its binding', async () => {
    const controller = new AbortController();
    const a = events.subscribe('call.CHANNEL_HOLD.*', { signal: controller.signal });
    const keep = events.subscribe('call.CHANNEL_UNHOLD.*');
    await Promise.all([a.ready, keep.ready]);
    const pending = a.next();
    controller.abort();
    await expect(pending).resolves.toEqual({ value: undefined, done: true });
    await server.waitForCommand((c) => c.action === 'unsubscribe' && c.data?.binding === 'call.CHANNEL_HOLD.*');
    expect(unsubscribes('call.CHANNEL_UNHOLD.*')).toHaveLength(0);
    expect(server.emit(ACCOUNT, 'call.CHANNEL_UNHOLD.*', 'CHANNEL_UNHOLD', callData('c2'))).toBe(1);
    expect((await keep.next()).value?.name).toBe('CHANNEL_UNHOLD');
    keep.close();
  });

  it('closes the socket when no subscription is left and opens a new one for the next', async () => {
    const a = events.subscribe('call.CHANNEL_CREATE.*');
    await a.ready;
    a.close();
    await server.waitForCommand((c) => c.action === 'unsubscribe');
    const b = events.subscribe('call.CHANNEL_CREATE.*');
    await b.ready;
    expect(server.connections).toBe(2);
    b.close();
  });

  it('close() ends every iterator and later subscribe calls throw', async () => {
    const a = events.subscribe('call.CHANNEL_CREATE.*');
    await a.ready;
    const pending = a.next();
    events.close();
    await expect(pending).resolves.toEqual({ value: undefined, done: true });
    expect(() => events.subscribe('call.CHANNEL_CREATE.*')).toThrow(/closed/);
  });
});
