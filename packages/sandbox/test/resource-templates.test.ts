import { describe, expect, it } from 'vitest';
import { childLogin } from './call-routing-helpers';
import { type Doc, data, request, useHarness } from './helpers';

const h = useHarness();

describe('resource_templates (cb_resource_templates)', () => {
  it('the reseller creates, patches, replaces and deletes; template_name is required', async () => {
    const missing = await h.call('PUT', `${h.acct}/resource_templates`, { data: { name: 'No template name' } });
    expect(missing.status).toBe(400);
    expect(missing.body.data).toEqual({ template_name: { required: { message: 'Template name is required' } } });
    const created = await h.call('PUT', `${h.acct}/resource_templates`, {
      data: { template_name: 'Carrier A', name: 'Carrier A', gateways: [] },
    });
    expect(created.status).toBe(201);
    const id = data(created).id;
    expect((await h.call('GET', `${h.acct}/resource_templates`)).body.data).toContainEqual({
      id,
      name: 'Carrier A',
      template_name: 'Carrier A',
    });
    expect(data(await h.call('PATCH', `${h.acct}/resource_templates/${id}`, { data: { weight_cost: 20 } }))).toMatchObject({
      weight_cost: 20,
    });
    expect(data(await h.call('POST', `${h.acct}/resource_templates/${id}`, { data: { template_name: 'Carrier B' } }))).not.toHaveProperty(
      'weight_cost',
    );
    expect((await h.call('DELETE', `${h.acct}/resource_templates/${id}`)).status).toBe(200);
    expect((await h.call('GET', `${h.acct}/resource_templates/${id}`)).status).toBe(404);
  });

  it('a sub-account reads its reseller’s templates but may not write them (is_allowed_to_update/1)', async () => {
    const shared = data(await h.call('PUT', `${h.acct}/resource_templates`, { data: { template_name: 'Shared' } }));
    const child = await childLogin(h, 'Template Reader');
    const base = `/v2/accounts/${child.accountId}/resource_templates`;
    const listed = await request(h.sandbox, 'GET', base, {}, child.token);
    expect((listed.body.data as Doc[]).map((t) => t.id)).toContain(shared.id);
    expect((await request(h.sandbox, 'GET', `${base}/${shared.id}`, {}, child.token)).status).toBe(200);
    const refused = await request(h.sandbox, 'PUT', base, { data: { template_name: 'Mine' } }, child.token);
    expect(refused.status).toBe(400);
    expect(refused.body.data).toEqual({ Account: { forbidden: { message: 'You are not authorized to modify the resource templates' } } });
    expect((await request(h.sandbox, 'DELETE', `${base}/${shared.id}`, {}, child.token)).status).toBe(400);
  });
});
