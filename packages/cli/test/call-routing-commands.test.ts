import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './cli';
import { useSandboxLogin } from './sandbox-login';

describe.skipIf(!existsSync(BIN))('call routing commands against the sandbox', () => {
  const login = useSandboxLogin({ demoData: true });
  const { run } = login;

  it('resources: create a carrier, import numbers with a job, read the job', async () => {
    const created = await run('resources', 'create', '--data', '{"name":"CLI carrier","gateways":[{"server":"sip.cli.example"}]}');
    expect(created.stderr).toBe('');
    const id = created.json().id as string;
    expect((await run('resources', 'list', '--output', 'json')).json().map((r: { id: string }) => r.id)).toContain(id);
    const job = await run('resources', 'create-job', '--data', JSON.stringify({ resource_id: id, numbers: ['+14155550190'] }));
    expect(job.status).toBe(0);
    const read = await run('resources', 'job', job.json().id);
    expect(read.json()).toMatchObject({ status: 'complete', success: { '+14155550190': expect.any(Object) } });
  });

  it('resource_selectors and resource_templates: grouped names, rules, a template', async () => {
    expect((await run('resource_selectors', 'names', '--output', 'json')).json()).toEqual([{ lcr: 2 }]);
    expect((await run('resource_selectors', 'update-rules', '--data', '{"rules":[{"get_resources":{}}]}')).status).toBe(0);
    expect((await run('resource_selectors', 'rules')).json()).toMatchObject({ rules: [{ get_resources: {} }] });
    const template = await run('resource_templates', 'create', '--set', 'template_name=CLI');
    expect(template.status).toBe(0);
    expect((await run('resource_templates', 'get', template.json().id)).json()).toMatchObject({ template_name: 'CLI' });
  });

  it('dialplans and local_provisioner_templates: the system plans; a template image up and down', async () => {
    expect(Object.keys((await run('dialplans', 'get')).json())).toContain('US 10-digit');
    const id = (await run('local_provisioner_templates', 'create', '--set', 'name=Lobby')).json().id as string;
    const file = join(login.dir, 'phone.png');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect((await run('local_provisioner_templates', 'upload-image', id, file)).status).toBe(0);
    const out = join(login.dir, 'back.png');
    expect((await run('local_provisioner_templates', 'image', id, '--out', out)).status).toBe(0);
    expect([...readFileSync(out)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('access_lists and rate_limits: the account’s and a device’s', async () => {
    const acl = '{"order":"allow,deny","cidrs":["203.0.113.10/32"]}';
    expect((await run('access_lists', 'update', '--data', acl)).status).toBe(0);
    expect((await run('access_lists', 'get')).json()).toEqual(JSON.parse(acl));
    const device = (
      await run('devices', 'create', '--data', '{"name":"CLI phone","sip":{"username":"cliphone","password":"secret12"}}')
    ).json();
    expect((await run('access_lists', 'device-update', device.id, '--data', acl)).status).toBe(0);
    expect((await run('access_lists', 'device-get', device.id)).json()).toEqual(JSON.parse(acl));
    const limits = '{"per_minute":{"total_packets":600},"per_second":{"total_packets":20}}';
    expect((await run('rate_limits', 'device-update', device.id, '--data', limits)).status).toBe(0);
    expect((await run('rate_limits', 'device-get', device.id)).json()).toMatchObject(JSON.parse(limits));
    const bad = await run('access_lists', 'update', '--data', '{"order":"allow"}');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/order|cidrs/);
  });

  it('functions: create one, list it, read the samples', async () => {
    const created = await run('functions', 'create', '--set', 'name=Hang up', '--set', 'function_js=return {};');
    expect(created.stderr).toBe('');
    expect((await run('functions', 'list', '--output', 'json')).json().map((f: { id: string }) => f.id)).toContain(created.json().id);
    expect((await run('functions', 'samples')).json().length).toBeGreaterThan(0);
  });

  it('ips: an available one, assign, list assigned, release', async () => {
    const [free] = (await run('ips', 'available', '--query', 'zone=us-west')).json();
    expect(free).toEqual({ ip: '203.0.113.20', zone: 'us-west' });
    expect((await run('ips', 'add', free.ip)).status).toBe(0);
    expect((await run('ips', 'assigned')).json()).toEqual([free]);
    expect((await run('ips', 'release', free.ip, '--yes')).status).toBe(0);
    expect((await run('ips', 'assigned')).json()).toEqual([]);
  });
});
