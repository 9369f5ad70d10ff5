import { join } from 'node:path';
import { type Sandbox, type SandboxOptions, startSandbox } from '@audian/sandbox';
import { afterAll, beforeAll, expect } from 'vitest';
import { type CliResult, cli, tempDir } from './cli';

/** Parsed JSON output, as loosely typed as `JSON.parse` (the tests assert its fields). */
type Parsed = ReturnType<typeof JSON.parse>;

/** A run of the binary whose standard output can be read as JSON. */
export interface JsonCliResult extends CliResult {
  json(): Parsed;
}

/** A sandbox and a config directory logged in to it with the sandbox's API key, for one file's tests. */
export interface SandboxLogin {
  readonly sandbox: Sandbox;
  readonly configDir: string;
  /** A scratch folder for the file's tests (removed afterwards). */
  readonly dir: string;
  /** `audian ARGS` with this login's profile. */
  run(...args: string[]): Promise<JsonCliResult>;
  /** `audian ARGS --output json`, which must succeed silently; its parsed output. */
  json(...args: string[]): Promise<Parsed>;
}

/**
 * Starts a sandbox before the file's tests (port 0, plus `options`), logs the CLI in to it with
 * `login --api-key-stdin` in a fresh config directory, and stops it afterwards. The fields are
 * read inside tests (they are set in `beforeAll`).
 */
export function useSandboxLogin(options: SandboxOptions = {}): SandboxLogin {
  let sandbox: Sandbox | undefined;
  let tmp: ReturnType<typeof tempDir> | undefined;
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the sandbox login is read before beforeAll ran');
    return value;
  };
  const login: SandboxLogin = {
    get sandbox() {
      return ready(sandbox);
    },
    get dir() {
      return ready(tmp).dir;
    },
    get configDir() {
      return join(ready(tmp).dir, 'config');
    },
    async run(...args) {
      const result = await cli(args, { configDir: login.configDir });
      return { ...result, json: () => JSON.parse(result.stdout) };
    },
    async json(...args) {
      const result = await login.run(...args, '--output', 'json');
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      return result.json();
    },
  };
  beforeAll(async () => {
    tmp = tempDir();
    sandbox = await startSandbox({ port: 0, ...options });
    const result = await cli(['login', '--api-key-stdin', '--base-url', sandbox.apiUrl], {
      configDir: login.configDir,
      input: sandbox.apiKey,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
  afterAll(async () => {
    await sandbox?.stop();
    tmp?.remove();
  });
  return login;
}
