import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, type Doc, type Harness, harness, request } from './helpers';

const GREGORIAN = 62_167_219_200;

let h: Harness;
/** A fresh account per suite so counts are exact. */
let acct: string;
let token: string;
const call = (method: string, path: string, data?: unknown) =>
  request(h.sandbox, method, `${acct}${path}`, data === undefined ? {} : { data }, token);
const list = async (path: string) => {
  const r = await call('GET', path);
  expect(r.status, r.text).toBe(200);
  return r;
};

beforeAll(async () => {
  h = await harness();
  const account = h.sandbox.createAccount({ name: 'Listing Co' });
  acct = `/v2/accounts/${account.accountId}`;
  token = await apiLogin(h.sandbox, account.apiKey);
});
afterAll(() => h.stop());

describe('pagination', () => {
  beforeAll(async () => {
    for (let i = 0; i < 120; i++) await call('PUT', '/menus', { name: `Menu ${String(i).padStart(3, '0')}`, idx: i });
  });

  it('pages by 50 by default, with an opaque next_start_key absent on the last page', async () => {
    const seen: string[] = [];
    let startKey: string | undefined;
    const sizes: number[] = [];
    for (let guard = 0; guard < 10; guard++) {
      const r = await list(`/menus${startKey ? `?start_key=${encodeURIComponent(startKey)}` : ''}`);
      const items = r.body.data as Doc[];
      sizes.push(items.length);
      expect(r.body.page_size).toBe(items.length);
      if (startKey) expect(r.body.start_key).toBe(startKey);
      seen.push(...items.map((m) => m.id));
      startKey = r.body.next_start_key as string | undefined;
      if (!startKey) break;
      expect(startKey).toMatch(/^[A-Za-z0-9_-]+$/);
    }
    expect(sizes).toEqual([50, 50, 20]);
    expect(new Set(seen).size).toBe(120);
  });

  it('honours page_size and keeps it across pages', async () => {
    const first = await list('/menus?page_size=7');
    expect((first.body.data as unknown[]).length).toBe(7);
    const second = await list(`/menus?page_size=7&start_key=${first.body.next_start_key}`);
    const ids = new Set([...(first.body.data as Doc[]), ...(second.body.data as Doc[])].map((m) => m.id));
    expect(ids.size).toBe(14);
  });

  it('answers an invalid page_size with 404 faulty_request', async () => {
    const bad = await call('GET', '/menus?page_size=abc');
    expect(bad.status).toBe(404);
    expect(bad.body).toMatchObject({ error: '404', message: 'faulty_request', data: { message: 'invalid page size' } });
    for (const size of ['0', '-3']) {
      const r = await call('GET', `/menus?page_size=${size}`);
      expect(r.status).toBe(404);
      expect(r.body.data).toEqual({ message: 'page size must be at least 1' });
    }
  });

  it('returns everything with paginate=false and no paging keys', async () => {
    const r = await list('/menus?paginate=false');
    expect((r.body.data as unknown[]).length).toBe(120);
    expect(r.body).not.toHaveProperty('page_size');
    expect(r.body).not.toHaveProperty('next_start_key');
  });

  it('sorts descending by default and ascending with ascending=true', async () => {
    const names = async (q: string) => ((await list(`/menus?paginate=false${q}`)).body.data as Doc[]).map((m) => m.id);
    const desc = await names('');
    const asc = await names('&ascending=true');
    expect(asc).toEqual([...desc].reverse());
    expect(await names('&descending=true')).toEqual(desc);
    expect([...asc].sort()).toEqual(asc); // menus are keyed by id
  });

  it('fills pages after filtering', async () => {
    const r = await list('/menus?page_size=10&filter_not_idx=5');
    expect((r.body.data as unknown[]).length).toBe(10);
    const all: Doc[] = [];
    let key: string | undefined;
    do {
      const page = await list(`/menus?page_size=10&filter_not_idx=5${key ? `&start_key=${key}` : ''}`);
      all.push(...(page.body.data as Doc[]));
      key = page.body.next_start_key as string | undefined;
    } while (key);
    expect(all.length).toBe(119);
  });
});

