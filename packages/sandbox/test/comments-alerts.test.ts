import { describe, expect, it } from 'vitest';
import { childLogin } from './call-routing-helpers';
import { type Doc, data, request, useHarness } from './helpers';

const h = useHarness();

describe('comments on an account (cb_comments)', () => {
  it('adds, sorts by timestamp, reads, replaces and deletes by position, kept in the account document', async () => {
    const base = `${h.acct}/comments`;
    expect((await h.call('GET', base)).body.data).toEqual({ comments: [] });
    const added = await h.call('PUT', base, {
      data: {
        comments: [
          { content: 'second', timestamp: 20 },
          { content: 'first', timestamp: 10 },
        ],
      },
    });
    expect((added.body.data as { comments: Doc[] }).comments.map((c) => c.content)).toEqual(['first', 'second']);
    expect((await h.call('GET', `${base}/1`)).body.data).toEqual({ content: 'second', timestamp: 20 });
    expect((await h.call('GET', `${base}/2`)).body).toMatchObject({ error: '404', message: 'bad_identifier' });
    // Replacing re-sorts, and the answer is whatever sits at that position afterwards.
    expect((await h.call('POST', `${base}/1`, { data: { content: 'earliest', timestamp: 5 } })).body.data).toEqual({
      content: 'first',
      timestamp: 10,
    });
    expect(((await h.call('GET', h.acct)).body.data as Doc).comments).toEqual([
      { content: 'earliest', timestamp: 5 },
      { content: 'first', timestamp: 10 },
    ]);
    expect((await h.call('DELETE', `${base}/0`)).body.data).toEqual({ comments: [{ content: 'first', timestamp: 10 }] });
    expect((await h.call('DELETE', base)).body.data).toEqual({ comments: [] });
    expect((await request(h.sandbox, 'GET', base)).status).toBe(401);
  });
});

describe('alerts (cb_alerts)', () => {
  it('raises port alerts: unconfirmed ports are suspended, an action_required comment asks for action', async () => {
    expect((await h.call('GET', `${h.acct}/alerts`)).body.data).toEqual([]);
    const port = (await h.call('PUT', `${h.acct}/port_requests`, { data: { name: 'Alerted', numbers: { '+12025558801': {} } } })).body
      .data as Doc;
    let alerts = (await h.call('GET', `${h.acct}/alerts`)).body.data as Doc[];
    expect(alerts).toEqual([
      expect.objectContaining({
        id: port.id,
        category: 'port_suspended',
        title: 'Port request requires action',
        message: 'The port request has not been submitted, until it is submitted it will not be processed.',
        from: [{ type: 'account', value: h.sandbox.accountId }],
        clearable: false,
        metadata: expect.objectContaining({ name: 'Alerted', state: 'unconfirmed' }),
      }),
    ]);
    await h.call('PATCH', `${h.acct}/port_requests/${port.id}/submitted`, {
      data: { comments: [{ content: 'Sign the LOA', action_required: true, timestamp: 63900000000 }] },
    });
    alerts = (await h.call('GET', `${h.acct}/alerts`)).body.data as Doc[];
    expect(alerts).toEqual([
      expect.objectContaining({ category: 'port_action_required', message: expect.objectContaining({ content: 'Sign the LOA' }) }),
    ]);
  });

  it('PUT alerts: the super-duper admin creates a system alert, a sub-account admin gets 403 (cb_alerts:validate_alerts/2, kapps_alert:create/5)', async () => {
    const child = await childLogin(h, 'Alerted Tenant');
    const alert = { title: 'Maintenance', message: 'Tonight at 2am', from: [{ type: 'account', value: h.sandbox.accountId }] };
    const body = { ...alert, to: [{ type: child.accountId, value: 'all' }], category: 'maintenance', level: 'info', color: 'red' };
    expect((await request(h.sandbox, 'PUT', `/v2/accounts/${child.accountId}/alerts`, { data: body }, child.token)).status).toBe(403);
    // The first of title, message, from, to missing is the error.
    const missing = await h.call('PUT', `${h.acct}/alerts`, { data: { title: 't', from: [] } });
    expect(missing.status).toBe(400);
    expect(missing.body.data).toEqual({ message: { required: { message: 'missing property' } } });

    const created = await h.call('PUT', `${h.acct}/alerts`, { data: body });
    expect(created.status).toBe(201);
    const id = String(data(created).id);
    // Only the alert's own fields are kept (kapps_alert:maybe_add_options/2).
    expect(data(created)).toEqual({ ...alert, to: body.to, category: 'maintenance', level: 'info', id });
    expect(data(await request(h.sandbox, 'GET', `/v2/accounts/${child.accountId}/alerts/${id}`, {}, child.token))).toEqual(data(created));

    // Addressed to the sub-account (`[AccountId, <<"all">>]`, cb_alerts:view_keys/1): the view's row, clearable.
    const listed = (await request(h.sandbox, 'GET', `/v2/accounts/${child.accountId}/alerts`, {}, child.token)).body.data as Doc[];
    expect(listed).toEqual([
      {
        id,
        title: 'Maintenance',
        message: 'Tonight at 2am',
        category: 'maintenance',
        level: 'info',
        from: alert.from,
        created: expect.any(Number),
        clearable: true,
      },
    ]);
    // The master account sees it as a descendant's only when addressed that way.
    expect(((await h.call('GET', `${h.acct}/alerts`)).body.data as Doc[]).map((a) => a.id)).not.toContain(id);
    const toDescendant = await h.call('PUT', `${h.acct}/alerts`, {
      data: { ...alert, to: [{ type: 'descendants', value: [child.accountId, 'all'] }] },
    });
    expect(((await h.call('GET', `${h.acct}/alerts`)).body.data as Doc[]).map((a) => a.id)).toContain(data(toDescendant).id);

    const removed = await request(h.sandbox, 'DELETE', `/v2/accounts/${child.accountId}/alerts/${id}`, {}, child.token);
    expect(removed.status).toBe(200);
    expect(data(removed)._read_only).toEqual({ deleted: true });
    expect((await request(h.sandbox, 'GET', `/v2/accounts/${child.accountId}/alerts`, {}, child.token)).body.data).toEqual([]);
    expect((await h.call('GET', `${h.acct}/alerts/${id}`)).body.message).toBe('bad_identifier');
  });

  it('everyone’s alerts reach every account; an expired alert is dropped (cb_alerts:should_filter_alert/1); unknown ids are bad identifiers (cb_alerts:read/2)', async () => {
    const child = await childLogin(h, 'Everyone Tenant');
    const everyone = { title: 'Hello', message: 'To all', from: [], to: [{ type: 'all', value: 'all' }] };
    const live = await h.call('PUT', `${h.acct}/alerts`, { data: everyone });
    const expired = await h.call('PUT', `${h.acct}/alerts`, { data: { ...everyone, expiration_date: 63000000000 } });
    expect(expired.status).toBe(201);
    const seen = ((await request(h.sandbox, 'GET', `/v2/accounts/${child.accountId}/alerts`, {}, child.token)).body.data as Doc[]).map(
      (a) => a.id,
    );
    expect(seen).toEqual([data(live).id]);
    expect((await h.call('GET', `${h.acct}/alerts/${data(expired).id}`)).status).toBe(404);
    await h.call('DELETE', `${h.acct}/alerts/${data(live).id}`);
    for (const method of ['GET', 'DELETE']) {
      const r = await h.call(method, `${h.acct}/alerts/${'a'.repeat(32)}`);
      expect(r.status).toBe(404);
      expect(r.body.message).toBe('bad_identifier');
    }
  });
});
