import { execFile, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createApiKeyAuth } from '@audian/auth';
import { applyOffice, OfficeSpecError, parseOfficeSpec, planOffice } from '@audian/fleet';
import { type Audian, createAudian } from '@audian/resources';
import { startSandbox } from '@audian/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isNoop, renderPlan } from '../src/index';

const exampleFile = fileURLToPath(new URL('../examples/acme-dental.yaml', import.meta.url));
const example = readFileSync(exampleFile, 'utf8');
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let audian: Audian;

beforeAll(async () => {
  sandbox = await startSandbox();
  // The sandbox answers at once; the client-side bucket would only slow the test down.
  audian = createAudian({ baseUrl: sandbox.apiUrl, auth: createApiKeyAuth({ apiKey: sandbox.apiKey }), rateLimit: false });
});
afterAll(() => sandbox?.stop());

// Asynchronous on purpose: the sandbox answering the command runs in this same process.
const configDir = mkdtempSync(join(tmpdir(), 'office-config-'));
const run = async (args: string[], env: Record<string, string | undefined> = {}) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      env: { ...process.env, AUDIAN_API_KEY: sandbox.apiKey, AUDIAN_BASE_URL: sandbox.apiUrl, AUDIAN_CONFIG_DIR: configDir, ...env },
    });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { status: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
};

const writes = () => {
  const s = sandbox.stats();
  return (s.byMethod.PUT ?? 0) + (s.byMethod.POST ?? 0) + (s.byMethod.PATCH ?? 0) + (s.byMethod.DELETE ?? 0);
};

