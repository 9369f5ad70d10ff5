import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness, request } from './helpers';

type Doc = Record<string, unknown> & { id: string };
let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.stop());

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

  it('creating an alert is for super admins (403); system alerts are not found', async () => {
    const put = await h.call('PUT', `${h.acct}/alerts`, { data: { title: 't', message: 'm', from: [], to: [] } });
    expect(put.status).toBe(403);
    for (const method of ['GET', 'DELETE']) {
      const r = await h.call(method, `${h.acct}/alerts/${'a'.repeat(32)}`);
      expect(r.status).toBe(404);
      expect(r.body.message).toBe('bad_identifier');
    }
  });
});
