import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError } from '@audian/core';
import { createAudian } from '@audian/resources';
import { type Sandbox, startSandbox } from '@audian/sandbox';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});

afterAll(async () => {
  await sandbox?.stop();
});

const REMOTE = 'https://crossbar.example.com:8443/v2/';

/**
 * A client of a remote API (so no loopback rule applies) whose requests reach the sandbox: only
 * the origin is rewritten. With `stripUiConfig`, login answers lose `ui_config`, as on a KAZOO
 * whose `blackhole` system config has no `url`.
 */
function remoteClient(options: { eventsUrl?: string; stripUiConfig?: boolean } = {}) {
  const remote = new URL(REMOTE).origin;
  const send = async (request: Request): Promise<Response> => {
    const response = await fetch(new Request(request.url.replace(remote, sandbox.url), request));
    if (!options.stripUiConfig || !/\/(api|user)_auth$/.test(new URL(request.url).pathname)) return response;
    const body = await response.json();
    delete body.data.ui_config;
    return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
  };
  return createAudian({
    apiKey: sandbox.apiKey,
    baseUrl: REMOTE,
    fetch: (input, init) => send(input instanceof Request ? new Request(input, init) : new Request(String(input), init)),
    ...(options.eventsUrl ? { eventsUrl: options.eventsUrl } : {}),
  });
}

describe('audian.events URL: option → AUDIAN_EVENTS_URL → the login answer (crossbar_util:get_kazoo_websocket_config/1) → loopback', () => {
  it('a remote API: the socket connects to the URL the login answer names, and events flow over it', async () => {
    const audian = remoteClient();
    const created = audian.events.subscribe('object.doc_created.user');
    await created.ready;
    expect(await audian.events.url()).toBe(sandbox.eventsUrl);
    expect((await audian.session()).eventsUrl).toBe(sandbox.eventsUrl);
    const user = await audian.users.create({ first_name: 'Login', last_name: 'Answer' });
    const { value: event } = await created.next();
    expect(event?.data.id).toBe(user.id);
    audian.events.close();
  });

  it('an eventsUrl option wins over the login answer (the socket opens there)', async () => {
    const given = `ws://localhost:${sandbox.port}/`;
    const audian = remoteClient({ eventsUrl: given });
    const created = audian.events.subscribe('object.doc_created.user');
    await created.ready;
    expect(await audian.events.url()).toBe(given);
    audian.events.close();
  });

  it('AUDIAN_EVENTS_URL wins over the login answer', async () => {
    const previous = process.env.AUDIAN_EVENTS_URL;
    process.env.AUDIAN_EVENTS_URL = `ws://localhost:${sandbox.port}/?from=env`;
    try {
      const audian = remoteClient();
      const created = audian.events.subscribe('object.doc_created.user');
      await created.ready;
      expect(await audian.events.url()).toBe(`ws://localhost:${sandbox.port}/?from=env`);
      audian.events.close();
    } finally {
      if (previous === undefined) delete process.env.AUDIAN_EVENTS_URL;
      else process.env.AUDIAN_EVENTS_URL = previous;
    }
  });
});

