import { createConnection } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Doc, type Harness, harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterEach(() => {
  h.sandbox.clearFaults();
  h.sandbox.setRateLimit(false);
  h.sandbox.setServicePlan(false);
});
afterAll(() => h.stop());

const count = async (path: string) => ((await h.call('GET', `${h.acct}/${path}?paginate=false`)).body.data as unknown[]).length;

describe('402 accept charges', () => {
  it('answers creating users and devices with 402 and the charges until accept_charges is sent', async () => {
    h.sandbox.setServicePlan({ charges: { users: { rate: 5, activation_charges: 2 } } });
    const before = await count('users');
    const first = await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Bill', last_name: 'Able', priv_level: 'admin' } });
    expect(first.status).toBe(402);
    expect(first.body).toMatchObject({ error: '402', message: 'accept charges', status: 'error' });
    // KAZOO 5.x: a list of invoices (`crossbar_services:dry_run/3`, `kz_services_invoice:public_json/1`).
    expect(first.body.data).toEqual([
      {
        items: [
          {
            category: 'users',
            item: 'admin',
            quantity: 2,
            billable: 2,
            rate: 5,
            total: 10,
            changes: { type: 'modified', difference: { billable: 1, quantity: 1 } },
          },
        ],
        activation_charges: [{ category: 'users', item: 'admin', billable: 1, rate: 2, total: 2 }],
        taxes: [],
        summary: { today: 2, recurring: 10 },
        plan: { users: { _all: { rate: 5, activation_charge: 2 } } },
      },
    ]);
    expect(await count('users')).toBe(before);
    const accepted = await h.call('PUT', `${h.acct}/users`, {
      envelope: { accept_charges: true },
      data: { first_name: 'Bill', last_name: 'Able', priv_level: 'admin' },
    });
    expect(accepted.status).toBe(201);
    expect(await count('users')).toBe(before + 1);
    // not billable under this plan
    expect((await h.call('PUT', `${h.acct}/devices`, { data: { name: 'Free phone' } })).status).toBe(201);
  });

  it('charges users and devices by default, validates before charging, and charges updates only when they add billable quantities', async () => {
    h.sandbox.setServicePlan({});
    expect((await h.call('PUT', `${h.acct}/devices`, { data: { name: 'Phone' } })).status).toBe(402);
    expect((await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'No last name' } })).status).toBe(400);
    const menu = await h.call('PUT', `${h.acct}/menus`, { data: { name: 'Not billable' } });
    expect(menu.status).toBe(201);
    h.sandbox.setServicePlan(false);
    const device = (await h.call('PUT', `${h.acct}/devices`, { data: { name: 'Phone' } })).body.data as Doc;
    h.sandbox.setServicePlan({});
    expect((await h.call('PATCH', `${h.acct}/devices/${device.id}`, { data: { name: 'Renamed' } })).status).toBe(200);
    // `crossbar_services:maybe_dry_run/2` runs on every save: promoting a user adds an `admin` item.
    h.sandbox.setServicePlan(false);
    const user = (await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Pro', last_name: 'Moted', priv_level: 'user' } })).body
      .data as Doc;
    h.sandbox.setServicePlan({});
    const promoted = await h.call('PATCH', `${h.acct}/users/${user.id}`, { data: { priv_level: 'admin' } });
    expect(promoted.status).toBe(402);
    const [invoice] = promoted.body.data as { items: { item: string; quantity: number; changes?: unknown }[] }[];
    expect(invoice?.items.find((i) => i.item === 'admin')).toMatchObject({ changes: { type: 'modified', difference: { quantity: 1 } } });
    expect(invoice?.items.find((i) => i.item === 'user')).toMatchObject({ changes: { difference: { quantity: -1 } } });
    const posted = await h.call('POST', `${h.acct}/users/${user.id}`, {
      data: { first_name: 'Pro', last_name: 'Moted', priv_level: 'admin' },
    });
    expect(posted.status).toBe(402);
    expect(((await h.call('GET', `${h.acct}/users/${user.id}`)).body.data as Doc).priv_level).toBe('user');
    const accepted = await h.call('PATCH', `${h.acct}/users/${user.id}`, {
      envelope: { accept_charges: true },
      data: { priv_level: 'admin' },
    });
    expect(accepted.status).toBe(200);
    // A rename adds nothing billable.
    expect((await h.call('PATCH', `${h.acct}/users/${user.id}`, { data: { first_name: 'Renamed' } })).status).toBe(200);
    h.sandbox.setServicePlan(false);
  });
});

