import { BinaryResponse, type Page } from '@audian/core';
import { describe, expect } from 'vitest';
import { acct, crudWireCases, rawUploadCases, wireCases } from './wire';

const LIST = '11511511511511511511511511511511';
const ENTRY = 'e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4e4';
const entry = { id: ENTRY, list_id: LIST, number: '0123', displayname: 'List Entry', profile: {} };
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ENTRIES = `/lists/${LIST}/entries`;

describe('lists on the wire', () => {
  wireCases([
    ...crudWireCases({
      name: 'lists',
      resource: (a) => a.lists,
      path: '/lists',
      id: LIST,
      document: { id: LIST, name: 'VIP', description: 'callers we love', org: 'Example' },
      create: { name: 'list name' },
      patch: { description: 'desc' },
    }),
    {
      label: 'entries(list).list → GET …/lists/{id}/entries, view rows flattened with their id',
      call: (a) => a.lists.entries(LIST).list(),
      request: { method: 'GET', path: acct(ENTRIES) },
      reply: [200, [{ id: ENTRY, key: LIST, value: { number: '0123', name: 'List Entry' } }]],
      result: (page: Page<unknown>) => expect(page.data).toEqual([{ id: ENTRY, number: '0123', name: 'List Entry' }]),
    },
    {
      label: 'entries(list).get → GET …/entries/{entry}',
      call: (a) => a.lists.entries(LIST).get(ENTRY),
      request: { method: 'GET', path: acct(`${ENTRIES}/${ENTRY}`) },
      reply: [200, entry],
      result: entry,
    },
    {
      label: 'entries(list).create → PUT …/entries (Crossbar sets list_id)',
      call: (a) => a.lists.entries(LIST).create({ number: '0123', displayname: 'List Entry' }),
      request: { method: 'PUT', path: acct(ENTRIES), body: { data: { number: '0123', displayname: 'List Entry' } } },
      reply: [201, entry],
    },
    {
      label: 'entries(list).update → POST …/entries/{entry}, list_id filled in from the list',
      call: (a) => a.lists.entries(LIST).update(ENTRY, { number: '0123', displayname: 'New List Entry' }),
      request: {
        method: 'POST',
        path: acct(`${ENTRIES}/${ENTRY}`),
        body: { data: { number: '0123', displayname: 'New List Entry', list_id: LIST } },
      },
      reply: [200, entry],
    },
    {
      label: 'entries(list).patch → PATCH …/entries/{entry}',
      call: (a) => a.lists.entries(LIST).patch(ENTRY, { firstname: 'First name' }),
      request: { method: 'PATCH', path: acct(`${ENTRIES}/${ENTRY}`), body: { data: { firstname: 'First name' } } },
      reply: [200, entry],
    },
    {
      label: 'entries(list).delete → DELETE …/entries/{entry}',
      call: (a) => a.lists.entries(LIST).delete(ENTRY),
      request: { method: 'DELETE', path: acct(`${ENTRIES}/${ENTRY}`) },
      reply: [200, entry],
    },
    {
      label: 'entries(list).deleteAll → DELETE …/entries',
      call: (a) => a.lists.entries(LIST).deleteAll(),
      request: { method: 'DELETE', path: acct(ENTRIES) },
      reply: [200, []],
    },
    {
      label: 'entries(list).vcard → GET …/entries/{entry}/vcard accepting text/x-vcard, a BinaryResponse',
      call: async (a) => {
        const card = await a.lists.entries(LIST).vcard(ENTRY);
        return { binary: card instanceof BinaryResponse, text: await card.text() };
      },
      request: { method: 'GET', path: acct(`${ENTRIES}/${ENTRY}/vcard`), headers: { accept: 'text/x-vcard' } },
      reply: { status: 200, raw: 'BEGIN:VCARD\nEND:VCARD\n', headers: { 'content-type': 'text/x-vcard' } },
      result: { binary: true, text: 'BEGIN:VCARD\nEND:VCARD\n' },
    },
  ]);
});

describe('list entry photo', () => {
  rawUploadCases([
    {
      label: 'entries(list).uploadPhoto → POST …/entries/{entry}/photo with the raw image',
      call: (a) => a.lists.entries(LIST).uploadPhoto(ENTRY, PNG, 'image/png'),
      method: 'POST',
      path: acct(`${ENTRIES}/${ENTRY}/photo`),
      contentType: 'image/png',
      bytes: PNG,
    },
  ]);
});
