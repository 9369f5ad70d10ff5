import { Command } from 'commander';
import { setActivity } from '../internal/activity';
import { readConfig, removeSession, withoutProfile, writeConfig } from '../internal/config';
import { connect } from '../internal/connect';
import { note } from '../internal/stdout';

interface LogoutFlags {
  readonly profile?: string;
  readonly debug?: boolean;
}

/** `audian logout`: ends the session and removes the profile's credentials. */
export function logoutCommand(): Command {
  return new Command('logout')
    .description('end the session on the server and remove the profile (its credentials and cached token)')
    .addHelpText('after', '\nExamples:\n  audian logout\n  audian logout --profile sandbox')
    .action(async (_options: unknown, cmd: Command) => {
      const flags = cmd.optsWithGlobals() as LogoutFlags;
      const conn = connect(flags);
      setActivity(`logging out of profile "${conn.profile.name}"`);
      // Best effort: a token the server no longer knows changes nothing.
      await conn.root.logout().catch(() => undefined);
      removeSession(conn.dir, conn.profile.name);
      if (conn.profile.fromEnv) {
        note(`ended the session of AUDIAN_API_KEY; unset the variable to stop using it`);
        return;
      }
      const config = readConfig(conn.dir);
      writeConfig(conn.dir, withoutProfile(config, conn.profile.name));
      process.stdout.write(`Logged out: removed profile "${conn.profile.name}"\n`);
    });
}
