import { describe, expect, it } from 'vitest';
import { type Doc, data, request, useHarness } from './helpers';

const h = useHarness();

describe('functions (cb_functions)', () => {
  it('creates with the defaults, lists the crossbar_listing row, merges a POST, patches and deletes', async () => {
    const missing = await h.call('PUT', `${h.acct}/functions`, { data: { name: 'No code' } });
    expect(missing.status).toBe(400);
    expect(missing.body.data).toHaveProperty('function_js.required');
    const created = await h.call('PUT', `${h.acct}/functions`, { data: { name: 'Hang up', function_js: 'return {};', note: 'kept' } });
    expect(created.status).toBe(201);
    expect(data(created)).toMatchObject({ enabled: true, language_pack: 'javascript' });
    const id = data(created).id;
    expect((await h.call('GET', `${h.acct}/functions`)).body.data).toContainEqual({
      id,
      name: 'Hang up',
      function_js: 'return {};',
      enabled: true,
    });
    const posted = await h.call('POST', `${h.acct}/functions/${id}`, { data: { name: 'Hang up 2', function_js: 'return 1;' } });
    expect(data(posted)).toMatchObject({ name: 'Hang up 2', note: 'kept' });
    expect(data(await h.call('PATCH', `${h.acct}/functions/${id}`, { data: { enabled: false } }))).toMatchObject({ enabled: false });
    expect((await h.call('DELETE', `${h.acct}/functions/${id}`)).status).toBe(200);
    expect((await h.call('GET', `${h.acct}/functions/${id}`)).status).toBe(404);
  });

  it('serves samples under the account and, without a token, on /v2/functions/samples; /v2/functions lists what the system offers', async () => {
    const samples = (await h.call('GET', `${h.acct}/functions/samples`)).body.data as Doc[];
    expect(samples.length).toBeGreaterThan(0);
    expect(samples[0]).toHaveProperty('function_js');
    const open = await request(h.sandbox, 'GET', '/v2/functions/samples');
    expect(open.status).toBe(200);
    expect(open.body.data).toEqual(samples);
    const offered = await request(h.sandbox, 'GET', '/v2/functions');
    expect(offered.status).toBe(200);
    expect(offered.body.data).toEqual([]);
  });
});
