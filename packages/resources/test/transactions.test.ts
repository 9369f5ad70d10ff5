import { describe, expect, it } from 'vitest';
import { acct, rejectionOf, scriptedClient, wireCases } from './wire';

const T = '202612-9f2c4e1a';

describe('transactions on the wire', () => {
  wireCases([
    {
      label: 'list → GET …/transactions with a created range',
      call: async (a) => (await a.transactions.list({ createdFrom: 63900000000 })).data,
      request: { method: 'GET', path: acct('/transactions'), query: { created_from: '63900000000' } },
      reply: [200, [{ id: T, amount: 10.5, description: 'Top-up', transaction_type: 'sale' }]],
      result: [{ id: T, amount: 10.5, description: 'Top-up', transaction_type: 'sale' }],
    },
    {
      label: 'get → GET …/transactions/{TRANSACTION_ID}',
      call: (a) => a.transactions.get(T),
      request: { method: 'GET', path: acct(`/transactions/${T}`) },
      reply: [200, { id: T, amount: 10.5 }],
      result: { id: T, amount: 10.5 },
    },
    {
      label: 'sale → PUT …/transactions/sale',
      call: (a) => a.transactions.sale({ amount: 20, description: 'Setup fee' }),
      request: { method: 'PUT', path: acct('/transactions/sale'), body: { data: { amount: 20, description: 'Setup fee' } } },
      reply: [201, { id: T, amount: 20 }],
    },
    {
      label: 'refund → PUT …/transactions/refund',
      call: (a) => a.transactions.refund({ amount: 5 }),
      request: { method: 'PUT', path: acct('/transactions/refund'), body: { data: { amount: 5 } } },
      reply: [201, { id: T, amount: 5 }],
    },
  ]);
});

describe('transactions validation', () => {
  const { client } = scriptedClient();

  it('a sale needs an amount above 0 (cb_transactions:validate_sale/2)', async () => {
    const error = await rejectionOf(client.audian().transactions.sale({ amount: -3 }));
    expect(error.issues?.[0]?.path).toBe('amount');
    expect(client.server().requests).toHaveLength(0);
  });

  it('a transaction id may not be empty', async () => {
    const error = await rejectionOf(client.audian().transactions.get(''));
    expect(error.argument).toBe('transactionId');
  });
});
