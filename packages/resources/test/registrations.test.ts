import { describe } from 'vitest';
import { acct, wireCases } from './wire';

const reg = { username: 'reception', realm: 'acme.sip.example.com', contact_ip: '203.0.113.7', expires: 257, user_agent: 'Yealink' };

describe('registrations on the wire', () => {
  wireCases([
    {
      label: 'list → GET …/registrations (items without id)',
      call: async (a) => a.registrations.list().toArray(),
      request: { method: 'GET', path: acct('/registrations') },
      reply: { status: 200, raw: { status: 'success', data: [reg], page_size: 1 } },
      result: [reg],
    },
    {
      label: 'count → GET …/registrations/count, the number',
      call: (a) => a.registrations.count(),
      request: { method: 'GET', path: acct('/registrations/count') },
      reply: [200, { count: 4 }],
      result: 4,
    },
    {
      label: 'flush → DELETE …/registrations/{USERNAME}',
      call: (a) => a.registrations.flush('reception'),
      request: { method: 'DELETE', path: acct('/registrations/reception') },
      reply: [200, 'ok'],
      result: 'ok',
    },
    {
      label: 'flush encodes the username as one segment',
      call: (a) => a.registrations.flush('user@acme'),
      request: { method: 'DELETE', path: acct('/registrations/user%40acme') },
      reply: [200, 'ok'],
    },
    {
      label: 'flushAll → DELETE …/registrations',
      call: (a) => a.registrations.flushAll(),
      request: { method: 'DELETE', path: acct('/registrations') },
      reply: [200, 'ok'],
    },
  ]);
});
