import { BinaryResponse, InvalidArgumentError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import { acct, useWireServer, wireCases } from './wire';

const X = '202501-fax0000000000000000000001';
const job = { from_number: '+14155550100', to_number: '+14155550199', document: { url: 'https://files.example.com/c.pdf' } };
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x00, 0xff]);

describe('faxes on the wire', () => {
  wireCases([
    {
      label: 'send → PUT …/faxes with the JSON job',
      call: (a) => a.faxes.send({ ...job, retries: 3 }),
      request: {
        method: 'PUT',
        path: acct('/faxes'),
        body: { data: { ...job, retries: 3 } },
        headers: { 'content-type': 'application/json' },
      },
      reply: [202, { ...job, id: 'job1' }],
      result: { ...job, id: 'job1' },
    },
    {
      label: 'sendDocument with a TIFF → multipart/mixed with image/tiff',
      call: (a) => a.faxes.sendDocument({ from_number: '1', to_number: '2' }, new Blob(['II*\u0000']), 'image/tiff'),
      request: { method: 'PUT', path: acct('/faxes/outgoing') },
      reply: [202, { id: 'job2' }],
    },
    {
      label: 'outgoing.list → GET …/faxes/outgoing',
      call: async (a) => (await a.faxes.outgoing.list()).data,
      request: { method: 'GET', path: acct('/faxes/outgoing') },
      reply: [200, [{ id: 'job1', status: 'pending', from_number: '+14155550100' }]],
      result: [{ id: 'job1', status: 'pending', from_number: '+14155550100' }],
    },
    {
      label: 'outgoing.get → GET …/faxes/outgoing/{FAX_JOB_ID}',
      call: (a) => a.faxes.outgoing.get('job1'),
      request: { method: 'GET', path: acct('/faxes/outgoing/job1') },
      reply: [200, { id: 'job1' }],
    },
    {
      label: 'incoming.list → GET …/faxes/incoming',
      call: (a) => a.faxes.incoming.list(),
      request: { method: 'GET', path: acct('/faxes/incoming') },
      reply: [200, []],
    },
    {
      label: 'incoming.get → GET …/faxes/incoming/{FAX_ID}',
      call: (a) => a.faxes.incoming.get('in1'),
      request: { method: 'GET', path: acct('/faxes/incoming/in1') },
      reply: [200, { id: 'in1' }],
    },
    {
      label: 'inbox.list → GET …/faxes/inbox with the time range',
      call: (a) => a.faxes.inbox.list({ createdFrom: 63902908800 }),
      request: { method: 'GET', path: acct('/faxes/inbox'), query: { created_from: '63902908800' } },
      reply: [200, [{ id: X, folder: 'inbox', from: '+14155550199', to: '+14155550100', status: 'completed' }]],
    },
    {
      label: 'inbox.get → GET …/faxes/inbox/{FAX_ID}',
      call: (a) => a.faxes.inbox.get(X),
      request: { method: 'GET', path: acct(`/faxes/inbox/${X}`) },
      reply: [200, { id: X }],
    },
    {
      label: 'inbox.delete → DELETE …/faxes/inbox/{FAX_ID}',
      call: (a) => a.faxes.inbox.delete(X),
      request: { method: 'DELETE', path: acct(`/faxes/inbox/${X}`) },
      reply: [200, { id: X }],
    },
    {
      label: 'inbox.forward → PUT …/faxes/inbox/{FAX_ID} with action forward',
      call: (a) => a.faxes.inbox.forward(X, { to_number: '+14155550177' }),
      request: { method: 'PUT', path: acct(`/faxes/inbox/${X}`), body: { action: 'forward', data: { to_number: '+14155550177' } } },
      reply: [200, { id: 'new' }],
    },
    {
      label: 'inbox.attachment → GET …/faxes/inbox/{FAX_ID}/attachment as binary',
      call: async (a) => {
        const file = await a.faxes.inbox.attachment(X);
        expect(file).toBeInstanceOf(BinaryResponse);
        expect(file.contentType).toBe('application/pdf');
        return [...(await file.bytes())];
      },
      request: { method: 'GET', path: acct(`/faxes/inbox/${X}/attachment`) },
      reply: { status: 200, raw: Buffer.from(PDF), headers: { 'content-type': 'application/pdf' } },
      result: [...PDF],
    },
    {
      label: 'inbox.deleteAttachment → DELETE …/faxes/inbox/{FAX_ID}/attachment',
      call: (a) => a.faxes.inbox.deleteAttachment(X),
      request: { method: 'DELETE', path: acct(`/faxes/inbox/${X}/attachment`) },
      reply: [200, {}],
    },
    {
      label: 'outbox.list → GET …/faxes/outbox',
      call: (a) => a.faxes.outbox.list(),
      request: { method: 'GET', path: acct('/faxes/outbox') },
      reply: [200, []],
    },
    {
      label: 'outbox.get → GET …/faxes/outbox/{FAX_ID}',
      call: (a) => a.faxes.outbox.get(X),
      request: { method: 'GET', path: acct(`/faxes/outbox/${X}`) },
      reply: [200, { id: X }],
    },
    {
      label: 'outbox.delete → DELETE …/faxes/outbox/{FAX_ID}',
      call: (a) => a.faxes.outbox.delete(X),
      request: { method: 'DELETE', path: acct(`/faxes/outbox/${X}`) },
      reply: [200, { id: X }],
    },
    {
      label: 'outbox.resubmit → PUT …/faxes/outbox/{FAX_ID} with action resubmit',
      call: (a) => a.faxes.outbox.resubmit(X),
      request: { method: 'PUT', path: acct(`/faxes/outbox/${X}`), body: { action: 'resubmit', data: {} } },
      reply: [200, { id: 'again' }],
    },
    {
      label: 'outbox.attachment → GET …/faxes/outbox/{FAX_ID}/attachment (TIFF)',
      call: async (a) => (await a.faxes.outbox.attachment(X)).contentType,
      request: { method: 'GET', path: acct(`/faxes/outbox/${X}/attachment`) },
      reply: { status: 200, raw: Buffer.from([0x49, 0x49, 0x2a, 0]), headers: { 'content-type': 'image/tiff' } },
      result: 'image/tiff',
    },
    {
      label: 'outbox.deleteAttachment → DELETE …/faxes/outbox/{FAX_ID}/attachment',
      call: (a) => a.faxes.outbox.deleteAttachment(X),
      request: { method: 'DELETE', path: acct(`/faxes/outbox/${X}/attachment`) },
      reply: [200, {}],
    },
    {
      label: 'smtplog.list → GET …/faxes/smtplog',
      call: async (a) => (await a.faxes.smtplog.list()).data,
      request: { method: 'GET', path: acct('/faxes/smtplog') },
      reply: [200, [{ id: 's1', from: 'a@example.com', error: 'not allowed' }]],
      result: [{ id: 's1', from: 'a@example.com', error: 'not allowed' }],
    },
    {
      label: 'smtplog.get → GET …/faxes/smtplog/{ATTEMPT_ID}',
      call: (a) => a.faxes.smtplog.get('s1'),
      request: { method: 'GET', path: acct('/faxes/smtplog/s1') },
      reply: [200, { id: 's1' }],
    },
  ]);
});

