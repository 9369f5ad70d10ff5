import { existsSync, readFileSync } from 'node:fs';
import { errorEnvelope, startTestServer, type TestServer } from '@audian/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTransport, PaymentRequiredError } from '../src/index';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const t = () => createTransport({ baseUrl: server.baseUrl, retry: false, rateLimit: false, accountId: 'a1' });
const createDevice = (acceptCharges?: boolean) =>
  t()
    .request({ method: 'PUT', path: 'accounts/{account_id}/devices', data: { name: 'desk' }, ...(acceptCharges ? { acceptCharges } : {}) })
    .catch((e: unknown) => e);

// The 5.x dry run as crossbar_services:dry_run/3 answers it: kz_services_invoices:public_json/1,
// a list with one kz_services_invoice:public_json/1 object per bookkeeper.
const invoice = (bookkeeper: string, lines: { rate: number; quantity: number; activation?: number }) => ({
  items: [
    {
      category: 'devices',
      item: 'sip_device',
      name: 'SIP Device',
      quantity: lines.quantity,
      billable: lines.quantity,
      rate: lines.rate,
      total: lines.quantity * lines.rate,
      changes: { type: 'modified', difference: { quantity: 1, billable: 1 } },
    },
    { category: 'users', item: 'admin', name: 'Admin', quantity: 1, billable: 1, rate: 10, total: 10 },
  ],
  activation_charges: lines.activation
    ? [{ category: 'devices', item: 'sip_device', name: 'SIP Device', billable: 1, rate: lines.activation, total: lines.activation }]
    : [],
  taxes: [],
  summary: { today: lines.activation ?? 0, recurring: lines.quantity * lines.rate + 10 },
  plan: { devices: { sip_device: { rate: lines.rate } } },
  bookkeeper: { type: bookkeeper },
});

describe('402 accept charges', () => {
  it('reads a KAZOO 5.x quote (a list of invoices): invoices, totals over every invoice, and the changed lines as charges', async () => {
    const invoices = [invoice('default', { rate: 5, quantity: 3, activation: 2.5 }), invoice('braintree', { rate: 1, quantity: 3 })];
    server.expect({
      method: 'PUT',
      path: '/v2/accounts/a1/devices',
      reply: { status: 402, body: errorEnvelope(402, 'accept charges', invoices) },
    });
    const error = (await createDevice()) as PaymentRequiredError;
    expect(error).toBeInstanceOf(PaymentRequiredError);
    expect(error.invoices).toHaveLength(2);
    expect(error.invoices[0]?.items[0]).toMatchObject({
      category: 'devices',
      item: 'sip_device',
      total: 15,
      changes: { difference: { billable: 1 } },
    });
    expect(error.invoices[0]?.activation_charges[0]?.total).toBe(2.5);
    expect(error.total).toEqual({ today: 2.5, recurring: 25 + 13 });
    expect(error.charges).toMatchObject({ devices: { sip_device: { rate: 1, quantity: 3 } }, activation_charges: 2.5 });
    expect(error.charges).not.toHaveProperty('users');
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      status: 402,
      total: { today: 2.5 },
      invoices: [{ summary: { today: 2.5 } }, {}],
    });
    server.assertDone();
  });

  it('sums item and activation totals when an invoice has no summary', async () => {
    const { summary: _summary, ...bare } = invoice('default', { rate: 4, quantity: 2, activation: 3 });
    server.route('PUT', '/v2/accounts/a1/devices', { status: 402, body: errorEnvelope(402, 'accept charges', [bare]) });
    const error = (await createDevice()) as PaymentRequiredError;
    expect(error.total).toEqual({ today: 3, recurring: 18 });
  });

  it('reads a KAZOO 4.x quote (one category map) into one invoice and keeps charges as sent', async () => {
    const data = {
      devices: { sip_device: { category: 'devices', item: 'sip_device', quantity: 2, rate: 2.0, activation_charges: 1.5 } },
      activation_charges: 1.5,
    };
    server.route('PUT', '/v2/accounts/a1/devices', { status: 402, body: errorEnvelope(402, 'accept charges', data) });
    const error = (await createDevice()) as PaymentRequiredError;
    expect(error.charges).toEqual(data);
    expect(error.invoices).toHaveLength(1);
    expect(error.invoices[0]?.items[0]).toMatchObject({ category: 'devices', item: 'sip_device', quantity: 2, rate: 2, total: 4 });
    expect(error.total).toEqual({ today: 1.5, recurring: 4 });
  });

  const example = new URL('../../../../shared/kazoo-examples/error.payment_required.response.json', import.meta.url);
  it.skipIf(!existsSync(example))('reads the 402 example of KAZOO’s docs (skipped when ../shared/kazoo-examples is absent)', async () => {
    const body = JSON.parse(readFileSync(example, 'utf8'));
    server.route('PUT', '/v2/accounts/a1/devices', { status: 402, body });
    const error = (await createDevice()) as PaymentRequiredError;
    expect(error.total).toEqual({ today: 1, recurring: 2 });
    expect(error.invoices[0]?.items).toHaveLength(1);
  });

  it('a 402 without a quote (no_credit) gives empty invoices and zero totals', async () => {
    server.route('PUT', '/v2/accounts/a1/devices', {
      status: 402,
      body: errorEnvelope(402, 'no_credit', { message: 'not enough credit to perform the operation' }),
    });
    const error = (await createDevice()) as PaymentRequiredError;
    expect(error.invoices).toEqual([]);
    expect(error.total).toEqual({ today: 0, recurring: 0 });
  });

  it('the repeat with acceptCharges sends accept_charges beside data', async () => {
    server.route('PUT', '/v2/accounts/a1/devices', (req) =>
      (req.json as { accept_charges?: boolean }).accept_charges
        ? { status: 201, body: { data: { id: 'd1' }, status: 'success' } }
        : { status: 402, body: errorEnvelope(402, 'accept charges', [invoice('default', { rate: 5, quantity: 1 })]) },
    );
    expect(await createDevice()).toBeInstanceOf(PaymentRequiredError);
    expect(await createDevice(true)).toMatchObject({ data: { id: 'd1' } });
  });
});