describe('rate limiting', () => {
  it('reports tokens in every envelope and answers 429 too_many_requests when the bucket is empty', async () => {
    h.sandbox.setRateLimit({ capacity: 5, refillPerSecond: 0 });
    const seen: number[] = [];
    const remaining: unknown[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await h.call('GET', `${h.acct}/users`);
      seen.push(r.status);
      remaining.push(r.body.tokens);
    }
    expect(seen).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(remaining.slice(0, 5)).toEqual([0, 1, 2, 3, 4].map((i) => ({ consumed: 1, remaining: 4 - i })));
    // A refused request still reports its cost (`api_util:get_token_obj/1` reads the configured cost).
    expect(remaining[5]).toEqual({ consumed: 1, remaining: 0 });
    const limited = await h.call('GET', `${h.acct}/users`);
    expect(limited.body).toMatchObject({ error: '429', message: 'too_many_requests', data: { message: 'too many requests' } });
  });

  it('keeps one bucket per client IP and account in the URL, and refills', async () => {
    h.sandbox.setRateLimit({ capacity: 2, refillPerSecond: 0 });
    const other = h.sandbox.createAccount({ name: 'Other bucket' });
    await h.call('GET', `${h.acct}/users`);
    await h.call('GET', `${h.acct}/users`);
    expect((await h.call('GET', `${h.acct}/users`)).status).toBe(429);
    const otherToken = await h.login(other.apiKey);
    const elsewhere = await h.call('GET', `/v2/accounts/${other.accountId}/users`, { token: otherToken });
    expect(elsewhere.status).toBe(200);
    // one token per 1000 s: real time passing during the test never refills the bucket, the clock does
    h.sandbox.setRateLimit({ capacity: 2, refillPerSecond: 0.001 });
    await h.call('GET', `${h.acct}/users`);
    await h.call('GET', `${h.acct}/users`);
    expect((await h.call('GET', `${h.acct}/users`)).status).toBe(429);
    h.sandbox.advanceClock(2000);
    try {
      expect((await h.call('GET', `${h.acct}/users`)).status).toBe(200);
    } finally {
      h.sandbox.advanceClock(0);
    }
  });
});

