import { InvalidArgumentError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import { acct, rejectionOf, scriptedClient, wireCases } from './wire';

const summary = {
  invoices: [
    {
      items: [{ category: 'users', item: 'admin', quantity: 2, billable: 2, rate: 5, total: 10 }],
      activation_charges: [],
      taxes: [],
      summary: { today: 0, recurring: 10 },
      plan: { users: { admin: { rate: 5 } } },
    },
  ],
  quantities: { users: { admin: 2 } },
};

describe('services on the wire', () => {
  wireCases([
    {
      label: 'get → GET …/services (assigned plans by id)',
      call: (a) => a.services.get(),
      request: { method: 'GET', path: acct('/services') },
      reply: [200, { gold: { vendor_id: 'reseller', overrides: {} } }],
      result: { gold: { vendor_id: 'reseller', overrides: {} } },
    },
    {
      label: 'change → POST …/services with add/delete',
      call: (a) => a.services.change({ add: ['gold'], delete: ['silver'] }),
      request: { method: 'POST', path: acct('/services'), body: { data: { add: ['gold'], delete: ['silver'] } } },
      reply: [200, { gold: {} }],
    },
    {
      label: 'addPlan → POST …/services/{PLAN_ID} with the overrides',
      call: (a) => a.services.addPlan('gold', { overrides: { users: { admin: { rate: 4 } } } }),
      request: { method: 'POST', path: acct('/services/gold'), body: { data: { overrides: { users: { admin: { rate: 4 } } } } } },
      reply: [200, { gold: {} }],
    },
    {
      label: 'removePlan → DELETE …/services/{PLAN_ID}',
      call: (a) => a.services.removePlan('gold'),
      request: { method: 'DELETE', path: acct('/services/gold') },
      reply: [200, {}],
    },
    {
      label: 'summary → GET …/services/summary (invoices parsed)',
      call: (a) => a.services.summary(),
      request: { method: 'GET', path: acct('/services/summary') },
      reply: [200, summary],
      result: summary,
    },
    {
      label: 'quote → POST …/services/quote',
      call: (a) => a.services.quote({ add: [{ id: 'gold' }] }),
      request: { method: 'POST', path: acct('/services/quote'), body: { data: { add: [{ id: 'gold' }] } } },
      reply: [200, summary],
      result: summary,
    },
    {
      label: 'available → GET …/services/available?details=true',
      call: async (a) => (await a.services.available({ details: true })).data,
      request: { method: 'GET', path: acct('/services/available'), query: { details: 'true' } },
      reply: [200, [{ id: 'gold', name: 'Gold' }]],
      result: [{ id: 'gold', name: 'Gold' }],
    },
    {
      label: 'editable → GET …/services/editable',
      call: (a) => a.services.editable(),
      request: { method: 'GET', path: acct('/services/editable') },
      reply: [200, { users: { admin: { rate: { type: 'number' } } } }],
    },
    {
      label: 'audit → GET …/services/audit with a created range',
      call: (a) => a.services.audit({ createdFrom: 63900000000, createdTo: 63900086400 }),
      request: { method: 'GET', path: acct('/services/audit'), query: { created_from: '63900000000', created_to: '63900086400' } },
      reply: [200, [{ id: '202612-abc', audit: {} }]],
    },
    {
      label: 'auditLog → GET …/services/audit/{AUDIT_ID}',
      call: (a) => a.services.auditLog('202612-abc'),
      request: { method: 'GET', path: acct('/services/audit/202612-abc') },
      reply: [200, { id: '202612-abc' }],
    },
    {
      label: 'auditSummary → GET …/services/audit/summary',
      call: (a) => a.services.auditSummary({ createdFrom: 63742805754 }),
      request: { method: 'GET', path: acct('/services/audit/summary'), query: { created_from: '63742805754' } },
      reply: [200, [{ user: { '2019-12-09': { addition: 1, removal: 0, quantity: 2 } } }]],
      result: [{ user: { '2019-12-09': { addition: 1, removal: 0, quantity: 2 } } }],
    },
    {
      label: 'auditSummaryOf → GET …/services/audit/summary/{SOURCE_SERVICE}',
      call: (a) => a.services.auditSummaryOf('user'),
      request: { method: 'GET', path: acct('/services/audit/summary/user') },
      reply: [200, [{ '2019-12-09': { addition: 1 } }]],
    },
    {
      label: 'manual → GET …/services/manual',
      call: (a) => a.services.manual(),
      request: { method: 'GET', path: acct('/services/manual') },
      reply: [200, { support: { hours: 3 } }],
      result: { support: { hours: 3 } },
    },
    {
      label: 'setManual → POST …/services/manual',
      call: (a) => a.services.setManual({ support: { hours: 3 } }),
      request: { method: 'POST', path: acct('/services/manual'), body: { data: { support: { hours: 3 } } } },
      reply: [200, { support: { hours: 3 } }],
    },
    {
      label: 'patchManual → PATCH …/services/manual',
      call: (a) => a.services.patchManual({ support: { hours: 4 } }),
      request: { method: 'PATCH', path: acct('/services/manual'), body: { data: { support: { hours: 4 } } } },
      reply: [200, { support: { hours: 4 } }],
    },
    {
      label: 'overrides → GET …/services/overrides',
      call: (a) => a.services.overrides(),
      request: { method: 'GET', path: acct('/services/overrides') },
      reply: [200, {}],
    },
    {
      label: 'setOverrides → POST …/services/overrides',
      call: (a) => a.services.setOverrides({ gold: { users: { admin: { rate: 3 } } } }),
      request: { method: 'POST', path: acct('/services/overrides'), body: { data: { gold: { users: { admin: { rate: 3 } } } } } },
      reply: [200, {}],
    },
    {
      label: 'patchOverrides → PATCH …/services/overrides',
      call: (a) => a.services.patchOverrides({ gold: {} }),
      request: { method: 'PATCH', path: acct('/services/overrides'), body: { data: { gold: {} } } },
      reply: [200, {}],
    },
    {
      label: 'reconcile → POST …/services/reconciliation',
      call: (a) => a.services.reconcile(),
      request: { method: 'POST', path: acct('/services/reconciliation') },
      reply: [200, {}],
    },
    {
      label: 'synchronize → POST …/services/synchronization',
      call: (a) => a.services.synchronize(),
      request: { method: 'POST', path: acct('/services/synchronization') },
      reply: [200, {}],
    },
    {
      label: 'topup → POST …/services/topup with the amount',
      call: (a) => a.services.topup({ amount: 25 }),
      request: { method: 'POST', path: acct('/services/topup'), body: { data: { amount: 25 } } },
      reply: [200, { ledger: { id: 'l1', amount: 25 } }],
      result: { ledger: { id: 'l1', amount: 25 } },
    },
  ]);
});

describe('services validation', () => {
  const { client } = scriptedClient();

  it('a manual quantity must be a non-negative integer (cb_services manual quantities)', async () => {
    const error = await rejectionOf(client.audian().services.setManual({ support: { hours: -1 } }));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.issues?.[0]?.path).toBe('support.hours');
    expect(client.server().requests).toHaveLength(0);
  });

  it('a topup needs an amount above 0 (cb_services:validate_topup_amount/1)', async () => {
    const error = await rejectionOf(client.audian().services.topup({ amount: 0 }));
    expect(error.issues?.[0]?.path).toBe('amount');
    expect(client.server().requests).toHaveLength(0);
  });

  it('a plan id may not be empty', async () => {
    const error = await rejectionOf(client.audian().services.addPlan(''));
    expect(error.argument).toBe('planId');
    expect(client.server().requests).toHaveLength(0);
  });
});
