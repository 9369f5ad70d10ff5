import { Command, InvalidArgumentError } from 'commander';
import { setActivity } from '../internal/activity';
import { InterruptedError } from '../internal/cli-error';
import { interruption } from '../internal/interrupt';

interface SandboxFlags {
  readonly port?: number;
  readonly host?: string;
  readonly db?: string;
  readonly seed?: boolean;
  readonly demo?: boolean;
}

function port(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('--port must be 0 (any free port) to 65535');
  return Number(value);
}

/** `audian sandbox`: a local stateful Crossbar for development, demos and tests. */
export function sandboxCommand(): Command {
  return new Command('sandbox')
    .description('run a local Audian API sandbox (stateful, SQLite) until Ctrl-C')
    .option('-p, --port <n>', 'port to listen on (0: any free port)', port, 8000)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--db <file>', 'keep the data in this SQLite file (default: in memory)')
    .option('--no-seed', 'start empty: no account, API key or user')
    .option('--demo', 'add demo data (users, devices, callflows…)')
    .addHelpText(
      'after',
      `
It prints the login command for its account; the API key it shows is the sandbox's own.

Examples:
  audian sandbox
  audian sandbox --port 8080 --db sandbox.db --demo`,
    )
    .action(async (_options: unknown, command: Command) => {
      const flags = command.opts() as SandboxFlags;
      setActivity('starting the sandbox');
      // Loaded here only: the sandbox brings an HTTP server and SQLite no other command needs.
      const { startSandbox } = await import('@audian/sandbox');
      const sandbox = await startSandbox({
        port: flags.port ?? 8000,
        host: flags.host ?? '127.0.0.1',
        ...(flags.db ? { dbPath: flags.db } : {}),
        seed: flags.seed !== false,
        demoData: flags.demo === true,
      });
      const lines = [`Audian sandbox running at ${sandbox.apiUrl} (data: ${flags.db ?? 'in memory'})`];
      if (sandbox.accountId) lines.push(`Account: ${sandbox.accountName} (${sandbox.accountId})`);
      if (sandbox.apiKey) {
        lines.push('', 'Log in to it with:', `  audian login --api-key ${sandbox.apiKey} --base-url ${sandbox.apiUrl} --profile sandbox`);
      }
      if (sandbox.username) {
        lines.push(
          `  audian login --username ${sandbox.username} --account-name "${sandbox.accountName}" --base-url ${sandbox.apiUrl} --profile sandbox`,
        );
      }
      lines.push('', 'Press Ctrl-C to stop.');
      process.stdout.write(`${lines.join('\n')}\n`);
      setActivity('running the sandbox');
      const how = await new Promise<'interrupt' | 'terminate'>((resolve) => {
        if (interruption.signal.aborted) resolve('interrupt');
        interruption.signal.addEventListener('abort', () => resolve('interrupt'), { once: true });
        process.once('SIGTERM', () => resolve('terminate'));
      });
      await sandbox.stop();
      if (how === 'interrupt') throw new InterruptedError('sandbox stopped');
      process.stderr.write('sandbox stopped\n');
    });
}
