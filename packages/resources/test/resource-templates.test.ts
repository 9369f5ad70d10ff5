import { BadRequestError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import { acct, crudWireCases, rejectionOf, scriptedClient, wireCases } from './wire';

const ID = '7e3b1a7e7e3b1a7e7e3b1a7e7e3b1a7e';

describe('resource_templates on the wire', () => {
  wireCases([
    ...crudWireCases({
      name: 'resource_templates',
      resource: (a) => a.resource_templates,
      path: '/resource_templates',
      id: ID,
      document: { id: ID, template_name: 'Carrier A', name: 'Carrier A', gateways: [{ server: 'sip.carrier-a.example' }], note: 'kept' },
      create: { template_name: 'Carrier A', gateways: [{ server: 'sip.carrier-a.example' }] },
      patch: { weight_cost: 20 },
    }),
    {
      label: 'create from a login that is not the reseller → BadRequestError naming Account (cb_resource_templates:forbidden/1)',
      call: (a) => a.resource_templates.create({ template_name: 'x' }),
      request: { method: 'PUT', path: acct('/resource_templates') },
      reply: {
        status: 400,
        raw: {
          status: 'error',
          error: '400',
          message: 'validation error',
          data: { Account: { forbidden: { message: 'You are not authorized to modify the resource templates' } } },
        },
      },
      error: BadRequestError,
    },
  ]);
});

describe('resource_templates validation (no request sent)', () => {
  const { client } = scriptedClient();

  it('template_name is required (check_template_name/1)', async () => {
    const error = await rejectionOf(client.audian().resource_templates.create({ name: 'No template name' } as never));
    expect(error.issues?.[0]).toMatchObject({ path: 'template_name', code: 'required' });
    expect(client.server().requests).toHaveLength(0);
  });
});
