import { createTokenAuth } from '@audian/auth';
import { InvalidArgumentError } from '@audian/core';
import { createEvents } from '@audian/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type Harness, harness } from './helpers';

type Json = Record<string, unknown>;

/** Polls until `read` answers something truthy (the state changes on the sandbox's timers). */
async function until<T>(read: () => Promise<T | undefined | false>, what: string): Promise<T> {
  for (let i = 0; i < 250; i++) {
    const value = await read();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** A raw blackhole client: subscribes and collects every event frame. */
async function listen(h: Harness, binding: string): Promise<{ events: Json[]; close(): void }> {
  const socket = new WebSocket(h.sandbox.eventsUrl);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const events: Json[] = [];
  const replied = new Promise<Json>((resolve) => {
    socket.on('message', (raw) => {
      const msg = JSON.parse(String(raw)) as Json;
      if (msg.action === 'reply') resolve(msg);
      else events.push(msg);
    });
  });
  socket.send(
    JSON.stringify({
      action: 'subscribe',
      auth_token: h.token,
      request_id: 'r1',
      data: { account_id: h.sandbox.accountId, binding },
    }),
  );
  expect((await replied).status).toBe('success');
  return { events, close: () => socket.close() };
}

describe('simulated calls (sandbox-only PUT …/sandbox/calls, call events, channels, CDRs, voicemail)', () => {
  let h: Harness;
  let alice: { id: string; deviceIds: string[]; boxId: string };
  let bob: { id: string; deviceIds: string[] };

  const person = async (username: string) => {
    const users = (await h.call('GET', `${h.acct}/users`)).body.data as Json[];
    const user = users.find((u) => u.username === username) as Json;
    const devices = (await h.call('GET', `${h.acct}/users/${user.id}/devices`)).body.data as Json[];
    return { id: String(user.id), deviceIds: devices.map((d) => String(d.id)) };
  };
  const callInfo = async (callId: string) =>
    (await h.call('GET', `${h.acct}/sandbox/calls/${encodeURIComponent(callId)}`)).body.data as Json;
  const ended = (callId: string) =>
    until(async () => ((await callInfo(callId)).status === 'ended' ? callInfo(callId) : undefined), 'the call to end');

  beforeAll(async () => {
    h = await harness({ demoData: true, calls: { answerAfterMs: 30, durationMs: 60 } });
    const boxes = (await h.call('GET', `${h.acct}/vmboxes`)).body.data as Json[];
    alice = { ...(await person('alice')), boxId: String(boxes.find((b) => b.mailbox === '1001')?.id) };
    bob = await person('bob');
  });
  afterAll(async () => {
    await h.stop();
  });

  it('PUT …/sandbox/calls answers 201 { call_id, to, from, status } and plays CHANNEL_CREATE, CHANNEL_ANSWER, CHANNEL_BRIDGE, CHANNEL_DESTROY with KAZOO fields and call.{ACCOUNT_ID}.{EVENT}.{CALL_ID} keys (bh_call, ecallmgr_call_events)', async () => {
    const socket = await listen(h, 'call.*.*');
    const placed = await h.call('PUT', `${h.acct}/sandbox/calls`, {
      data: { to: '1002', from: '+14155550123', caller_id_name: 'Ada' },
    });
    expect(placed.status).toBe(201);
    const call = placed.body.data as Json;
    expect(call).toMatchObject({ to: '1002', from: '+14155550123', status: 'ringing', caller_id_name: 'Ada', origin: 'sandbox' });
    const callId = String(call.call_id);
    expect(placed.headers.get('location')).toContain('/sandbox/calls/');

    await ended(callId);
    const destroys = await until(
      async () => (socket.events.filter((e) => e.name === 'CHANNEL_DESTROY').length >= 2 ? socket.events : undefined),
      'both legs destroyed',
    );
    socket.close();
    const a = h.sandbox.accountId;
    const aLeg = destroys.filter((e) => (e.data as Json).call_id === callId).map((e) => e.name);
    expect(aLeg).toEqual(['CHANNEL_CREATE', 'CHANNEL_ANSWER', 'CHANNEL_BRIDGE', 'CHANNEL_DESTROY']);
    const create = destroys.find((e) => e.name === 'CHANNEL_CREATE' && (e.data as Json).call_id === callId) as Json;
    expect(create).toMatchObject({
      action: 'event',
      subscribed_key: 'call.*.*',
      subscription_key: `call.${a}.CHANNEL_CREATE.*`,
      routing_key: `call.${a}.CHANNEL_CREATE.${callId}`,
      data: {
        call_id: callId,
        call_direction: 'inbound',
        caller_id_number: '+14155550123',
        caller_id_name: 'Ada',
        callee_id_number: '1002',
        event_name: 'CHANNEL_CREATE',
        custom_channel_vars: { account_id: a },
      },
    });
    const bLegId = String(
      ((destroys.find((e) => e.name === 'CHANNEL_BRIDGE' && (e.data as Json).call_id === callId) as Json).data as Json).other_leg_call_id,
    );
    const bCreate = destroys.find((e) => e.name === 'CHANNEL_CREATE' && (e.data as Json).call_id === bLegId) as Json;
    expect(bCreate.data).toMatchObject({
      call_direction: 'outbound',
      callee_id_name: 'Bob Brown',
      callee_id_number: '1002',
      custom_channel_vars: { owner_id: bob.id, authorizing_type: 'device' },
    });
    expect(bob.deviceIds).toContain((bCreate.data as Json & { custom_channel_vars: Json }).custom_channel_vars.authorizing_id);
    const destroy = destroys.find((e) => e.name === 'CHANNEL_DESTROY' && (e.data as Json).call_id === callId) as Json;
    expect(destroy.data).toMatchObject({ hangup_cause: 'NORMAL_CLEARING', hangup_code: 'sip:200', other_leg_call_id: bLegId });
    expect(typeof (destroy.data as Json).duration_seconds).toBe('string');
  });

  it('@audian/events receives a placed call’s events as typed call events', async () => {
    const events = createEvents({
      eventsUrl: h.sandbox.eventsUrl,
      baseUrl: h.sandbox.apiUrl,
      auth: createTokenAuth(h.token),
      reconnect: false,
      ping: false,
    });
    try {
      const subscription = events.subscribe('call.CHANNEL_DESTROY.*');
      await subscription.ready;
      const call = h.sandbox.placeCall({ to: '1003', from: '+14155550124' });
      for await (const event of subscription) {
        if (event.data.call_id !== call.call_id) continue;
        expect(event.name).toBe('CHANNEL_DESTROY');
        expect(event.data).toMatchObject({ caller_id_number: '+14155550124', hangup_cause: 'NORMAL_CLEARING' });
        break;
      }
    } finally {
      events.close();
    }
  });

  it('a call-id binding (call.CHANNEL_DESTROY.{CALL_ID}) gets only that event of that call', async () => {
    const call = h.sandbox.placeCall({ to: '1001', answerAfterMs: 600_000 });
    const socket = await listen(h, `call.CHANNEL_DESTROY.${call.call_id}`);
    const other = h.sandbox.placeCall({ to: '1003', answerAfterMs: 600_000 });
    h.sandbox.hangupCall(other.call_id);
    h.sandbox.hangupCall(call.call_id);
    await until(async () => socket.events.length > 0, 'the destroy event');
    socket.close();
    expect(socket.events.map((e) => [e.name, (e.data as Json).call_id])).toEqual([['CHANNEL_DESTROY', call.call_id]]);
    expect(socket.events[0]?.data).toMatchObject({ hangup_cause: 'ORIGINATOR_CANCEL' });
  });

  it('the legs show in GET …/channels, …/users/{id}/channels and …/devices/{id}/channels while the call lasts; DELETE …/sandbox/calls/{id} hangs up', async () => {
    const placed = await h.call('PUT', `${h.acct}/sandbox/calls`, { data: { to: '1001', answer_after_ms: 0, duration_ms: 600_000 } });
    const callId = String((placed.body.data as Json).call_id);
    await until(async () => (await callInfo(callId)).status === 'answered', 'the answer');
    const channels = (await h.call('GET', `${h.acct}/channels`)).body.data as Json[];
    const aLeg = channels.find((c) => c.uuid === callId) as Json;
    expect(aLeg).toMatchObject({ answered: true, direction: 'inbound', destination: '1001' });
    const bLeg = channels.find((c) => c.uuid === aLeg.other_leg) as Json;
    expect(bLeg).toMatchObject({ answered: true, direction: 'outbound', owner_id: alice.id, other_leg: callId });
    const mine = (await h.call('GET', `${h.acct}/users/${alice.id}/channels`)).body.data as Json[];
    expect(mine.map((c) => c.uuid)).toEqual([bLeg.uuid]);
    const device = (await h.call('GET', `${h.acct}/devices/${bLeg.authorizing_id}/channels`)).body.data as Json[];
    expect(device.map((c) => c.uuid)).toEqual([bLeg.uuid]);
    expect((await h.call('GET', `${h.acct}/users/${bob.id}/channels`)).body.data).toEqual([]);
    expect((await h.call('GET', `${h.acct}/channels/${encodeURIComponent(callId)}`)).body.data).toMatchObject({ uuid: callId });

    const hungUp = await h.call('DELETE', `${h.acct}/sandbox/calls/${encodeURIComponent(callId)}`);
    expect(hungUp.status).toBe(200);
    expect(hungUp.body.data).toMatchObject({ call_id: callId, status: 'ended', hangup_cause: 'NORMAL_CLEARING' });
    expect((await h.call('GET', `${h.acct}/channels`)).body.data).toEqual([]);
    expect((await h.call('GET', `${h.acct}/channels/${encodeURIComponent(callId)}`)).status).toBe(404);
    expect((await h.call('DELETE', `${h.acct}/sandbox/calls/nope`)).status).toBe(404);
  });

  it('POST …/channels/{UUID} {"action":"hangup"} ends the call with 202 "hangup initiated" (cb_channels:maybe_hangup/2)', async () => {
    const call = h.sandbox.placeCall({ to: '1002', answerAfterMs: 600_000 });
    const answer = await h.call('POST', `${h.acct}/channels/${encodeURIComponent(call.call_id)}`, { data: { action: 'hangup' } });
    expect(answer.status).toBe(202);
    expect(answer.body.data).toBe('hangup initiated');
    expect((await call.finished).hangup_cause).toBe('ORIGINATOR_CANCEL');
  });

  it('an ended call leaves one CDR in …/cdrs and the answering user’s …/users/{id}/cdrs', async () => {
    const call = h.sandbox.placeCall({ to: '1002', from: '+14155550777' });
    await call.finished;
    const cdrs = (await h.call('GET', `${h.acct}/cdrs?is_chunked=false&filter_call_id=${encodeURIComponent(call.call_id)}`)).body
      .data as Json[];
    expect(cdrs).toHaveLength(1);
    expect(cdrs[0]).toMatchObject({
      call_id: call.call_id,
      caller_id_number: '+14155550777',
      callee_id_number: '1002',
      direction: 'inbound',
      hangup_cause: 'NORMAL_CLEARING',
      owner_id: bob.id,
    });
    const bobs = (await h.call('GET', `${h.acct}/users/${bob.id}/cdrs?is_chunked=false`)).body.data as Json[];
    expect(bobs.some((c) => c.call_id === call.call_id)).toBe(true);
  });

  it('answer: false rings the user out to the voicemail branch, which leaves a new message with audio (cf_user, cf_voicemail)', async () => {
    const before = ((await h.call('GET', `${h.acct}/vmboxes/${alice.boxId}/messages`)).body.data as Json[]).length;
    const placed = await h.call('PUT', `${h.acct}/sandbox/calls`, { data: { to: '1001', from: '+14155550888', answer: false } });
    const callId = String((placed.body.data as Json).call_id);
    expect(await ended(callId)).toMatchObject({ answered_by: { type: 'voicemail', id: alice.boxId } });
    const messages = (await h.call('GET', `${h.acct}/vmboxes/${alice.boxId}/messages`)).body.data as Json[];
    expect(messages).toHaveLength(before + 1);
    const message = messages.find((m) => m.call_id === callId) as Json;
    expect(message).toMatchObject({ folder: 'new', caller_id_number: '+14155550888' });
    const audio = await fetch(`${h.sandbox.url}${h.acct}/vmboxes/${alice.boxId}/messages/${message.media_id}/raw`, {
      headers: { 'x-auth-token': h.token },
    });
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-type')).toContain('audio/wav');
    expect(
      Buffer.from(await audio.arrayBuffer())
        .subarray(0, 4)
        .toString(),
    ).toBe('RIFF');
  });

  it('routes through menu (first option), temporal_route (the rule that holds) and callflow nodes', async () => {
    const rule = await h.call('PUT', `${h.acct}/temporal_rules`, {
      data: { name: 'Always', cycle: 'weekly', wdays: ['monday'], enabled: true },
    });
    const ruleId = String((rule.body.data as Json).id);
    const never = await h.call('PUT', `${h.acct}/temporal_rules`, {
      data: { name: 'Never', cycle: 'weekly', wdays: ['monday'], enabled: false },
    });
    const neverId = String((never.body.data as Json).id);
    const toBob = { module: 'user', data: { id: bob.id }, children: {} };
    const toAlice = { module: 'user', data: { id: alice.id }, children: {} };
    const flows = [
      { numbers: ['2001'], flow: { module: 'menu', data: {}, children: { '2': toAlice, '1': toBob, _: toAlice } } },
      {
        numbers: ['2002'],
        flow: {
          module: 'temporal_route',
          data: { rules: [neverId, ruleId] },
          children: { [ruleId]: toBob, [neverId]: toAlice, _: toAlice },
        },
      },
      { numbers: ['2003'], flow: { module: 'temporal_route', data: { rules: [neverId] }, children: { [neverId]: toAlice, _: toBob } } },
    ];
    const ids: string[] = [];
    for (const flow of flows) {
      const created = await h.call('PUT', `${h.acct}/callflows`, { data: flow });
      expect(created.status).toBe(201);
      ids.push(String((created.body.data as Json).id));
    }
    const jump = { numbers: ['2004'], flow: { module: 'callflow', data: { id: ids[0] }, children: {} } };
    expect((await h.call('PUT', `${h.acct}/callflows`, { data: jump })).status).toBe(201);
    for (const to of ['2001', '2002', '2003', '2004']) {
      const ended = await h.sandbox.placeCall({ to }).finished;
      expect(ended.answered_by?.type).toBe('device');
      expect(bob.deviceIds).toContain(ended.answered_by?.id);
    }
  });

  it('refuses a call without `to`, to a number no callflow routes, or with bad types, naming the field (400)', async () => {
    const missing = await h.call('PUT', `${h.acct}/sandbox/calls`, { data: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.data).toMatchObject({ to: { required: {} } });
    const unrouted = await h.call('PUT', `${h.acct}/sandbox/calls`, { data: { to: '9999' } });
    expect(unrouted.status).toBe(400);
    expect(unrouted.body.data).toMatchObject({ to: { not_found: { message: 'no callflow of the account routes 9999' } } });
    expect((await h.call('PUT', `${h.acct}/sandbox/calls`, { data: { to: '1001', duration_ms: 'long' } })).body.data).toMatchObject({
      duration_ms: { type: {} },
    });
    expect((await h.call('PUT', `${h.acct}/sandbox/calls`, { data: { to: '1001', answer_after_ms: -1 } })).body.data).toMatchObject({
      answer_after_ms: { maximum: {} },
    });
    expect(() => h.sandbox.placeCall({ to: '9999' })).toThrow(InvalidArgumentError);
    expect(() => h.sandbox.placeCall({ to: '1001', durationMs: -5 })).toThrow(/durationMs/);
  });

  it('GET …/sandbox/calls lists the account’s calls newest first; sandbox.calls() and hangupCall() do the same in code', async () => {
    const call = h.sandbox.placeCall({ to: '+14155550100', durationMs: 600_000 });
    const listed = (await h.call('GET', `${h.acct}/sandbox/calls`)).body.data as Json[];
    expect(listed[0]).toMatchObject({ call_id: call.call_id, to: '+14155550100' });
    expect(h.sandbox.calls()[0]?.call_id).toBe(call.call_id);
    expect(h.sandbox.hangupCall(call.call_id)?.status).toBe('ended');
    expect(h.sandbox.hangupCall('unknown')).toBeUndefined();
    expect((await h.call('GET', `${h.acct}/sandbox/calls/unknown`)).status).toBe(404);
  });

  it('calls are stamped on the sandbox clock: after advanceClock the CDR is in the default range', async () => {
    h.sandbox.advanceClock(40 * 86_400);
    try {
      const token = await h.login(h.sandbox.apiKey);
      const call = await h.sandbox.placeCall({ to: '1002', durationMs: 0 }).finished;
      const cdrs = await fetch(`${h.sandbox.url}${h.acct}/cdrs?is_chunked=false&filter_call_id=${encodeURIComponent(call.call_id)}`, {
        headers: { 'x-auth-token': token },
      });
      expect(((await cdrs.json()) as { data: unknown[] }).data).toHaveLength(1);
    } finally {
      h.sandbox.advanceClock(0);
    }
  });
});
