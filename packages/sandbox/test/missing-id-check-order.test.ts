import { describe, expect, it } from 'vitest';
import { type Answer, useHarness } from './helpers';

const h = useHarness();

/** An id that names no document in the seeded account. */
const MISSING = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';

type Outcome = 'invalid' | 'missing';

interface Row {
  readonly module: string;
  /** A body the module's checks accept; `tag` keeps unique values (numbers, mailboxes) apart. */
  readonly valid: (tag: number) => Record<string, unknown>;
  /** A body the module's schema refuses. */
  readonly invalid: Record<string, unknown>;
  /** What POST and PATCH answer on a missing id, for an invalid and a valid body. */
  readonly post: readonly [Outcome, Outcome];
  /** Undefined where the module has no PATCH (405). */
  readonly patch?: readonly [Outcome, Outcome];
  /** The KAZOO functions that settle the four answers. */
  readonly kazoo: string;
}

// A failed load leaves a 404 context; when the module's validation still runs on the request,
// a schema failure goes through cb_context:failed/2 and failed_error/2, which set the error code to
// 400 and the validation errors, and cb_context:response/1 answers those errors. A valid body goes
// on to crossbar_doc:load_merge/3, whose load is a no-op on an errored context
// (crossbar_doc:load/4's 'error' clause) or fails itself: the 404 stands.
const VALIDATE_FIRST = ['invalid', 'missing'] as const;
const LOAD_FIRST = ['missing', 'missing'] as const;

