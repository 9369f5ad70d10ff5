import { InvalidArgumentError } from '@audian/core';
import { createAudian } from '@audian/resources';
import { type Sandbox, startSandbox } from '@audian/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});

afterAll(async () => {
  await sandbox?.stop();
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

  it('without an events URL for a remote API, audian.events throws naming eventsUrl and AUDIAN_EVENTS_URL', () => {
    const previous = process.env.AUDIAN_EVENTS_URL;
    delete process.env.AUDIAN_EVENTS_URL;
    try {
      const audian = createAudian({ apiKey: sandbox.apiKey, baseUrl: 'https://crossbar.example.com:8443/v2/' });
      let error: unknown;
      try {
        audian.events;
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).message).toMatch(/eventsUrl/);
      expect((error as InvalidArgumentError).message).toMatch(/AUDIAN_EVENTS_URL/);
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
