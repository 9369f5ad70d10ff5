import { createTransport, InvalidArgumentError, type Transport } from '@audian/core';
import { describe, expect, it } from 'vitest';
import { createEvents, type EventsOptions } from '../src/index';
import { staticAuth } from './fixtures';

const auth = staticAuth();

describe('options are checked before any socket opens', () => {
  it.each<[string, Partial<EventsOptions>, string]>([
    ['an http eventsUrl', { eventsUrl: 'http://127.0.0.1:5555' }, 'eventsUrl'],
    ['a missing eventsUrl', { eventsUrl: undefined as unknown as string }, 'eventsUrl'],
    ['no auth nor transport', { auth: undefined }, 'auth'],
    ['both auth and transport', { transport: createTransport({ auth }) }, 'auth'],
    ['a transport that is not one', { auth: undefined, transport: {} as Transport }, 'transport'],
    ['a negative reconnect delay', { reconnect: { minDelayMs: -1 } }, 'reconnect.minDelayMs'],
    ['a maxDelayMs below minDelayMs', { reconnect: { minDelayMs: 500, maxDelayMs: 100 } }, 'reconnect.maxDelayMs'],
    ['a zero ping interval', { ping: { intervalMs: 0 } }, 'ping.intervalMs'],
    ['an empty accountId', { accountId: ' ' }, 'accountId'],
  ])('%s is refused naming %s', (_label, override, field) => {
    const options = { auth, eventsUrl: 'ws://127.0.0.1:5555', ...override } as EventsOptions;
    const error = (() => {
      try {
        createEvents(options);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe(field);
  });

  it.each<[string, unknown, string]>([
    ['an empty list', [], 'bindings'],
    ['an empty binding', [''], 'bindings[0]'],
    ['a binding with spaces', ['call.*.*', 'call .*'], 'bindings[1]'],
  ])('subscribe refuses %s naming %s, without opening a socket', (_label, bindings, field) => {
    const events = createEvents({ auth, eventsUrl: 'ws://127.0.0.1:9' });
    expect(() => events.subscribe(bindings as string[])).toThrow(
      expect.objectContaining({ name: 'InvalidArgumentError', argument: field }),
    );
    events.close();
  });

  it('the client shows no secret in inspect or JSON', () => {
    const events = createEvents({ auth, eventsUrl: 'ws://127.0.0.1:9/?auth_token=abcdef123456' });
    expect(JSON.stringify(events)).not.toContain('abcdef123456');
    expect(String(Object(events)[Symbol.for('nodejs.util.inspect.custom')]())).not.toContain('abcdef123456');
    events.close();
  });
});

describe('transport', () => {
  it('takes sessions from a transport given instead of auth', async () => {
    const strategy = staticAuth();
    const events = createEvents({ transport: createTransport({ auth: strategy }), eventsUrl: 'ws://127.0.0.1:9', reconnect: false });
    const sub = events.subscribe('call.*.*');
    // Port 9 refuses the socket; the session was asked for before connecting.
    await expect(sub.next()).rejects.toMatchObject({ name: 'EventsConnectionError' });
    expect(strategy.calls).toBe(1);
    events.close();
  });
});
