import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from './helpers';

type Hit = Record<string, unknown> & { id: string };
let h: Harness;
beforeAll(async () => {
  h = await harness({ demoData: true });
});
afterAll(() => h.stop());
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
});
