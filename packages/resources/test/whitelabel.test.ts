import { describe, expect, it } from 'vitest';
import { acct, rawUploadCases, rejectionOf, scriptedClient, wireCases } from './wire';

const branding = { id: 'whitelabel', company_name: 'Acme Voice', domain: 'portal.acme.example', hide_powered: true };
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const HTML = '<h1>Welcome to Acme Voice</h1>';
const domains = { CNAME: { 'api.portal.acme.example': { mapping: ['api.audian.example'], name: 'API' } } };

describe('whitelabel on the wire', () => {
  wireCases([
    {
      label: 'get → GET …/whitelabel',
      call: (a) => a.whitelabel.get(),
      request: { method: 'GET', path: acct('/whitelabel') },
      reply: [200, branding],
      result: branding,
    },
    {
      label: 'create → PUT …/whitelabel',
      call: (a) => a.whitelabel.create({ company_name: 'Acme Voice', domain: 'portal.acme.example' }),
      request: { method: 'PUT', path: acct('/whitelabel'), body: { data: { company_name: 'Acme Voice', domain: 'portal.acme.example' } } },
      reply: [201, branding],
    },
    {
      label: 'update → POST …/whitelabel',
      call: (a) => a.whitelabel.update({ company_name: 'Acme', port: { authority: 'a'.repeat(32) } }),
      request: { method: 'POST', path: acct('/whitelabel'), body: { data: { company_name: 'Acme', port: { authority: 'a'.repeat(32) } } } },
      reply: [200, branding],
    },
    {
      label: 'delete → DELETE …/whitelabel',
      call: (a) => a.whitelabel.delete(),
      request: { method: 'DELETE', path: acct('/whitelabel') },
      reply: [200, branding],
    },
    {
      label: 'getByDomain → GET …/whitelabel/{domain}',
      call: (a) => a.whitelabel.getByDomain('portal.acme.example'),
      request: { method: 'GET', path: acct('/whitelabel/portal.acme.example') },
      reply: [200, branding],
      result: branding,
    },
    ...(['logo', 'icon', 'welcome'] as const).flatMap((kind) => [
      {
        label: `file('${kind}') → GET …/whitelabel/${kind}`,
        call: async (a: import('../src/index').Audian) => (await a.whitelabel.file(kind)).bytes(),
        request: { method: 'GET', path: acct(`/whitelabel/${kind}`), headers: { accept: kind === 'welcome' ? 'text/html' : 'image/*' } },
        reply: { status: 200, raw: Buffer.from(PNG), headers: { 'content-type': 'image/png' } },
        result: PNG,
      },
      {
        label: `file('${kind}', { domain }) → GET …/whitelabel/{domain}/${kind}`,
        call: async (a: import('../src/index').Audian) => (await a.whitelabel.file(kind, { domain: 'portal.acme.example' })).cancel(),
        request: { method: 'GET', path: acct(`/whitelabel/portal.acme.example/${kind}`) },
        reply: { status: 200, raw: Buffer.from(PNG), headers: { 'content-type': 'image/png' } },
      },
    ]),
    {
      label: 'domains → GET …/whitelabel/domains?domain=',
      call: (a) => a.whitelabel.domains({ domain: 'portal.acme.example' }),
      request: { method: 'GET', path: acct('/whitelabel/domains'), query: { domain: 'portal.acme.example' } },
      reply: [200, domains],
      result: domains,
    },
    {
      label: 'testDomains → POST …/whitelabel/domains',
      call: (a) => a.whitelabel.testDomains(),
      request: { method: 'POST', path: acct('/whitelabel/domains') },
      reply: [200, { CNAME: { 'api.portal.acme.example': { expected: ['api.audian.example'], actual: [], name: 'API' } } }],
    },
    {
      label: 'setSystemDomains → POST /v2/whitelabel/domains',
      call: (a) => a.whitelabel.setSystemDomains(domains),
      request: { method: 'POST', path: '/v2/whitelabel/domains', body: { data: domains } },
      reply: [200, domains],
    },
  ]);

  rawUploadCases([
    ...(['logo', 'icon'] as const).map((kind) => ({
      label: `upload('${kind}') → POST …/whitelabel/${kind} with the image bytes`,
      call: (a: import('../src/index').Audian) => a.whitelabel.upload(kind, PNG, 'image/png'),
      method: 'POST',
      path: acct(`/whitelabel/${kind}`),
      contentType: 'image/png',
      bytes: PNG,
    })),
    {
      label: "upload('welcome') → POST …/whitelabel/welcome as text/html",
      call: (a) => a.whitelabel.upload('welcome', new TextEncoder().encode(HTML)),
      method: 'POST',
      path: acct('/whitelabel/welcome'),
      contentType: 'text/html',
      bytes: new TextEncoder().encode(HTML),
    },
  ]);
});

describe('whitelabel validation', () => {
  const { client } = scriptedClient();

  it('refuses a wrong field type, a JSON logo and a non-HTML welcome page before any request', async () => {
    const wl = client.audian().whitelabel;
    expect((await rejectionOf(wl.create({ hide_powered: 'yes' } as never))).issues?.[0]).toMatchObject({ path: 'hide_powered' });
    expect(await rejectionOf(wl.upload('logo', { png: true } as never, 'image/png'))).toMatchObject({ argument: 'file' });
    expect(await rejectionOf(wl.upload('welcome', PNG, 'image/png'))).toMatchObject({ argument: 'contentType' });
    expect(await rejectionOf(wl.file('banner' as never))).toMatchObject({ argument: 'kind' });
    expect(client.server().requests).toHaveLength(0);
  });
});
