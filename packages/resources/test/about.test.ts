import { describe } from 'vitest';
import { acct, wireCases } from './wire';

describe('about and acls on the wire', () => {
  wireCases([
    {
      label: 'about.get → GET /v2/about',
      call: (a) => a.about.get(),
      request: { method: 'GET', path: '/v2/about' },
      reply: [200, { version: '5.4.0' }],
      result: { version: '5.4.0' },
    },
    {
      label: 'about.forAccount → GET …/about',
      call: (a) => a.about.forAccount(),
      request: { method: 'GET', path: acct('/about') },
      reply: [200, { version: '5.4.0' }],
      result: { version: '5.4.0' },
    },
    {
      label: 'acls.get → GET …/acls (rules by name)',
      call: (a) => a.acls.get(),
      request: { method: 'GET', path: acct('/acls') },
      reply: [200, { carrier1: { cidr: '203.0.113.0/24', type: 'allow', network_list_name: 'trusted' } }],
      result: { carrier1: { cidr: '203.0.113.0/24', type: 'allow', network_list_name: 'trusted' } },
    },
  ]);
});
