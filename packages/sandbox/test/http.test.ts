import { describe, expect, it } from 'vitest';
import { request, useHarness } from './helpers';

const h = useHarness({ maxUploadBytes: 200_000 });

describe('envelope', () => {
  it('carries auth_token, data, request_id, revision, status, timestamp, version, node and tokens', async () => {
    const r = await h.call('GET', `${h.acct}/users`);
    expect(Object.keys(r.body).sort()).toEqual(
      expect.arrayContaining(['auth_token', 'data', 'node', 'page_size', 'request_id', 'revision', 'status', 'timestamp', 'version']),
    );
    expect(r.body.auth_token).toBe(h.token);
    expect(r.body.revision).toBe('automatic');
    expect(r.body.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // 5.x puts the bucket on every answer, rate limit enforced or not (`api_util:get_token_obj/1`).
    expect(r.body.tokens).toEqual({ consumed: 1, remaining: expect.any(Number) });
    const error = await h.call('GET', `${h.acct}/users/${'0'.repeat(32)}`);
    expect(error.body.tokens).toEqual({ consumed: 1, remaining: expect.any(Number) });
    const anonymous = await request(h.sandbox, 'PUT', '/v2/api_auth', { data: { api_key: h.sandbox.apiKey } });
    expect(anonymous.body.tokens).toEqual({ consumed: 1, remaining: expect.any(Number) });
  });

  it('echoes X-Request-ID in the body and the header', async () => {
    const r = await h.call('GET', `${h.acct}/users`, { headers: { 'x-request-id': 'req-1234' } });
    expect(r.body.request_id).toBe('req-1234');
    expect(r.headers.get('x-request-id')).toBe('req-1234');
    const generated = await h.call('GET', `${h.acct}/users`);
    expect(generated.body.request_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('leaves version out when the request was not authenticated', async () => {
    const r = await request(h.sandbox, 'GET', `${h.acct}/users`);
    expect(r.status).toBe(401);
    expect(r.body).not.toHaveProperty('version');
  });

  it('gives single documents their revision and an ETag', async () => {
    const created = await h.call('PUT', `${h.acct}/menus`, { data: { name: 'Main menu' } });
    expect(created.body.revision).toMatch(/^1-[0-9a-f]{32}$/);
    expect(created.headers.get('etag')).toBe(`"${created.body.revision}"`);
    const id = (created.body.data as { id: string }).id;
    const updated = await h.call('POST', `${h.acct}/menus/${id}`, { data: { name: 'Renamed' } });
    expect(updated.body.revision).toMatch(/^2-/);
  });
});

describe('errors', () => {
  it('answers an unknown URL with 404 not_found', async () => {
    for (const path of [`${h.acct}/nothing_here`, '/v2/nothing', `${h.acct}/users/x/y/z`, '/other']) {
      const r = await h.call('GET', path);
      expect(r.status).toBe(404);
      expect(r.body).toMatchObject({ status: 'error', error: '404' });
    }
  });

  it('answers an unknown document with 404 bad_identifier naming the id', async () => {
    const r = await h.call('GET', `${h.acct}/users/${'a'.repeat(32)}`);
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ error: '404', message: 'bad_identifier', data: { cause: 'a'.repeat(32), message: 'bad identifier' } });
  });

  it('answers a verb the endpoint lacks with 405 invalid_method', async () => {
    for (const [method, path] of [
      ['PATCH', `${h.acct}/users`],
      ['PUT', `${h.acct}/users/${'a'.repeat(32)}`],
      ['DELETE', `${h.acct}/cdrs`],
      ['PATCH', `${h.acct}/media/${'a'.repeat(32)}`],
      ['POST', '/v2/api_auth'],
    ] as const) {
      const r = await h.call(method, path, { data: {} });
      expect(r.status, `${method} ${path}`).toBe(405);
      expect(r.body).toMatchObject({ error: '405', message: 'invalid_method', data: { message: 'method not allowed' } });
    }
  });

  it('answers malformed JSON with the json/invalid field error', async () => {
    for (const raw of ['{"data": {', 'not json', '[1,2,3]', '"just a string"']) {
      const r = await h.call('PUT', `${h.acct}/users`, { raw, headers: { 'content-type': 'application/json' } });
      expect(r.status, raw).toBe(400);
      expect(r.body.data).toEqual({ json: { invalid: { message: 'All JSON must be valid', target: 'body' } } });
    }
  });

  it('rejects a write whose envelope lacks data, or whose data is not an object or array', async () => {
    const missing = await h.call('PUT', `${h.acct}/users`, { raw: '{"first_name":"A","last_name":"B"}' });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toBe('invalid request envelope');
    expect(missing.body.data).toHaveProperty('data.required');
    const scalar = await h.call('PUT', `${h.acct}/users`, { raw: '{"data":"x"}' });
    expect(scalar.status).toBe(400);
    expect(scalar.body.data).toHaveProperty('data.type');
  });

  it('answers a body over the upload limit with 413', async () => {
    const r = await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'A', last_name: 'B', blob: 'x'.repeat(300_000) } });
    expect(r.status).toBe(413);
    expect(r.body.data).toEqual({ file: { maxSize: { message: 'Payload or Files must not be more than 200000 bytes', target: 200_000 } } });
    expect((await h.call('GET', `${h.acct}/users`)).status).toBe(200);
  });

  it('answers /v1 with 410', async () => {
    expect((await h.call('GET', '/v1/accounts')).status).toBe(410);
  });
});

describe('CORS', () => {
  it('answers a preflight like Crossbar', async () => {
    const res = await fetch(`${h.sandbox.url}${h.acct}/users`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'x-auth-token',
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toBe('OPTIONS, GET, PUT');
    expect(res.headers.get('access-control-allow-headers')).toContain('x-auth-token');
    expect(res.headers.get('access-control-allow-headers')).toContain('if-match');
    expect(res.headers.get('access-control-max-age')).toBe('86400');
  });

  it('lets a browser read X-Request-ID, Location and ETag', async () => {
    const r = await h.call('PUT', `${h.acct}/menus`, { data: { name: 'Menu' } });
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('access-control-expose-headers')).toBe(
      'content-type, x-auth-token, x-request-id, x-kazoo-cluster-id, location, etag',
    );
  });
});

describe('verb tunnelling', () => {
  it('takes the verb from ?verb= and from the envelope on a POST', async () => {
    const viaQuery = await h.call('POST', `${h.acct}/menus?verb=PUT`, { data: { name: 'Tunnelled' } });
    expect(viaQuery.status).toBe(201);
    const id = (viaQuery.body.data as { id: string }).id;
    const viaEnvelope = await h.call('POST', `${h.acct}/menus/${id}`, { envelope: { verb: 'DELETE' }, data: {} });
    expect(viaEnvelope.status).toBe(200);
    expect((await h.call('GET', `${h.acct}/menus/${id}`)).status).toBe(404);
  });
});
