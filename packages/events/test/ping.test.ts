import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvents, type EventsClient } from '../src/index';
import { type BlackholeServer, startBlackhole } from './blackhole-server';
import { ACCOUNT, staticAuth, TOKEN } from './fixtures';

let server: BlackholeServer;
let events: EventsClient;

beforeEach(async () => {
  server = await startBlackhole();
  server.tokens.set(TOKEN, ACCOUNT);
});

afterEach(async () => {
  events.close();
  await server.close();
});

describe('ping', () => {
  it('sends the ping action (bh_ping) with a request id and keeps the socket while the server answers pong', async () => {
    events = createEvents({ auth: staticAuth(), eventsUrl: server.url, ping: { intervalMs: 10, timeoutMs: 1000 } });
    const sub = events.subscribe('call.CHANNEL_CREATE.*');
    await sub.ready;
    const first = await server.waitForCommand((c) => c.action === 'ping');
    expect(first).toMatchObject({ action: 'ping', auth_token: TOKEN });
    expect(first.request_id).toEqual(expect.any(String));
    const index = server.commands.indexOf(first);
    const second = await server.waitForCommand((c) => c.action === 'ping', index + 1);
    await server.waitForCommand((c) => c.action === 'ping', server.commands.indexOf(second) + 1);
    expect(server.connections).toBe(1);
    expect(server.commands.filter((c) => c.action === 'subscribe')).toHaveLength(1);
    sub.close();
  });

  it('drops a socket whose ping goes unanswered and reconnects, subscribing again', async () => {
    events = createEvents({
      auth: staticAuth(),
      eventsUrl: server.url,
      ping: { intervalMs: 10, timeoutMs: 30 },
      reconnect: { minDelayMs: 5, maxDelayMs: 20 },
    });
    const sub = events.subscribe('call.CHANNEL_CREATE.*');
    await sub.ready;
    server.answerPings = false;
    await server.waitForConnections(2);
    server.answerPings = true;
    await server.waitForCommand((c) => c.action === 'subscribe' && c.socket === 2);
    sub.close();
  });

  it('answers the server’s RFC 6455 ping frames', async () => {
    events = createEvents({ auth: staticAuth(), eventsUrl: server.url, ping: false });
    const sub = events.subscribe('call.CHANNEL_CREATE.*');
    await sub.ready;
    await server.pingFrames();
    expect(server.commands.filter((c) => c.action === 'ping')).toHaveLength(0);
    sub.close();
  });
});
