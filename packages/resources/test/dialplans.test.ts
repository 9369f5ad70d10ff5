import { describe, expect, it } from 'vitest';
import { acct, useWireServer, wireCases } from './wire';

const plans = { 'US 10-digit': { regex: '^(\\d{10})$', prefix: '+1' }, '^(\\d{7})$': { name: '^(\\d{7})$', prefix: '+1415' } };

describe('dialplans on the wire', () => {
  wireCases([
    {
      label: 'get → GET …/dialplans: the system plans by name',
      call: (a) => a.dialplans.get(),
      request: { method: 'GET', path: acct('/dialplans') },
      reply: [200, plans],
      result: plans,
    },
  ]);
});

describe('dialplans shape', () => {
  const wire = useWireServer();

  it('is read only (cb_dialplans allows GET alone)', () => {
    const { audian } = wire();
    for (const verb of ['list', 'create', 'update', 'patch', 'delete']) expect(verb in audian.dialplans).toBe(false);
  });
});
