import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from './helpers';

type Json = Record<string, unknown>;

async function until<T>(read: () => Promise<T | undefined | false>, what: string): Promise<T> {
  for (let i = 0; i < 250; i++) {
    const value = await read();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('quickcall and click-to-call place simulated calls (cb_quickcall, cb_clicktocall)', () => {
  let h: Harness;
  let alice: { id: string; deviceIds: string[] };
  let bob: { id: string; deviceIds: string[] };

  const person = async (username: string) => {
    const users = (await h.call('GET', `${h.acct}/users`)).body.data as Json[];
    const user = users.find((u) => u.username === username) as Json;
    const devices = (await h.call('GET', `${h.acct}/users/${user.id}/devices`)).body.data as Json[];
    return { id: String(user.id), deviceIds: devices.map((d) => String(d.id)) };
  };
  const ended = (callId: string) =>
    until(async () => h.sandbox.calls().find((c) => c.call_id === callId && c.status === 'ended'), `call ${callId} to end`);

  beforeAll(async () => {
    h = await harness({ demoData: true, calls: { answerAfterMs: 20, durationMs: 40 } });
    alice = await person('alice');
    bob = await person('bob');
  });
  afterAll(async () => {
    await h.stop();
  });

  it('GET …/users/{id}/quickcall/{number} rings the user’s devices, then the extension, and answers 202 with the originate request', async () => {
    const answer = await h.call('GET', `${h.acct}/users/${alice.id}/quickcall/1002`);
    expect(answer.status).toBe(202);
    const request = answer.body.data as Json & { endpoints: Json[] };
    expect(request).toMatchObject({
      application_name: 'transfer',
      application_data: { route: '1002' },
      dial_endpoint_method: 'simultaneous',
      outbound_caller_id_name: 'Device QuickCall',
      outbound_caller_id_number: '1002',
      timeout: 30,
      custom_channel_vars: { account_id: h.sandbox.accountId, authorizing_type: 'user', authorizing_id: alice.id },
    });
    expect(request.endpoints.map((e) => e.endpoint_id).sort()).toEqual([...alice.deviceIds].sort());
    const callId = String(request.endpoints[0]?.outbound_call_id);
    expect(callId).toMatch(/-quickcall$/);
    const call = await ended(callId);
    expect(call).toMatchObject({ origin: 'quickcall', to: '1002', hangup_cause: 'NORMAL_CLEARING' });
    expect(bob.deviceIds).toContain(call.answered_by?.id);
  });

  it('POST …/devices/{id}/quickcall/{number} strips " ,.-()" (number_filter), sets auto_answer on a single endpoint and adds the call_id', async () => {
    const device = alice.deviceIds[0] as string;
    const answer = await h.call('POST', `${h.acct}/devices/${device}/quickcall/${encodeURIComponent('(415) 555-0142')}`);
    expect(answer.status).toBe(202);
    const request = answer.body.data as Json & { endpoints: Json[] };
    expect(request.application_data).toEqual({ route: '4155550142' });
    expect(request.endpoints).toHaveLength(1);
    expect(request.endpoints[0]).toMatchObject({ endpoint_id: device, custom_channel_vars: { auto_answer: true } });
    expect(request.call_id).toBe(request.endpoints[0]?.outbound_call_id);
    const call = await ended(String(request.call_id));
    expect(call.answered_by).toEqual({ type: 'offnet', id: '4155550142' });
    const cdrs = (await h.call('GET', `${h.acct}/cdrs?is_chunked=false&filter_call_id=${encodeURIComponent(String(request.call_id))}`)).body
      .data as Json[];
    expect(cdrs).toHaveLength(1);
  });

  it('an unknown endpoint is 404 bad_identifier; a user without devices is 500 unspecified_fault', async () => {
    expect((await h.call('GET', `${h.acct}/users/${'0'.repeat(32)}/quickcall/1002`)).status).toBe(404);
    const lonely = await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'No', last_name: 'Phone' } });
    const answer = await h.call('GET', `${h.acct}/users/${(lonely.body.data as Json).id}/quickcall/1002`);
    expect(answer.status).toBe(500);
    expect(answer.body.message).toBe('unspecified_fault');
  });

  it('clicktocall connect places the call: the extension rings first, then the contact (cb_clicktocall:originate_call/3)', async () => {
    const c2c = await h.call('PUT', `${h.acct}/clicktocall`, { data: { name: 'Sales', extension: '1002', auth_required: true } });
    const id = String((c2c.body.data as Json).id);
    const answer = await h.call('POST', `${h.acct}/clicktocall/${id}/connect`, { data: { contact: '4155550177' } });
    expect(answer.status).toBe(202);
    const callId = String((answer.body.data as Json).call_id);
    const call = await ended(callId);
    expect(call).toMatchObject({ origin: 'clicktocall', to: '+14155550177', answered_by: { type: 'offnet', id: '+14155550177' } });
  });
});