describe('faxes multipart upload', () => {
  const wire = useWireServer();

  it('sendDocument sends the JSON job and the PDF bytes as two multipart/mixed parts', async () => {
    const { server, audian } = wire();
    let seen: { type: string; body: Buffer } | undefined;
    server.expect({
      method: 'PUT',
      path: acct('/faxes/outgoing'),
      reply: (req) => {
        seen = { type: String(req.headers['content-type']), body: req.body };
        return { status: 202, body: { status: 'success', data: { id: 'job3' } } };
      },
    });
    const fax = { from_number: '+14155550100', to_number: '+14155550199', retries: 2 };
    const result = await audian.faxes.sendDocument(fax, PDF, 'application/pdf', { acceptCharges: true });
    server.assertDone();
    expect(result).toEqual({ id: 'job3' });
    const boundary = /^multipart\/mixed; boundary=(.+)$/.exec(seen?.type ?? '')?.[1];
    expect(boundary).toBeTruthy();
    const body = seen?.body as Buffer;
    const head = `--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify({ data: fax, accept_charges: true })}\r\n--${boundary}\r\nContent-Type: application/pdf\r\n\r\n`;
    const tail = `\r\n--${boundary}--\r\n`;
    expect(body.subarray(0, head.length).toString('latin1')).toBe(head);
    expect([...body.subarray(head.length, body.length - tail.length)]).toEqual([...PDF]);
    expect(body.subarray(body.length - tail.length).toString('latin1')).toBe(tail);
  });

  it('refuses a missing document URL, another type, a stream or a reserved key before any request', async () => {
    const { server, audian } = wire();
    await expect(audian.faxes.send({ from_number: '+14155550100', to_number: '+14155550199' })).rejects.toMatchObject({
      argument: 'data.document.url',
    });
    await expect(audian.faxes.sendDocument({ from_number: '1', to_number: '2' }, PDF, 'text/plain' as never)).rejects.toMatchObject({
      argument: 'contentType',
    });
    const stream = new ReadableStream<Uint8Array>({ start: (c) => c.close() });
    await expect(audian.faxes.sendDocument({ from_number: '1', to_number: '2' }, stream, 'application/pdf')).rejects.toMatchObject({
      argument: 'document',
    });
    await expect(
      audian.faxes.sendDocument({ from_number: '1', to_number: '2', verb: 'DELETE' } as never, PDF, 'application/pdf'),
    ).rejects.toMatchObject({
      argument: 'data.verb',
    });
    await expect(audian.faxes.sendDocument({ from_number: '1' } as never, PDF, 'application/pdf')).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    expect(server.requests).toHaveLength(0);
  });
});