describe('summaries', () => {
  it('lists users with the fields of the crossbar_listing view, sorted by "last first"', async () => {
    await call('PUT', '/users', { first_name: 'Zed', last_name: 'Alpha', email: 'z@example.com', timezone: 'UTC', secret: 'kept out' });
    await call('PUT', '/users', { first_name: 'Amy', last_name: 'Beta', caller_id: { external: { number: '+15555550100' } } });
    const r = await list(`/users?ascending=true&filter_last_name=${encodeURIComponent('["Alpha","Beta"]')}`);
    const users = r.body.data as Doc[];
    expect(users.map((u) => u.last_name)).toEqual(['Alpha', 'Beta']);
    expect(users[0]).toEqual({
      id: users[0]?.id,
      first_name: 'Zed',
      last_name: 'Alpha',
      email: 'z@example.com',
      timezone: 'UTC',
      priv_level: 'user',
      features: ['vm_to_email'],
      flags: [],
    });
    expect(users[1]?.features).toEqual(['caller_id', 'vm_to_email']);
  });

  it('lists devices and callflows with their view fields', async () => {
    await call('PUT', '/devices', { name: 'Desk', sip: { username: 'desk1', password: 'secret-pass' } });
    const [device] = (await list('/devices')).body.data as Doc[];
    expect(device).toEqual({
      id: device?.id,
      name: 'Desk',
      username: 'desk1',
      mac_address: '',
      enabled: true,
      device_type: 'sip_device',
      flags: [],
    });
    const created = await call('PUT', '/callflows', {
      name: 'Main',
      numbers: ['100'],
      flow: {
        module: 'user',
        data: { id: 'a'.repeat(32) },
        children: { _: { module: 'voicemail', data: { id: 'b'.repeat(32) } }, 1: { module: 'user', data: {} } },
      },
    });
    expect(created.status, created.text).toBe(201);
    const [callflow] = (await list('/callflows')).body.data as Doc[];
    expect(callflow).toEqual({
      id: callflow?.id,
      name: 'Main',
      numbers: ['100'],
      patterns: [],
      featurecode: false,
      modules: ['user', 'voicemail'],
      flags: [],
    });
  });
});

describe('sparse fields', () => {
  it('returns only the asked fields (from the whole document) plus id with fields=[…]', async () => {
    await call('PUT', '/devices', { name: 'Sparse', sip: { username: 'sparse1', password: 'secret-pass' }, custom: { deep: 1 } });
    const r = await list(`/devices?filter_name=Sparse&fields=${encodeURIComponent('["name","sip.username","custom"]')}`);
    const [item] = r.body.data as Doc[];
    expect(item).toEqual({ id: item?.id, name: 'Sparse', sip: { username: 'sparse1' }, custom: { deep: 1 } });
  });
});

describe('CSV', () => {
  it('renders a listing as CSV with Accept: text/csv (nested keys flattened), or ?accept=csv', async () => {
    await call('PUT', '/devices', { name: 'Csv, "quoted"', sip: { username: 'csv1', password: 'secret-pass' } });
    const res = await fetch(`${h.sandbox.url}${acct}/devices?filter_sip.username=csv1`, {
      headers: { 'x-auth-token': token, accept: 'text/csv', 'x-file-name': 'devices.csv' },
    });
    expect(res.headers.get('content-type')).toBe('text/csv');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="devices.csv"');
    const [head, row] = (await res.text()).trim().split('\r\n');
    expect(head?.split(',')).toEqual(['id', 'name', 'username', 'mac_address', 'enabled', 'device_type', 'flags']);
    expect(row).toContain('"Csv, ""quoted"""');
    const viaQuery = await fetch(`${h.sandbox.url}${acct}/devices?accept=csv`, { headers: { 'x-auth-token': token } });
    expect(viaQuery.headers.get('content-type')).toBe('text/csv');
  });
});

