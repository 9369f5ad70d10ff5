import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './cli';
import { useSandboxLogin } from './sandbox-login';

// Reseller onboarding from the command line against the sandbox: port requests, whitelabel,
// apps_store, comments and alerts (CRUD commands and the domain verbs of domain-verbs.ts).
describe.skipIf(!existsSync(BIN))('reseller onboarding commands against the sandbox', () => {
  const login = useSandboxLogin();
  const { run, json } = login;

  it('port_requests: create, attach a PDF, walk the states, read the timeline and the LOA', async () => {
    const port = await json('port_requests', 'create', '--data', '{"name":"Main line","numbers":{"+12025550171":{}}}');
    expect(port.port_state).toBe('unconfirmed');
    const pdf = join(login.dir, 'bill.pdf');
    writeFileSync(pdf, '%PDF-1.4\n%%EOF\n');
    await json('port_requests', 'upload-attachment', port.id, 'bill.pdf', pdf);
    expect(await json('port_requests', 'attachments', port.id)).toHaveProperty('bill.pdf');
    expect((await json('port_requests', 'submit', port.id, '--set', 'reason=signed')).port_state).toBe('submitted');
    expect((await json('port_requests', 'pending', port.id)).port_state).toBe('pending');
    const refused = await run('port_requests', 'submit', port.id);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/Cannot move to new state from current state/);
    const timeline = await json('port_requests', 'timeline', port.id);
    expect(timeline.map((t: { transition: { new: string } }) => t.transition.new)).toEqual(['unconfirmed', 'submitted', 'pending']);
    const loa = join(login.dir, 'loa.pdf');
    expect((await run('port_requests', 'loa', port.id, '--out', loa)).status).toBe(0);
    expect(readFileSync(loa, 'latin1').startsWith('%PDF-1.4')).toBe(true);
    expect(
      (await json('port_requests', 'list')).flatMap((g: { port_requests: { id: string }[] }) => g.port_requests.map((p) => p.id)),
    ).toContain(port.id);
  });

  it('whitelabel, apps_store, comments and alerts', async () => {
    expect(await json('whitelabel', 'create', '--data', '{"company_name":"Acme","domain":"portal.acme.example"}')).toMatchObject({
      id: 'whitelabel',
    });
    const logo = join(login.dir, 'logo.png');
    writeFileSync(logo, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]));
    await json('whitelabel', 'upload', 'logo', logo);
    const out = join(login.dir, 'got.png');
    expect((await run('whitelabel', 'file', 'logo', '--out', out)).status).toBe(0);
    expect(readFileSync(out)).toEqual(readFileSync(logo));
    expect(await json('whitelabel', 'domains')).toHaveProperty('CNAME');

    const apps = await json('apps_store', 'list');
    const voip = apps.find((a: { name: string }) => a.name === 'voip').id as string;
    expect(await json('apps_store', 'install', voip, '--set', 'allowed_users=all')).toEqual({ allowed_users: 'all', name: 'voip' });
    expect(await json('apps_store', 'get', voip)).toMatchObject({ id: voip, name: 'voip' });
    expect(await json('apps_store', 'blacklist')).toEqual({ blacklist: [] });

    expect(await json('comments', 'create', '--data', '{"comments":[{"content":"Welcome call done","timestamp":1}]}')).toEqual({
      comments: [{ content: 'Welcome call done', timestamp: 1 }],
    });
    expect(await json('comments', 'get', '0')).toEqual({ content: 'Welcome call done', timestamp: 1 });
    await json('port_requests', 'create', '--data', '{"name":"Second line","numbers":{"+12025550172":{}}}');
    expect((await json('alerts', 'list')).map((a: { category: string }) => a.category)).toContain('port_suspended');
  });
});
