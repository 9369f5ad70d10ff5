import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CallEvent, createEvents, type EventsClient, SubscriptionRefusedError } from '../src/index';
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

function nextEvent(): { promise: Promise<CallEvent>; handler: (event: CallEvent) => void } {
  let handler!: (event: CallEvent) => void;
  const promise = new Promise<CallEvent>((resolve) => {
    handler = resolve;
  });
  return { promise, handler };
}

describe('on(bindings, handler)', () => {
  it('calls the handler per event, and the returned function unsubscribes', async () => {
    const got = nextEvent();
    const stop = events.on('call.CHANNEL_ANSWER.*', got.handler);
    await server.waitForCommand((c) => c.action === 'subscribe');
    // Emitting right after the server recorded the subscribe: it has the binding by then.
    server.emit(ACCOUNT, 'call.CHANNEL_ANSWER.*', 'CHANNEL_ANSWER', callData('c1', { event_name: 'CHANNEL_ANSWER' }));
    const event = await got.promise;
    expect(event.name).toBe('CHANNEL_ANSWER');
    expect(event.data.call_id).toBe('c1');
    stop();
    const unsubscribe = await server.waitForCommand((c) => c.action === 'unsubscribe');
    expect(unsubscribe.data).toEqual({ account_id: ACCOUNT, binding: 'call.CHANNEL_ANSWER.*' });
  });

  it('an aborted signal stops the handler and releases the binding', async () => {
    const controller = new AbortController();
    events.on('call.CHANNEL_BRIDGE.*', () => {}, { signal: controller.signal });
    await server.waitForCommand((c) => c.action === 'subscribe');
    controller.abort();
    await server.waitForCommand((c) => c.action === 'unsubscribe' && c.data?.binding === 'call.CHANNEL_BRIDGE.*');
  });

  it('a refused binding goes to onError once', async () => {
    const errors: Error[] = [];
    const failed = new Promise<void>((resolve) => {
      events.on('call.BOGUS.*', () => {}, {
        onError: (error) => {
          errors.push(error);
          resolve();
        },
      });
    });
    await failed;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(SubscriptionRefusedError);
  });
});