describe('office-setup against the sandbox', () => {
  // The cases build on each other: one office, applied, re-applied, changed.
  beforeEach(() => sandbox.resetStats());

  it('applies the example office: every document created, in dependency order', async () => {
    const { plan, applied } = await applyOffice(audian, parseOfficeSpec(example));
    expect(plan.steps.every((s) => s.action === 'create')).toBe(true);
    expect(applied).toHaveLength(19);
    const users = await audian.users.list({ filter: { 'office_setup.office': 'Acme Dental' } }).toArray();
    expect(users.map((u) => u.presence_id).sort()).toEqual(['2001', '2002', '2003']);
    const main = await audian.callflows.list({ filter: { numbers: '+14155550150' } }).toArray();
    expect(main).toHaveLength(1);
    const flow = (await audian.callflows.get(main[0]?.id as string)).flow as {
      module: string;
      children: Record<string, { module: string }>;
    };
    expect(flow.module).toBe('temporal_route');
    expect(flow.children._?.module).toBe('voicemail');
  });

  it('applying the same spec again changes nothing and writes nothing', async () => {
    const plan = await planOffice(audian, parseOfficeSpec(example));
    expect(isNoop(plan)).toBe(true);
    const { applied } = await applyOffice(audian, parseOfficeSpec(example));
    expect(applied.every((a) => a.action === 'keep')).toBe(true);
    expect(writes()).toBe(0);
  });

  it('a changed spec applies only the difference', async () => {
    const changed = example
      .replace('email: alan@acme-dental.example', 'email: alan.turing@acme-dental.example')
      .replace(
        '        mac_address: "00:04:f2:ab:7e:02"',
        '        mac_address: "00:04:f2:ab:7e:02"\n      - name: Alan softphone\n        type: softphone',
      );
    const plan = await planOffice(audian, parseOfficeSpec(changed));
    const moving = plan.steps.filter((s) => s.action !== 'keep');
    expect(moving.map((s) => [s.action, 'desired' in s ? s.desired.key : s.key])).toEqual([
      ['change', 'user:2002'],
      ['create', 'device:2002:1'],
    ]);
    expect(moving[0]?.action === 'change' && moving[0].fields).toEqual(['username', 'email']);
    expect(renderPlan(plan)).toContain('email: "alan@acme-dental.example" → "alan.turing@acme-dental.example"');
    await applyOffice(audian, parseOfficeSpec(changed));
    expect(writes()).toBe(2);
    expect((await audian.users.list({ filter: { email: 'alan.turing@acme-dental.example' } }).toArray()).length).toBe(1);
    expect(isNoop(await planOffice(audian, parseOfficeSpec(changed)))).toBe(true);
  });

  it('a document the spec no longer names is reported, and removed only with prune', async () => {
    const smaller = example.replace('      - name: Grace softphone\n        type: softphone\n', '');
    const plan = await planOffice(audian, parseOfficeSpec(smaller));
    // Grace's softphone is gone from the spec; so is the softphone the previous case added for Alan.
    expect(
      plan.steps
        .filter((s) => s.action === 'orphan')
        .map((s) => ('key' in s ? s.key : ''))
        .sort(),
    ).toEqual(['device:2001:1', 'device:2002:1']);
    // The plan names the orphans as people know them.
    expect(renderPlan(plan)).toMatch(/orphan\s+device\s+Grace softphone \(device:2001:1\)/);
    await applyOffice(audian, parseOfficeSpec(smaller));
    expect(writes()).toBeGreaterThan(0); // the Alan changes from the previous case are reverted
    sandbox.resetStats();
    const pruned = await applyOffice(audian, parseOfficeSpec(smaller), { prune: true });
    expect(
      pruned.applied
        .filter((a) => a.action === 'remove')
        .map((a) => a.key)
        .sort(),
    ).toEqual(['device:2001:1', 'device:2002:1']);
    expect(isNoop(await planOffice(audian, parseOfficeSpec(smaller), { prune: true }))).toBe(true);
  });

  it('an invalid spec is reported with its location and nothing is sent', () => {
    sandbox.resetStats();
    const broken = example.replace('extension: "2003"', 'extension: "twenty"');
    expect(() => parseOfficeSpec(broken, 'office.yaml')).toThrow(OfficeSpecError);
    expect(() => parseOfficeSpec(broken, 'office.yaml')).toThrow(/^office\.yaml:\d+:\d+: users\[2\]\.extension: must be 2 to 7 digits$/m);
    expect(sandbox.stats().total).toBe(0);
  });

  it('the command line refuses an invalid spec with exit code 2, before any request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'office-'));
    const file = join(dir, 'office.yaml');
    writeFileSync(file, example.replace('open: "08:30"', 'open: "8:30am"'));
    sandbox.resetStats();
    const result = await run(['apply', file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('the spec is invalid; nothing was sent');
    expect(result.stderr).toMatch(/office\.yaml:\d+:\d+: main_number\.business_hours\.open: must be a 24-hour time/);
    expect(sandbox.stats().total).toBe(0);
  });

  it('the command line plans against the sandbox and prints the office', async () => {
    const plan = await run(['plan', exampleFile]);
    expect(plan.status).toBe(0);
    expect(plan.stdout).toContain('Plan for office "Acme Dental"');
    expect(plan.stdout).not.toContain(sandbox.apiKey);
  });

  it('the command line says a missing spec file is missing (exit 2, no stack trace)', async () => {
    const result = await run(['plan', 'nofile.yaml']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('office-setup: cannot read nofile.yaml: no such file\n');
  });

  it('the command line uses the audian CLI’s saved profile when there is no AUDIAN_API_KEY', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'office-profile-'));
    const profile = { baseUrl: sandbox.apiUrl, auth: { type: 'api-key', apiKey: sandbox.apiKey } };
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ version: 1, current: 'lab', profiles: { lab: profile } }), { mode: 0o600 });
    const result = await run(['plan', exampleFile], { AUDIAN_API_KEY: undefined, AUDIAN_BASE_URL: undefined, AUDIAN_CONFIG_DIR: dir });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Plan for office "Acme Dental"');
    const none = await run(['plan', exampleFile], {
      AUDIAN_API_KEY: undefined,
      AUDIAN_BASE_URL: undefined,
      AUDIAN_CONFIG_DIR: join(dir, 'empty'),
    });
    expect(none.status).toBe(3);
    expect(none.stderr).toContain('not logged in');
  });

  it('apply piped into a reader that quits early (| head) still finishes, without an EPIPE crash', async () => {
    const other = sandbox.createAccount({ name: 'Pipe Office' });
    // MAC addresses are unique across the whole system, not per account.
    const spec = example.replaceAll('00:04:f2:ab:7e:', '00:04:f2:cd:7e:');
    const file = join(mkdtempSync(join(tmpdir(), 'office-pipe-')), 'office.yaml');
    writeFileSync(file, spec);
    const child = spawn(process.execPath, [bin, 'apply', file], {
      env: { ...process.env, AUDIAN_API_KEY: other.apiKey, AUDIAN_BASE_URL: sandbox.apiUrl, AUDIAN_CONFIG_DIR: configDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    // Like `head -1`: read the first chunk, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
    const scoped = createAudian({ baseUrl: sandbox.apiUrl, auth: createApiKeyAuth({ apiKey: other.apiKey }), rateLimit: false });
    expect(isNoop(await planOffice(scoped, parseOfficeSpec(spec)))).toBe(true);
  });

  const hasScript = spawnSync('sh', ['-c', 'command -v script']).status === 0;
  it.skipIf(!hasScript)('apply asks for confirmation on a terminal, and changes nothing on "n"', async () => {
    const other = sandbox.createAccount({ name: 'Asked Office' });
    sandbox.resetStats();
    const command = `printf 'n\\n' | script -qec '${process.execPath} ${bin} apply ${exampleFile}' /dev/null`;
    // Asynchronous: the sandbox answering the command runs in this process.
    const result = await promisify(execFile)('sh', ['-c', command], {
      env: { ...process.env, AUDIAN_API_KEY: other.apiKey, AUDIAN_BASE_URL: sandbox.apiUrl, AUDIAN_CONFIG_DIR: configDir },
      timeout: 60_000,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    expect(result.stdout).toContain('Apply these changes? [y/N]');
    expect(result.stdout).toContain('nothing was changed');
    const scoped = createAudian({ baseUrl: sandbox.apiUrl, auth: createApiKeyAuth({ apiKey: other.apiKey }), rateLimit: false });
    expect((await planOffice(scoped, parseOfficeSpec(example))).steps.every((s) => s.action === 'create')).toBe(true);
  });
});