describe('fault injection', () => {
  it('is off unless asked', () => {
    expect(h.sandbox.faults()).toEqual([]);
  });

  it('error-before answers 5xx without writing; error-after writes, then answers 5xx', async () => {
    const before = await count('menus');
    h.sandbox.addFault({ kind: 'error-before', method: 'PUT', path: '/v2/accounts/*/menus', times: 1, status: 503 });
    const r = await h.call('PUT', `${h.acct}/menus`, { data: { name: 'Lost' } });
    expect(r.status).toBe(503);
    expect(r.body).toMatchObject({ status: 'error', error: '503' });
    expect(await count('menus')).toBe(before);
    h.sandbox.addFault({ kind: 'error-after', method: 'PUT', path: '/v2/accounts/*/menus', times: 1 });
    expect((await h.call('PUT', `${h.acct}/menus`, { data: { name: 'Written' } })).status).toBe(500);
    expect(await count('menus')).toBe(before + 1);
    expect((await h.call('PUT', `${h.acct}/menus`, { data: { name: 'Normal' } })).status).toBe(201);
  });

  it('drop-before closes the connection with nothing written; drop-after after the write committed', async () => {
    const before = await count('menus');
    h.sandbox.addFault({ kind: 'drop-before', method: 'PUT', times: 1 });
    await expect(h.call('PUT', `${h.acct}/menus`, { data: { name: 'Dropped' } })).rejects.toThrow();
    expect(await count('menus')).toBe(before);
    h.sandbox.addFault({ kind: 'drop-after', method: 'PUT', times: 1 });
    await expect(h.call('PUT', `${h.acct}/menus`, { data: { name: 'Committed' } })).rejects.toThrow();
    const names = ((await h.call('GET', `${h.acct}/menus?paginate=false`)).body.data as Doc[]).map((m) => m.name);
    expect(names).toContain('Committed');
    expect(h.sandbox.stats().byStatus.dropped).toBeGreaterThanOrEqual(2);
  });

  it('malformed answers with a body that is not JSON; truncated cuts the body short', async () => {
    h.sandbox.addFault({ kind: 'malformed', method: 'GET', path: '/v2/accounts/**', times: 1 });
    const r = await h.call('GET', `${h.acct}/users`);
    expect(r.status).toBe(200);
    expect(() => JSON.parse(r.text)).toThrow();
    h.sandbox.addFault({ kind: 'truncated', method: 'GET', path: /\/users$/, times: 1 });
    await expect(
      fetch(`${h.sandbox.url}${h.acct}/users`, { headers: { 'x-auth-token': h.token } }).then((res) => res.text()),
    ).rejects.toThrow();
    expect((await h.call('GET', `${h.acct}/users`)).status).toBe(200);
  });

  it('html answers an HTML error page, as a proxy would', async () => {
    h.sandbox.addFault({ kind: 'html', times: 1 });
    const r = await h.call('GET', `${h.acct}/users`);
    expect(r.status).toBe(502);
    expect(r.headers.get('content-type')).toContain('text/html');
    expect(r.text).toContain('<html>');
  });

  it('delay holds the answer', async () => {
    h.sandbox.addFault({ kind: 'delay', delayMs: 300, times: 1 });
    const started = Date.now();
    expect((await h.call('GET', `${h.acct}/users`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('applies to the next N matching requests only, and can be removed', async () => {
    const id = h.sandbox.addFault({ kind: 'error-before', method: 'GET', path: '/v2/accounts/*/devices', times: 2 });
    expect((await h.call('GET', `${h.acct}/users`)).status).toBe(200);
    expect((await h.call('GET', `${h.acct}/devices`)).status).toBe(500);
    expect(h.sandbox.faults()).toEqual([{ id, rule: expect.objectContaining({ kind: 'error-before' }), remaining: 1 }]);
    expect((await h.call('GET', `${h.acct}/devices`)).status).toBe(500);
    expect((await h.call('GET', `${h.acct}/devices`)).status).toBe(200);
    const forever = h.sandbox.addFault({ kind: 'error-before', method: 'DELETE' });
    expect(h.sandbox.removeFault(forever)).toBe(true);
    expect(h.sandbox.removeFault(forever)).toBe(false);
  });

  it('rejects an unknown fault kind', () => {
    expect(() => h.sandbox.addFault({ kind: 'explode' as never })).toThrow(/fault.kind/);
  });
});

describe('request counters', () => {
  it('counts requests by method, route and status', async () => {
    h.sandbox.resetStats();
    await h.call('GET', `${h.acct}/users`);
    await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Count', last_name: 'Me' } });
    await h.call('GET', `${h.acct}/users/${'0'.repeat(32)}`);
    const stats = h.sandbox.stats();
    expect(stats.total).toBe(3);
    expect(stats.byMethod).toEqual({ GET: 2, PUT: 1 });
    expect(stats.byRoute).toEqual({
      'GET /v2/accounts/{account_id}/users': 1,
      'PUT /v2/accounts/{account_id}/users': 1,
      'GET /v2/accounts/{account_id}/users/{id}': 1,
    });
    expect(stats.byStatus).toEqual({ '200': 1, '201': 1, '404': 1 });
  });
});

describe('raw sockets', () => {
  it('survives a client that disconnects mid-request', async () => {
    await new Promise<void>((resolve) => {
      const socket = createConnection(h.sandbox.port, '127.0.0.1', () => {
        socket.write(`PUT ${h.acct}/users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"data":`);
        socket.destroy();
        resolve();
      });
    });
    expect((await h.call('GET', `${h.acct}/users`)).status).toBe(200);
  });
});
