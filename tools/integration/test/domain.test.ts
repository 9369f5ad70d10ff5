import { createApiKeyAuth } from '@audian/auth';
import { type Audian, callflowNode, createAudian } from '@audian/resources';
import { type Sandbox, startSandbox } from '@audian/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The domain verbs of the SDK against a sandbox seeded with demo data (users, devices with
// registrations, callflows, voicemail, numbers, 30 days of CDRs).
let sandbox: Sandbox;
let audian: Audian;
beforeAll(async () => {
  sandbox = await startSandbox({ demoData: true });
  audian = createAudian({ baseUrl: sandbox.apiUrl, auth: createApiKeyAuth({ apiKey: sandbox.apiKey }), rateLimit: false });
});
afterAll(() => sandbox.stop());

describe('SDK domain verbs against the sandbox', () => {
  it('callflows: a typed flow built with callflowNode round-trips', async () => {
    const [user] = await audian.users.list({ filter: { username: 'alice' } }).toArray();
    const box = await audian.vmboxes.create({ name: 'Flow box', mailbox: '8801' });
    const flow = callflowNode('user', { id: user?.id as string, timeout: 20 }, { _: callflowNode('voicemail', { id: box.id }) });
    const created = await audian.callflows.create({ name: 'Typed', numbers: ['8801'], flow });
    expect((await audian.callflows.get(created.id)).flow).toMatchObject({ module: 'user', data: { id: user?.id, timeout: 20 } });
    const [summary] = await audian.callflows.list({ filter: { name: 'Typed' } }).toArray();
    expect(summary).toMatchObject({ id: created.id, numbers: ['8801'], modules: ['user', 'voicemail'] });
  });

  it('voicemail messages: create, list, move, upload and download audio, delete', async () => {
    const box = await audian.vmboxes.create({ name: 'Messages box', mailbox: '8802' });
    const messages = audian.vmboxes.messages(box.id);
    const message = await messages.create({ caller_id_number: '+15551230000', length: 2000 });
    const id = message.media_id as string;
    expect((await messages.list().toArray()).map((m) => m.media_id)).toEqual([id]);
    expect(await messages.moveToFolder(id, 'saved')).toMatchObject({ folder: 'saved' });
    await messages.upload(id, new TextEncoder().encode('audio bytes'), 'audio/mpeg');
    expect(await (await messages.download(id)).text()).toBe('audio bytes');
    await messages.delete(id);
    expect(await messages.list().toArray()).toEqual([]);
  });

  it('media: upload and download the file', async () => {
    const media = await audian.media.create({ name: 'Greeting' });
    const bytes = new Uint8Array([1, 2, 3, 4, 5]);
    await audian.media.upload(media.id, bytes, 'audio/wav');
    const file = await audian.media.download(media.id);
    expect(new Uint8Array(await file.bytes())).toEqual(bytes);
  });

  it('devices: status of registered devices, sync, notify', async () => {
    const status = await audian.devices.status();
    expect(status.length).toBe(3);
    const deviceId = status[0]?.device_id as string;
    await expect(audian.devices.sync(deviceId)).resolves.toBeDefined();
    await expect(audian.devices.notify(deviceId, 'check-sync')).resolves.toBeDefined();
  });

  it("users: a user's devices", async () => {
    const [alice] = await audian.users.list({ filter: { username: 'alice' } }).toArray();
    const devices = await audian.users.devices(alice?.id as string).toArray();
    expect(devices.length).toBe(2);
  });

  it('phone numbers: search, activate, list, release', async () => {
    const [offer] = await audian.phone_numbers.search({ prefix: '212', quantity: 1 });
    const number = offer?.number as string;
    expect(await audian.phone_numbers.activate(number)).toMatchObject({ state: 'in_service' });
    const listed = await audian.phone_numbers.list().toArray();
    expect(JSON.stringify(listed)).toContain(number);
    await audian.phone_numbers.delete(number);
    expect(JSON.stringify(await audian.phone_numbers.list().toArray())).not.toContain(number);
  });

  it('CDRs: the last week, page after page', async () => {
    const week = await audian.cdrs
      .list({ createdFrom: new Date(Date.now() - 7 * 86_400_000), createdTo: new Date(), pageSize: 10 })
      .toArray();
    expect(week.length).toBeGreaterThan(20);
    expect(new Set(week.map((c) => c.id)).size).toBe(week.length);
    const one = await audian.cdrs.get(week[0]?.id as string);
    expect(one).toMatchObject({ call_id: week[0]?.call_id });
  });

  it('registrations: list and flush', async () => {
    const regs = await audian.registrations.list().toArray();
    expect(regs.length).toBe(3);
    await audian.registrations.flushAll();
    expect(await audian.registrations.list().toArray()).toEqual([]);
  });
});
