import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvents, type EventsClient, EventsConnectionError, type ReconnectInfo } from '../src/index';
import { type BlackholeServer, startBlackhole } from './blackhole-server';
import { ACCOUNT, callData, staticAuth, TOKEN } from './fixtures';

let server: BlackholeServer;
let events: EventsClient | undefined;

beforeEach(async () => {
  server = await startBlackhole();
  server.tokens.set(TOKEN, ACCOUNT);
});

afterEach(async () => {
  events?.close();
  await server.close();
});

describe('reconnect', () => {
  it('reopens a killed socket with backoff, subscribes every binding again, and events published meanwhile are lost', async () => {
    const reconnects: ReconnectInfo[] = [];
    events = createEvents({
      auth: staticAuth(),
      eventsUrl: server.url,
      reconnect: { minDelayMs: 5, maxDelayMs: 40 },
      onReconnect: (info) => reconnects.push(info),
    });
    const sub = events.subscribe(['call.CHANNEL_CREATE.*', 'object.doc_edited.user']);
    await sub.ready;
    const received: string[] = [];
    for (const id of ['c0', 'c1']) server.emit(ACCOUNT, 'call.CHANNEL_CREATE.*', 'CHANNEL_CREATE', callData(id));
    for (let i = 0; i < 2; i++) received.push(String((await sub.next()).value?.data.call_id));

    // The server goes away and refuses sockets for a while: the client keeps trying.
    server.acceptConnections = false;
    const before = server.commands.length;
    server.kill();
    await server.waitForNoSockets();
    let missed = 0;
    for (const id of ['c2', 'c3', 'c4']) {
      if (server.emit(ACCOUNT, 'call.CHANNEL_CREATE.*', 'CHANNEL_CREATE', callData(id)) === 0) missed++;
    }
    server.acceptConnections = true;
    await server.waitForCommand((c) => c.action === 'subscribe' && c.data?.binding === 'call.CHANNEL_CREATE.*', before);
    await server.waitForCommand((c) => c.action === 'subscribe' && c.data?.binding === 'object.doc_edited.user', before);

    for (const id of ['c5', 'c6']) server.emit(ACCOUNT, 'call.CHANNEL_CREATE.*', 'CHANNEL_CREATE', callData(id));
    for (let i = 0; i < 2; i++) received.push(String((await sub.next()).value?.data.call_id));

    expect(received).toEqual(['c0', 'c1', 'c5', 'c6']);
    expect(missed).toBe(3); // KAZOO does not replay what was published while the socket was down
    expect(server.openSockets).toBe(1);
    expect(reconnects).toHaveLength(1);
    expect(reconnects[0]?.attempts).toBeGreaterThanOrEqual(1);
    expect(reconnects[0]?.reconnectedAt.getTime()).toBeGreaterThanOrEqual(reconnects[0]?.disconnectedAt.getTime() ?? Infinity);
    sub.close();
  });

  it('keeps retrying while the server is unreachable at first, then subscribes', async () => {
    server.acceptConnections = false;
    events = createEvents({ auth: staticAuth(), eventsUrl: server.url, reconnect: { minDelayMs: 5, maxDelayMs: 20 } });
    const sub = events.subscribe('call.CHANNEL_ANSWER.*');
    await server.waitForAttempts(3);
    expect(server.connections).toBe(0);
    server.acceptConnections = true;
    await sub.ready;
    expect(server.commands.filter((c) => c.action === 'subscribe')).toHaveLength(1);
    sub.close();
  });

  it('with reconnect: false, a dropped socket ends every subscription with EventsConnectionError', async () => {
    events = createEvents({ auth: staticAuth(), eventsUrl: server.url, reconnect: false });
    const a = events.subscribe('call.CHANNEL_CREATE.*');
    const b = events.subscribe('object.doc_created.device');
    await Promise.all([a.ready, b.ready]);
    server.kill();
    await expect(a.next()).rejects.toBeInstanceOf(EventsConnectionError);
    await expect(b.next()).rejects.toMatchObject({ name: 'EventsConnectionError', code: 1006 });
  });
});
