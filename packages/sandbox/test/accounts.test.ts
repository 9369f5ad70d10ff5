import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, type Doc, request, useHarness } from './helpers';

const h = useHarness();

const create = async (parent: string, name: string): Promise<Doc> => {
  const r = await h.call('PUT', `/v2/accounts/${parent}`, { data: { name } });
  expect(r.status, r.text).toBe(201);
  return r.body.data as Doc;
};

describe('account hierarchy', () => {
  let reseller: string;
  let east: Doc;
  let west: Doc;
  let branch: Doc;
  beforeAll(async () => {
    reseller = h.sandbox.accountId;
    east = await create(reseller, 'East Co');
    west = await create(reseller, 'West Co');
    branch = await create(east.id, 'East Branch');
  });

  it('creates a child with PUT /v2/accounts/{parent}: 201, Location, a realm and the schema defaults', async () => {
    const r = await h.call('PUT', `/v2/accounts/${reseller}`, { data: { name: 'Located' } });
    const doc = r.body.data as Doc;
    expect(r.headers.get('location')).toBe(`/v2/accounts/${doc.id}`);
    expect(doc.realm).toMatch(/\.sip\.sandbox\.local$/);
    expect(doc).not.toHaveProperty('pvt_tree');
    expect((await h.call('GET', `/v2/accounts/${doc.id}`)).body.data).toMatchObject({ name: 'Located', id: doc.id });
  });

  it('lists children, descendants, siblings, parents and the tree', async () => {
    const names = (r: { body: { data?: unknown } }) => (r.body.data as Doc[]).map((a) => a.name).sort();
    expect(names(await h.call('GET', `/v2/accounts/${reseller}/children?paginate=false`))).toEqual(
      expect.arrayContaining(['East Co', 'West Co']),
    );
    expect(names(await h.call('GET', `/v2/accounts/${reseller}/children?paginate=false`))).not.toContain('East Branch');
    const descendants = await h.call('GET', `/v2/accounts/${reseller}/descendants?paginate=false`);
    expect(names(descendants)).toEqual(expect.arrayContaining(['East Branch', 'East Co', 'West Co']));
    expect((descendants.body.data as Doc[]).find((a) => a.name === 'East Branch')?.tree).toEqual([reseller, east.id]);
    const children = await h.call('GET', `/v2/accounts/${reseller}/children?paginate=false`);
    expect((children.body.data as Doc[]).find((a) => a.id === east.id)).toMatchObject({ descendants_count: 1, realm: east.realm });
    expect(names(await h.call('GET', `/v2/accounts/${east.id}/siblings?paginate=false`))).toEqual(
      expect.arrayContaining(['East Co', 'West Co']),
    );
    expect((await h.call('GET', `/v2/accounts/${branch.id}/parents`)).body.data).toEqual([
      { id: reseller, name: h.sandbox.accountName },
      { id: east.id, name: 'East Co' },
    ]);
    expect((await h.call('GET', `/v2/accounts/${branch.id}/tree`)).body.data).toEqual([
      { id: reseller, name: h.sandbox.accountName },
      { id: east.id, name: 'East Co' },
    ]);
    expect((await h.call('GET', `/v2/accounts/${reseller}/siblings`)).status).toBe(403);
  });

  it('reads and regenerates the API key; the old key stops working', async () => {
    const first = await h.call('GET', `/v2/accounts/${west.id}/api_key`);
    const oldKey = (first.body.data as { api_key: string }).api_key;
    expect(oldKey).toMatch(/^[0-9a-f]{64}$/);
    await apiLogin(h.sandbox, oldKey);
    const rotated = await h.call('PUT', `/v2/accounts/${west.id}/api_key`, { data: {} });
    const newKey = (rotated.body.data as { api_key: string }).api_key;
    expect(newKey).not.toBe(oldKey);
    expect((await request(h.sandbox, 'PUT', '/v2/api_auth', { data: { api_key: oldKey } })).status).toBe(404);
    await apiLogin(h.sandbox, newKey);
  });

  it('updates (POST) and patches (PATCH) an account, realm kept unique', async () => {
    const patched = await h.call('PATCH', `/v2/accounts/${west.id}`, { data: { timezone: 'Europe/Paris' } });
    expect(patched.body.data).toMatchObject({ name: 'West Co', timezone: 'Europe/Paris', realm: west.realm });
    const clash = await h.call('POST', `/v2/accounts/${west.id}`, { data: { name: 'West Co', realm: String(east.realm).toUpperCase() } });
    expect(clash.status).toBe(400);
    expect(clash.body.data).toMatchObject({ realm: { unique: { message: 'Account realm already in use' } } });
  });

  it('refuses to delete an account with sub-accounts (500), deletes a leaf', async () => {
    const r = await h.call('DELETE', `/v2/accounts/${east.id}`);
    expect(r.status).toBe(500);
    expect(r.body).toMatchObject({ message: 'account_has_descendants', data: { message: 'account has descendants' } });
    const leaf = await h.call('DELETE', `/v2/accounts/${branch.id}`);
    expect(leaf.status).toBe(200);
    expect(leaf.body.data).toMatchObject({ _read_only: { deleted: true } });
    expect((await h.call('GET', `/v2/accounts/${branch.id}`)).status).toBe(404);
    expect((await h.call('DELETE', `/v2/accounts/${east.id}`)).status).toBe(200);
  });

  it('lets a child token work in its own account and below, and creates grandchildren', async () => {
    const child = await create(reseller, 'Child With Token');
    const key = ((await h.call('GET', `/v2/accounts/${child.id}/api_key`)).body.data as { api_key: string }).api_key;
    const token = await apiLogin(h.sandbox, key);
    const grand = await request(h.sandbox, 'PUT', `/v2/accounts/${child.id}`, { data: { name: 'Grandchild' } }, token);
    expect(grand.status).toBe(201);
    const viaRoot = await request(h.sandbox, 'PUT', '/v2/accounts', { data: { name: 'Another Grandchild' } }, token);
    expect(viaRoot.status).toBe(201);
    const kids = await request(h.sandbox, 'GET', `/v2/accounts/${child.id}/children?paginate=false`, {}, token);
    expect((kids.body.data as Doc[]).map((a) => a.name).sort()).toEqual(['Another Grandchild', 'Grandchild']);
    expect((await request(h.sandbox, 'GET', `/v2/accounts/${reseller}`, {}, token)).status).toBe(403);
  });
});

