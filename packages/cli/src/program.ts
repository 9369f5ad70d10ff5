import { Command, CommanderError } from 'commander';
import { version } from '../package.json';
import { EXIT_CODES } from './internal/cli-error';
import { interruption } from './internal/interrupt';
import { readManifest } from './internal/manifest';

/** A top-level command, loaded only when it is the one being run. */
interface CommandEntry {
  readonly description: string;
  readonly load: () => Promise<() => Command>;
}

// Each command lives in its own module, imported only when run: `audian --help` loads commander
// and this file, never the SDK, zod or the sandbox.
const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  login: {
    description: 'log in with an API key or a user, and save the profile',
    load: async () => (await import('./commands/login')).loginCommand,
  },
  logout: {
    description: 'end the session and forget the profile’s credentials',
    load: async () => (await import('./commands/logout')).logoutCommand,
  },
  whoami: {
    description: 'show the account, profile, base URL and token expiry in use',
    load: async () => (await import('./commands/whoami')).whoamiCommand,
  },
  profiles: {
    description: 'list, switch and remove saved profiles',
    load: async () => (await import('./commands/profiles')).profilesCommand,
  },
  api: { description: 'send any request to the API (the raw escape hatch)', load: async () => (await import('./commands/api')).apiCommand },
  import: {
    description: 'create many documents from a CSV or JSON file (resumable)',
    load: async () => (await import('./commands/import')).importCommand,
  },
  export: {
    description: 'stream every document of a resource as CSV, NDJSON or JSON',
    load: async () => (await import('./commands/export')).exportCommand,
  },
  fleet: {
    description: 'run one change across many accounts (locally, or on Redis workers)',
    load: async () => (await import('./commands/fleet')).fleetCommand,
  },
  events: {
    description: 'watch live events (calls, document changes) from the API’s websocket',
    load: async () => (await import('./commands/events')).eventsCommand,
  },
  listen: {
    description: 'forward live events to a local URL as webhook POSTs',
    load: async () => (await import('./commands/listen')).listenCommand,
  },
  dashboard: {
    description: 'serve the browser dashboard (live calls, activity, call volume) for the current profile',
    load: async () => (await import('./commands/dashboard')).dashboardCommand,
  },
  sandbox: { description: 'run a local Audian API sandbox', load: async () => (await import('./commands/sandbox')).sandboxCommand },
  completion: {
    description: 'print a shell completion script (bash, zsh, fish)',
    load: async () => (await import('./commands/completion')).completionCommand,
  },
};

const RESOURCES_GROUP = 'Resources:';

/** Global options that take a value (so the command name is not mistaken for one). */
const VALUE_OPTIONS = new Set(['--profile']);

/**
 * Builds the `audian` command tree (without running it). Commands not in `loaded` are listed by
 * name and description only; `run()` loads the one being run.
 *
 * @example
 * ```ts
 * import { buildProgram } from '@audian/cli';
 *
 * console.log(buildProgram().helpInformation());
 * ```
 */
export function buildProgram(loaded: readonly Command[] = [], resources: readonly ResourceStub[] = manifestStubs()): Command {
  const program = new Command('audian')
    .description('Manage Audian (KAZOO Crossbar) phone systems from the terminal.')
    .version(version, '-v, --version', 'print the version')
    .option('--profile <name>', 'use this saved profile (env: AUDIAN_PROFILE)')
    .option('--debug', 'log requests (secrets redacted) and show stack traces')
    .option('--json-errors', 'print errors as one JSON object on standard error (also whenever --output json)')
    .addHelpText(
      'after',
      [
        '',
        'Environment: AUDIAN_API_KEY, AUDIAN_BASE_URL, AUDIAN_PROFILE, AUDIAN_ACCOUNT_ID override the saved profile;',
        '             AUDIAN_CONFIG_DIR moves the config directory.',
        'Exit codes:  0 ok, 1 API or usage error, 2 bad arguments, 3 not logged in or refused, 4 not found, 130 interrupted.',
        'Run `audian <command> --help` for the flags of a command.',
      ].join('\n'),
    );
  const byName = new Map(loaded.map((c) => [c.name(), c]));
  for (const [name, entry] of Object.entries(COMMANDS)) {
    program.addCommand(byName.get(name) ?? new Command(name).description(entry.description));
    byName.delete(name);
  }
  const names = new Set(resources.map((r) => r.name));
  for (const cmd of byName.values()) names.add(cmd.name());
  for (const name of [...names].sort()) {
    const real = byName.get(name);
    const stub = resources.find((r) => r.name === name);
    const cmd = real ?? new Command(name).description(stub?.commands.join(', ') ?? '');
    if (!real && name.includes('_')) cmd.alias(name.replace(/_/g, '-'));
    program.addCommand(cmd.helpGroup(RESOURCES_GROUP));
  }
  applySettings(program);
  return program;
}