const ROWS: readonly Row[] = [
  {
    module: 'users',
    valid: (n) => ({ first_name: 'Order', last_name: `User ${n}` }),
    invalid: { first_name: 'Order', last_name: 'User', email: 5 },
    post: LOAD_FIRST,
    patch: LOAD_FIRST,
    kazoo: 'cb_users:validate_resource/2 → validate_user_id/2 opens the user before cb_users:validate/2 runs',
  },
  {
    module: 'devices',
    valid: (n) => ({ name: `Order Device ${n}` }),
    invalid: { name: 'Order Device', enabled: 'yes' },
    post: LOAD_FIRST,
    patch: LOAD_FIRST,
    kazoo: 'cb_devices:validate_resource/2 → validate_device_id/2 opens the device before cb_devices:validate/2 runs',
  },
  {
    module: 'callflows',
    valid: (n) => ({ numbers: [`+1415555${String(1000 + n)}`], flow: { module: 'park', data: {} } }),
    invalid: { numbers: ['+14155559999'], flow: 'park' },
    post: VALIDATE_FIRST,
    patch: VALIDATE_FIRST,
    kazoo:
      'cb_callflows:validate_request/2 → validate_callflow_schema/2 → on_successful_validation/2; PATCH crossbar_doc:patch_and_validate/3',
  },
  {
    module: 'vmboxes',
    valid: (n) => ({ name: `Order Box ${n}`, mailbox: String(7100 + n) }),
    invalid: { name: 'Order Box', mailbox: '7199', pin: 1234 },
    post: VALIDATE_FIRST,
    patch: VALIDATE_FIRST,
    kazoo:
      'cb_vmboxes:validate_request/2 → check_vmbox_schema/2 → on_successful_validation/2; PATCH load_vmbox/2 then crossbar_doc:patch_and_validate/3',
  },
  {
    module: 'groups',
    valid: (n) => ({ name: `Order Group ${n}` }),
    invalid: { name: 'Order Group', endpoints: 'everyone' },
    post: VALIDATE_FIRST,
    patch: VALIDATE_FIRST,
    kazoo: 'cb_groups:update/2 → on_successful_validation/2; validate_patch/2 → crossbar_doc:patch_and_validate/3',
  },
  {
    module: 'menus',
    valid: (n) => ({ name: `Order Menu ${n}` }),
    invalid: { name: 'Order Menu', retries: 'many' },
    post: VALIDATE_FIRST,
    patch: VALIDATE_FIRST,
    kazoo: 'cb_menus:update_menu/2 → on_successful_validation/2; validate_patch/2 → crossbar_doc:patch_and_validate/3',
  },
  {
    module: 'conferences',
    valid: (n) => ({ name: `Order Conference ${n}` }),
    invalid: { name: 'Order Conference', member: 'everyone' },
    post: VALIDATE_FIRST,
    patch: VALIDATE_FIRST,
    kazoo:
      'cb_conferences:update_conference/2 → validate_numbers/2 → on_successful_validation/2; patch_conference/2 → crossbar_doc:patch_and_validate/3',
  },
  {
    module: 'media',
    valid: (n) => ({ name: `Order Media ${n}` }),
    invalid: { name: 'Order Media', media_source: 'somewhere' },
    post: VALIDATE_FIRST,
    kazoo: 'cb_media:validate_request/2 → on_successful_validation/2 (no PATCH: cb_media:allowed_methods/1)',
  },
  {
    module: 'faxboxes',
    valid: (n) => ({ name: `Order Faxbox ${n}` }),
    invalid: { name: 'Order Faxbox', retries: 'often' },
    post: VALIDATE_FIRST,
    patch: VALIDATE_FIRST,
    kazoo: 'cb_faxboxes:validate_faxbox/3 → update_faxbox/2 → on_faxbox_successful_validation/2 for POST and PATCH',
  },
  {
    module: 'temporal_rules',
    valid: (n) => ({ name: `Order Rule ${n}`, cycle: 'weekly', wdays: ['monday'] }),
    invalid: { name: 'Order Rule', cycle: 'hourly' },
    post: VALIDATE_FIRST,
    patch: VALIDATE_FIRST,
    kazoo: 'cb_temporal_rules:update/2 → on_successful_validation/2; validate_patch/2 → crossbar_doc:patch_and_validate/3',
  },
  {
    module: 'temporal_rules_sets',
    valid: (n) => ({ name: `Order Set ${n}` }),
    invalid: { name: 'Order Set', temporal_rules: 'weekdays' },
    post: VALIDATE_FIRST,
    patch: VALIDATE_FIRST,
    kazoo: 'cb_temporal_rules_sets:update/2 → on_successful_validation/2; validate_patch/2 → crossbar_doc:patch_and_validate/3',
  },
  {
    module: 'directories',
    valid: (n) => ({ name: `Order Directory ${n}` }),
    invalid: { name: 'Order Directory', min_dtmf: 'two' },
    post: VALIDATE_FIRST,
    patch: VALIDATE_FIRST,
    kazoo: 'cb_directories:update/2 → on_successful_validation/2; validate_patch/2 → crossbar_doc:patch_and_validate/3',
  },
  {
    module: 'blacklists',
    valid: (n) => ({ name: `Order Blacklist ${n}` }),
    invalid: { name: 'Order Blacklist', numbers: 'all' },
    post: VALIDATE_FIRST,
    patch: VALIDATE_FIRST,
    kazoo: 'cb_blacklists:update/2 → on_successful_validation/2; validate_patch/2 → crossbar_doc:patch_and_validate/3',
  },
  {
    module: 'lists',
    valid: (n) => ({ name: `Order List ${n}` }),
    invalid: { name: ['Order List'] },
    post: VALIDATE_FIRST,
    patch: VALIDATE_FIRST,
    kazoo: 'cb_lists:validate_req/3 → validate_doc/3 → on_successfull_validation/3; PATCH crossbar_doc:patch_and_validate/3',
  },
  {
    module: 'webhooks',
    valid: (n) => ({ name: `Order Hook ${n}`, uri: 'http://127.0.0.1:9/hook', hook: 'channel_create', http_verb: 'post' }),
    invalid: { name: 'Order Hook', uri: 'http://127.0.0.1:9/hook', hook: 'channel_create', http_verb: 'fetch' },
    post: VALIDATE_FIRST,
    patch: LOAD_FIRST,
    kazoo: 'cb_webhooks:update/2 → on_successful_validation/2; PATCH validate_webhook/3 → validate_patch(read/2) stops on the failed read',
  },
  {
    module: 'resources',
    valid: (n) => ({ name: `Order Carrier ${n}`, gateways: [{ server: '127.0.0.1' }] }),
    invalid: { name: 'Order Carrier', gateways: 'none' },
    post: VALIDATE_FIRST,
    patch: LOAD_FIRST,
    kazoo:
      'cb_resources:update_local/2 → check_if_peer/2 → on_successful_validation/2; PATCH validate_patch(read/2) stops on the failed read',
  },
  {
    module: 'queues',
    valid: (n) => ({ name: `Order Queue ${n}` }),
    invalid: { name: 'Order Queue', strategy: 'random' },
    post: VALIDATE_FIRST,
    patch: VALIDATE_FIRST,
    kazoo:
      'cb_queues:validate_request/2 → check_queue_schema/2 → on_successful_validation/2; validate_patch/2 → crossbar_doc:patch_and_validate/3',
  },
  {
    module: 'connectivity',
    valid: () => ({ account: { auth_realm: 'order.sandbox.test' } }),
    invalid: { servers: 'none' },
    post: VALIDATE_FIRST,
    patch: VALIDATE_FIRST,
    kazoo: 'cb_connectivity:update/2 → on_successful_validation/2; validate_patch/2 → crossbar_doc:patch_and_validate/3',
  },
  {
    module: 'port_requests',
    valid: (n) => ({ name: `Order Port ${n}`, numbers: { [`+1415555030${n}`]: {} } }),
    invalid: { name: 5, numbers: { '+14155550309': {} } },
    post: VALIDATE_FIRST,
    patch: VALIDATE_FIRST,
    kazoo: 'cb_port_requests:update/2 → on_successful_validation/2; PATCH crossbar_doc:patch_and_validate/3 with validate_request_data/3',
  },
];