describe('audian.events.onReconnect', () => {
  it('is called after the sandbox restarts on the same port and the subscriptions are sent again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audian-reconnect-'));
    let first = await startSandbox({ port: 0, dbPath: join(dir, 'db.sqlite') });
    try {
      const audian = createAudian({ apiKey: first.apiKey, baseUrl: first.apiUrl });
      const reconnected = new Promise<{ attempts: number }>((resolve) => audian.events.onReconnect(resolve));
      const removed = vi.fn();
      audian.events.onReconnect(removed)();
      const created = audian.events.subscribe('object.doc_created.user');
      await created.ready;
      const port = first.port;
      await first.stop();
      first = await startSandbox({ port, dbPath: join(dir, 'db.sqlite') });
      const info = await reconnected;
      expect(info.attempts).toBeGreaterThanOrEqual(1);
      expect(removed).not.toHaveBeenCalled();
      // The subscription survived: an event after the restart arrives.
      const user = await audian.users.create({ first_name: 'After', last_name: 'Restart' });
      const { value: event } = await created.next();
      expect(event?.data.id).toBe(user.id);
      audian.events.close();
    } finally {
      await first.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('audian.events', () => {
  it('subscribe yields the object.doc_created.user event of a user created through the same client', async () => {
    const audian = createAudian({ apiKey: sandbox.apiKey, baseUrl: sandbox.apiUrl, eventsUrl: sandbox.eventsUrl });
    const created = audian.events.subscribe('object.doc_created.user');
    await created.ready;
    const user = await audian.users.create({ first_name: 'Grace', last_name: 'Hopper' });
    const { value: event } = await created.next();
    expect(event).toMatchObject({ name: 'doc_created', data: { id: user.id, type: 'user' } });
    audian.events.close();
  });

  it('an API on 127.0.0.1 defaults to its own port for events (the sandbox serves both)', async () => {
    const audian = createAudian({ apiKey: sandbox.apiKey, baseUrl: sandbox.apiUrl });
    const created = audian.events.subscribe('object.doc_created.user');
    await created.ready;
    const user = await audian.users.create({ first_name: 'Alan', last_name: 'Turing' });
    const { value: event } = await created.next();
    expect(event?.data.id).toBe(user.id);
    audian.events.close();
  });

  it('close() ends a running for-await loop and later subscribe calls throw', async () => {
    const audian = createAudian({ apiKey: sandbox.apiKey, baseUrl: sandbox.apiUrl, eventsUrl: sandbox.eventsUrl });
    const edits = audian.events.subscribe('object.doc_edited.user');
    await edits.ready;
    const seen: unknown[] = [];
    const loop = (async () => {
      for await (const event of edits) seen.push(event);
      return 'ended';
    })();
    audian.events.close();
    await expect(loop).resolves.toBe('ended');
    expect(seen).toEqual([]);
    expect(() => audian.events.subscribe('object.doc_edited.user')).toThrow(/closed/);
  });

  it('a remote API whose login answer names no websocket (no blackhole url): the subscription rejects naming eventsUrl and AUDIAN_EVENTS_URL', async () => {
    const previous = process.env.AUDIAN_EVENTS_URL;
    delete process.env.AUDIAN_EVENTS_URL;
    try {
      const audian = remoteClient({ stripUiConfig: true });
      const subscription = audian.events.subscribe('object.doc_created.user');
      const error = await subscription.ready.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).argument).toBe('eventsUrl');
      expect((error as InvalidArgumentError).message).toMatch(/AUDIAN_EVENTS_URL/);
      audian.events.close();
    } finally {
      if (previous !== undefined) process.env.AUDIAN_EVENTS_URL = previous;
    }
  });

  it('AUDIAN_EVENTS_URL is read when no eventsUrl is given, and a non-websocket URL is refused naming it', () => {
    const previous = process.env.AUDIAN_EVENTS_URL;
    process.env.AUDIAN_EVENTS_URL = 'https://crossbar.example.com:5555/';
    try {
      expect(() => createAudian({ apiKey: sandbox.apiKey, baseUrl: 'https://crossbar.example.com:8443/v2/' })).toThrow(
        /AUDIAN_EVENTS_URL must be a ws:\/\/ or wss:\/\/ URL/,
      );
      expect(() =>
        createAudian({ apiKey: sandbox.apiKey, baseUrl: 'https://crossbar.example.com:8443/v2/', eventsUrl: 'not a url' }),
      ).toThrow(/^eventsUrl must be/);
    } finally {
      if (previous === undefined) delete process.env.AUDIAN_EVENTS_URL;
      else process.env.AUDIAN_EVENTS_URL = previous;
    }
  });
});
