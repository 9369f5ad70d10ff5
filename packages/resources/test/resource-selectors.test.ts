import { ForbiddenError, NotFoundError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import { acct, rejectionOf, scriptedClient, wireCases } from './wire';

const SEL = '5e1ec7025e1ec7025e1ec7025e1ec702';
const RES = 'ca4e1e4ca4e1e4ca4e1e4ca4e1e4ca4e';
const selector = { id: SEL, name: 'lcr', resource: RES, selector: '1415', value: '0.0042' };
const rows = [{ id: SEL, name: 'lcr', resource: RES, selector: '1415', value: '0.0042' }];
const rules = { rules: [{ get_resources: {} }, { filter_list: { value_a: 'request:Flags', value_b: 'resource:flags', action: 'keep' } }] };

describe('resource_selectors on the wire', () => {
  wireCases([
    {
      label: 'list → GET …/resource_selectors',
      call: (a) => a.resource_selectors.list(),
      request: { method: 'GET', path: acct('/resource_selectors') },
      reply: [200, rows],
    },
    {
      label: 'get → GET …/resource_selectors/{UUID}',
      call: (a) => a.resource_selectors.get(SEL),
      request: { method: 'GET', path: acct(`/resource_selectors/${SEL}`) },
      reply: [200, selector],
      result: selector,
    },
    {
      label: 'update → POST …/resource_selectors/{UUID}',
      call: (a) => a.resource_selectors.update(SEL, { name: 'lcr', resource: RES, selector: '1415' }),
      request: {
        method: 'POST',
        path: acct(`/resource_selectors/${SEL}`),
        body: { data: { name: 'lcr', resource: RES, selector: '1415' } },
      },
      reply: [200, selector],
    },
    {
      label: 'delete → DELETE …/resource_selectors/{UUID}',
      call: (a) => a.resource_selectors.delete(SEL),
      request: { method: 'DELETE', path: acct(`/resource_selectors/${SEL}`) },
      reply: [200, selector],
    },
    {
      label: 'names → GET …/resource_selectors/name: one {name: count} per name (normalize_view_results/2)',
      call: (a) => a.resource_selectors.names(),
      request: { method: 'GET', path: acct('/resource_selectors/name') },
      reply: [200, [{ lcr: 120 }]],
      result: (page: { data: unknown }) => expect(page.data).toEqual([{ lcr: 120 }]),
    },
    {
      label: 'resourcesOfName → GET …/resource_selectors/name/{SELECTOR_NAME}',
      call: (a) => a.resource_selectors.resourcesOfName('lcr'),
      request: { method: 'GET', path: acct('/resource_selectors/name/lcr') },
      reply: [200, [{ [RES]: 120 }]],
    },
    {
      label: 'listByNameAndResource → GET …/name/{SELECTOR_NAME}/resource/{RESOURCE_ID}',
      call: (a) => a.resource_selectors.listByNameAndResource('lcr', RES),
      request: { method: 'GET', path: acct(`/resource_selectors/name/lcr/resource/${RES}`) },
      reply: [200, rows],
    },
    {
      label: 'resourceIds → GET …/resource_selectors/resource',
      call: (a) => a.resource_selectors.resourceIds(),
      request: { method: 'GET', path: acct('/resource_selectors/resource') },
      reply: [200, [{ [RES]: 120 }]],
    },
    {
      label: 'namesOfResource → GET …/resource_selectors/resource/{RESOURCE_ID}',
      call: (a) => a.resource_selectors.namesOfResource(RES),
      request: { method: 'GET', path: acct(`/resource_selectors/resource/${RES}`) },
      reply: [200, [{ lcr: 120 }]],
    },
    {
      label: 'listByResourceAndName → GET …/resource/{RESOURCE_ID}/name/{SELECTOR_NAME}',
      call: (a) => a.resource_selectors.listByResourceAndName(RES, 'lcr', { pageSize: 10 }),
      request: { method: 'GET', path: acct(`/resource_selectors/resource/${RES}/name/lcr`), query: { page_size: '10' } },
      reply: [200, rows],
    },
    {
      label: 'rules → GET …/resource_selectors/rules',
      call: (a) => a.resource_selectors.rules(),
      request: { method: 'GET', path: acct('/resource_selectors/rules') },
      reply: [200, rules],
      result: rules,
    },
    {
      label: 'rules of an account that has none → NotFoundError',
      call: (a) => a.resource_selectors.rules(),
      request: { method: 'GET', path: acct('/resource_selectors/rules') },
      reply: { status: 404, raw: { status: 'error', error: '404', message: 'bad_identifier', data: { cause: 'resource_selector_rules' } } },
      error: NotFoundError,
    },
    {
      label: 'updateRules → POST …/resource_selectors/rules',
      call: (a) => a.resource_selectors.updateRules(rules),
      request: { method: 'POST', path: acct('/resource_selectors/rules'), body: { data: rules } },
      reply: [200, rules],
    },
    {
      label: 'systemRules → GET /v2/resource_selectors/rules',
      call: (a) => a.resource_selectors.systemRules(),
      request: { method: 'GET', path: '/v2/resource_selectors/rules' },
      reply: [200, rules],
    },
    {
      label: 'updateSystemRules → POST /v2/resource_selectors/rules; ForbiddenError for anyone but the super-duper admin',
      call: (a) => a.resource_selectors.updateSystemRules(rules),
      request: { method: 'POST', path: '/v2/resource_selectors/rules', body: { data: rules } },
      reply: { status: 403, raw: { status: 'error', error: '403', message: 'forbidden', data: {} } },
      error: ForbiddenError,
    },
  ]);
});

describe('resource_selectors validation (no request sent)', () => {
  const { client } = scriptedClient();

  it('a selector needs name, resource and selector; KAZOO has no create here', async () => {
    const error = await rejectionOf(client.audian().resource_selectors.update(SEL, { name: 'lcr', resource: RES } as never));
    expect(error.issues?.[0]).toMatchObject({ path: 'selector', code: 'required' });
    expect('create' in client.audian().resource_selectors).toBe(false);
    expect(client.server().requests).toHaveLength(0);
  });
});
