import { describe, expect, it } from 'vitest';
import { type Doc, data, useHarness } from './helpers';

const h = useHarness();
const carrier = (name: string) => ({ name, gateways: [{ server: `sip.${name.toLowerCase()}.example` }], rules: ['^\\+1(\\d{10})$'] });

describe('resources (cb_resources): account carriers', () => {
  it('creates with the schema defaults, lists the crossbar_listing row, patches, replaces and deletes', async () => {
    const created = await h.call('PUT', `${h.acct}/resources`, { data: carrier('Alpha') });
    expect(created.status).toBe(201);
    expect(data(created)).toMatchObject({ name: 'Alpha', enabled: true, weight_cost: 50, grace_period: 5, flags: [], emergency: false });
    expect(data(created).gateways).toEqual([expect.objectContaining({ server: 'sip.alpha.example', port: 5060, invite_format: 'route' })]);
    const id = data(created).id;
    const listed = (await h.call('GET', `${h.acct}/resources`)).body.data as Doc[];
    expect(listed).toContainEqual({ id, name: 'Alpha', enabled: true, weight_cost: 50 });
    const patched = await h.call('PATCH', `${h.acct}/resources/${id}`, { data: { weight_cost: 10 } });
    expect(data(patched)).toMatchObject({ weight_cost: 10, name: 'Alpha' });
    const replaced = await h.call('POST', `${h.acct}/resources/${id}`, { data: { ...carrier('Alpha'), enabled: false } });
    expect(data(replaced)).toMatchObject({ enabled: false, weight_cost: 50 });
    expect((await h.call('DELETE', `${h.acct}/resources/${id}`)).status).toBe(200);
    expect((await h.call('GET', `${h.acct}/resources/${id}`)).status).toBe(404);
  });

  it('answers KAZOO validation errors: name and gateways required, peering disabled (check_if_peer/2)', async () => {
    const missing = await h.call('PUT', `${h.acct}/resources`, { data: { name: 'No gateways' } });
    expect(missing.status).toBe(400);
    expect(missing.body.data).toHaveProperty('gateways.required');
    const peer = await h.call('PUT', `${h.acct}/resources`, { data: { ...carrier('Peer'), peer: true } });
    expect(peer.status).toBe(400);
    expect(peer.body.data).toMatchObject({
      peer: { forbidden: { message: 'Peers are currently disabled, please contact the system admin' } },
    });
  });

  it('collection PUT saves all or none: errors by item id, else the listing (collection_process/1)', async () => {
    const bad = await h.call('PUT', `${h.acct}/resources/collection`, { data: [carrier('Beta'), { id: 'broken0', name: 'Broken' }] });
    expect(bad.status).toBe(200);
    expect(bad.body.data).toMatchObject({ errors: { broken0: { gateways: { required: expect.any(Object) } } } });
    const names = () => h.call('GET', `${h.acct}/resources`).then((r) => (r.body.data as Doc[]).map((d) => d.name));
    expect(await names()).not.toContain('Beta');
    const ok = await h.call('PUT', `${h.acct}/resources/collection`, { data: [carrier('Beta'), carrier('Gamma')] });
    expect(ok.status).toBe(200);
    expect((ok.body.data as Doc[]).map((d) => d.name)).toEqual(expect.arrayContaining(['Beta', 'Gamma']));
    expect(await names()).toEqual(expect.arrayContaining(['Beta', 'Gamma']));
  });

  it('collection POST merges each item over its carrier; an unknown id is "resource does not exist"', async () => {
    const beta = ((await h.call('GET', `${h.acct}/resources`)).body.data as Doc[]).find((d) => d.name === 'Beta') as Doc;
    const unknown = await h.call('POST', `${h.acct}/resources/collection`, {
      data: [
        { id: beta.id, weight_cost: 5 },
        { id: 'nope', weight_cost: 1 },
      ],
    });
    expect(unknown.body.data).toEqual({ errors: { nope: 'resource does not exist' } });
    expect(data(await h.call('GET', `${h.acct}/resources/${beta.id}`)).weight_cost).toBe(50);
    const ok = await h.call('POST', `${h.acct}/resources/collection`, { data: [{ id: beta.id, weight_cost: 5 }] });
    expect(ok.status).toBe(200);
    expect(data(await h.call('GET', `${h.acct}/resources/${beta.id}`))).toMatchObject({ weight_cost: 5, name: 'Beta' });
    expect((await h.call('GET', `${h.acct}/resources/collection`)).status).toBe(405);
  });
});

describe('resources/jobs: bulk number imports', () => {
  it('schedules a job (202 pending), then runs it: numbers reserved in the account, failures by number', async () => {
    const res = data(await h.call('PUT', `${h.acct}/resources`, { data: carrier('Importer') }));
    const taken = await h.call('PUT', `${h.acct}/phone_numbers/+14155550177`, { data: {} });
    expect(taken.status).toBe(201);
    const job = await h.call('PUT', `${h.acct}/resources/jobs`, {
      data: { resource_id: res.id, name: 'Batch 1', numbers: ['+14155550170', '4155550171', 'not-a-number', '+14155550177'] },
    });
    expect(job.status).toBe(202);
    expect(job.body.message).toBe('Job scheduled');
    expect(data(job)).toMatchObject({ resource_id: res.id, errors: {}, success: {} });
    expect(data(job).id).toMatch(/^\d{6}-[0-9a-f]{32}$/);

    const read = data(await h.call('GET', `${h.acct}/resources/jobs/${data(job).id}`));
    expect(read.status).toBe('complete');
    expect(typeof read.timestamp).toBe('number');
    expect(Object.keys(read.success as object).sort()).toEqual(['+14155550170', '+14155550171']);
    expect(read.errors).toMatchObject({ 'not-a-number': { reason: 'not_reconcilable' }, '+14155550177': { reason: 'number_exists' } });
    const number = data(await h.call('GET', `${h.acct}/phone_numbers/+14155550170`));
    expect(number).toMatchObject({ state: 'reserved', resource_id: res.id });

    const listing = (await h.call('GET', `${h.acct}/resources/jobs`)).body.data as Doc[];
    expect(listing).toContainEqual(
      expect.objectContaining({ id: data(job).id, status: 'complete', successes: 2, failures: 2, resource_id: res.id, name: 'Batch 1' }),
    );
  });

  it('validates the job (resource_jobs schema) and refuses ids that are not job ids (read_job/2)', async () => {
    const bad = await h.call('PUT', `${h.acct}/resources/jobs`, { data: { numbers: [] } });
    expect(bad.status).toBe(400);
    expect(bad.body.data).toHaveProperty('resource_id.required');
    const id = await h.call('GET', `${h.acct}/resources/jobs/nope`);
    expect(id.status).toBe(404);
    expect(id.body).toMatchObject({ message: 'bad identifier', data: ['nope'] });
    expect((await h.call('GET', `${h.acct}/resources/jobs/202601-${'0'.repeat(32)}`)).status).toBe(404);
  });
});
