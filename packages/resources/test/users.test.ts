import { NotFoundError, Page } from '@audian/core';
import { describe, expect } from 'vitest';
import { ACCOUNT, acct, wireCases } from './wire';

const U = '0123456789abcdef0123456789abcdef';
const user = { id: U, first_name: 'Ada', last_name: 'Lovelace', custom_field: { keep: [1, 2] } };

describe('users on the wire', () => {
  wireCases([
    {
      label: 'list → GET …/users with filters, first page',
      call: (a) => a.users.list({ filter: { first_name: 'Ada' }, pageSize: 10 }),
      request: { method: 'GET', path: acct('/users'), query: { filter_first_name: 'Ada', page_size: '10' } },
      reply: [200, [{ id: U, first_name: 'Ada' }]],
      result: (page: Page<unknown>) => {
        expect(page).toBeInstanceOf(Page);
        expect(page.data).toEqual([{ id: U, first_name: 'Ada' }]);
      },
    },
    {
      label: 'get → GET …/users/{id}, custom fields kept',
      call: (a) => a.users.get(U),
      request: { method: 'GET', path: acct(`/users/${U}`) },
      reply: [200, user],
      result: user,
    },
    {
      label: 'create → PUT …/users with the envelope',
      call: (a) => a.users.create({ first_name: 'Ada', last_name: 'Lovelace' }),
      request: { method: 'PUT', path: acct('/users'), body: { data: { first_name: 'Ada', last_name: 'Lovelace' } } },
      reply: [201, user],
      result: user,
    },
    {
      label: 'create with acceptCharges → accept_charges beside data',
      call: (a) => a.users.create({ first_name: 'Ada', last_name: 'Lovelace' }, { acceptCharges: true }),
      request: { method: 'PUT', path: acct('/users'), body: { data: { first_name: 'Ada', last_name: 'Lovelace' }, accept_charges: true } },
      reply: [201, user],
    },
    {
      label: 'update → POST …/users/{id} with the whole document (custom fields survive)',
      call: (a) => a.users.update(U, user),
      request: { method: 'POST', path: acct(`/users/${U}`), body: { data: user } },
      reply: [200, user],
    },
    {
      label: 'patch → PATCH …/users/{id}, null deletes',
      call: (a) => a.users.patch(U, { email: 'ada@example.com', caller_id: null }),
      request: { method: 'PATCH', path: acct(`/users/${U}`), body: { data: { email: 'ada@example.com', caller_id: null } } },
      reply: [200, { ...user, email: 'ada@example.com' }],
    },
    {
      label: 'delete → DELETE …/users/{id}',
      call: (a) => a.users.delete(U),
      request: { method: 'DELETE', path: acct(`/users/${U}`) },
      reply: [200, { ...user, _read_only: { deleted: true } }],
    },
    {
      label: 'account(id) scopes the call to another account',
      call: (a) => a.account('child0000000000000000000000000001').users.get(U),
      request: { method: 'GET', path: `/v2/accounts/child0000000000000000000000000001/users/${U}` },
      reply: [200, user],
    },
    {
      label: 'devices(id) → GET …/users/{id}/devices',
      call: (a) => a.users.devices(U),
      request: { method: 'GET', path: acct(`/users/${U}/devices`) },
      reply: [200, [{ id: 'd1', name: 'Desk' }]],
    },
    {
      label: 'uploadPhoto → POST …/photo with the raw bytes and content type',
      call: (a) => a.users.uploadPhoto(U, new Uint8Array([137, 80, 78, 71]), 'image/png'),
      request: { method: 'POST', path: acct(`/users/${U}/photo`), headers: { 'content-type': 'image/png' } },
      reply: [200, {}],
    },
    {
      label: 'vcard → GET …/vcard accepting text/x-vcard',
      call: async (a) => (await a.users.vcard(U)).text(),
      request: { method: 'GET', path: acct(`/users/${U}/vcard`), headers: { accept: 'text/x-vcard' } },
      reply: { status: 200, raw: 'BEGIN:VCARD\nEND:VCARD\n', headers: { 'content-type': 'text/x-vcard' } },
      result: 'BEGIN:VCARD\nEND:VCARD\n',
    },
    {
      label: 'quickcall → GET …/quickcall/{E.164 number}, + encoded',
      call: (a) => a.users.quickcall(U, '+14155551234', { auto_answer: true }),
      request: { method: 'GET', path: acct(`/users/${U}/quickcall/%2B14155551234`), query: { auto_answer: 'true' } },
      reply: [200, {}],
    },
    {
      label: 'a 404 becomes NotFoundError',
      call: (a) => a.users.get(U),
      request: { method: 'GET', path: acct(`/users/${U}`) },
      reply: {
        status: 404,
        raw: { error: '404', message: 'bad_identifier', data: { cause: U, message: 'bad identifier' }, status: 'error' },
      },
      error: NotFoundError,
    },
  ]);
});

describe('client-side validation', () => {
  wireCases([
    {
      label: 'a valid create passes validation and is sent',
      call: (a) => a.users.create({ first_name: 'A', last_name: 'B', priv_level: 'admin', caller_id: { internal: { number: '1001' } } }),
      request: { method: 'PUT', path: acct('/users') },
      reply: [201, { id: U, first_name: 'A', last_name: 'B' }],
    },
  ]);
  void ACCOUNT;
});
