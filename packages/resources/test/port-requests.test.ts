import { BadRequestError, BinaryResponse, InvalidArgumentError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import type { PortRequest } from '../src/index';
import { ACCOUNT, acct, rawUploadCases, rejectionOf, scriptedClient, wireCases } from './wire';

const PORT = '462da37f8be11e46161fb40bc71173a9';
const port: PortRequest = {
  id: PORT,
  name: 'Main line',
  numbers: { '+12025559000': {} },
  port_state: 'unconfirmed',
  created: 63630097779,
  updated: 63630097779,
  sent: false,
  uploads: {},
  _read_only: { port_authority: ACCOUNT, port_authority_name: 'Reseller' },
};
const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
const group = { account_id: ACCOUNT, account_name: 'Reseller', port_requests: [{ ...port, account_id: ACCOUNT }] };

describe('port_requests on the wire', () => {
  wireCases([
    {
      label: 'list → GET …/port_requests, grouped by account',
      call: (a) => a.port_requests.list(),
      request: { method: 'GET', path: acct('/port_requests') },
      reply: [200, [group]],
      result: (page: unknown) => expect((page as { data: unknown[] }).data).toEqual([group]),
    },
    {
      label: 'list({ byTypes: [states] }) → by_types=pending,scheduled',
      call: (a) => a.port_requests.list({ byTypes: ['pending', 'scheduled'] }),
      request: { method: 'GET', path: acct('/port_requests'), query: { by_types: 'pending,scheduled' } },
      reply: [200, []],
    },
    {
      label: 'list({ byNumber }) → by_number',
      call: (a) => a.port_requests.list({ byNumber: '+12025559000' }),
      request: { method: 'GET', path: acct('/port_requests'), query: { by_number: '+12025559000' } },
      reply: [200, []],
    },
    {
      label: 'listDescendants → GET …/descendants/port_requests',
      call: (a) => a.port_requests.listDescendants({ byTypes: 'all' }),
      request: { method: 'GET', path: acct('/descendants/port_requests'), query: { by_types: 'all' } },
      reply: [200, [group]],
    },
    {
      label: 'listManaged → GET /v2/port_requests (no account in the path)',
      call: (a) => a.port_requests.listManaged(),
      request: { method: 'GET', path: '/v2/port_requests' },
      reply: [200, [group]],
    },
    {
      label: 'lastSubmitted → GET …/port_requests/last_submitted',
      call: (a) => a.port_requests.lastSubmitted(),
      request: { method: 'GET', path: acct('/port_requests/last_submitted') },
      reply: [
        200,
        [
          {
            id: PORT,
            transition: { type: 'transition', timestamp: 63664096014, transition: { new: 'submitted', previous: 'unconfirmed' } },
          },
        ],
      ],
      result: [
        { id: PORT, transition: { type: 'transition', timestamp: 63664096014, transition: { new: 'submitted', previous: 'unconfirmed' } } },
      ],
    },
    {
      label: 'get → GET …/port_requests/{id}, public fields kept',
      call: (a) => a.port_requests.get(PORT),
      request: { method: 'GET', path: acct(`/port_requests/${PORT}`) },
      reply: [200, port],
      result: port,
    },
    {
      label: 'create → PUT …/port_requests',
      call: (a) => a.port_requests.create({ name: 'Main line', numbers: { '+12025559000': {} } }),
      request: { method: 'PUT', path: acct('/port_requests'), body: { data: { name: 'Main line', numbers: { '+12025559000': {} } } } },
      reply: [201, port],
      result: port,
    },
    {
      label: 'update → POST …/port_requests/{id}',
      call: (a) => a.port_requests.update(PORT, { name: 'Main line', numbers: { '+12025559000': { state: 'NY' } } }),
      request: {
        method: 'POST',
        path: acct(`/port_requests/${PORT}`),
        body: { data: { name: 'Main line', numbers: { '+12025559000': { state: 'NY' } } } },
      },
      reply: [200, port],
    },
    {
      label: 'patch → PATCH …/port_requests/{id}',
      call: (a) => a.port_requests.patch(PORT, { bill: { carrier: 'Ace Phone Co' } }),
      request: { method: 'PATCH', path: acct(`/port_requests/${PORT}`), body: { data: { bill: { carrier: 'Ace Phone Co' } } } },
      reply: [200, port],
    },
    {
      label: 'delete → DELETE …/port_requests/{id}',
      call: (a) => a.port_requests.delete(PORT),
      request: { method: 'DELETE', path: acct(`/port_requests/${PORT}`) },
      reply: [200, port],
    },
    ...(['submitted', 'pending', 'completed', 'rejected', 'canceled'] as const).map((state) => ({
      label: `transition to ${state} → PATCH …/port_requests/{id}/${state} with the reason`,
      call: (a: import('../src/index').Audian) => {
        const p = a.port_requests;
        const verb = { submitted: p.submit, pending: p.pending, completed: p.complete, rejected: p.reject, canceled: p.cancel }[state];
        return verb.call(p, PORT, { reason: 'why' });
      },
      request: { method: 'PATCH', path: acct(`/port_requests/${PORT}/${state}`), body: { data: { reason: 'why' } } },
      reply: [200, { ...port, port_state: state }] as const,
      result: { ...port, port_state: state },
    })),
    {
      label: 'schedule → PATCH …/port_requests/{id}/scheduled with schedule_on',
      call: (a) => a.port_requests.schedule(PORT, { schedule_on: { date_time: '2027-06-24 12:00', timezone: 'America/Los_Angeles' } }),
      request: {
        method: 'PATCH',
        path: acct(`/port_requests/${PORT}/scheduled`),
        body: { data: { schedule_on: { date_time: '2027-06-24 12:00', timezone: 'America/Los_Angeles' } } },
      },
      reply: [200, { ...port, port_state: 'scheduled', scheduled_date: 63658292400 }],
    },
    {
      label: 'timeline → GET …/port_requests/{id}/timeline',
      call: (a) => a.port_requests.timeline(PORT),
      request: { method: 'GET', path: acct(`/port_requests/${PORT}/timeline`) },
      reply: [200, [{ type: 'transition', timestamp: 63663993575, transition: { new: 'unconfirmed' } }]],
      result: [{ type: 'transition', timestamp: 63663993575, transition: { new: 'unconfirmed' } }],
    },
    {
      label: 'loa → GET …/port_requests/{id}/loa accepting application/pdf, the bytes as sent',
      call: async (a) => {
        const pdf = await a.port_requests.loa(PORT);
        return { binary: pdf instanceof BinaryResponse, type: pdf.contentType, bytes: await pdf.bytes() };
      },
      request: { method: 'GET', path: acct(`/port_requests/${PORT}/loa`), headers: { accept: 'application/pdf' } },
      reply: { status: 200, raw: Buffer.from(PDF), headers: { 'content-type': 'application/pdf' } },
      result: { binary: true, type: 'application/pdf', bytes: PDF },
    },
    {
      label: 'attachments.list → GET …/port_requests/{id}/attachments',
      call: (a) => a.port_requests.attachments(PORT).list(),
      request: { method: 'GET', path: acct(`/port_requests/${PORT}/attachments`) },
      reply: [200, { 'bill.pdf': { content_type: 'application/pdf', length: 15 } }],
      result: { 'bill.pdf': { content_type: 'application/pdf', length: 15 } },
    },
    {
      label: 'attachments.download → GET …/attachments/{name}',
      call: async (a) => (await a.port_requests.attachments(PORT).download('bill.pdf')).bytes(),
      request: { method: 'GET', path: acct(`/port_requests/${PORT}/attachments/bill.pdf`), headers: { accept: 'application/pdf' } },
      reply: { status: 200, raw: Buffer.from(PDF), headers: { 'content-type': 'application/pdf' } },
      result: PDF,
    },
    {
      label: 'attachments.delete → DELETE …/attachments/{name}',
      call: (a) => a.port_requests.attachments(PORT).delete('bill.pdf'),
      request: { method: 'DELETE', path: acct(`/port_requests/${PORT}/attachments/bill.pdf`) },
      reply: [200, {}],
    },
    {
      label: 'a refused transition rejects with the server error',
      call: (a) => a.port_requests.complete(PORT),
      request: { method: 'PATCH', path: acct(`/port_requests/${PORT}/completed`) },
      reply: {
        status: 400,
        raw: {
          status: 'error',
          error: '400',
          message: 'validation error',
          data: { port_state: { enum: { cause: 'completed', message: 'Cannot move to new state from current state' } } },
        },
      },
      error: BadRequestError,
    },
  ]);

  rawUploadCases([
    {
      label: 'attachments.upload → PUT …/attachments?filename= with the PDF bytes',
      call: (a) => a.port_requests.attachments(PORT).upload('bill.pdf', PDF),
      method: 'PUT',
      path: acct(`/port_requests/${PORT}/attachments`),
      contentType: 'application/pdf',
      bytes: PDF,
    },
    {
      label: 'attachments.replace → POST …/attachments/{name} with the PDF bytes',
      call: (a) => a.port_requests.attachments(PORT).replace('bill.pdf', PDF),
      method: 'POST',
      path: acct(`/port_requests/${PORT}/attachments/bill.pdf`),
      contentType: 'application/pdf',
      bytes: PDF,
    },
  ]);
});

describe('port_requests validation', () => {
  const { client } = scriptedClient();

  it('create without numbers names the field, no request sent', async () => {
    const error = await rejectionOf(client.audian().port_requests.create({ name: 'x' } as never));
    expect(error.issues?.[0]).toMatchObject({ path: 'numbers' });
    expect(client.server().requests).toHaveLength(0);
  });

  it('scheduled without schedule_on and unknown states are refused before any request', async () => {
    const audian = client.audian();
    expect(await rejectionOf(audian.port_requests.schedule(PORT, {} as never))).toMatchObject({ argument: 'schedule_on' });
    expect(await rejectionOf(audian.port_requests.transition(PORT, 'unconfirmed' as never))).toBeInstanceOf(InvalidArgumentError);
    expect(client.server().requests).toHaveLength(0);
  });

  it('an attachment must be raw bytes of an accepted type', async () => {
    const files = client.audian().port_requests.attachments(PORT);
    expect(await rejectionOf(files.upload('a.pdf', { pdf: true } as never))).toMatchObject({ argument: 'file' });
    expect(await rejectionOf(files.upload('a.png', PDF, 'image/png'))).toMatchObject({ argument: 'contentType' });
    expect(client.server().requests).toHaveLength(0);
  });
});
