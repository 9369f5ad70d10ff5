import { describe, expect, it } from 'vitest';
import { request, useHarness } from './helpers';

const h = useHarness();

describe('about, acls and webhook samples', () => {
  it('GET /v2/about and …/about answer the version (cb_about:display_version/1); a token is needed', async () => {
    const r = await h.call('GET', '/v2/about');
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ version: expect.any(String) });
    expect((await h.call('GET', `${h.acct}/about`)).body.data).toEqual(r.body.data);
    expect((await request(h.sandbox, 'GET', '/v2/about')).status).toBe(401);
  });

  it('GET …/acls answers the (empty) SIP access rules', async () => {
    const r = await h.call('GET', `${h.acct}/acls`);
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({});
  });

  it('webhook samples are open to anyone, with or without an account, and filter like a listing', async () => {
    const names = await request(h.sandbox, 'GET', '/v2/webhooks/samples');
    expect(names.status).toBe(200);
    expect(names.body.data).toContain('webhooks_notifications');
    expect((await request(h.sandbox, 'GET', `${h.acct}/webhooks/samples`)).body.data).toEqual(names.body.data);
    const filtered = await request(h.sandbox, 'GET', `${h.acct}/webhooks/samples/webhooks_notifications?filter_event_name=missed_call`);
    expect(filtered.body.data).toEqual([expect.objectContaining({ event_name: 'missed_call' })]);
    expect((await request(h.sandbox, 'GET', '/v2/webhooks/samples/webhooks_nope')).status).toBe(404);
  });
});
