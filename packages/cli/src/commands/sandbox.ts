import type { Sandbox } from '@audian/sandbox';
import { Command, InvalidArgumentError } from 'commander';
import { setActivity } from '../internal/activity';
import { InterruptedError } from '../internal/cli-error';
import { checkProfileName, configFilePath, readConfig, removeSession, writeConfig } from '../internal/config';
import { configDir } from '../internal/config-dir';
import { interruption } from '../internal/interrupt';

interface SandboxFlags {
  readonly port?: number;
  readonly host?: string;
  readonly db?: string;
  readonly seed?: boolean;
  readonly demo?: boolean;
  readonly login?: boolean;
  readonly profile?: string;
}

function port(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('--port must be 0 (any free port) to 65535');
  return Number(value);
}

/**
 * Saves the sandbox's API key as profile `name` and makes it current, as `audian login` would
 * (the sandbox is local and was just started, so there is nothing to verify). Returns the file.
 */
function saveSandboxProfile(name: string, sandbox: Sandbox): string {
  checkProfileName(name);
  const dir = configDir();
  const config = readConfig(dir);
  const profile = {
    baseUrl: sandbox.apiUrl,
    auth: { type: 'api-key' as const, apiKey: sandbox.apiKey },
    accountId: sandbox.accountId,
    accountName: sandbox.accountName,
  };
  writeConfig(dir, { version: 1, current: name, profiles: { ...config.profiles, [name]: profile } });
  removeSession(dir, name);
  return configFilePath(dir);
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
    .option('--login', 'save its API key as a profile ("sandbox", or --profile NAME) and make it the current one')
    .addHelpText(
      'after',
      `
It prints the login commands for its account, with the sandbox's own API key and admin password
(a --db file keeps them, so a later start prints them again). With --login the CLI is logged in
to it at once: later commands in another terminal use the sandbox.

Examples:
  audian sandbox --login
  audian sandbox --port 8080 --db sandbox.db --demo`,
    )
    .action(async (_options: unknown, command: Command) => {
      const flags = command.optsWithGlobals() as SandboxFlags;
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
      lines.push(`Events: ${sandbox.eventsUrl} (audian events tail)`);
      const profile = flags.profile ?? 'sandbox';
      if (sandbox.apiKey && flags.login) {
        const saved = saveSandboxProfile(profile, sandbox);
        lines.push('', `Logged in: profile "${profile}" (now the current one) in ${saved}`);
      }
      if (sandbox.apiKey) {
        lines.push(
          '',
          'Log in to it with:',
          `  audian login --api-key ${sandbox.apiKey} --base-url ${sandbox.apiUrl} --profile ${profile}`,
        );
      }
      if (sandbox.username) {
        lines.push(
          `  audian login --username ${sandbox.username} --account-name "${sandbox.accountName}" --base-url ${sandbox.apiUrl} --profile ${profile}`,
          `  (user ${sandbox.username}, password ${sandbox.password})`,
          '',
          'Reset the admin password with:',
          `  audian users patch ${sandbox.userId} --set password=NEW --profile ${profile}`,
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
