import { ForbiddenError, InvalidArgumentError, Page } from '@audian/core';
import { describe, expect, it } from 'vitest';
import { ACCOUNT, rejectionOf, scriptedClient, wireCases } from './wire';

const CHILD = 'c0ffee00c0ffee00c0ffee00c0ffee01';
const PARENT = 'c0ffee00c0ffee00c0ffee00c0ffee02';
const account = { id: ACCOUNT, name: 'Head office', realm: 'head.sip.example.com', custom: { kept: true } };
const child = { id: CHILD, name: 'Branch', realm: 'branch.sip.example.com' };

describe('accounts on the wire', () => {
  wireCases([
    {
      label: 'get() → GET /v2/accounts/{the session account}',
      call: (a) => a.accounts.get(),
      request: { method: 'GET', path: `/v2/accounts/${ACCOUNT}` },
      reply: [200, account],
      result: account,
    },
    {
      label: 'get(id) → GET /v2/accounts/{id}',
      call: (a) => a.accounts.get(CHILD),
      request: { method: 'GET', path: `/v2/accounts/${CHILD}` },
      reply: [200, child],
      result: child,
    },
    {
      label: 'account(id).accounts.get() acts on the scoped account',
      call: (a) => a.account(CHILD).accounts.get(),
      request: { method: 'GET', path: `/v2/accounts/${CHILD}` },
      reply: [200, child],
    },
    {
      label: 'create() → PUT /v2/accounts/{session account}: a child of the current account',
      call: (a) => a.accounts.create({ name: 'Branch' }),
      request: { method: 'PUT', path: `/v2/accounts/${ACCOUNT}`, body: { data: { name: 'Branch' } } },
      reply: [201, child],
      result: child,
    },
    {
      label: 'create(…, { parentId }) → PUT /v2/accounts/{parent}',
      call: (a) => a.accounts.create({ name: 'Branch' }, { parentId: PARENT, acceptCharges: true }),
      request: { method: 'PUT', path: `/v2/accounts/${PARENT}`, body: { data: { name: 'Branch' }, accept_charges: true } },
      reply: [201, child],
    },
    {
      label: 'create(…, { parentId: null }) → PUT /v2/accounts (cb_accounts:get_parent_id_from_req/1: the login’s account)',
      call: (a) => a.accounts.create({ name: 'Branch' }, { parentId: null }),
      request: { method: 'PUT', path: '/v2/accounts', body: { data: { name: 'Branch' } } },
      reply: [201, child],
      result: child,
    },
    {
      label: 'update(doc) → POST /v2/accounts/{session account} with the whole document',
      call: (a) => a.accounts.update(undefined, account),
      request: { method: 'POST', path: `/v2/accounts/${ACCOUNT}`, body: { data: account } },
      reply: [200, account],
    },
    {
      label: 'update(id, doc) → POST /v2/accounts/{id}',
      call: (a) => a.accounts.update(CHILD, child),
      request: { method: 'POST', path: `/v2/accounts/${CHILD}`, body: { data: child } },
      reply: [200, child],
    },
    {
      label: 'patch(changes) → PATCH /v2/accounts/{session account}',
      call: (a) => a.accounts.patch(undefined, { timezone: 'America/Chicago', caller_id: null }),
      request: { method: 'PATCH', path: `/v2/accounts/${ACCOUNT}`, body: { data: { timezone: 'America/Chicago', caller_id: null } } },
      reply: [200, account],
    },
    {
      label: 'patch(id, changes) → PATCH /v2/accounts/{id}',
      call: (a) => a.accounts.patch(CHILD, { enabled: false }),
      request: { method: 'PATCH', path: `/v2/accounts/${CHILD}`, body: { data: { enabled: false } } },
      reply: [200, child],
    },
    {
      label: 'delete(id) → DELETE /v2/accounts/{id}',
      call: (a) => a.accounts.delete(CHILD),
      request: { method: 'DELETE', path: `/v2/accounts/${CHILD}` },
      reply: [200, { ...child, _read_only: { deleted: true } }],
    },
    {
      label: 'children() → GET …/children, paginated with filters',
      call: (a) => a.accounts.children(undefined, { pageSize: 2, filter: { name: 'Branch' } }),
      request: { method: 'GET', path: `/v2/accounts/${ACCOUNT}/children`, query: { page_size: '2', filter_name: 'Branch' } },
      reply: [200, [{ ...child, descendants_count: 0, flags: [] }]],
      result: (page: Page<unknown>) => {
        expect(page).toBeInstanceOf(Page);
        expect(page.data).toEqual([{ ...child, descendants_count: 0, flags: [] }]);
      },
    },
    {
      label: 'children(id) → GET /v2/accounts/{id}/children',
      call: (a) => a.accounts.children(CHILD),
      request: { method: 'GET', path: `/v2/accounts/${CHILD}/children` },
      reply: [200, []],
    },
    {
      label: 'descendants(id, params) → GET /v2/accounts/{id}/descendants',
      call: (a) => a.accounts.descendants(CHILD, { ascending: true }),
      request: { method: 'GET', path: `/v2/accounts/${CHILD}/descendants`, query: { ascending: 'true' } },
      reply: [200, [{ ...child, tree: [ACCOUNT] }]],
    },
    {
      label: 'siblings(id) → GET /v2/accounts/{id}/siblings',
      call: (a) => a.accounts.siblings(CHILD),
      request: { method: 'GET', path: `/v2/accounts/${CHILD}/siblings` },
      reply: [200, [child]],
    },
    {
      label: 'siblings() of the login account → ForbiddenError',
      call: (a) => a.accounts.siblings(),
      request: { method: 'GET', path: `/v2/accounts/${ACCOUNT}/siblings` },
      reply: { status: 403, raw: { error: '403', message: 'forbidden', data: { message: 'forbidden' }, status: 'error' } },
      error: ForbiddenError,
    },
    {
      label: 'tree(id) → GET /v2/accounts/{id}/tree, a plain array',
      call: (a) => a.accounts.tree(CHILD),
      request: { method: 'GET', path: `/v2/accounts/${CHILD}/tree` },
      reply: [200, [{ id: ACCOUNT, name: 'Head office' }]],
      result: [{ id: ACCOUNT, name: 'Head office' }],
    },
    {
      label: 'parents() → GET …/parents',
      call: (a) => a.accounts.parents(),
      request: { method: 'GET', path: `/v2/accounts/${ACCOUNT}/parents` },
      reply: [200, [{ id: PARENT, name: 'Reseller' }]],
      result: [{ id: PARENT, name: 'Reseller' }],
    },
    {
      label: 'apiKey() → GET …/api_key',
      call: (a) => a.accounts.apiKey(),
      request: { method: 'GET', path: `/v2/accounts/${ACCOUNT}/api_key` },
      reply: [200, { api_key: 'a'.repeat(64) }],
      result: { api_key: 'a'.repeat(64) },
    },
    {
      label: 'regenerateApiKey(id) → PUT /v2/accounts/{id}/api_key',
      call: (a) => a.accounts.regenerateApiKey(CHILD),
      request: { method: 'PUT', path: `/v2/accounts/${CHILD}/api_key`, body: { data: {} } },
      reply: [201, { api_key: 'b'.repeat(64) }],
      result: { api_key: 'b'.repeat(64) },
    },
    {
      label: 'move(id, to) → POST /v2/accounts/{id}/move with {"data":{"to":…}}',
      call: (a) => a.accounts.move(CHILD, PARENT),
      request: { method: 'POST', path: `/v2/accounts/${CHILD}/move`, body: { data: { to: PARENT } } },
      reply: [200, child],
    },
    {
      label: 'promoteReseller(id) → PUT /v2/accounts/{id}/reseller',
      call: (a) => a.accounts.promoteReseller(CHILD),
      request: { method: 'PUT', path: `/v2/accounts/${CHILD}/reseller`, body: { data: {} } },
      reply: [200, {}],
    },
    {
      label: 'demoteReseller(id) → DELETE /v2/accounts/{id}/reseller',
      call: (a) => a.accounts.demoteReseller(CHILD),
      request: { method: 'DELETE', path: `/v2/accounts/${CHILD}/reseller` },
      reply: [200, {}],
    },
  ]);
});

describe('accounts guard rails', () => {
  const { client } = scriptedClient();

  it('delete() without an id never deletes the current account', async () => {
    const error = await rejectionOf(client.audian().accounts.delete(undefined as never));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.argument).toBe('accountId');
    expect(client.server().requests).toHaveLength(0);
  });

  it('move() needs the destination', async () => {
    const error = await rejectionOf(client.audian().accounts.move(CHILD, '' as never));
    expect(error.argument).toBe('toAccountId');
    expect(client.server().requests).toHaveLength(0);
  });

  it('create() checks the document first: name is required', async () => {
    const error = await rejectionOf(client.audian().accounts.create({ realm: 'x.example.com' } as never));
    expect(error.issues).toEqual([{ path: 'name', code: 'required', message: 'name is required' }]);
    expect(client.server().requests).toHaveLength(0);
  });

  it('has no list(): Crossbar lists accounts only as children/descendants', () => {
    expect('list' in client.audian().accounts).toBe(false);
  });
});
