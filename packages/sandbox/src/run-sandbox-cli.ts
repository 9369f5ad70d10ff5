import type { SandboxOptions } from './sandbox-options';
import { type Sandbox, startSandbox } from './start-sandbox';

/**
 * What {@link runSandboxCli} needs from its surroundings (tests inject their own).
 *
 * @example
 * ```ts
 * import { runSandboxCli } from '@audian/sandbox';
 *
 * let banner = '';
 * const stop = new Promise<void>((resolve) => setTimeout(resolve, 60_000));
 * await runSandboxCli(['--port', '0'], { write: (text) => (banner += text), until: stop });
 * ```
 */
export interface SandboxCliIo {
  /** Where the banner goes. @default process.stdout */
  readonly write?: (text: string) => void;
  /** Where errors go. @default process.stderr */
  readonly error?: (text: string) => void;
  /** Resolves when the sandbox should stop. @default the first SIGINT or SIGTERM */
  readonly until?: Promise<unknown>;
}

const USAGE = `Usage: audian-sandbox [--port N] [--host H] [--db FILE] [--no-seed] [--demo] [--sub-accounts N]

  --port N     TCP port (default 8000; 0 picks a free port)
  --host H     interface to listen on (default 127.0.0.1)
  --db FILE    SQLite file; data survives restarts (default: in memory)
  --no-seed    do not create the sandbox account on an empty database
  --demo       add demo users, devices, callflows, voicemail, CDRs and registrations
  --sub-accounts N
               create N child accounts of the sandbox account, each with demo users,
               devices and callflows (0 to 10000)
  --help       show this help
`;

/** A command-line argument the sandbox does not understand. */
class UsageError extends Error {}

/**
 * Parses `audian-sandbox`'s arguments into {@link SandboxOptions}.
 *
 * @throws Error naming the offending argument
 *
 * @example
 * ```ts
 * import { parseSandboxArgs } from '@audian/sandbox';
 *
 * parseSandboxArgs(['--port', '8000', '--demo']); // { port: 8000, demoData: true }
 * ```
 */
export function parseSandboxArgs(argv: readonly string[]): SandboxOptions & { help?: boolean } {
  const options: { -readonly [K in keyof SandboxOptions]: SandboxOptions[K] } & { help?: boolean } = { port: 8000 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port': {
        const raw = value();
        const port = Number(raw);
        if (!/^\d+$/.test(raw) || port > 65_535)
          throw new UsageError(`--port must be a number from 0 to 65535, got ${JSON.stringify(raw)}`);
        options.port = port;
        break;
      }
      case '--host':
        options.host = value();
        break;
      case '--db':
        options.dbPath = value();
        break;
      case '--no-seed':
        options.seed = false;
        break;
      case '--demo':
        options.demoData = true;
        break;
      case '--sub-accounts': {
        const raw = value();
        const count = Number(raw);
        if (!/^\d+$/.test(raw) || count > 10_000)
          throw new UsageError(`--sub-accounts must be a number from 0 to 10000, got ${JSON.stringify(raw)}`);
        options.subAccounts = count;
        break;
      }
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new UsageError(`unknown argument ${JSON.stringify(arg)}`);
    }
  }
  return options;
}

function banner(sandbox: Sandbox, subAccounts: number): string {
  const lines = [
    `Audian sandbox (local Crossbar) listening on ${sandbox.url}`,
    `  API base URL  ${sandbox.apiUrl}`,
    `  events        ${sandbox.eventsUrl}`,
    `  database      ${sandbox.dbPath}`,
  ];
  if (sandbox.accountId) {
    lines.push(
      `  account       ${sandbox.accountName} (${sandbox.accountId})`,
      `  API key       ${sandbox.apiKey}`,
      `  user          ${sandbox.username} / ${sandbox.password}`,
      ...(subAccounts ? [`  sub-accounts  ${subAccounts} (GET ${sandbox.apiUrl}accounts/${sandbox.accountId}/descendants)`] : []),
      '',
      `  curl -s -X PUT ${sandbox.apiUrl}api_auth -d '{"data":{"api_key":"${sandbox.apiKey}"}}'`,
    );
  } else {
    lines.push('  no account (started with --no-seed on an empty database)');
  }
  lines.push('', 'Press Ctrl+C to stop.', '');
  return lines.join('\n');
}

function signal(): Promise<string> {
  return new Promise((resolve) => {
    const done = (name: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(name);
    };
    const onInt = () => done('SIGINT');
    const onTerm = () => done('SIGTERM');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
  });
}

/**
 * The `audian-sandbox` command (also what `audian sandbox` runs): starts the sandbox, prints where
 * it listens and the sandbox account's credentials (local, throw-away ones), and runs until
 * SIGINT/SIGTERM, then closes the database cleanly. Resolves with the exit code.
 *
 * @example
 * ```ts
 * import { runSandboxCli } from '@audian/sandbox';
 *
 * process.exitCode = await runSandboxCli(process.argv.slice(2));
 * ```
 */
export async function runSandboxCli(argv: readonly string[], io: SandboxCliIo = {}): Promise<number> {
  const write = io.write ?? ((text: string) => process.stdout.write(text));
  const error = io.error ?? ((text: string) => process.stderr.write(text));
  let options: ReturnType<typeof parseSandboxArgs>;
  try {
    options = parseSandboxArgs(argv);
  } catch (e) {
    error(`audian-sandbox: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    write(USAGE);
    return 0;
  }
  const { help: _help, ...sandboxOptions } = options;
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox(sandboxOptions);
  } catch (e) {
    error(`audian-sandbox: cannot start: ${(e as Error).message}\n`);
    return 1;
  }
  write(banner(sandbox, sandboxOptions.subAccounts ?? 0));
  await (io.until ?? signal());
  await sandbox.stop();
  write('Sandbox stopped.\n');
  return 0;
}
