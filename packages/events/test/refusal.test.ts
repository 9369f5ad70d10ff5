import { inspect } from 'node:util';
import type { Logger } from '@audian/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvents, type EventsClient, SubscriptionRefusedError } from '../src/index';
import { type BlackholeServer, startBlackhole } from './blackhole-server';
import { ACCOUNT, callData, staticAuth, TOKEN } from './fixtures';

let server: BlackholeServer;
let events: EventsClient;
const lines: string[] = [];
const logger: Logger = {
  debug: (m, meta) => lines.push(m, JSON.stringify(meta ?? {})),
  info: (m, meta) => lines.push(m, JSON.stringify(meta ?? {})),
  warn: (m, meta) => lines.push(m, JSON.stringify(meta ?? {})),
  error: (m, meta) => lines.push(m, JSON.stringify(meta ?? {})),
};

beforeEach(async () => {
  lines.length = 0;
  server = await startBlackhole();
  server.tokens.set(TOKEN, ACCOUNT);
});

afterEach(async () => {
  events.close();
  await server.close();
});

describe('refusals', () => {
  it('a binding refused by bh_call:validate/2 ends only the iterators that asked for it', async () => {
    events = createEvents({ auth: staticAuth(), eventsUrl: server.url, logger });
    const bad = events.subscribe(['call.CHANNEL_CREATE.*', 'call.NOT_AN_EVENT.*']);
    const good = events.subscribe('call.CHANNEL_CREATE.*');
    await good.ready;
    const error = await bad.next().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SubscriptionRefusedError);
    expect(error).toMatchObject({
      reason: 'binding',
      binding: 'call.NOT_AN_EVENT.*',
      accountId: ACCOUNT,
      serverErrors: ['event NOT_AN_EVENT not supported'],
    });
    await expect(bad.ready).rejects.toBe(error);
    expect(await bad.next()).toEqual({ value: undefined, done: true });
    // The shared binding stays: the other iterator still uses it.
    expect(server.commands.filter((c) => c.action === 'unsubscribe')).toHaveLength(0);
    server.emit(ACCOUNT, 'call.CHANNEL_CREATE.*', 'CHANNEL_CREATE', callData('c1'));
    expect((await good.next()).value?.data.call_id).toBe('c1');
    good.close();
  });

  it('the KAZOO 4.0 binding form doc_created.*.user.* is refused by 4.3+ (no module answers it)', async () => {
    events = createEvents({ auth: staticAuth(), eventsUrl: server.url });
    const sub = events.subscribe('doc_created.*.user.*');
    await expect(sub.ready).rejects.toMatchObject({ reason: 'binding', serverErrors: ['no available subscriptions to requested binding'] });
  });

  it('a token refused by bh_token_auth:authenticate/3 asks the strategy once more, then ends the subscriptions with reason token', async () => {
    const secret = 'refused-token-0123456789-abcdef';
    const auth = staticAuth(secret);
    events = createEvents({ auth, eventsUrl: server.url, logger });
    const a = events.subscribe('call.CHANNEL_CREATE.*');
    const b = events.subscribe('object.doc_edited.user');
    const [ea, eb] = await Promise.all([a.ready.catch((e: unknown) => e), b.ready.catch((e: unknown) => e)]);
    expect(ea).toBeInstanceOf(SubscriptionRefusedError);
    expect(ea).toMatchObject({
      reason: 'token',
      binding: 'call.CHANNEL_CREATE.*',
      serverErrors: ['failed to authenticate token [REDACTED]'],
    });
    expect(eb).toMatchObject({ reason: 'token', binding: 'object.doc_edited.user' });
    // The server echoed the token; the first session and the renewed one (same token) were asked for.
    expect(server.commands.some((c) => c.auth_token === secret)).toBe(true);
    expect(auth.calls).toBe(3);
    for (const error of [ea, eb] as Error[]) {
      const shown = [
        error.message,
        String(error.stack),
        JSON.stringify(error),
        inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
        inspect(events, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
      ].join('\n');
      expect(shown).not.toContain(secret);
    }
    expect(lines.join('\n')).not.toContain(secret);
    expect(lines.join('\n')).toContain('[REDACTED]');
  });

  it('an account outside the token hierarchy is refused with reason account (bh_authz_subscribe)', async () => {
    events = createEvents({ auth: staticAuth(), eventsUrl: server.url });
    const sub = events.subscribe('call.*.*', { accountId: 'f'.repeat(32) });
    await expect(sub.ready).rejects.toMatchObject({ reason: 'account', serverErrors: ['unauthorized account id'] });
  });
});
