import { Command } from 'commander';
import { version } from '../package.json';

/**
 * Builds the `audian` command tree (without running it).
 *
 * @example
 * ```ts
 * import { buildProgram } from '@audian/cli';
 *
 * console.log(buildProgram().helpInformation());
 * ```
 */
export function buildProgram(): Command {
  const program = new Command('audian')
    .description('Manage Audian (KAZOO Crossbar) phone systems from the terminal.')
    .version(version, '-v, --version', 'print the version')
    .showHelpAfterError();
  return program;
}

/**
 * Runs the `audian` command with the given arguments and returns the exit code.
 *
 * @example
 * ```ts
 * import { run } from '@audian/cli';
 *
 * process.exitCode = await run(process.argv.slice(2));
 * ```
 */
export async function run(argv: readonly string[]): Promise<number> {
  const program = buildProgram().exitOverride();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    const code = (error as { exitCode?: number }).exitCode;
    return typeof code === 'number' ? (code === 1 ? 2 : code) : 1;
  }
}