function expectOutcome(answer: Answer, outcome: Outcome, schemaErrors: unknown, what: string): void {
  if (outcome === 'invalid') {
    expect(answer.status, `${what}: ${answer.text}`).toBe(400);
    expect(answer.body.message, what).toBe('validation error');
    expect(answer.body.data, what).toEqual(schemaErrors);
  } else {
    expect(answer.status, `${what}: ${answer.text}`).toBe(404);
    expect(answer.body.message, what).toBe('bad_identifier');
    expect(answer.body.data, what).toEqual({ cause: MISSING, message: 'bad identifier' });
  }
}

describe('POST and PATCH on an id that names no document: the schema or the 404 first, module by module', () => {
  it.each(ROWS)('$module: $kazoo', async (row) => {
    const base = `${h.acct}/${row.module}`;
    // The fixtures are what they claim: a create takes the valid body and refuses the invalid one.
    expect((await h.call('PUT', base, { data: row.valid(0) })).status, `${row.module} PUT valid`).toBe(201);
    const refused = await h.call('PUT', base, { data: row.invalid });
    expect(refused.status, `${row.module} PUT invalid: ${refused.text}`).toBe(400);
    const schemaErrors = refused.body.data;

    const path = `${base}/${MISSING}`;
    const cases: [string, Outcome, Record<string, unknown>][] = [
      ['POST', row.post[0], row.invalid],
      ['POST', row.post[1], row.valid(1)],
    ];
    if (row.patch) cases.push(['PATCH', row.patch[0], row.invalid], ['PATCH', row.patch[1], row.valid(2)]);
    for (const [method, outcome, body] of cases) {
      const what = `${row.module} ${method} ${body === row.invalid ? 'invalid' : 'valid'}`;
      expectOutcome(await h.call(method, path, { data: body }), outcome, schemaErrors, what);
    }
    if (!row.patch) expect((await h.call('PATCH', path, { data: row.valid(2) })).status, `${row.module} PATCH`).toBe(405);
    // None of the refused writes created the document.
    expect((await h.call('GET', path)).status, `${row.module} GET`).toBe(404);
  });

  it('a list entry that does not exist: an invalid body is 400, a valid one 404 (cb_lists:validate_req/3 → validate_doc/3; PATCH crossbar_doc:patch_and_validate/3)', async () => {
    const list = (await h.call('PUT', `${h.acct}/lists`, { data: { name: 'Order Entries' } })).body.data as { id: string };
    const invalid = { list_id: list.id, number: 14155550401 };
    const refused = await h.call('PUT', `${h.acct}/lists/${list.id}/entries`, { data: invalid });
    expect(refused.status, refused.text).toBe(400);
    const path = `${h.acct}/lists/${list.id}/entries/${MISSING}`;
    for (const method of ['POST', 'PATCH']) {
      expectOutcome(await h.call(method, path, { data: invalid }), 'invalid', refused.body.data, `${method} invalid`);
      expectOutcome(
        await h.call(method, path, { data: { list_id: list.id, number: '+14155550402' } }),
        'missing',
        undefined,
        `${method} valid`,
      );
    }
  });

  it('a notification that does not exist is 404 whatever the body: cb_notifications:update_notification/2 reads it first (read/2)', async () => {
    for (const body of [{ enabled: 'sometimes' }, { enabled: true }]) {
      const r = await h.call('POST', `${h.acct}/notifications/no_such_notification`, { data: body });
      expect(r.status, r.text).toBe(404);
      expect(r.body.message).toBe('bad_identifier');
    }
  });

  it('a valid port request POST whose number another port request holds is 400 on a missing id (check_number_portability/3 runs after the failed load_merge/3)', async () => {
    const number = '+14155550399';
    expect((await h.call('PUT', `${h.acct}/port_requests`, { data: { name: 'Order Holder', numbers: { [number]: {} } } })).status).toBe(
      201,
    );
    const r = await h.call('POST', `${h.acct}/port_requests/${MISSING}`, { data: { name: 'Order Other', numbers: { [number]: {} } } });
    expect(r.status, r.text).toBe(400);
    expect(Object.keys(r.body.data as object)).toEqual([number]);
  });

  it('a valid callflow body whose number another callflow routes is 400 even on a missing id (validate_uniqueness/2 runs after the failed load_merge/3)', async () => {
    const taken = '+14155557777';
    expect((await h.call('PUT', `${h.acct}/callflows`, { data: { numbers: [taken], flow: { module: 'park', data: {} } } })).status).toBe(
      201,
    );
    for (const method of ['POST', 'PATCH']) {
      const r = await h.call(method, `${h.acct}/callflows/${MISSING}`, { data: { numbers: [taken], flow: { module: 'park', data: {} } } });
      expect(r.status, `${method}: ${r.text}`).toBe(400);
      expect(Object.keys(r.body.data as object), method).toEqual(['numbers']);
    }
  });
});
