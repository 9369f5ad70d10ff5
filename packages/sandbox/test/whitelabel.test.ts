import { describe, expect, it } from 'vitest';
import { type Doc, request, useHarness } from './helpers';

const h = useHarness();

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const upload = (kind: string, body: string | Uint8Array, type: string) =>
  request(h.sandbox, 'POST', `${h.acct}/whitelabel/${kind}`, { raw: body, headers: { 'content-type': type } }, h.token);

describe('whitelabel (cb_whitelabel)', () => {
  it('has no branding until created; PUT creates it once, POST replaces it, a domain belongs to one account', async () => {
    expect((await h.call('GET', `${h.acct}/whitelabel`)).status).toBe(404);
    const created = await h.call('PUT', `${h.acct}/whitelabel`, { data: { company_name: 'Acme Voice', domain: 'Portal.Acme.example' } });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ id: 'whitelabel', company_name: 'Acme Voice' });
    expect((await h.call('PUT', `${h.acct}/whitelabel`, { data: { company_name: 'Again' } })).status).toBe(409);
    const replaced = await h.call('POST', `${h.acct}/whitelabel`, {
      data: { company_name: 'Acme', domain: 'portal.acme.example', hide_powered: true },
    });
    expect(replaced.body.data).toMatchObject({ company_name: 'Acme', hide_powered: true });
    expect((await h.call('POST', `${h.acct}/whitelabel`, { data: { hide_powered: 'yes' } })).body.data).toHaveProperty('hide_powered');

    const child = (await h.call('PUT', h.acct, { data: { name: 'Branded child' } })).body.data as Doc;
    const clash = await h.call('PUT', `/v2/accounts/${child.id}/whitelabel`, { data: { domain: 'PORTAL.acme.example' } });
    expect(clash.status).toBe(400);
    expect(clash.body.data).toEqual({
      domain: { unique: { message: 'White label domain is already in use', cause: 'PORTAL.acme.example' } },
    });
  });

  it('stores the logo, icon and welcome page, serves them without a login, by account and by domain', async () => {
    expect((await upload('logo', PNG, 'image/png')).status).toBe(200);
    expect((await upload('icon', PNG, 'image/x-icon')).status).toBe(200);
    expect((await upload('welcome', '<h1>Hi</h1>', 'text/html')).status).toBe(200);
    expect((await upload('welcome', PNG, 'image/png')).status).toBe(415);
    expect((await upload('logo', '', 'image/png')).body.data).toEqual({ file: { required: { message: 'Please provide an image file' } } });

    const logo = await request(h.sandbox, 'GET', `${h.acct}/whitelabel/logo`, { token: null });
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/png');
    const icon = await request(h.sandbox, 'GET', `${h.acct}/whitelabel/portal.acme.example/icon`, { token: null });
    expect(icon.headers.get('content-type')).toBe('image/x-icon');
    const welcome = await request(h.sandbox, 'GET', `${h.acct}/whitelabel/portal.acme.example/welcome`, { token: null });
    expect(welcome.text).toBe('<h1>Hi</h1>');
    expect((await request(h.sandbox, 'GET', `${h.acct}/whitelabel/unknown.example/logo`, { token: null })).status).toBe(404);
    const byDomain = await request(h.sandbox, 'GET', `${h.acct}/whitelabel/portal.acme.example`, { token: null });
    expect(byDomain.body.data).toMatchObject({ company_name: 'Acme' });
    expect(
      (await request(h.sandbox, 'POST', `${h.acct}/whitelabel/logo`, { raw: PNG, headers: { 'content-type': 'image/png' }, token: null }))
        .status,
    ).toBe(401);
  });

  it('answers the DNS records of the domain and tests them without DNS', async () => {
    const domains = (await h.call('GET', `${h.acct}/whitelabel/domains`)).body.data as Record<string, Record<string, Doc>>;
    expect(domains.CNAME?.['api.portal.acme.example']).toMatchObject({ mapping: ['api.sandbox.local'] });
    const other = (await h.call('GET', `${h.acct}/whitelabel/domains?domain=voice.example`)).body.data as Record<
      string,
      Record<string, Doc>
    >;
    expect(Object.keys(other.SRV ?? {})).toEqual(['_sip._udp.sip.voice.example']);
    const tested = (await h.call('POST', `${h.acct}/whitelabel/domains`, { data: {} })).body.data as Record<string, Record<string, Doc>>;
    expect(tested.A?.['sip.portal.acme.example']).toEqual({ expected: ['127.0.0.1'], actual: [], name: 'SIP proxy' });
  });

  it('DELETE removes the branding and its files; the domain is free again', async () => {
    expect((await h.call('DELETE', `${h.acct}/whitelabel`)).status).toBe(200);
    expect((await h.call('GET', `${h.acct}/whitelabel/logo`)).status).toBe(404);
    const missing = await h.call('GET', `${h.acct}/whitelabel/domains`);
    expect(missing.status).toBe(400);
    expect(missing.body.data).toHaveProperty('domain.required');
    expect((await h.call('PUT', `${h.acct}/whitelabel`, { data: { domain: 'portal.acme.example' } })).status).toBe(201);
  });
  it('POST /v2/whitelabel/domains: the super-duper admin replaces the system domains every account’s are formatted from; 403 for a sub-account admin (cb_whitelabel:authorize/2, edit_domains/1, kzd_domains:format/2)', async () => {
    const created = await h.call('PUT', h.acct, { data: { name: 'Domains Tenant' } });
    const childId = String((created.body.data as Doc).id);
    const key = await h.call('GET', `/v2/accounts/${childId}/api_key`);
    const childToken = await h.login(String((key.body.data as Doc).api_key));
    const system = {
      A: { 'sip.{{domain}}': { mapping: ['192.0.2.5'], name: 'Edge' } },
      CNAME: { 'api.{{domain}}': { mapping: ['api.{{domain}}.cdn.example'], name: 'API' } },
      TXT: {},
    };
    expect((await request(h.sandbox, 'POST', '/v2/whitelabel/domains', { data: system }, childToken)).status).toBe(403);

    const bad = await h.call('POST', '/v2/whitelabel/domains', {
      data: { MX: 'mail', CNAME: { 'api.example.net': { mapping: ['x'], name: 'X' }, 'web.{{domain}}': { mapping: [] } } },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.data as Doc).sort()).toEqual([
      'CNAME.api%2Eexample%2Enet',
      'CNAME.web%2E{{domain}}.mapping',
      'CNAME.web%2E{{domain}}.name',
      'MX',
    ]);

    const saved = await h.call('POST', '/v2/whitelabel/domains', { data: system });
    expect(saved.status).toBe(200);
    expect(saved.body.data).toEqual(system);
    const formatted = (await h.call('GET', `${h.acct}/whitelabel/domains?domain=tel.example`)).body.data;
    expect(formatted).toEqual({
      A: { 'sip.tel.example': { mapping: ['192.0.2.5'], name: 'Edge' } },
      CNAME: { 'api.tel.example': { mapping: ['api.tel.example.cdn.example'], name: 'API' } },
      TXT: {},
    });
    const tested = (
      await request(h.sandbox, 'POST', `/v2/accounts/${childId}/whitelabel/domains`, { data: { domain: 'x.example' } }, childToken)
    ).body.data;
    expect(tested).toEqual({
      A: { 'sip.x.example': { expected: ['192.0.2.5'], actual: [], name: 'Edge' } },
      CNAME: expect.any(Object),
      TXT: {},
    });
  });

  it('GET /v2/whitelabel/domains?domain=: any login, or none, reads the system domains formatted for that domain; without one it is 400 domain.required (cb_whitelabel:authenticate/2, authorize/2, load_domains/1)', async () => {
    const created = await h.call('PUT', h.acct, { data: { name: 'Domains Reader' } });
    const childId = (created.body.data as { id: string }).id;
    const key = (await h.call('GET', `/v2/accounts/${childId}/api_key`)).body.data as { api_key: string };
    const childToken = await h.login(key.api_key);
    const expected = (await h.call('GET', `${h.acct}/whitelabel/domains?domain=read.example`)).body.data;
    expect(Object.keys(expected as Doc).length).toBeGreaterThan(0);
    for (const token of [h.token, childToken, undefined]) {
      const r = await request(h.sandbox, 'GET', '/v2/whitelabel/domains?domain=read.example', token ? { token } : {});
      expect(r.status).toBe(200);
      expect(r.body.data).toEqual(expected);
    }
    const missing = await request(h.sandbox, 'GET', '/v2/whitelabel/domains', {}, childToken);
    expect(missing.status).toBe(400);
    expect(missing.body.data).toHaveProperty('domain.required');
  });
});
