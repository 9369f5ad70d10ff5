import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN } from './cli';
import { useSandboxLogin } from './sandbox-login';

describe.skipIf(!existsSync(BIN))('call-center commands against the sandbox', () => {
  const login = useSandboxLogin({ demoData: true, calls: { answerAfterMs: 0, durationMs: 600_000 } });
  const { run } = login;
  let alice: string;

  beforeAll(async () => {
    alice = (await run('users', 'list', '--output', 'json')).json().find((u: { username: string }) => u.username === 'alice').id;
  });

  it('agents: queue-status logs in, queues and list show it, set-status and status round-trip', async () => {
    const queue = (await run('queues', 'create', '--set', 'name=Support')).json().id as string;
    expect((await run('agents', 'queue-status', alice, '--set', 'action=login', '--set', `queue_id=${queue}`)).json()).toEqual([queue]);
    expect((await run('agents', 'queues', alice)).json()).toEqual([queue]);
    expect((await run('agents', 'list', '--output', 'json')).json()).toMatchObject([{ id: alice, queues: [queue] }]);
    expect((await run('agents', 'set-status', alice, '--set', 'status=pause')).status).toBe(0);
    expect((await run('agents', 'status', alice)).stdout).toContain('paused');
  });

  it('presence, parked_calls and quickcall: a quickcall shows in presence; nothing is parked', async () => {
    const placed = await run('quickcall', 'originate-wait', 'users', alice, '1002');
    expect(placed.status).toBe(0);
    const callId = placed.json().call_id as string;
    expect(callId).toMatch(/-quickcall$/);
    const presence = await run('presence', 'get', '1002', '--output', 'json');
    expect(presence.stderr).toBe('');
    expect(Object.keys(presence.json().subscriptions)).toEqual(['1002']);
    const parked = await run('parked_calls', 'slots', '--output', 'json');
    expect(parked.stderr).toBe('');
    expect(parked.json()).toEqual({ slots: {} });
    login.sandbox.hangupCall(callId);
    const debug = await run('pivot', 'debug');
    expect(debug.status).toBe(0);
    expect(debug.stderr).toBe('');
  });
});
