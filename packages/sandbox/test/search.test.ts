import { beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from './helpers';

type Hit = Record<string, unknown> & { id: string };
const h = useHarness({ demoData: true });
const hits = (r: { body: { data?: unknown } }) => r.body.data as Hit[];

describe('search', () => {
  it('finds users by a name prefix (first then last name), in key order', async () => {
    const r = await h.call('GET', `${h.acct}/search?t=user&q=name&v=al`);
    expect(r.status).toBe(200);
    expect(hits(r)).toEqual([expect.objectContaining({ name: 'Alice Anderson', first_name: 'alice', last_name: 'anderson' })]);
    const all = hits(await h.call('GET', `${h.acct}/search?t=user&q=name&v=true`)).map((x) => x.name);
    expect(all).toEqual([...all].sort((a, b) => String(a).localeCompare(String(b))));
    expect(all).toEqual(expect.arrayContaining(['Alice Anderson', 'Bob Brown', 'Carol Chen', 'Dave Diaz']));
  });

  it('finds callflows by number and by name or number, and sees new and deleted documents', async () => {
    const byNumber = hits(await h.call('GET', `${h.acct}/search?t=callflow&q=number&v=100`));
    expect(byNumber.map((x) => x.numbers)).toEqual([['1001'], ['1002'], ['1003'], ['1004']]);
    expect(byNumber[0]).toMatchObject({ name: 'Alice Anderson' });
    const main = hits(await h.call('GET', `${h.acct}/search?t=callflow&q=number&v=%2B1415`));
    expect(main).toEqual([expect.objectContaining({ name: 'Main number', numbers: ['+14155550100', '0'] })]);
    const both = hits(await h.call('GET', `${h.acct}/search?t=callflow&q=name_and_number&v=main`));
    expect(both.map((x) => x.name)).toEqual(['Main number']);

    const dev = (await h.call('PUT', `${h.acct}/devices`, { data: { name: 'Zebra lobby phone' } })).body.data as Hit;
    expect(hits(await h.call('GET', `${h.acct}/search?t=device&q=name&v=zebra`)).map((x) => x.id)).toEqual([dev.id]);
    await h.call('DELETE', `${h.acct}/devices/${dev.id}`);
    expect(hits(await h.call('GET', `${h.acct}/search?t=device&q=name&v=zebra`))).toEqual([]);
  });

  it('pages with page_size and next_start_key', async () => {
    const first = await h.call('GET', `${h.acct}/search?t=user&q=name&v=true&page_size=2`);
    expect(hits(first)).toHaveLength(2);
    const next = String(first.body.next_start_key);
    const second = await h.call('GET', `${h.acct}/search?t=user&q=name&v=true&page_size=2&start_key=${encodeURIComponent(next)}`);
    expect(hits(second).map((x) => x.id)).not.toContain(hits(first)[0]?.id);
    expect(hits(second).length).toBeGreaterThan(0);
  });

  it('searches sub-accounts with t=account by name, realm or id', async () => {
    const child = (await h.call('PUT', h.acct, { data: { name: 'Acme Widgets', realm: 'acme.sip.example.com' } })).body.data as Hit;
    const byName = hits(await h.call('GET', `${h.acct}/search?t=account&q=name&v=acme`));
    expect(byName).toEqual([{ id: child.id, name: 'Acme Widgets', realm: 'acme.sip.example.com', descendants_count: 0 }]);
    expect(hits(await h.call('GET', `${h.acct}/search?t=account&q=realm&v=acmesip`)).map((x) => x.id)).toEqual([child.id]);
    expect(hits(await h.call('GET', `${h.acct}/search?t=account&q=id&v=${child.id.slice(0, 6)}`)).map((x) => x.id)).toEqual([child.id]);
  });

  it('answers several views at once with search/multi', async () => {
    const r = await h.call('GET', `${h.acct}/search/multi?t=callflow&by_name=alice&by_number=1002`);
    expect(r.status).toBe(200);
    const body = r.body.data as Record<string, Hit[]>;
    expect(body.name?.map((x) => x.name)).toEqual(['Alice Anderson']);
    expect(body.number?.map((x) => x.numbers)).toEqual([['1002']]);
  });

  it('answers missing or unknown parameters with 400 field maps, and other verbs with 405', async () => {
    const noType = await h.call('GET', `${h.acct}/search?q=name&v=a`);
    expect(noType.status).toBe(400);
    expect(noType.body.data).toHaveProperty('t.required');
    const noView = await h.call('GET', `${h.acct}/search?t=user&v=a`);
    expect(noView.body.data).toMatchObject({ q: { required: { target: ['name', 'number', 'name_and_number'] } } });
    const badView = await h.call('GET', `${h.acct}/search?t=user&q=email&v=a`);
    expect(badView.status).toBe(400);
    expect(badView.body.data).toMatchObject({ q: { enum: { cause: 'email' } } });
    expect((await h.call('GET', `${h.acct}/search?t=user&q=name`)).body.data).toHaveProperty('v.required');
    expect((await h.call('GET', `${h.acct}/search/multi?t=account&by_number=1`)).status).toBe(400);
    expect((await h.call('PUT', `${h.acct}/search`, { data: {} })).status).toBe(405);
  });

  it('words each failure as cb_search does (validate_search/2,3,4, validate_multi/2, validate_query/3)', async () => {
    const fields = async (query: string) => (await h.call('GET', `${h.acct}/search${query}`)).body.data;
    expect(await fields('?q=name&v=a')).toEqual({
      t: { required: { message: 'search needs a document type to search on', target: ['account', 'user', 'callflow', 'device'] } },
    });
    expect(await fields('/multi?by_name=a')).toEqual({
      t: { required: { message: 'Search needs a document type to search on', target: ['account', 'user', 'callflow', 'device'] } },
    });
    expect(await fields('?t=user&v=a')).toEqual({
      q: { required: { message: 'search needs a view to search in', target: ['name', 'number', 'name_and_number'] } },
    });
    expect(await fields('?t=user&q=email&v=a')).toEqual({
      q: { enum: { message: 'value not found in enumerated list of values', cause: 'email' } },
    });
    expect(await fields('?t=user&q=name')).toEqual({ v: { required: { message: 'search needs a value to search for' } } });
    expect(await fields('/multi?t=user')).toEqual({
      multi: { enum: { message: 'multi search needs some values to search for', target: ['name', 'number', 'name_and_number'] } },
    });
  });
});

describe('search without an account (GET /v2/search)', () => {
  let child: Hit;
  let grandchild: Hit;
  let childToken: string;
  beforeAll(async () => {
    child = (await h.call('PUT', h.acct, { data: { name: 'Unscoped Parent', realm: 'unscoped-parent.example.com' } })).body.data as Hit;
    grandchild = (await h.call('PUT', `/v2/accounts/${child.id}`, { data: { name: 'Unscoped Kid', realm: 'unscoped-kid.example.com' } }))
      .body.data as Hit;
    const key = (await h.call('GET', `/v2/accounts/${child.id}/api_key`)).body.data as { api_key: string };
    childToken = await h.login(key.api_key);
  });

  // cb_search:validate_search/2 reads the accounts database for t=account and
  // cb_search:get_start_key/3 keys it by cb_context:auth_account_id/1: the login's descendants.
  it("t=account searches the login's descendants, for any login (cb_search:authorize/1, get_start_key/3)", async () => {
    const r = await h.call('GET', '/v2/search?t=account&q=name&v=unscoped');
    expect(r.status, r.text).toBe(200);
    expect(hits(r).map((x) => x.id)).toEqual([grandchild.id, child.id]); // key order: unscopedkid, unscopedparent
    const own = await h.call('GET', '/v2/search?t=account&q=realm&v=unscoped', { token: childToken });
    expect(own.status, own.text).toBe(200);
    expect(hits(own)).toEqual([{ id: grandchild.id, name: 'Unscoped Kid', realm: 'unscoped-kid.example.com', descendants_count: 0 }]);
    const multi = await h.call('GET', '/v2/search/multi?t=account&by_name=unscopedk&by_id=nothing', { token: childToken });
    expect(multi.status, multi.text).toBe(200);
    expect((multi.body.data as Record<string, Hit[]>).name?.map((x) => x.id)).toEqual([grandchild.id]);
    expect((multi.body.data as Record<string, Hit[]>).id).toEqual([]);
    expect((await h.call('GET', '/v2/search?t=account&q=name&v=a', { token: null })).status).toBe(401);
  });

  it('t=account under an account URL is keyed by the login too, not by the URL (cb_search:get_start_key/3)', async () => {
    const r = await h.call('GET', `/v2/accounts/${child.id}/search?t=account&q=name&v=unscoped`);
    expect(hits(r).map((x) => x.id)).toContain(child.id);
    const fromChild = await h.call('GET', `/v2/accounts/${child.id}/search?t=account&q=name&v=unscoped`, { token: childToken });
    expect(hits(fromChild).map((x) => x.id)).toEqual([grandchild.id]);
  });

  it('a missing t is 400 on t; a bad view for t=account is 400 on q (cb_search:validate_search/2, validate_query/3)', async () => {
    const noType = await h.call('GET', '/v2/search?q=name&v=a');
    expect(noType.status).toBe(400);
    expect(noType.body.data).toHaveProperty('t.required');
    const badView = await h.call('GET', '/v2/search?t=account&q=number&v=1');
    expect(badView.status).toBe(400);
    expect(badView.body.data).toMatchObject({ q: { enum: { cause: 'number' } } });
    expect((await h.call('GET', '/v2/search/multi?by_name=a')).body.data).toHaveProperty('t.required');
    expect((await h.call('PUT', '/v2/search', { data: {} })).status).toBe(405);
  });

  // Other types have no database without an account: cb_search:available_query_options/1 crashes in
  // kzs_util:to_database/1, kazoo_bindings swallows it and api_util:validate_data/2's `fatal`
  // context becomes 500 generic_error (cb_context:import_errors/1).
  it('other types answer 500 generic_error without data (cb_search:available_query_options/1 on no database)', async () => {
    for (const path of ['/v2/search?t=user&q=name&v=a', '/v2/search?t=device', '/v2/search/multi?t=callflow&by_name=a']) {
      const r = await h.call('GET', path);
      expect(r.status, `${path} ${r.text}`).toBe(500);
      expect(r.body).toMatchObject({ status: 'error', error: '500', message: 'generic_error' });
      expect(r.body).not.toHaveProperty('data');
    }
  });
});
