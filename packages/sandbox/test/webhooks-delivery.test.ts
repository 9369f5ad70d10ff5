import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvalidArgumentError } from '@audian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index';
import { type Harness, harness } from './helpers';

type Json = Record<string, unknown>;

interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** Polls until `read` answers something truthy (deliveries run after the write that caused them). */
async function until<T>(read: () => Promise<T | undefined | false> | T | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await read();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('webhooks fire (webhooks_util, webhooks_channel_util, webhooks_object) to loopback receivers', () => {
  let h: Harness;
  let server: Server;
  let base: string;
  const received: Received[] = [];
  const status = 200;

  beforeAll(async () => {
    h = await harness({ demoData: true, subAccounts: 1, calls: { answerAfterMs: 10, durationMs: 10 } });
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        res.writeHead(req.url?.startsWith('/failing') ? 500 : status, { 'content-type': 'text/plain' });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await h.stop();
    await new Promise((resolve) => server.close(resolve));
  });

  const hook = async (data: Json): Promise<string> => {
    const created = await h.call('PUT', `${h.acct}/webhooks`, { data: { name: 'hook', ...data } });
    expect(created.status).toBe(201);
    return String((created.body.data as Json).id);
  };
  const attempts = async (hookId: string) => (await h.call('GET', `${h.acct}/webhooks/${hookId}/attempts`)).body.data as Json[];
  const at = (path: string) => received.filter((r) => r.url.startsWith(path));

  it('channel_create, json format: POSTs KAZOO’s payload with custom_data, X-Hook-ID and X-Account-ID, and records a success attempt', async () => {
    const id = await hook({ hook: 'channel_create', uri: `${base}/create`, format: 'json', custom_data: { team: 'support' } });
    const call = h.sandbox.placeCall({ to: '1002', from: '+14155550123' });
    await call.finished;
    const aLeg = await until(() => at('/create').find((r) => (JSON.parse(r.body) as Json).call_id === call.call_id), 'the A leg hook');
    expect(aLeg?.method).toBe('POST');
    expect(aLeg?.headers['content-type']).toBe('application/json');
    expect(aLeg?.headers['x-hook-id']).toBe(id);
    expect(aLeg?.headers['x-account-id']).toBe(h.sandbox.accountId);
    expect(JSON.parse(String(aLeg?.body))).toMatchObject({
      hook_event: 'channel_create',
      call_id: call.call_id,
      call_direction: 'inbound',
      caller_id_number: '+14155550123',
      callee_id_number: '1002',
      account_id: h.sandbox.accountId,
      team: 'support',
    });
    const logged = await until(async () => ((await attempts(id)).length >= 2 ? attempts(id) : undefined), 'two attempts');
    expect(logged[0]).toMatchObject({
      hook_id: id,
      result: 'success',
      resp_status_code: '200',
      hook_event: 'channel_create',
      method: 'post',
    });
    expect(typeof logged[0]?.timestamp).toBe('number');
    expect(logged[0]).not.toHaveProperty('id');
  });

  it('channel_destroy with http_verb get: the payload travels as a query string (kz_http_util:json_to_querystring)', async () => {
    await hook({ hook: 'channel_destroy', uri: `${base}/destroy`, http_verb: 'get' });
    const call = h.sandbox.placeCall({ to: '1003' });
    await call.finished;
    const hit = await until(
      () => at('/destroy').find((r) => new URL(r.url, base).searchParams.get('call_id') === call.call_id),
      'the destroy hook',
    );
    const query = new URL(hit.url, base).searchParams;
    expect(hit.method).toBe('GET');
    expect(query.get('hook_event')).toBe('channel_destroy');
    expect(query.get('hangup_cause')).toBe('NORMAL_CLEARING');
    expect(query.get('call_id')).toBe(call.call_id);
  });

  it('object, form-data: a document write POSTs {id, account_id, action, type} url-encoded (webhooks_object:format_event/2)', async () => {
    await hook({ hook: 'object', uri: `${base}/object`, custom_data: { type: 'all', action: 'all' } });
    const user = await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Hook', last_name: 'Target' } });
    const userId = String((user.body.data as Json).id);
    const hit = await until(() => at('/object').find((r) => r.body.includes(userId)), 'the object hook');
    expect(hit.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(hit.body);
    expect(Object.fromEntries(form)).toMatchObject({ id: userId, account_id: h.sandbox.accountId, action: 'doc_created', type: 'user' });
  });

  it('a non-200 answer is a failed attempt, not retried; six within a minute disable the hook (webhooks_disabler)', async () => {
    const id = await hook({ hook: 'channel_answer', uri: `${base}/failing`, retries: 3 });
    for (let i = 0; i < 3; i++) await h.sandbox.placeCall({ to: '1002' }).finished;
    const logged = await until(async () => ((await attempts(id)).length >= 6 ? attempts(id) : undefined), 'six failures');
    expect(logged[0]).toMatchObject({ result: 'failure', reason: 'bad response code', resp_status_code: '500', try: 3, retries_left: 2 });
    const stored = await until(async () => {
      const doc = (await h.call('GET', `${h.acct}/webhooks/${id}`)).body.data as Json;
      return doc.enabled === false ? doc : undefined;
    }, 'the hook to be disabled');
    expect(stored.enabled).toBe(false);
    const listed = ((await h.call('GET', `${h.acct}/webhooks`)).body.data as Json[]).find((w) => w.id === id);
    expect(listed).toMatchObject({ enabled: false, disable_reason: 'too many failed attempts' });
    const count = at('/failing').length;
    await h.sandbox.placeCall({ to: '1002' }).finished;
    await h.call('GET', `${h.acct}/webhooks`);
    expect(at('/failing').length).toBe(count);
  });

  it('a refused connection is retried `retries` times, 2 s apart (webhooks_util:retry_hook/3)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const id = await hook({
      hook: 'object',
      uri: `http://127.0.0.1:${port}/gone`,
      retries: 2,
      custom_data: { action: 'doc_created', type: 'device' },
    });
    await h.call('PUT', `${h.acct}/devices`, { data: { name: 'retry me' } });
    const logged = await until(async () => ((await attempts(id)).length >= 2 ? attempts(id) : undefined), 'two attempts');
    expect(logged.map((a) => a.retries_left)).toEqual(['retries exceeded', 2]);
    expect(logged[1]).toMatchObject({ result: 'failure', reason: 'kazoo http client error', client_error: 'econnrefused' });
  }, 15_000);

  it('a host that is not loopback is never contacted without an allow-list: the attempt fails naming it', async () => {
    const id = await hook({
      hook: 'object',
      uri: 'http://192.0.2.10/hook',
      retries: 1,
      custom_data: { action: 'doc_created', type: 'media' },
    });
    await h.call('PUT', `${h.acct}/media`, { data: { name: 'prompt' } });
    const [attempt] = await until(async () => ((await attempts(id)).length > 0 ? attempts(id) : undefined), 'the refused attempt');
    expect(attempt).toMatchObject({ result: 'failure', retries_left: 'retries exceeded' });
    expect(String(attempt?.client_error)).toContain('192.0.2.10');
    await expect(startSandbox({ webhooks: { allow: [''] } })).rejects.toThrow(InvalidArgumentError);
  });

  it('a parent’s hook with include_subaccounts fires for a sub-account’s calls; one without does not (find_webhooks/3)', async () => {
    const children = (await h.call('GET', `${h.acct}/children`)).body.data as Json[];
    const child = String(children[0]?.id);
    await hook({ hook: 'channel_answer', uri: `${base}/inherited`, format: 'json', include_subaccounts: true });
    await hook({ hook: 'channel_answer', uri: `${base}/own-only`, format: 'json' });
    const call = h.sandbox.placeCall({ accountId: child, to: '1001' });
    await call.finished;
    const hit = await until(
      () => at('/inherited').find((r) => (JSON.parse(r.body) as Json).call_id === call.call_id),
      'the inherited hook',
    );
    expect(JSON.parse(hit.body)).toMatchObject({ account_id: child, hook_event: 'channel_answer' });
    expect(hit.headers['x-account-id']).toBe(h.sandbox.accountId);
    expect(at('/own-only').some((r) => (JSON.parse(r.body) as Json).call_id === call.call_id)).toBe(false);
  });

  it('parking: a parked call POSTs the PARK_PARKED event with account_id, less the channel variables (webhooks_parking:format/1)', async () => {
    await hook({ hook: 'parking', uri: `${base}/parking`, format: 'json' });
    await h.call('PUT', `${h.acct}/callflows`, { data: { numbers: ['*4'], flow: { module: 'park', data: {}, children: {} } } });
    const call = h.sandbox.placeCall({ to: '*4', durationMs: 0 });
    const hit = await until(() => at('/parking').find((r) => (JSON.parse(r.body) as Json).call_id === call.call_id), 'the parking hook');
    const body = JSON.parse(hit.body) as Json;
    expect(body).toMatchObject({ event_name: 'PARK_PARKED', parking_slot: '101', account_id: h.sandbox.accountId });
    expect(body).not.toHaveProperty('custom_channel_vars');
    expect(body).not.toHaveProperty('msg_id');
  });

  it('GET …/webhooks/{id}/attempts of an unknown hook is 404', async () => {
    expect((await h.call('GET', `${h.acct}/webhooks/${'0'.repeat(32)}/attempts`)).status).toBe(404);
  });
});
