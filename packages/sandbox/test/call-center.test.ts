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

describe('call-center modules: agents, presence, hotdesks, parked_calls, call_inspector, pivot, acdc_call_stats', () => {
  let h: Harness;
  let alice: Json;
  let bob: Json;

  beforeAll(async () => {
    h = await harness({ demoData: true, calls: { answerAfterMs: 0, durationMs: 600_000 } });
    const users = (await h.call('GET', `${h.acct}/users`)).body.data as Json[];
    alice = users.find((u) => u.username === 'alice') as Json;
    bob = users.find((u) => u.username === 'bob') as Json;
  });
  afterAll(async () => {
    await h.stop();
  });

  it('agents: users with queues are listed; queue_status logs in and out of a queue (cb_agents, kzd_agent:maybe_add_queue/2)', async () => {
    const queue = (await h.call('PUT', `${h.acct}/queues`, { data: { name: 'Support' } })).body.data as Json;
    expect((await h.call('GET', `${h.acct}/agents`)).body.data).toEqual([]);
    const login = await h.call('POST', `${h.acct}/agents/${alice.id}/queue_status`, { data: { action: 'login', queue_id: queue.id } });
    expect(login.status).toBe(200);
    expect(login.body.data).toEqual([queue.id]);
    expect((await h.call('GET', `${h.acct}/agents`)).body.data).toEqual([
      { id: alice.id, first_name: 'Alice', last_name: 'Anderson', queues: [queue.id] },
    ]);
    expect((await h.call('GET', `${h.acct}/agents/${alice.id}/queue_status`)).body.data).toEqual([queue.id]);
    expect((await h.call('GET', `${h.acct}/agents/${alice.id}`)).body.data).toMatchObject({ id: alice.id, username: 'alice' });
    const bad = await h.call('POST', `${h.acct}/agents/${alice.id}/queue_status`, { data: { action: 'dance' } });
    expect(bad.status).toBe(400);
    expect(bad.body.data).toMatchObject({ action: { enum: {} }, queue_id: { required: {} } });
    const logout = await h.call('POST', `${h.acct}/agents/${alice.id}/queue_status`, { data: { action: 'logout', queue_id: queue.id } });
    expect(logout.body.data).toEqual([]);
  });

  it('agents: a status change is "status update sent" and is the agent’s status afterwards; stats need ACDc (501)', async () => {
    expect((await h.call('GET', `${h.acct}/agents/${bob.id}/status`)).body.data).toBe('logged_out');
    const sent = await h.call('POST', `${h.acct}/agents/${bob.id}/status`, { data: { status: 'pause' } });
    expect(sent.body.data).toBe('status update sent');
    expect((await h.call('GET', `${h.acct}/agents/status/${bob.id}`)).body.data).toBe('paused');
    expect((await h.call('GET', `${h.acct}/agents/status`)).body.data).toMatchObject({ [String(bob.id)]: { status: 'paused' } });
    const invalid = await h.call('POST', `${h.acct}/agents/status/${bob.id}`, { data: { status: 'nap' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.data).toMatchObject({ status: { enum: { message: 'value is not a valid status' } } });
    expect((await h.call('POST', `${h.acct}/agents/${bob.id}/restart`)).body.data).toEqual({});
    expect((await h.call('GET', `${h.acct}/agents/stats`)).status).toBe(501);
    expect((await h.call('GET', `${h.acct}/agents/${'0'.repeat(32)}/status`)).status).toBe(404);
  });

  it('presence: an extension in a simulated call shows an early, then confirmed dialog; resets are accepted (cb_presence)', async () => {
    const call = h.sandbox.placeCall({ to: '1002' });
    const presence = await until(async () => {
      const data = (await h.call('GET', `${h.acct}/presence`)).body.data as {
        subscriptions: Record<string, { dialog: Record<string, Json> }>;
      };
      return data.subscriptions['1002'] && Object.values(data.subscriptions['1002'].dialog).some((d) => d.state === 'confirmed')
        ? data
        : undefined;
    }, 'a confirmed dialog for 1002');
    expect(presence).toMatchObject({ timeout: null });
    const detail = (await h.call('GET', `${h.acct}/presence/1002`)).body.data as { subscriptions: Json };
    expect(Object.keys(detail.subscriptions)).toEqual(['1002']);
    expect((await h.call('GET', `${h.acct}/presence/1004`)).body.data).toEqual({ subscriptions: {}, timeout: null });
    h.sandbox.hangupCall(call.call_id);
    expect((await h.call('GET', `${h.acct}/presence`)).body.data).toEqual({ subscriptions: {}, timeout: null });
    const reset = await h.call('POST', `${h.acct}/presence/*3101`, { data: { action: 'reset' } });
    expect(reset.status).toBe(202);
    expect(reset.body.data).toBe('reset command sent for extension *3101');
    expect((await h.call('POST', `${h.acct}/presence`, { data: { action: 'reset' } })).status).toBe(404);
    expect((await h.call('GET', `${h.acct}/presence/report-abc`)).status).toBe(404);
  });

  it('parked_calls: a call to a park callflow waits in the first free slot after 100 (cf_park:get_slot_number/2)', async () => {
    await h.call('PUT', `${h.acct}/callflows`, {
      data: { numbers: ['*3'], flow: { module: 'park', data: { action: 'park' }, children: {} } },
    });
    expect((await h.call('GET', `${h.acct}/parked_calls`)).body.data).toEqual({ slots: {} });
    const call = h.sandbox.placeCall({ to: '*3', from: '+14155550160', callerIdName: 'Parked Pat' });
    const slots = await until(async () => {
      const data = (await h.call('GET', `${h.acct}/parked_calls`)).body.data as { slots: Record<string, Json> };
      return data.slots['101'] ? data.slots : undefined;
    }, 'slot 101');
    expect(slots['101']).toMatchObject({ call_id: call.call_id, cid_number: '+14155550160', cid_name: 'Parked Pat' });
    h.sandbox.hangupCall(call.call_id);
    expect((await h.call('GET', `${h.acct}/parked_calls`)).body.data).toEqual({ slots: {} });
  });

  it('hotdesks: the users hot-desked on devices, by user and by device (hotdesks/crossbar_listing)', async () => {
    const device = (
      await h.call('PUT', `${h.acct}/devices`, { data: { name: 'Hot desk 1', hotdesk: { users: { [String(bob.id)]: {} } } } })
    ).body.data as Json;
    expect((await h.call('GET', `${h.acct}/hotdesks`)).body.data).toEqual([{ device_id: device.id, device_name: 'Hot desk 1' }]);
    expect((await h.call('GET', `${h.acct}/users/${bob.id}/hotdesks`)).body.data).toEqual([
      { device_id: device.id, device_name: 'Hot desk 1' },
    ]);
    expect((await h.call('GET', `${h.acct}/users/${alice.id}/hotdesks`)).body.data).toEqual([]);
    expect((await h.call('GET', `${h.acct}/devices/${device.id}/hotdesks`)).body.data).toEqual([
      { id: bob.id, first_name: 'Bob', last_name: 'Brown', username: 'bob', email: 'bob@example.com' },
    ]);
  });

  it('call_inspector, pivot/debug and acdc_call_stats list nothing the sandbox cannot capture; unknown call ids are 404', async () => {
    expect((await h.call('GET', `${h.acct}/call_inspector`)).body.data).toEqual([]);
    expect((await h.call('GET', `${h.acct}/call_inspector/abc`)).status).toBe(404);
    expect((await h.call('GET', `${h.acct}/pivot/debug`)).body.data).toEqual([]);
    expect((await h.call('GET', `${h.acct}/pivot/debug/abc`)).status).toBe(404);
    expect((await h.call('GET', `${h.acct}/acdc_call_stats`)).body.data).toEqual([]);
    expect((await h.call('GET', `${h.acct}/acdc_call_stats?created_from=63900000000&created_to=63800000000`)).status).toBe(400);
  });
});