/**
 * A resource listed in the top-level help: its name and sub-commands.
 *
 * @example
 * ```ts
 * import { buildProgram, type ResourceStub } from '@audian/cli';
 *
 * const stubs: ResourceStub[] = [{ name: 'users', commands: ['list', 'get'] }];
 * console.log(buildProgram([], stubs).helpInformation());
 * ```
 */
export interface ResourceStub {
  readonly name: string;
  readonly commands: readonly string[];
}

function manifestStubs(): ResourceStub[] {
  return [...(readManifest()?.resources ?? [])];
}

function applySettings(cmd: Command): void {
  cmd.exitOverride().showHelpAfterError('(add --help for usage)').configureHelp({ showGlobalOptions: true });
  for (const sub of cmd.commands) applySettings(sub);
}

/** The first operand of the command line: the command to load. */
function commandName(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') return argv[i + 1];
    if (arg.startsWith('-')) {
      if (VALUE_OPTIONS.has(arg)) i++;
      continue;
    }
    return arg;
  }
  return undefined;
}

async function loadCommands(argv: readonly string[]): Promise<{ loaded: Command[]; resources?: ResourceStub[] }> {
  let name = commandName(argv);
  if (name === 'help') name = commandName(argv.slice(argv.indexOf('help') + 1));
  if (name === undefined) return { loaded: [] };
  const entry = COMMANDS[name];
  if (entry) return { loaded: [(await entry.load())()] };
  // A resource (or a typo): build it from the live registry, which may know resources added since the build.
  const { resourceCommand, liveStubs } = await import('./commands/resources');
  const cmd = resourceCommand(name);
  return { loaded: cmd ? [cmd] : [], resources: liveStubs() };
}

/**
 * Builds the whole command tree, every command and resource loaded (for completion scripts).
 *
 * @example
 * ```ts
 * import { buildFullProgram } from '@audian/cli';
 *
 * const program = await buildFullProgram();
 * console.log(program.commands.map((c) => c.name()));
 * ```
 */
export async function buildFullProgram(): Promise<Command> {
  const factories = await Promise.all(Object.values(COMMANDS).map((entry) => entry.load()));
  const { allResourceCommands, liveStubs } = await import('./commands/resources');
  return buildProgram([...factories.map((create) => create()), ...allResourceCommands()], liveStubs());
}

/** Whether errors should be JSON: `--json-errors`, or JSON output asked for (`-o json`, `--output=json`). */
function wantsJsonErrors(argv: readonly string[]): boolean {
  return argv.some(
    (arg, i) =>
      arg === '--json-errors' ||
      arg === '--output=json' ||
      arg === '-ojson' ||
      ((arg === '--output' || arg === '-o') && argv[i + 1] === 'json'),
  );
}

function installInterruptHandler(): () => void {
  const onSigint = (): void => {
    if (interruption.signal.aborted) process.exit(EXIT_CODES.interrupted);
    interruption.abort(new DOMException('interrupted', 'AbortError'));
  };
  process.on('SIGINT', onSigint);
  return () => process.off('SIGINT', onSigint);
}

/**
 * Runs the `audian` command with the given arguments and returns the exit code: 0 ok, 1 API or
 * usage error, 2 bad arguments, 3 auth error, 4 not found, 130 interrupted. Errors are printed
 * on standard error as one line (plus one per field error).
 *
 * @example
 * ```ts
 * import { run } from '@audian/cli';
 *
 * process.exitCode = await run(process.argv.slice(2));
 * ```
 */
export async function run(argv: readonly string[]): Promise<number> {
  const uninstall = installInterruptHandler();
  const debug = argv.includes('--debug');
  try {
    const { loaded, resources } = await loadCommands(argv);
    const program = buildProgram(loaded, resources);
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT_CODES.ok;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
    const { reportError } = await import('./internal/report-error');
    const report = reportError(error, debug);
    if (wantsJsonErrors(argv)) process.stderr.write(`${JSON.stringify({ error: report.json })}\n`);
    else process.stderr.write(`${report.lines.join('\n')}\n`);
    return report.exitCode;
  } finally {
    uninstall();
  }
}
