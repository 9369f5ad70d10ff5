import { inspect } from 'node:util';
import { createApiKeyAuth } from '@audian/auth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvents, type EventsClient, EventsConnectionError } from '../src/index';
import { type BlackholeServer, startBlackhole } from './blackhole-server';

let server: BlackholeServer;
let events: EventsClient;

beforeEach(async () => {
  server = await startBlackhole();
});

afterEach(async () => {
  events.close();
  await server.close();
});

describe('login', () => {
  it('a refused login ends the subscriptions with EventsConnectionError, its cause the auth error, and no socket opens', async () => {
    const apiKey = 'k'.repeat(38) + 'secret-key-part-0123456789';
    server.rejectLogins = true;
    events = createEvents({ auth: createApiKeyAuth({ apiKey }), baseUrl: server.baseUrl, eventsUrl: server.url });
    const sub = events.subscribe('call.CHANNEL_CREATE.*');
    const error = await sub.next().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(EventsConnectionError);
    expect((error?.cause as Error | undefined)?.name).toBe('AuthenticationError');
    expect(server.connections).toBe(0);
    expect(inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true })).not.toContain(apiKey);
  });
});
