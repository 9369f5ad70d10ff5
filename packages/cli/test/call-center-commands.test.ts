import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Sandbox, startSandbox } from '@audian/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, tempDir } from './cli';

let tmp: ReturnType<typeof tempDir>;
let sandbox: Sandbox;
let configDir: string;
const run = async (...args: string[]) => {
  const r = await cli(args, { configDir });
  return { ...r, json: () => JSON.parse(r.stdout) };
};

describe.skipIf(!existsSync(BIN))('call-center commands against the sandbox', () => {
  let alice: string;

  beforeAll(async () => {
    tmp = tempDir();
    sandbox = await startSandbox({ port: 0, demoData: true, calls: { answerAfterMs: 0, durationMs: 600_000 } });
    configDir = join(tmp.dir, 'config');
    const login = await cli(['login', '--api-key-stdin', '--base-url', sandbox.apiUrl], { configDir, input: sandbox.apiKey });
    expect(login.status).toBe(0);
    alice = (await run('users', 'list', '--output', 'json')).json().find((u: { username: string }) => u.username === 'alice').id;
  });
  afterAll(async () => {
    await sandbox?.stop();
    tmp?.remove();
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
    sandbox.hangupCall(callId);
    const debug = await run('pivot', 'debug');
    expect(debug.status).toBe(0);
    expect(debug.stderr).toBe('');
  });
});
