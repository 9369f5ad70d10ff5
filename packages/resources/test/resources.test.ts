import { NotFoundError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import { acct, crudWireCases, rejectionOf, scriptedClient, wireCases } from './wire';

const ID = 'ca4e1e4ca4e1e4ca4e1e4ca4e1e4ca4e';
const JOB = '202612-39512771f9d2d499';
const carrier = {
  id: ID,
  name: 'Carrier A',
  enabled: true,
  gateways: [{ server: 'sip.carrier-a.example', username: 'acme', password: 'secret', prefix: '+1' }],
  rules: ['^\\+1(\\d{10})$'],
  weight_cost: 50,
  custom_note: 'kept',
};
const listing = [{ id: ID, name: 'Carrier A', enabled: true, weight_cost: 50 }];

describe('resources (account carriers) on the wire', () => {
  wireCases([
    ...crudWireCases({
      name: 'resources',
      resource: (a) => a.resources,
      path: '/resources',
      id: ID,
      document: carrier,
      create: { name: 'Carrier A', gateways: [{ server: 'sip.carrier-a.example' }] },
      patch: { weight_cost: 20, gateways: [{ server: 'sip2.carrier-a.example' }] },
    }),
    {
      label: 'createCollection → PUT …/resources/collection with the array as data; answers the listing',
      call: (a) => a.resources.createCollection([{ name: 'B', gateways: [{ server: 'b.example' }] }]),
      request: { method: 'PUT', path: acct('/resources/collection'), body: { data: [{ name: 'B', gateways: [{ server: 'b.example' }] }] } },
      reply: [200, listing],
      result: listing,
    },
    {
      label: 'updateCollection → POST …/resources/collection; errors by id come back as data (cb_resources:collection_process/1)',
      call: (a) => a.resources.updateCollection([{ id: 'missing', weight_cost: 10 }]),
      request: { method: 'POST', path: acct('/resources/collection'), body: { data: [{ id: 'missing', weight_cost: 10 }] } },
      reply: [200, { errors: { missing: 'resource does not exist' } }],
      result: { errors: { missing: 'resource does not exist' } },
    },
    {
      label: 'listJobs → GET …/resources/jobs with a creation range',
      call: (a) => a.resources.listJobs({ createdFrom: 63_900_000_000, createdTo: 63_900_086_400 }),
      request: { method: 'GET', path: acct('/resources/jobs'), query: { created_from: '63900000000', created_to: '63900086400' } },
      reply: [200, [{ id: JOB, status: 'pending', failures: 0, successes: 0, resource_id: ID, timestamp: 63_900_000_100 }]],
    },
    {
      label: 'createJob → PUT …/resources/jobs',
      call: (a) => a.resources.createJob({ resource_id: ID, numbers: ['+14155550100', '+14155550101'] }),
      request: {
        method: 'PUT',
        path: acct('/resources/jobs'),
        body: { data: { resource_id: ID, numbers: ['+14155550100', '+14155550101'] } },
      },
      reply: [202, { id: JOB, resource_id: ID, numbers: ['+14155550100', '+14155550101'], errors: {}, success: {} }],
      result: { id: JOB, resource_id: ID, numbers: ['+14155550100', '+14155550101'], errors: {}, success: {} },
    },
    {
      label: 'getJob → GET …/resources/jobs/{JOB_ID}',
      call: (a) => a.resources.getJob(JOB),
      request: { method: 'GET', path: acct(`/resources/jobs/${JOB}`) },
      reply: [200, { id: JOB, status: 'complete', timestamp: 63_900_000_100, success: { '+14155550100': {} }, errors: {} }],
    },
    {
      label: 'getJob with an id that is not a job id → NotFoundError (cb_resources:read_job/2)',
      call: (a) => a.resources.getJob('nope'),
      request: { method: 'GET', path: acct('/resources/jobs/nope') },
      reply: { status: 404, raw: { status: 'error', error: '404', message: 'bad identifier', data: ['nope'] } },
      error: NotFoundError,
    },
  ]);
});

describe('resources validation (no request sent)', () => {
  const { client } = scriptedClient();

  it('a carrier needs gateways', async () => {
    const error = await rejectionOf(client.audian().resources.create({ name: 'No gateways' } as never));
    expect(error.issues?.[0]).toMatchObject({ path: 'gateways', code: 'required' });
    expect(client.server().requests).toHaveLength(0);
  });

  it('a job needs at least one number and a resource_id', async () => {
    const error = await rejectionOf(client.audian().resources.createJob({ resource_id: ID, numbers: [] }));
    expect(error.issues?.[0]).toMatchObject({ path: 'numbers' });
    expect(client.server().requests).toHaveLength(0);
  });

  it('updateCollection names the item without an id, and an empty collection is refused', async () => {
    await expect(client.audian().resources.updateCollection([{ weight_cost: 1 } as never])).rejects.toMatchObject({
      argument: 'data.0.id',
    });
    await expect(client.audian().resources.createCollection([])).rejects.toMatchObject({ argument: 'data' });
    expect(client.server().requests).toHaveLength(0);
  });
});
