import { InvalidArgumentError } from '@audian/core';
import { envelope, fakeJwt, type RecordedRequest, startTestServer, type TestServer } from '@audian/test-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAudian, resolveEventsUrl } from '../src/index';

const API_KEY = 'a3f1c9e2b7d4a8f0c6e1b9d3a7f2c8e4b0d6a1f9c3e7b5d2a8f4c0e6b1d9a3f7';
const ACCOUNT = '0c8ae0e1a3f54f8e9d6b2c4a7e1f3b5d';
const REMOTE = 'https://crossbar.example.com:8443/v2/';

let server: TestServer;
let logins: RecordedRequest[];
let savedEnv: string | undefined;

/**
 * A client of a remote API (no loopback derivation applies) whose requests reach the scripted
 * server on 127.0.0.1: only the origin is rewritten.
 */
function remoteClient(options: { eventsUrl?: string } = {}) {
  const origin = new URL(REMOTE).origin;
  const local = new URL(server.baseUrl).origin;
  return createAudian({
    apiKey: API_KEY,
    baseUrl: REMOTE,
    rateLimit: false,
    fetch: (input, init) => {
      if (!(input instanceof Request)) return fetch(String(input).replace(origin, local), init);
      return fetch(new Request(input.url.replace(origin, local), input), init);
    },
    ...options,
  });
}

/** `PUT /v2/api_auth` answering as `crossbar_util:response_auth/3` does, with this `ui_config`. */
function loginAnswers(uiConfig: unknown): void {
  server.route('PUT', '/v2/api_auth', (req) => {
    logins.push(req);
    const token = fakeJwt({ account_id: ACCOUNT, exp: Math.floor(Date.now() / 1000) + 3600 });
    return { status: 201, body: envelope({ account_id: ACCOUNT, ui_config: uiConfig }, { auth_token: token }) };
  });
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  logins = [];
  savedEnv = process.env.AUDIAN_EVENTS_URL;
  delete process.env.AUDIAN_EVENTS_URL;
});
afterEach(() => {
  if (savedEnv === undefined) delete process.env.AUDIAN_EVENTS_URL;
  else process.env.AUDIAN_EVENTS_URL = savedEnv;
});

describe('audian.events URL resolution: option → AUDIAN_EVENTS_URL → login answer → loopback → error', () => {
  it('takes the URL the login answer names (crossbar_util:get_kazoo_websocket_config/1), after logging in', async () => {
    loginAnswers({ api: { kazoo_websocket: { url: 'wss://events.example.com:5555/' } } });
    const audian = remoteClient();
    const events = audian.events; // no login yet: the URL is resolved when the events connect
    expect(logins).toHaveLength(0);
    await expect(events.url()).resolves.toBe('wss://events.example.com:5555/');
    expect(logins).toHaveLength(1);
    expect((await audian.session()).eventsUrl).toBe('wss://events.example.com:5555/');
    events.close();
  });

  it('an eventsUrl option wins over the login answer, and needs no login to be known', async () => {
    loginAnswers({ api: { kazoo_websocket: { url: 'wss://events.example.com:5555/' } } });
    const events = remoteClient({ eventsUrl: 'wss://given.example.com:7777/' }).events;
    await expect(events.url()).resolves.toBe('wss://given.example.com:7777/');
    expect(logins).toHaveLength(0);
    events.close();
  });

  it('AUDIAN_EVENTS_URL wins over the login answer', async () => {
    loginAnswers({ api: { kazoo_websocket: { url: 'wss://events.example.com:5555/' } } });
    process.env.AUDIAN_EVENTS_URL = ' wss://env.example.com:6666/ ';
    const events = remoteClient().events;
    await expect(events.url()).resolves.toBe('wss://env.example.com:6666/');
    events.close();
  });

  it('no URL anywhere (no blackhole url in get_ui_config/0) → the subscription rejects naming eventsUrl', async () => {
    loginAnswers({});
    const events = remoteClient().events;
    const subscription = events.subscribe('object.doc_created.user');
    const error = await subscription.ready.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe('eventsUrl');
    expect((error as Error).message).toMatch(/no events URL for crossbar\.example\.com:8443/);
    expect((error as Error).message).toMatch(/AUDIAN_EVENTS_URL/);
    const failure = await new Promise<Error>((onError) => events.on('object.*.*', () => {}, { onError }));
    expect(failure).toBeInstanceOf(InvalidArgumentError);
    events.close();
  });

  it('a login answer whose URL is not a websocket → an error naming ui_config.api.kazoo_websocket.url', async () => {
    loginAnswers({ api: { kazoo_websocket: { url: 'https://events.example.com/' } } });
    const error = await remoteClient()
      .events.url()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe('ui_config.api.kazoo_websocket.url');
    expect((error as Error).message).toMatch(/pass eventsUrl or set AUDIAN_EVENTS_URL/);
  });

  it('a failed login does not stick: the next use logs in again and resolves', async () => {
    server.route('PUT', '/v2/api_auth', { status: 503, body: { error: '503', message: 'unavailable', status: 'error', data: {} } });
    const audian = createAudian({ apiKey: API_KEY, baseUrl: server.baseUrl, rateLimit: false, retry: { limit: 0 } });
    await expect(audian.events.url()).rejects.toThrow();
    server.reset();
    loginAnswers({ api: { kazoo_websocket: { url: 'ws://127.0.0.1:1/' } } });
    await expect(audian.events.url()).resolves.toBe('ws://127.0.0.1:1/');
  });

  it('an API on 127.0.0.1 whose login answer names none → ws://host:port/ (the sandbox serves both)', async () => {
    loginAnswers({});
    const audian = createAudian({ apiKey: API_KEY, baseUrl: server.baseUrl, rateLimit: false });
    await expect(audian.events.url()).resolves.toBe(`ws://${new URL(server.baseUrl).host}/`);
  });

  it('a malformed option or AUDIAN_EVENTS_URL is still refused at createAudian, naming it', () => {
    expect(() => createAudian({ apiKey: API_KEY, baseUrl: REMOTE, eventsUrl: 'http://x/' })).toThrow(/^eventsUrl must be/);
    process.env.AUDIAN_EVENTS_URL = 'not a url';
    expect(() => createAudian({ apiKey: API_KEY, baseUrl: REMOTE })).toThrow(/^AUDIAN_EVENTS_URL must be/);
  });

  it('resolveEventsUrl (the rule the CLI shares) names the given flag in its errors', () => {
    expect(() => resolveEventsUrl({ givenName: '--events-url', baseUrl: REMOTE })).toThrow(/pass --events-url \(wss:\/\/HOST:PORT\/\)/);
    expect(() => resolveEventsUrl({ given: 'ftp://x/', givenName: '--events-url', baseUrl: REMOTE })).toThrow(/^--events-url must be/);
    expect(resolveEventsUrl({ env: '  ', login: 'wss://login.example.com/', baseUrl: REMOTE })).toBe('wss://login.example.com/');
  });
});
