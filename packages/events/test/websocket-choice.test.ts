import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket as WsWebSocket } from 'ws';
import { createEvents, type EventsClient, type WebSocketConstructor } from '../src/index';
import { type BlackholeServer, startBlackhole } from './blackhole-server';
import { ACCOUNT, staticAuth, TOKEN } from './fixtures';

let server: BlackholeServer;
let events: EventsClient | undefined;
const globals = globalThis as { WebSocket?: unknown };
const original = globals.WebSocket;

/** A WebSocket class that counts the sockets made with it. */
function counting(): { Class: WebSocketConstructor; urls: string[] } {
  const urls: string[] = [];
  class Counting extends WsWebSocket {
    constructor(url: string) {
      super(url);
      urls.push(url);
    }
  }
  return { Class: Counting as unknown as WebSocketConstructor, urls };
}

beforeEach(async () => {
  server = await startBlackhole();
  server.tokens.set(TOKEN, ACCOUNT);
});

afterEach(async () => {
  events?.close();
  globals.WebSocket = original;
  await server.close();
});

describe('which WebSocket is used', () => {
  it('the global WebSocket when the runtime has one (browsers, Node 22+), not ws', async () => {
    const global = counting();
    globals.WebSocket = global.Class;
    events = createEvents({ auth: staticAuth(), eventsUrl: server.url });
    await events.subscribe('call.CHANNEL_CREATE.*').ready;
    expect(global.urls).toEqual([`${server.url}/`]);
  });

  it('the WebSocket option before anything else', async () => {
    const global = counting();
    const given = counting();
    globals.WebSocket = global.Class;
    events = createEvents({ auth: staticAuth(), eventsUrl: server.url, WebSocket: given.Class });
    await events.subscribe('call.CHANNEL_CREATE.*').ready;
    expect(given.urls).toHaveLength(1);
    expect(global.urls).toHaveLength(0);
  });

  it('the ws package on a Node without a global WebSocket (Node 20)', async () => {
    delete globals.WebSocket;
    events = createEvents({ auth: staticAuth(), eventsUrl: server.url });
    await events.subscribe('call.CHANNEL_CREATE.*').ready;
    expect(server.connections).toBe(1);
  });
});
