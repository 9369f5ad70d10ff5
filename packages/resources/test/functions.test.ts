import { describe, expect, it } from 'vitest';
import { acct, crudWireCases, rejectionOf, scriptedClient, wireCases } from './wire';

const ID = 'f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0';
const fn = {
  id: ID,
  name: 'After hours',
  function_js: 'return { module: "hangup", data: {} };',
  enabled: true,
  language_pack: 'javascript',
  note: 'kept',
};

describe('functions on the wire', () => {
  wireCases([
    ...crudWireCases({
      name: 'functions',
      resource: (a) => a.functions,
      path: '/functions',
      id: ID,
      document: fn,
      create: { name: 'After hours', function_js: 'return {};' },
      patch: { enabled: false },
    }),
    {
      label: 'samples → GET …/functions/samples',
      call: (a) => a.functions.samples(),
      request: { method: 'GET', path: acct('/functions/samples') },
      reply: [200, [{ name: 'Hang up', function_js: 'return {};' }]],
      result: [{ name: 'Hang up', function_js: 'return {};' }],
    },
    {
      label: 'systemSamples → GET /v2/functions/samples',
      call: (a) => a.functions.systemSamples(),
      request: { method: 'GET', path: '/v2/functions/samples' },
      reply: [200, []],
    },
    {
      label: 'available → GET /v2/functions',
      call: (a) => a.functions.available(),
      request: { method: 'GET', path: '/v2/functions' },
      reply: [200, []],
    },
  ]);
});

describe('functions validation (no request sent)', () => {
  const { client } = scriptedClient();

  it('function_js is required', async () => {
    const error = await rejectionOf(client.audian().functions.create({ name: 'No code' } as never));
    expect(error.issues?.[0]).toMatchObject({ path: 'function_js', code: 'required' });
    expect(client.server().requests).toHaveLength(0);
  });
});
