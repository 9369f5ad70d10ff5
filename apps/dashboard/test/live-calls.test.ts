import { createAudian } from '@audian/resources';
import { type Sandbox, startSandbox } from '@audian/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveCalls } from '../src/live-calls';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ demoData: true });
});
afterAll(() => sandbox?.stop());

type Row = Record<string, unknown>;

describe('LiveCalls.reconcile: the calls list read again after the events socket reconnected (KAZOO replays nothing)', () => {
  // The callers shown, once each (the legs ringing the phones of one call share its caller).
  const callers = (calls: LiveCalls) => [...new Set(calls.conversations().map((c) => c.from))].sort();

  it('drops a call that ended while disconnected, adds one that started, keeps one an event showed after the listing was asked for', async () => {
    const audian = createAudian({ apiKey: sandbox.apiKey, baseUrl: sandbox.apiUrl });
    const channels = async () => (await audian.channels.list().toArray({ limit: 500 })) as Row[];
    const calls = new LiveCalls();

    const before = sandbox.placeCall({ to: '1001', from: '+14155550101', answerAfterMs: 60_000 });
    await expect.poll(async () => (await channels()).length).toBeGreaterThan(0);
    calls.seed(await channels());
    expect(callers(calls)).toEqual(['+14155550101']);

    // While the socket is down: the first call ends and another starts, and no event says so.
    sandbox.hangupCall(before.call_id);
    await before.finished;
    sandbox.placeCall({ to: '1001', from: '+14155550102', answerAfterMs: 60_000 });
    await expect.poll(async () => [...new Set((await channels()).map((c) => String(c.caller_id_number)))]).toEqual(['+14155550102']);

    const since = Date.now();
    const listed = await channels();
    // A leg whose CHANNEL_CREATE arrived after the listing was asked for is not in it, and stays.
    calls.apply({ name: 'CHANNEL_CREATE', data: { call_id: 'late-leg', caller_id_number: '+14155550103' } }, since + 1);
    expect(calls.reconcile(listed, since)).toBe(true);
    expect(callers(calls)).toEqual(['+14155550102', '+14155550103']);
    // Nothing new the second time round.
    expect(calls.reconcile(listed, since)).toBe(false);
  });
});