describe('createAccount (control)', () => {
  it('keeps account names unique: a default name skips taken ones, a taken name is an InvalidArgumentError', async () => {
    await create(h.sandbox.accountId, 'Sandbox Account 2');
    const first = h.sandbox.createAccount();
    const second = h.sandbox.createAccount();
    expect(first.accountName).not.toBe('Sandbox Account 2');
    expect(second.accountName).not.toBe(first.accountName);
    expect(() => h.sandbox.createAccount({ name: 'sandbox reseller' })).toThrow(/name/);
    expect(() => h.sandbox.createAccount({ name: ' ' })).toThrow(/name/);
    expect((await apiLogin(h.sandbox, first.apiKey)).length).toBeGreaterThan(0);
  });
});

describe('the super-duper admin reaches every account (cb_simple_authz:account_is_descendant/2)', () => {
  it('GET /v2/accounts is 405 for every login, the super-duper admin too: cb_accounts:allowed_methods/0 is PUT only', async () => {
    const sub = await create(h.sandbox.accountId, 'Collection Asker');
    const key = await h.call('GET', `/v2/accounts/${sub.id}/api_key`);
    const subToken = await apiLogin(h.sandbox, String((key.body.data as { api_key: string }).api_key));
    for (const token of [h.token, subToken]) {
      const listed = await request(h.sandbox, 'GET', '/v2/accounts', {}, token);
      expect(listed.status).toBe(405);
      expect(listed.body.message).toBe('invalid_method');
    }
  });

  it('an account outside the master account’s tree: the super-duper admin reads and changes it, another account’s login gets 403', async () => {
    // A second top-level account, as `crossbar_maintenance:create_account` makes: no parent at all.
    const outside = h.sandbox.createAccount({ name: 'Outside Tenant' });
    const neighbour = await create(h.sandbox.accountId, 'Neighbour');
    const key = await h.call('GET', `/v2/accounts/${neighbour.id}/api_key`);
    const neighbourToken = await apiLogin(h.sandbox, String((key.body.data as { api_key: string }).api_key));
    const got = await h.call('GET', `/v2/accounts/${outside.accountId}`);
    expect(got.status, got.text).toBe(200);
    expect((got.body.data as Doc).name).toBe('Outside Tenant');
    const user = await h.call('PUT', `/v2/accounts/${outside.accountId}/users`, { data: { first_name: 'Far', last_name: 'Away' } });
    expect(user.status).toBe(201);
    expect((await request(h.sandbox, 'GET', `/v2/accounts/${outside.accountId}`, {}, neighbourToken)).status).toBe(403);
    expect((await request(h.sandbox, 'GET', `/v2/accounts/${outside.accountId}/users`, {}, neighbourToken)).status).toBe(403);
    // The outside account's own login is no super-duper admin: the master account is out of its reach.
    const ownToken = await apiLogin(h.sandbox, outside.apiKey);
    expect((await request(h.sandbox, 'GET', h.acct, {}, ownToken)).status).toBe(403);
  });
});
