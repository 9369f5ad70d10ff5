import { envelope } from '@audian/test-server';
import { describe, expect, it } from 'vitest';
import { APIPromise, NotFoundError } from '../src/index';
import { acct, useWireServer } from './wire';

describe('withResponse()', () => {
  const wire = useWireServer();

  it('gives the data with the request id, revision and HTTP response of a get', async () => {
    const { server, audian } = wire();
    server.expect({
      method: 'GET',
      path: acct('/users/u1'),
      reply: {
        status: 200,
        body: envelope({ id: 'u1', first_name: 'Ada' }, { request_id: 'req-42', revision: '3-abc' }),
        headers: { etag: '"3-abc"' },
      },
    });
    const call = audian.users.get('u1');
    expect(call).toBeInstanceOf(APIPromise);
    const { data, requestId, revision, response } = await call.withResponse();
    expect(data).toEqual({ id: 'u1', first_name: 'Ada' });
    expect(requestId).toBe('req-42');
    expect(revision).toBe('3-abc');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"3-abc"');
    server.assertDone();
  });

  it('works on a create, whose body is checked first, and awaiting gives the data alone', async () => {
    const { server, audian } = wire();
    server.expect({
      method: 'PUT',
      path: acct('/devices'),
      reply: { status: 201, body: envelope({ id: 'd1', name: 'Desk' }, { request_id: 'req-7' }) },
    });
    const { data, requestId, response } = await audian.devices.create({ name: 'Desk' }).withResponse();
    expect([data, requestId, response.status]).toEqual([{ id: 'd1', name: 'Desk' }, 'req-7', 201]);
    server.expect({ method: 'GET', path: acct('/devices/d1'), reply: { status: 200, body: envelope({ id: 'd1', name: 'Desk' }) } });
    expect(await audian.devices.get('d1')).toEqual({ id: 'd1', name: 'Desk' });
    server.assertDone();
  });

  it('keeps the request id of a call whose data is derived (registrations.count)', async () => {
    const { server, audian } = wire();
    server.expect({
      method: 'GET',
      path: acct('/registrations/count'),
      reply: { status: 200, body: envelope({ count: 3 }, { request_id: 'req-c' }) },
    });
    expect(await audian.registrations.count().withResponse()).toMatchObject({ data: 3, requestId: 'req-c' });
  });

  it('rejects with the typed error, which carries the request id, and nothing else goes unhandled', async () => {
    const { server, audian } = wire();
    server.expect({
      method: 'GET',
      path: acct('/users/nope'),
      reply: { status: 404, body: { status: 'error', error: '404', message: 'bad_identifier', request_id: 'req-404', data: {} } },
    });
    const error = await audian.users
      .get('nope')
      .withResponse()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).requestId).toBe('req-404');
  });

  it('rejects (does not throw) when a body is refused before any request', async () => {
    const { audian, calls } = wire();
    const call = audian.users.create({ first_name: 'Ada' } as never);
    await expect(call.withResponse()).rejects.toThrow(/last_name/);
    expect(calls()).toEqual([]);
  });
});
