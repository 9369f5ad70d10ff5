import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './cli';
import { useSandboxLogin } from './sandbox-login';

// The operations modules (tasks, storage, configs, cccps, mms, bulk, contact_list, websockets,
// att_handlers_errors, apps_link, onboard) reached from the command line, against the sandbox.
describe.skipIf(!existsSync(BIN))('operations commands against the sandbox', () => {
  const login = useSandboxLogin({ demoData: true });
  const { run, json } = login;

  it('tasks: create from a CSV file, start, and download the output', async () => {
    const numbers = await json('phone_numbers', 'list');
    const known = numbers[0]?.number as string;
    expect(known).toMatch(/^\+\d+$/);
    const file = join(login.dir, 'find.csv');
    writeFileSync(file, `e164\n${known}\n`);
    const created = await json('tasks', 'create-csv', file, '--set', 'category=number_management', '--set', 'action=find');
    const id = created._read_only.id as string;
    expect(created._read_only).toMatchObject({ total_count: 1, status: 'pending' });
    await json('tasks', 'start', id);
    expect((await json('tasks', 'get', id))._read_only).toMatchObject({ status: 'success', success_count: 1 });
    const out = await run('tasks', 'output', id);
    expect(out.status).toBe(0);
    expect(out.stdout.split(/\r?\n/)[1]).toMatch(new RegExp(`^\\${known},`));
    const catalog = await json('tasks', 'available');
    expect(catalog.tasks.number_management).toHaveProperty('list');
  });

  it('storage, configs, cccps and bulk: CRUD commands and their domain verbs', async () => {
    expect(await json('storage', 'create', '--data', '{"plan":{}}')).toMatchObject({ id: login.sandbox.accountId, plan: {} });
    const plan = await json('storage', 'create-plan', '--data', '{"plan":{}}');
    expect((await json('storage', 'plans')).map((p: { id: string }) => p.id)).toContain(plan.id);
    expect(await json('configs', 'create', 'conferences', '--set', 'pin_timeout=3000')).toEqual({
      id: 'configs_conferences',
      pin_timeout: 3000,
    });
    expect(await json('configs', 'get', 'conferences')).toMatchObject({ pin_timeout: 3000 });
    const entry = await json('cccps', 'create', '--set', 'pin="8080"');
    expect((await json('cccps', 'list')).map((c: { id: string }) => c.id)).toContain(entry.id);
    const devices = (await json('devices', 'list')).slice(0, 2).map((d: { id: string }) => d.id);
    const results = await json('bulk', 'update', ...devices, '--data', '{"enabled":false}');
    expect(results).toEqual(Object.fromEntries(devices.map((id: string) => [id, { status: 'success' }])));
    expect((await json('bulk', 'get', ...devices)).map((d: { enabled: boolean }) => d.enabled)).toEqual([false, false]);
  });

  it('contact_list, websockets, att_handlers_errors and apps_link read what the sandbox has', async () => {
    expect((await json('contact_list', 'list')).length).toBeGreaterThan(0);
    expect(await json('websockets', 'list')).toEqual([]);
    expect(await json('websockets', 'available')).toHaveProperty('object');
    expect(await json('att_handlers_errors', 'list')).toEqual([]);
    expect((await json('apps_link', 'authorize')).account).toMatchObject({ account_id: login.sandbox.accountId });
  });
});
