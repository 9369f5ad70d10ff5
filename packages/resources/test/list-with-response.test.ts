import { envelope } from '@audian/test-server';
import { describe, expect, it } from 'vitest';
import { APIPromise, NotFoundError } from '../src/index';
import { acct, page, useWireServer } from './wire';

describe('withResponse() on listings and downloads', () => {
  const wire = useWireServer();

  it('a listing gives its first page with the request id and HTTP response, in one request', async () => {
    const { server, audian, calls } = wire();
    server.expect({
      method: 'GET',
      path: acct('/users'),
      reply: { ...page([{ id: 'u1' }, { id: 'u2' }], { request_id: 'req-list', next_start_key: 'k2' }), headers: { 'x-seen': 'yes' } },
    });
    const listing = audian.users.list({ pageSize: 2 });
    const { data: first, requestId, response } = await listing.withResponse();
    expect(first.data).toEqual([{ id: 'u1' }, { id: 'u2' }]);
    expect(first.hasNextPage()).toBe(true);
    expect(requestId).toBe('req-list');
    expect(response?.status).toBe(200);
    expect(response?.headers.get('x-seen')).toBe('yes');
    // Awaiting the same listing reuses the page: still one request.
    expect((await listing).data).toHaveLength(2);
    expect(calls()).toHaveLength(1);
  });

  it("a listing's request id falls back to the X-Request-ID the client sent", async () => {
    const { server, audian } = wire();
    server.expect({ method: 'GET', path: acct('/devices'), reply: { status: 200, body: { data: [], status: 'success' } } });
    const { requestId } = await audian.devices.list().withResponse();
    const sent = server.requests.find((r) => r.path === acct('/devices'))?.headers['x-request-id'];
    expect(sent).toBeTruthy();
    expect(requestId).toBe(sent);
  });

  it("a failed listing's withResponse() rejects with the typed error", async () => {
    const { server, audian } = wire();
    server.expect({
      method: 'GET',
      path: acct('/callflows'),
      reply: { status: 404, body: { status: 'error', error: '404', message: 'bad_identifier', request_id: 'req-404', data: {} } },
    });
    const error = await audian.callflows
      .list()
      .withResponse()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).requestId).toBe('req-404');
  });

  it('a download gives the unread body with its request id and HTTP response', async () => {
    const { server, audian } = wire();
    server.expect({
      method: 'GET',
      path: acct('/media/m1/raw'),
      reply: { status: 200, body: Buffer.from('ID3 audio bytes'), headers: { 'content-type': 'audio/mpeg', 'x-request-id': 'req-raw' } },
    });
    const call = audian.media.download('m1');
    expect(call).toBeInstanceOf(APIPromise);
    const { data, requestId, response } = await call.withResponse();
    expect(requestId).toBe('req-raw');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    expect(data.contentType).toBe('audio/mpeg');
    expect(await data.text()).toBe('ID3 audio bytes');
  });

  it('awaiting a download still gives the BinaryResponse alone', async () => {
    const { server, audian } = wire();
    server.expect({
      method: 'GET',
      path: acct('/users/u1/vcard'),
      reply: { status: 200, body: 'BEGIN:VCARD\r\nEND:VCARD\r\n', headers: { 'content-type': 'text/x-vcard' } },
    });
    const card = await audian.users.vcard('u1');
    expect(await card.text()).toBe('BEGIN:VCARD\r\nEND:VCARD\r\n');
  });

  it('a CDR listing split into windows keeps the request id of the page it shows', async () => {
    const { server, audian } = wire();
    const day = 86_400_000;
    const to = new Date(Date.UTC(2026, 0, 1));
    const from = new Date(to.getTime() - 40 * day);
    server.expect({
      method: 'GET',
      path: acct('/cdrs'),
      reply: { status: 200, body: envelope([{ id: 'c1' }], { request_id: 'req-w0' }) },
    });
    const { data: first, requestId } = await audian.cdrs.list({ createdFrom: from, createdTo: to }).withResponse();
    expect(first.data).toEqual([{ id: 'c1' }]);
    expect(requestId).toBe('req-w0');
  });
});
