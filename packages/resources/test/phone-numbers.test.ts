import { BadRequestError, ConflictError, InvalidArgumentError, NotFoundError, Page, ResponseValidationError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import { assertE164, isE164, phoneNumberErrors } from '../src/index';
import { acct, page, useWireServer, wireCases } from './wire';

const N = '+14155551234';
const ENC = '%2B14155551234';
const doc = { id: N, state: 'in_service', my_own_field: { keep: true }, _read_only: { state: 'in_service', features: ['local'] } };

describe('phone_numbers on the wire', () => {
  wireCases([
    {
      label: 'list → GET …/phone_numbers; the object keyed by number becomes items { number, ...details }',
      call: (a) => a.phone_numbers.list({ filter: { state: 'in_service' }, pageSize: 2 }),
      request: { method: 'GET', path: acct('/phone_numbers'), query: { filter_state: 'in_service', page_size: '2' } },
      reply: [
        200,
        {
          cascade_quantity: 7,
          numbers: {
            '+14155550100': { state: 'in_service', features: ['local'], used_by: 'callflow', custom: { a: 1 } },
            '+14155550101': { state: 'reserved', assigned_to: 'acc' },
          },
        },
      ],
      result: (p: Page<unknown>) => {
        expect(p).toBeInstanceOf(Page);
        expect(p.data).toEqual([
          { number: '+14155550100', state: 'in_service', features: ['local'], used_by: 'callflow', custom: { a: 1 } },
          { number: '+14155550101', state: 'reserved', assigned_to: 'acc' },
        ]);
      },
    },
    {
      label: 'list rejects a body that is not the numbers object',
      call: (a) => a.phone_numbers.list(),
      request: { method: 'GET', path: acct('/phone_numbers') },
      reply: [200, [{ number: N }]],
      error: ResponseValidationError,
    },
    {
      label: 'cascadeQuantity → GET …/phone_numbers?page_size=1, the listing’s cascade_quantity',
      call: (a) => a.phone_numbers.cascadeQuantity(),
      request: { method: 'GET', path: acct('/phone_numbers'), query: { page_size: '1' } },
      reply: [200, { cascade_quantity: 12, numbers: {} }],
      result: 12,
    },
    {
      label: 'get → GET …/phone_numbers/%2B… (E.164 URL-encoded), custom fields kept',
      call: (a) => a.phone_numbers.get(N),
      request: { method: 'GET', path: acct(`/phone_numbers/${ENC}`) },
      reply: [200, doc],
      result: doc,
    },
    {
      label: 'get of a number the account does not hold → NotFoundError',
      call: (a) => a.phone_numbers.get(N),
      request: { method: 'GET', path: acct(`/phone_numbers/${ENC}`) },
      reply: {
        status: 404,
        raw: { error: '404', message: 'bad_identifier', data: { message: 'bad identifier', not_found: 'The number could not be found' } },
      },
      error: NotFoundError,
    },
    {
      label: 'create (acquire) → PUT …/phone_numbers/%2B… with the fields',
      call: (a) => a.phone_numbers.create(N, { create_with_state: 'available', my_own_field: {} }),
      request: { method: 'PUT', path: acct(`/phone_numbers/${ENC}`), body: { data: { create_with_state: 'available', my_own_field: {} } } },
      reply: [201, doc],
    },
    {
      label: 'create without fields sends an empty document',
      call: (a) => a.phone_numbers.create(N),
      request: { method: 'PUT', path: acct(`/phone_numbers/${ENC}`), body: { data: {} } },
      reply: [201, doc],
    },
    {
      label: 'create of an existing number → ConflictError (number_exists)',
      call: (a) => a.phone_numbers.create(N),
      request: { method: 'PUT', path: acct(`/phone_numbers/${ENC}`) },
      reply: { status: 409, raw: { error: '409', message: 'number_exists', data: { code: 409, error: 'number_exists', cause: N } } },
      error: ConflictError,
    },
    {
      label: 'update → POST …/phone_numbers/%2B… with the whole public document',
      call: (a) => a.phone_numbers.update(N, { cnam: { display_name: 'Main line', inbound_lookup: true }, my_own_field: 'x' }),
      request: {
        method: 'POST',
        path: acct(`/phone_numbers/${ENC}`),
        body: { data: { cnam: { display_name: 'Main line', inbound_lookup: true }, my_own_field: 'x' } },
      },
      reply: [200, doc],
    },
    {
      label: 'patch → PATCH …/phone_numbers/%2B…, null deletes',
      call: (a) => a.phone_numbers.patch(N, { my_own_field: 42, cnam: null }),
      request: { method: 'PATCH', path: acct(`/phone_numbers/${ENC}`), body: { data: { my_own_field: 42, cnam: null } } },
      reply: [200, doc],
    },
    {
      label: 'delete → DELETE …/phone_numbers/%2B… (release)',
      call: (a) => a.phone_numbers.delete(N),
      request: { method: 'DELETE', path: acct(`/phone_numbers/${ENC}`), query: {} },
      reply: [200, { id: N, state: 'available' }],
    },
    {
      label: 'delete with hard → DELETE …?hard=true',
      call: (a) => a.phone_numbers.delete(N, { hard: true }),
      request: { method: 'DELETE', path: acct(`/phone_numbers/${ENC}`), query: { hard: 'true' } },
      reply: [200, { id: N, state: 'deleted' }],
    },
    {
      label: 'search → GET …/phone_numbers?prefix=&quantity=&offset=',
      call: (a) => a.phone_numbers.search({ prefix: '415', quantity: 2, offset: 4 }),
      request: { method: 'GET', path: acct('/phone_numbers'), query: { prefix: '415', quantity: '2', offset: '4' } },
      reply: [200, [{ number: '+14152338397', state: 'available' }]],
      result: [{ number: '+14152338397', state: 'available' }],
    },
    {
      label: 'search with an E.164 prefix sends it encoded',
      call: (a) => a.phone_numbers.search({ prefix: '+1415' }),
      request: { method: 'GET', path: acct('/phone_numbers'), query: { prefix: '+1415' } },
      reply: [200, []],
    },
    {
      label: 'searchSystem → GET /v2/phone_numbers?prefix=&quantity=&offset=&country=',
      call: (a) => a.phone_numbers.searchSystem({ prefix: '415', quantity: 3, offset: 0, country: 'US' }),
      request: { method: 'GET', path: '/v2/phone_numbers', query: { prefix: '415', quantity: '3', offset: '0', country: 'US' } },
      reply: [200, [{ number: '+14152338397', e164: '+14152338397', rate_center: { state: 'CA' } }]],
    },
    {
      label: 'activate → PUT …/%2B…/activate',
      call: (a) => a.phone_numbers.activate(N),
      request: { method: 'PUT', path: acct(`/phone_numbers/${ENC}/activate`), body: { data: {} } },
      reply: [201, { id: N, state: 'in_service' }],
    },
    {
      label: 'activate with acceptCharges → accept_charges beside data',
      call: (a) => a.phone_numbers.activate(N, {}, { acceptCharges: true }),
      request: { method: 'PUT', path: acct(`/phone_numbers/${ENC}/activate`), body: { data: {}, accept_charges: true } },
      reply: [201, { id: N, state: 'in_service' }],
    },
    {
      label: 'reserve → PUT …/%2B…/reserve',
      call: (a) => a.phone_numbers.reserve(N),
      request: { method: 'PUT', path: acct(`/phone_numbers/${ENC}/reserve`), body: { data: {} } },
      reply: [201, { id: N, state: 'reserved' }],
    },
    {
      label: 'port → PUT …/%2B…/port with the fields',
      call: (a) => a.phone_numbers.port(N, { porting: { service_provider: 'Old Telco' } }),
      request: { method: 'PUT', path: acct(`/phone_numbers/${ENC}/port`), body: { data: { porting: { service_provider: 'Old Telco' } } } },
      reply: [201, { id: N, state: 'port_in' }],
    },
    {
      label: 'identify → GET …/%2B…/identify',
      call: (a) => a.phone_numbers.identify(N),
      request: { method: 'GET', path: acct(`/phone_numbers/${ENC}/identify`) },
      reply: [200, { account_id: 'acc2', number: N }],
      result: { account_id: 'acc2', number: N },
    },
    {
      label: 'classifiers → GET …/phone_numbers/classifiers',
      call: (a) => a.phone_numbers.classifiers(),
      request: { method: 'GET', path: acct('/phone_numbers/classifiers') },
      reply: [200, { emergency: { friendly_name: 'Emergency Dispatcher', regex: '^(911)$' } }],
    },
    {
      label: 'classify takes any dial string → GET …/classifiers/911',
      call: (a) => a.phone_numbers.classify('911'),
      request: { method: 'GET', path: acct('/phone_numbers/classifiers/911') },
      reply: [200, { number: '911', e164: '+1911', name: 'emergency' }],
    },
    {
      label: 'classify encodes a leading + → GET …/classifiers/%2B…',
      call: (a) => a.phone_numbers.classify(N),
      request: { method: 'GET', path: acct(`/phone_numbers/classifiers/${ENC}`) },
      reply: [200, { number: N, name: 'did_us' }],
    },
    {
      label: 'check → POST …/phone_numbers/check with {numbers}',
      call: (a) => a.phone_numbers.check([N, '+14155550100']),
      request: { method: 'POST', path: acct('/phone_numbers/check'), body: { data: { numbers: [N, '+14155550100'] } } },
      reply: [200, { [N]: 'success', '+14155550100': 'error' }],
      result: { [N]: 'success', '+14155550100': 'error' },
    },
    {
      label: 'locality → POST …/phone_numbers/locality with {numbers}',
      call: (a) => a.phone_numbers.locality([N]),
      request: { method: 'POST', path: acct('/phone_numbers/locality'), body: { data: { numbers: [N] } } },
      reply: [200, { [N]: { country: 'US', status: 'success' } }],
    },
    {
      label: 'fix() → POST …/phone_numbers/fix',
      call: (a) => a.phone_numbers.fix(),
      request: { method: 'POST', path: acct('/phone_numbers/fix'), body: { data: {} } },
      reply: [200, { numbers: {}, cascade_quantity: 0 }],
    },
    {
      label: 'fix(number) → POST …/phone_numbers/fix/%2B…',
      call: (a) => a.phone_numbers.fix(N),
      request: { method: 'POST', path: acct(`/phone_numbers/fix/${ENC}`) },
      reply: [200, {}],
    },
    {
      label: 'carriersInfo → GET …/phone_numbers/carriers_info',
      call: (a) => a.phone_numbers.carriersInfo(),
      request: { method: 'GET', path: acct('/phone_numbers/carriers_info') },
      reply: [200, { maximal_prefix_length: 3 }],
    },
    {
      label: 'cityPrefixes → GET …/phone_numbers/prefix?city=',
      call: (a) => a.phone_numbers.cityPrefixes('San Francisco'),
      request: { method: 'GET', path: acct('/phone_numbers/prefix'), query: { city: 'San Francisco' } },
      reply: [200, ['415', '628']],
    },
    {
      label: 'createMany → PUT …/collection with {numbers, …fields}; error [] becomes {}',
      call: (a) => a.phone_numbers.createMany([N, '+14155550100'], { create_with_state: 'available' }),
      request: {
        method: 'PUT',
        path: acct('/phone_numbers/collection'),
        body: { data: { create_with_state: 'available', numbers: [N, '+14155550100'] } },
      },
      reply: [
        201,
        { success: { [N]: { id: N, state: 'available' }, '+14155550100': { id: '+14155550100', state: 'available' } }, error: [] },
      ],
      result: {
        success: { [N]: { id: N, state: 'available' }, '+14155550100': { id: '+14155550100', state: 'available' } },
        error: {},
      },
    },
    {
      label: 'createMany with some failures → the per-number error map',
      call: (a) => a.phone_numbers.createMany([N, '+14155550100']),
      request: { method: 'PUT', path: acct('/phone_numbers/collection'), body: { data: { numbers: [N, '+14155550100'] } } },
      reply: [
        201,
        {
          success: { [N]: { id: N, state: 'reserved' } },
          error: { '+14155550100': { code: 409, error: 'number_exists', message: 'number +14155550100 already exists' } },
        },
      ],
      result: {
        success: { [N]: { id: N, state: 'reserved' } },
        error: { '+14155550100': { code: 409, error: 'number_exists', message: 'number +14155550100 already exists' } },
      },
    },
    {
      label: 'createMany with every number failing → BadRequestError whose per-number map phoneNumberErrors() reads',
      call: async (a) => {
        try {
          await a.phone_numbers.createMany([N]);
          return 'no error';
        } catch (error) {
          expect(error).toBeInstanceOf(BadRequestError);
          return phoneNumberErrors(error);
        }
      },
      request: { method: 'PUT', path: acct('/phone_numbers/collection') },
      reply: {
        status: 400,
        raw: {
          error: '400',
          message: 'client error',
          status: 'error',
          data: { [N]: { cause: N, code: 409, error: 'number_exists', message: `number ${N} already exists` } },
        },
      },
      result: { [N]: { cause: N, code: 409, error: 'number_exists', message: `number ${N} already exists` } },
    },
    {
      label: 'updateMany → POST …/collection',
      call: (a) => a.phone_numbers.updateMany([N], { myfield: 1337 }),
      request: { method: 'POST', path: acct('/phone_numbers/collection'), body: { data: { myfield: 1337, numbers: [N] } } },
      reply: [200, { success: { [N]: { id: N, myfield: 1337 } } }],
      result: { success: { [N]: { id: N, myfield: 1337 } }, error: {} },
    },
    {
      label: 'patchMany → PATCH …/collection',
      call: (a) => a.phone_numbers.patchMany([N], { myfield: 2337 }),
      request: { method: 'PATCH', path: acct('/phone_numbers/collection'), body: { data: { myfield: 2337, numbers: [N] } } },
      reply: [200, { success: { [N]: { id: N } }, error: [] }],
    },
    {
      label: 'deleteMany → DELETE …/collection with the numbers in the body',
      call: (a) => a.phone_numbers.deleteMany([N, '+14155550100']),
      request: { method: 'DELETE', path: acct('/phone_numbers/collection'), query: {}, body: { data: { numbers: [N, '+14155550100'] } } },
      reply: [200, { success: { [N]: { id: N, state: 'available' } } }],
    },
    {
      label: 'deleteMany with hard → DELETE …/collection?hard=true',
      call: (a) => a.phone_numbers.deleteMany([N], { hard: true }),
      request: { method: 'DELETE', path: acct('/phone_numbers/collection'), query: { hard: 'true' }, body: { data: { numbers: [N] } } },
      reply: [200, { success: { [N]: { id: N, state: 'deleted' } } }],
    },
    {
      label: 'activateMany → PUT …/collection/activate',
      call: (a) => a.phone_numbers.activateMany([N]),
      request: { method: 'PUT', path: acct('/phone_numbers/collection/activate'), body: { data: { numbers: [N] } } },
      reply: [201, { success: { [N]: { id: N, state: 'in_service' } } }],
    },
  ]);
});

describe('phone_numbers listing', () => {
  const wire = useWireServer();

  it('follows next_start_key and yields every number of every page', async () => {
    const { server, audian } = wire();
    server.expect(
      {
        method: 'GET',
        path: acct('/phone_numbers'),
        reply: page({ cascade_quantity: 0, numbers: { '+14155550100': { state: 'in_service' } } }, { next_start_key: '+14155550101' }),
      },
      {
        method: 'GET',
        path: acct('/phone_numbers'),
        reply: page({ cascade_quantity: 0, numbers: { '+14155550101': { state: 'reserved' } } }),
      },
    );
    const all = await audian.phone_numbers.list({ pageSize: 1 }).toArray();
    server.assertDone();
    expect(all).toEqual([
      { number: '+14155550100', state: 'in_service' },
      { number: '+14155550101', state: 'reserved' },
    ]);
    expect(wire().calls()[1]?.query.get('start_key')).toBe('+14155550101');
  });
});

describe('phone_numbers E.164 validation', () => {
  const wire = useWireServer();
  const bad = [
    '4155551234',
    '14155551234',
    '+1 415 555 1234',
    '+1-415-555-1234',
    '+1415',
    '+01234567890',
    '+1234567890123456',
    '',
    ' +14155551234',
  ];

  it.each(bad)('rejects %j with InvalidArgumentError before any request', async (number) => {
    const { audian } = wire();
    const attempts: (() => Promise<unknown>)[] = [
      () => audian.phone_numbers.get(number),
      () => audian.phone_numbers.create(number),
      () => audian.phone_numbers.update(number, {}),
      () => audian.phone_numbers.patch(number, {}),
      () => audian.phone_numbers.delete(number, { hard: true }),
      () => audian.phone_numbers.activate(number),
      () => audian.phone_numbers.reserve(number),
      () => audian.phone_numbers.port(number),
      () => audian.phone_numbers.identify(number),
      () => audian.phone_numbers.fix(number),
    ];
    for (const attempt of attempts) {
      const error = await Promise.resolve()
        .then(attempt)
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).argument).toBe('number');
      expect((error as Error).message).toContain('E.164');
    }
    expect(wire().server.requests).toHaveLength(0);
  });

  it('names the offending member of a collection', async () => {
    const { audian, server } = wire();
    const calls: (() => Promise<unknown>)[] = [
      () => audian.phone_numbers.createMany([N, '4155550100']),
      () => audian.phone_numbers.updateMany([N, '4155550100'], {}),
      () => audian.phone_numbers.patchMany([N, '4155550100'], {}),
      () => audian.phone_numbers.deleteMany([N, '4155550100']),
      () => audian.phone_numbers.activateMany([N, '4155550100']),
      () => audian.phone_numbers.check([N, '4155550100']),
      () => audian.phone_numbers.locality([N, '4155550100']),
    ];
    for (const call of calls) {
      await expect(Promise.resolve().then(call)).rejects.toMatchObject({ name: 'InvalidArgumentError', argument: 'numbers[1]' });
    }
    await expect(audian.phone_numbers.createMany([])).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(server.requests).toHaveLength(0);
  });

  it('rejects other bad input before any request', async () => {
    const { audian, server } = wire();
    await expect(Promise.resolve().then(() => audian.phone_numbers.search({ prefix: 'abc' }))).rejects.toMatchObject({
      argument: 'prefix',
    });
    await expect(Promise.resolve().then(() => audian.phone_numbers.search({ prefix: '415', quantity: 0 }))).rejects.toMatchObject({
      argument: 'quantity',
    });
    await expect(Promise.resolve().then(() => audian.phone_numbers.searchSystem({ prefix: '415', country: 'USA' }))).rejects.toMatchObject({
      argument: 'country',
    });
    await expect(Promise.resolve().then(() => audian.phone_numbers.classify('91 1'))).rejects.toMatchObject({ argument: 'dialString' });
    await expect(audian.phone_numbers.createMany([N], { numbers: [N] } as never)).rejects.toMatchObject({ argument: 'fields.numbers' });
    await expect(audian.phone_numbers.create(N, { create_with_state: 'bogus' } as never)).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(server.requests).toHaveLength(0);
  });

  it('isE164 / assertE164 accept E.164 only', () => {
    expect(isE164(N)).toBe(true);
    expect(isE164('+4930123456')).toBe(true);
    expect(isE164('4155551234')).toBe(false);
    expect(isE164(14155551234)).toBe(false);
    expect(() => assertE164('4155551234', 'to')).toThrow(/to must be an E.164 number/);
  });
});
