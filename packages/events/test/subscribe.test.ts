import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CallEvent, createEvents, type EventsClient } from '../src/index';
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

describe('subscribe', () => {
  it('sends one subscribe per binding in the shape bh_events:validate/2 requires (data.account_id + data.binding)', async () => {
    const sub = events.subscribe(['call.CHANNEL_CREATE.*', 'object.doc_edited.user']);
    await sub.ready;
    const subscribes = server.commands.filter((c) => c.action === 'subscribe');
    expect(subscribes.map((c) => c.data)).toEqual([
      { account_id: ACCOUNT, binding: 'call.CHANNEL_CREATE.*' },
      { account_id: ACCOUNT, binding: 'object.doc_edited.user' },
    ]);
    for (const command of subscribes) {
      expect(command.auth_token).toBe(TOKEN);
      expect(command.request_id).toMatch(/^[0-9a-f-]{16,}$/);
    }
    expect(new Set(subscribes.map((c) => c.request_id)).size).toBe(2);
    sub.close();
  });

  it('yields the events of its bindings, typed by name, with unknown fields kept', async () => {
    const sub = events.subscribe('call.CHANNEL_CREATE.*');
    await sub.ready;
    expect(server.emit(ACCOUNT, 'call.CHANNEL_CREATE.*', 'CHANNEL_CREATE', callData('c1', { x_custom: 'kept' }))).toBe(1);
    const { value } = await sub.next();
    const event = value as CallEvent<'CHANNEL_CREATE'>;
    expect(event.action).toBe('event');
    expect(event.name).toBe('CHANNEL_CREATE');
    expect(event.subscribed_key).toBe('call.CHANNEL_CREATE.*');
    expect(event.subscription_key).toBe(`call.${ACCOUNT}.CHANNEL_CREATE.*`);
    expect(event.routing_key).toBe(`call.${ACCOUNT}.CHANNEL_CREATE.c1`);
    expect(event.data.call_id).toBe('c1');
    expect(event.data.custom_channel_vars?.account_id).toBe(ACCOUNT);
    expect(event.data.x_custom).toBe('kept');
    sub.close();
  });

  it('yields events in the order they came and buffers those not read yet', async () => {
    const sub = events.subscribe('call.*.*');
    await sub.ready;
    for (const [i, name] of ['CHANNEL_CREATE', 'CHANNEL_ANSWER', 'CHANNEL_BRIDGE', 'CHANNEL_DESTROY'].entries()) {
      server.emit(ACCOUNT, 'call.*.*', name, callData(`c${i}`, { event_name: name }));
    }
    const names: string[] = [];
    for await (const event of sub) {
      names.push(event.name);
      if (event.name === 'CHANNEL_DESTROY') {
        expect(event.data.call_id).toBe('c3');
        break;
      }
    }
    expect(names).toEqual(['CHANNEL_CREATE', 'CHANNEL_ANSWER', 'CHANNEL_BRIDGE', 'CHANNEL_DESTROY']);
  });

  it('subscribes for the account given per subscription instead of the session account', async () => {
    const other = 'a'.repeat(32);
    server.tokens.set(TOKEN, ACCOUNT);
    const sub = events.subscribe('call.CHANNEL_CREATE.*', { accountId: other });
    // The scripted server authorizes only the token's own account (bh_authz_subscribe).
    await expect(sub.ready).rejects.toMatchObject({ name: 'SubscriptionRefusedError', reason: 'account', accountId: other });
    expect(server.commands.find((c) => c.action === 'subscribe')?.data?.account_id).toBe(other);
  });
});
