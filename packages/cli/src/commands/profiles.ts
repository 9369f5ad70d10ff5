import { Command } from 'commander';
import { CliError, EXIT_CODES } from '../internal/cli-error';
import { addOutputOptions } from '../internal/command-options';
import { checkProfileName, configFilePath, readConfig, removeSession, withoutProfile, writeConfig } from '../internal/config';
import { configDir } from '../internal/config-dir';
import { printValue } from '../internal/output';
import { type OutputFlags, outputOptions } from '../internal/present';

/** `audian profiles list|use|remove`. */
export function profilesCommand(): Command {
  const cmd = new Command('profiles').description('list, switch and remove saved profiles');
  cmd.addCommand(
    addOutputOptions(new Command('list').description('list the saved profiles (* marks the current one)')).action(
      async (_options: unknown, command: Command) => {
        const output = outputOptions(command.optsWithGlobals() as OutputFlags);
        const dir = configDir();
        const config = readConfig(dir);
        const rows = Object.keys(config.profiles)
          .sort()
          .map((name) => {
            const p = config.profiles[name];
            return {
              current: name === config.current ? '*' : '',
              name,
              base_url: p?.baseUrl ?? null,
              auth: p?.auth.type ?? null,
              account_id: p?.accountId ?? null,
              account_name: p?.accountName ?? null,
              ...(p?.auth.type === 'user' ? { username: p.auth.username } : {}),
            };
          });
        if (rows.length === 0 && output.format === 'table') {
          process.stderr.write(`no profiles in ${configFilePath(dir)}: log in with \`audian login\`\n`);
          return;
        }
        await printValue(rows, output);
      },
    ),
  );
  cmd.addCommand(
    new Command('use')
      .description('make a profile the current one')
      .argument('<name>')
      .action(async (name: string) => {
        const { dir, config } = existingProfile(name);
        writeConfig(dir, { ...config, current: name });
        process.stdout.write(`Now using profile "${name}"\n`);
      }),
  );
  cmd.addCommand(
    new Command('remove')
      .alias('rm')
      .description('remove a profile and its cached session (the server is not told; see logout)')
      .argument('<name>')
      .action(async (name: string) => {
        const { dir, config } = existingProfile(name);
        const next = withoutProfile(config, name);
        writeConfig(dir, next);
        removeSession(dir, name);
        process.stdout.write(`Removed profile "${name}"${next.current ? `; current profile: "${next.current}"` : ''}\n`);
      }),
  );
  return cmd;
}

/** The config directory and its config, after checking that profile `name` exists. */
function existingProfile(name: string): { dir: string; config: ReturnType<typeof readConfig> } {
  const dir = configDir();
  const config = readConfig(dir);
  checkProfileName(name);
  if (!config.profiles[name]) throw new CliError(`no profile named "${name}" (see audian profiles list)`, EXIT_CODES.failure);
  return { dir, config };
}