describe('filters', () => {
  beforeAll(async () => {
    const people = [
      {
        first_name: 'John',
        last_name: 'Filter',
        enabled: true,
        email: 'j@example.com',
        presence_id: '',
        caller_id: { internal: { number: '1001' } },
        team: 'red',
      },
      {
        first_name: 'Jane',
        last_name: 'Filter',
        enabled: false,
        presence_id: '2002',
        caller_id: { internal: { number: '1002' } },
        team: 'blue',
        score: 42,
      },
      { first_name: 'Jim', last_name: 'Filter', enabled: true, tags: ['a', 'b'] },
    ];
    for (const p of people) {
      h.sandbox.advanceClock(100);
      await call('PUT', '/users', p);
    }
    h.sandbox.advanceClock(0);
  });
  const firstNames = async (query: string) =>
    ((await list(`/users?paginate=false&filter_last_name=Filter&${query}`)).body.data as Doc[]).map((u) => u.first_name).sort();

  it('filter_KEY and filter_not_KEY compare string forms', async () => {
    expect(await firstNames('filter_first_name=John')).toEqual(['John']);
    expect(await firstNames('filter_not_first_name=John')).toEqual(['Jane', 'Jim']);
    expect(await firstNames('filter_enabled=true')).toEqual(['Jim', 'John']);
    expect(await firstNames('filter_enabled=false')).toEqual(['Jane']);
    expect(await firstNames('filter_score=42')).toEqual(['Jane']);
    expect(await firstNames('filter_team=')).toEqual(['Jim']); // a missing key compares as ""
  });

  it('a JSON array value means any of them', async () => {
    expect(await firstNames(`filter_first_name=${encodeURIComponent('["John","Jim"]')}`)).toEqual(['Jim', 'John']);
    expect(await firstNames(`filter_not_team=${encodeURIComponent('["red","blue"]')}`)).toEqual(['Jim']);
    expect(await firstNames(`filter_first_name=${encodeURIComponent('"Jane"')}`)).toEqual(['Jane']);
  });

  it('follows dot paths and custom fields', async () => {
    expect(await firstNames('filter_caller_id.internal.number=1002')).toEqual(['Jane']);
    expect(await firstNames('filter_team=red')).toEqual(['John']);
  });

  it('has_key, key_missing, has_value, value_missing', async () => {
    expect(await firstNames('has_key=email')).toEqual(['John']);
    expect(await firstNames('key_missing=email')).toEqual(['Jane', 'Jim']);
    expect(await firstNames('has_value=presence_id')).toEqual(['Jane']);
    expect(await firstNames('value_missing=presence_id')).toEqual(['Jim', 'John']);
    expect(await firstNames('has_value=tags')).toEqual(['Jim']);
  });

  it('created_from/to and modified_from/to take Gregorian seconds, inclusive', async () => {
    const users = (await list('/users?paginate=false&filter_last_name=Filter&ascending=true')).body.data as Doc[];
    expect(users).toHaveLength(3);
    const now = Math.floor(Date.now() / 1000) + GREGORIAN;
    // John was created 100 s ahead, Jane 200 s, Jim 300 s (the clock moved between creations)
    expect(await firstNames(`created_from=${now + 250}`)).toEqual(['Jim']);
    expect(await firstNames(`created_to=${now + 150}`)).toEqual(['John']);
    expect(await firstNames(`created_from=${now + 150}&created_to=${now + 250}`)).toEqual(['Jane']);
    expect(await firstNames(`modified_from=${now + 250}`)).toEqual(['Jim']);
    expect(await firstNames('created_from=notanumber')).toEqual([]);
  });

  it('ANDs every condition', async () => {
    expect(await firstNames('filter_enabled=true&has_key=tags')).toEqual(['Jim']);
  });

  // crossbar_filter:filter_prop/3 knows only `filter_not_` and `filter_` prefixes: `filter_any_tags`
  // is `filter_` on the key `any_tags` (likewise `none_tags`, `array_intersect_tags`), compared by
  // should_filter/2 like any other key.
  it('filter_any_/filter_none_/filter_array_intersect_ filter on the literal key after filter_ (crossbar_filter:filter_prop/3)', async () => {
    const a = encodeURIComponent('["a"]');
    expect(await firstNames(`filter_any_tags=${a}`)).toEqual([]);
    expect(await firstNames(`filter_none_tags=${a}`)).toEqual([]);
    expect(await firstNames(`filter_array_intersect_tags=${a}`)).toEqual([]);
    expect(await firstNames('filter_any_tags=')).toEqual(['Jane', 'Jim', 'John']); // missing compares as ""
    expect(await firstNames(`filter_not_any_tags=${a}`)).toEqual(['Jane', 'Jim', 'John']);
    const ann = await call('PUT', '/users', { first_name: 'Ann', last_name: 'Filter', any_tags: 'a', array_intersect_tags: 'b' });
    expect(ann.status, ann.text).toBe(201);
    try {
      expect(await firstNames(`filter_any_tags=${a}`)).toEqual(['Ann']);
      expect(await firstNames(`filter_array_intersect_tags=${encodeURIComponent('["b","c"]')}`)).toEqual(['Ann']);
      expect(await firstNames(`filter_none_tags=${a}`)).toEqual([]);
    } finally {
      await call('DELETE', `/users/${(ann.body.data as Doc).id}`);
    }
  });

  it('full_docs is no parameter of KAZOO 5.x: listings stay view rows (crossbar_view:build_load_params/3 reads no such key)', async () => {
    const plain = (await list('/users?paginate=false&filter_last_name=Filter')).body.data as Doc[];
    const full = (await list('/users?paginate=false&filter_last_name=Filter&full_docs=true')).body.data as Doc[];
    expect(full).toEqual(plain);
    expect(full[0]).not.toHaveProperty('caller_id');
    expect(full.find((u) => u.first_name === 'Jim')).not.toHaveProperty('tags');
  });
});

