import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built binary: tests run exactly what users run. */
export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

/** What a run of the binary gave. */
export interface CliResult {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link cli}. */
export interface CliOptions {
  /** The config directory (AUDIAN_CONFIG_DIR). */
  readonly configDir: string;
  /** Extra environment variables. */
  readonly env?: Record<string, string | undefined>;
  /** Standard input (closed when absent). */
  readonly input?: string;
  readonly cwd?: string;
  /** Called with the child as soon as it is spawned. */
  readonly onSpawn?: (child: ChildProcess) => void;
}

/**
 * Runs `node dist/bin.js ARGS` asynchronously (the scripted servers live in this process, so a
 * synchronous spawn would starve them), with a clean environment: no AUDIAN_* variable leaks in.
 */
export function cli(args: readonly string[], options: CliOptions): Promise<CliResult> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('AUDIAN_')) env[k] = v;
  env.AUDIAN_CONFIG_DIR = options.configDir;
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
    child.stdin.end(options.input ?? '');
    options.onSpawn?.(child);
  });
}

/** A fresh temporary directory, removed by the returned function. */
export function tempDir(prefix = 'audian-cli-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
