import { BinaryResponse } from '@audian/core';
import { describe, expect, it } from 'vitest';
import { acct, crudWireCases, rejectionOf, scriptedClient, wireCases } from './wire';

const DIR = '77dfb38ff2353624e35bf4df91acda94';
const USER = 'df9274b450ea6795cdb381055c3f9b45';
const read = {
  id: DIR,
  name: 'SmartPBX Directory',
  min_dtmf: 3,
  max_dtmf: 0,
  sort_by: 'last_name',
  confirm_match: false,
  users: [{ user_id: USER, callflow_id: 'cf1' }],
};
const { users: _members, ...writable } = read;

describe('directories on the wire', () => {
  wireCases([
    ...crudWireCases({
      name: 'directories',
      resource: (a) => a.directories,
      path: '/directories',
      id: DIR,
      document: writable,
      create: { name: 'SmartPBX Directory', sort_by: 'first_name' },
      patch: { confirm_match: true },
    }),
    {
      label: 'get accepts the { user_id, callflow_id } members a GET lists',
      call: (a) => a.directories.get(DIR),
      request: { method: 'GET', path: acct(`/directories/${DIR}`) },
      reply: [200, read],
      result: read,
    },
    {
      label: 'pdf → GET …/directories/{id} with Accept application/pdf, a BinaryResponse',
      call: async (a) => {
        const pdf = await a.directories.pdf(DIR);
        return { binary: pdf instanceof BinaryResponse, type: pdf.contentType, text: await pdf.text() };
      },
      request: { method: 'GET', path: acct(`/directories/${DIR}`), headers: { accept: 'application/pdf' } },
      reply: { status: 200, raw: Buffer.from('%PDF-1.4'), headers: { 'content-type': 'application/pdf' } },
      result: { binary: true, type: 'application/pdf', text: '%PDF-1.4' },
    },
  ]);
});

describe('directory validation', () => {
  const { client } = scriptedClient();

  it('an update with the member objects of a GET is refused before sending (Crossbar takes ids only)', async () => {
    const error = await rejectionOf(client.audian().directories.update(DIR, read as never));
    expect(error.issues?.[0]).toMatchObject({ path: 'users.0', code: 'type' });
    expect(client.server().requests).toHaveLength(0);
  });
});