describe('CDRs', () => {
  let d: Harness;
  beforeAll(async () => {
    d = await harness({ demoData: true });
  });
  afterAll(() => d.stop());
  const now = () => Math.floor(Date.now() / 1000) + GREGORIAN;

  it('default to the last 31 days, chunked with string paging keys', async () => {
    const r = await d.call('GET', `${d.acct}/cdrs?page_size=5`);
    expect(r.status).toBe(200);
    expect(r.headers.get('transfer-encoding')).toBe('chunked');
    expect(r.body.page_size).toBe('5');
    expect(typeof r.body.next_start_key).toBe('string');
    expect(r.body).not.toHaveProperty('tokens');
    const first = (r.body.data as Doc[])[0] as Doc;
    expect(first).toMatchObject({
      id: expect.stringMatching(/^\d{6}-[0-9a-f]{32}$/),
      call_id: expect.any(String),
      direction: expect.any(String),
    });
    const plain = await d.call('GET', `${d.acct}/cdrs?page_size=5&is_chunked=false`);
    expect(plain.body.page_size).toBe(5);
  });

  it('pages through a whole range without repeats', async () => {
    const ids: string[] = [];
    let key: string | undefined;
    do {
      const r = await d.call('GET', `${d.acct}/cdrs?is_chunked=false&page_size=40${key ? `&start_key=${key}` : ''}`);
      ids.push(...(r.body.data as Doc[]).map((c) => c.id));
      key = r.body.next_start_key as string | undefined;
    } while (key);
    expect(ids.length).toBeGreaterThan(100);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('answers a range over 31 days + 1 hour, or reversed, with 400 date_range', async () => {
    const to = now();
    const wide = await d.call('GET', `${d.acct}/cdrs?created_from=${to - 2_682_001}&created_to=${to}`);
    expect(wide.status).toBe(400);
    expect(wide.body.data).toEqual({
      created_from: {
        date_range: { message: `created_to ${to} is more than 2682000 seconds from created_from ${to - 2_682_001}`, cause: to },
      },
    });
    expect((await d.call('GET', `${d.acct}/cdrs?created_from=${to - 2_682_000}&created_to=${to}`)).status).toBe(200);
    const reversed = await d.call('GET', `${d.acct}/cdrs?created_from=${to}&created_to=${to - 10}`);
    expect(reversed.status).toBe(400);
    expect(reversed.body.data).toHaveProperty('created_from.date_range');
  });

  it('limits to the range and fetches one CDR by id', async () => {
    const to = now();
    const r = await d.call('GET', `${d.acct}/cdrs?is_chunked=false&paginate=false&created_from=${to - 86_400}&created_to=${to}`);
    const rows = r.body.data as Doc[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(Number(row.timestamp) + Number(row.duration_seconds)).toBeGreaterThanOrEqual(to - 86_400);
    const one = await d.call('GET', `${d.acct}/cdrs/${rows[0]?.id}`);
    expect(one.status).toBe(200);
    expect(one.body.data).toMatchObject({ id: rows[0]?.id, call_id: rows[0]?.call_id });
    expect((await d.call('GET', `${d.acct}/cdrs/nope`)).status).toBe(404);
  });
});
