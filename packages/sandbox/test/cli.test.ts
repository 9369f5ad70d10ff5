import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSandboxArgs, runSandboxCli } from '../src/index';

const dir = mkdtempSync(join(tmpdir(), 'audian-sandbox-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseSandboxArgs', () => {
  it('reads every flag', () => {
    expect(parseSandboxArgs([])).toEqual({ port: 8000 });
    expect(parseSandboxArgs(['--port', '0', '--host', '0.0.0.0', '--db', 'x.db', '--no-seed', '--demo'])).toEqual({
      port: 0,
      host: '0.0.0.0',
      dbPath: 'x.db',
      seed: false,
      demoData: true,
    });
    expect(parseSandboxArgs(['--port=9000'])).toEqual({ port: 9000 });
  });

  it('names the bad argument', () => {
    expect(() => parseSandboxArgs(['--port', 'eighty'])).toThrow(/--port/);
    expect(() => parseSandboxArgs(['--db'])).toThrow(/--db needs a value/);
    expect(() => parseSandboxArgs(['--bogus'])).toThrow(/unknown argument "--bogus"/);
  });
});

describe('runSandboxCli', () => {
  it('prints the URL, the events URL, the API key, the account and the user, serves until told to stop, then exits 0', async () => {
    let out = '';
    let stop!: () => void;
    const until = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const dbPath = join(dir, 'cli.db');
    const running = runSandboxCli(['--port', '0', '--db', dbPath], { write: (t) => (out += t), until });
    await expect.poll(() => out, { timeout: 10_000 }).toContain('Press Ctrl+C');
    const url = /listening on (http:\/\/\S+)/.exec(out)?.[1] as string;
    const apiKey = /API key\s+([0-9a-f]{64})/.exec(out)?.[1] as string;
    expect(out).toMatch(/account\s+Sandbox Reseller \([0-9a-f]{32}\)/);
    expect(out).toMatch(/user\s+admin \/ \S+/);
    expect(out).toContain(`events        ${url.replace('http://', 'ws://')}/`);
    const login = await fetch(`${url}/v2/api_auth`, { method: 'PUT', body: JSON.stringify({ data: { api_key: apiKey } }) });
    expect(login.status).toBe(201);
    stop();
    expect(await running).toBe(0);
    expect(out).toContain('Sandbox stopped.');
    await expect(fetch(`${url}/v2/api_auth`)).rejects.toThrow();
  });

  it('stops on SIGTERM', async () => {
    let out = '';
    const running = runSandboxCli(['--port', '0'], { write: (t) => (out += t) });
    await expect.poll(() => out, { timeout: 10_000 }).toContain('Press Ctrl+C');
    process.emit('SIGTERM');
    expect(await running).toBe(0);
  });

  it('prints usage and exits 2 on a bad argument, 0 on --help', async () => {
    let err = '';
    expect(await runSandboxCli(['--nope'], { error: (t) => (err += t) })).toBe(2);
    expect(err).toContain('Usage: audian-sandbox');
    let out = '';
    expect(await runSandboxCli(['--help'], { write: (t) => (out += t) })).toBe(0);
    expect(out).toContain('--demo');
  });

  it('exits 1 when it cannot start', async () => {
    let err = '';
    expect(await runSandboxCli(['--port', '0', '--db', join(dir, 'missing-dir', 'x.db')], { error: (t) => (err += t) })).toBe(1);
    expect(err).toContain('cannot start');
  });
});
