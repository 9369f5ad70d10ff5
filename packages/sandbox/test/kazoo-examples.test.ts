import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { request, sharedDir, useHarness } from './helpers';

// The KAZOO documentation's own request/response bodies (../shared/kazoo-examples). They are
// reference material outside this repository: without them these tests skip, saying why.
const shared = sharedDir();
if (!shared) console.warn('kazoo-examples: ../shared/kazoo-examples not found (set AUDIAN_SHARED_DIR); skipping the example tests');
const example = (name: string): Record<string, unknown> & { data?: Record<string, unknown> } =>
  JSON.parse(readFileSync(join(shared as string, 'kazoo-examples', name), 'utf8'));
const isPlaceholder = (v: unknown) => typeof v === 'string' && /^\{[A-Z_]+\}$/.test(v);

const h = useHarness();

/** Every key of the example that the sandbox also returns has the same value (ids and placeholders aside). */
function expectAgreement(ours: Record<string, unknown>, theirs: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(theirs)) {
    if (key === 'id' || isPlaceholder(value) || !(key in ours)) continue;
    expect(ours[key], key).toEqual(value);
  }
}

describe.skipIf(!shared)('KAZOO documentation examples', () => {
  it('users.create: the documented request creates a user with the documented defaults', async () => {
    const r = await h.call('PUT', `${h.acct}/users`, {
      raw: JSON.stringify(example('users.create.request.json')),
      headers: { 'content-type': 'application/json' },
    });
    expect(r.status).toBe(201);
    const documented = example('users.create.response.json');
    for (const key of Object.keys(documented)) if (key !== 'revision') expect(r.body).toHaveProperty(key);
    const ours = r.body.data as Record<string, unknown>;
    expectAgreement(ours, documented.data as Record<string, unknown>);
    for (const key of [
      'enabled',
      'priv_level',
      'hotdesk',
      'require_password_update',
      'verified',
      'vm_to_email_enabled',
      'call_restriction',
      'contact_list',
      'music_on_hold',
      'ringtones',
    ]) {
      expect(ours, key).toHaveProperty(key);
    }
  });

  it('users.update and users.patch: the documented bodies replace and patch', async () => {
    const user = (await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'User', last_name: 'Three', email: 'x@example.com' } })).body
      .data as { id: string };
    const updated = await h.call('POST', `${h.acct}/users/${user.id}`, { raw: JSON.stringify(example('users.update.request.json')) });
    expect(updated.status).toBe(200);
    expect(updated.body.data).not.toHaveProperty('email');
    expectAgreement(updated.body.data as Record<string, unknown>, example('users.update.response.json').data as Record<string, unknown>);
    const patched = await h.call('PATCH', `${h.acct}/users/${user.id}`, { raw: JSON.stringify(example('users.patch.request.json')) });
    expect(patched.body.data).toMatchObject({ enabled: false, first_name: 'User' });
  });

  it('devices.create and devices.patch', async () => {
    const r = await h.call('PUT', `${h.acct}/devices`, { raw: JSON.stringify(example('devices.create.request.json')) });
    expect(r.status).toBe(201);
    const device = r.body.data as Record<string, unknown> & { id: string };
    expectAgreement(device, { name: 'New Device', enabled: true });
    const patched = await h.call('PATCH', `${h.acct}/devices/${device.id}`, { raw: JSON.stringify(example('devices.patch.request.json')) });
    expect(patched.body.data).toMatchObject({ presence_id: 'dis_my_device', name: 'New Device' });
    const notify = await h.call('PUT', `${h.acct}/devices/${device.id}`, { raw: JSON.stringify(example('devices.notify.request.json')) });
    expect(notify.status).toBe(202);
  });

  it('vmboxes.create: the documented box round-trips', async () => {
    const request_ = example('vmboxes.create.request.json');
    const r = await h.call('PUT', `${h.acct}/vmboxes`, { raw: JSON.stringify(request_) });
    expect(r.status).toBe(201);
    expectAgreement(r.body.data as Record<string, unknown>, request_.data as Record<string, unknown>);
    const listed = (await h.call('GET', `${h.acct}/vmboxes`)).body.data as Record<string, unknown>[];
    const documentedSummary = (example('vmboxes.list.response.json').data as unknown as Record<string, unknown>[])[0] as Record<
      string,
      unknown
    >;
    expect(Object.keys(listed[0] ?? {}).sort()).toEqual([...Object.keys(documentedSummary), 'flags'].sort());
  });

  it('users.list: the summary has the documented fields (plus flags, as 5.x views emit)', async () => {
    await h.call('PUT', `${h.acct}/users`, {
      data: {
        first_name: 'User',
        last_name: 'One',
        email: 'user1@example.com',
        username: 'user1',
        password: 'pw-user1',
        timezone: 'America/Los_Angeles',
        caller_id: { external: { number: '+15555550100' } },
      },
    });
    const listed = (await h.call('GET', `${h.acct}/users?filter_username=user1`)).body.data as Record<string, unknown>[];
    const documented = (example('users.list.response.json').data as unknown as Record<string, unknown>[])[0] as Record<string, unknown>;
    expect(Object.keys(listed[0] ?? {}).sort()).toEqual([...Object.keys(documented), 'flags'].sort());
    expect(listed[0]?.features).toEqual(documented.features);
  });

  it('api_auth: the documented request logs in; the response has the documented envelope', async () => {
    const body = example('api_auth.create.request.json');
    (body.data as Record<string, unknown>).api_key = h.sandbox.apiKey;
    const r = await request(h.sandbox, 'PUT', '/v2/api_auth', { raw: JSON.stringify(body) });
    const documented = example('api_auth.create.response.json');
    for (const key of Object.keys(documented)) expect(r.body).toHaveProperty(key);
    // owner_id only comes with user logins (the API-key view carries no owner)
    const dataKeys = Object.keys(documented.data as object).filter((k) => k !== 'owner_id');
    for (const key of dataKeys) expect(r.body.data).toHaveProperty(key);
  });

  it('user_auth: the documented request shape is what the sandbox accepts', async () => {
    const body = example('user_auth.create.request.json');
    expect(Object.keys(body.data as object).sort()).toEqual(['account_name', 'credentials', 'method']);
    const r = await request(h.sandbox, 'PUT', '/v2/user_auth', {
      // the documented values are placeholders (`[md5|sha]`): fill them in
      data: { ...(body.data as object), method: 'md5', credentials: 'd41d8cd98f00b204e9800998ecf8427e', account_name: 'Nobody Here' },
    });
    expect(r.status).toBe(400);
    expect(r.body.data).toHaveProperty('account_name.not_found');
  });

  it('errors: 401 and 402 have the documented shapes', async () => {
    const unauthorized = await request(h.sandbox, 'GET', `${h.acct}/users`);
    const documented401 = example('error.unauthorized.response.json');
    const keys401 = Object.keys(documented401).filter((k) => k !== 'version');
    // 5.x adds `tokens` to every envelope (`api_util:create_default_resp_envelope/1`); the documentation example predates it.
    expect(Object.keys(unauthorized.body).sort()).toEqual([...keys401, 'tokens'].sort());
    expect(unauthorized.body.data).toEqual(documented401.data);
    expect(unauthorized.body.message).toBe(documented401.message);

    h.sandbox.setServicePlan({});
    try {
      const payment = await h.call('PUT', `${h.acct}/devices`, { data: { name: 'Billable' } });
      const documented402 = example('error.payment_required.response.json');
      expect(payment.body).toMatchObject({ error: documented402.error, message: documented402.message, status: documented402.status });
      // The documented `data` is 4.x's charges object; 5.x answers a list of invoices (`kz_services_invoices:public_json/1`).
      const [invoice] = payment.body.data as Record<string, unknown>[];
      expect(Object.keys(invoice ?? {}).sort()).toEqual(['activation_charges', 'items', 'plan', 'summary', 'taxes']);
      const accepted = await h.call('PUT', `${h.acct}/devices`, {
        raw: JSON.stringify({ ...example('accept_charges.request.json'), data: { name: 'Billable' } }),
      });
      expect(accepted.status).toBe(201);
    } finally {
      h.sandbox.setServicePlan(false);
    }
  });

  it('token_auth: check and delete answer like the documentation', async () => {
    const token = await h.login(h.sandbox.apiKey);
    const check = await request(h.sandbox, 'GET', '/v2/token_auth', {}, token);
    for (const key of Object.keys(example('token_auth.check.response.json').data as object)) {
      if (key !== 'owner_id') expect(check.body.data).toHaveProperty(key);
    }
    const del = await request(h.sandbox, 'DELETE', '/v2/token_auth', {}, token);
    for (const key of Object.keys(example('token_auth.delete.response.json'))) expect(del.body).toHaveProperty(key);
    // The JWT stays valid after the delete, as in KAZOO (the delete removes a token document a JWT never had).
    expect((await request(h.sandbox, 'GET', '/v2/token_auth', {}, token)).status).toBe(200);
  });

  it('pagination: the documented envelope keys appear on paged listings', async () => {
    for (let i = 0; i < 3; i++) await h.call('PUT', `${h.acct}/menus`, { data: { name: `P${i}` } });
    const first = await h.call('GET', `${h.acct}/menus?page_size=2`);
    const second = await h.call('GET', `${h.acct}/menus?page_size=2&start_key=${first.body.next_start_key}`);
    for (const key of Object.keys(example('pagination.cdrs.first_page.response.json'))) {
      if (key !== 'start_key') expect(first.body).toHaveProperty(key);
      expect(second.body).toHaveProperty(key === 'next_start_key' ? 'page_size' : key);
    }
  });
});
