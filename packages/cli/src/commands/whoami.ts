import { UnauthorizedError } from '@audian/core';
import { Command } from 'commander';
import { setActivity } from '../internal/activity';
import { addAccountOption, addOutputOptions } from '../internal/command-options';
import { type ConnectOptions, connect } from '../internal/connect';
import { printValue } from '../internal/output';
import { type OutputFlags, outputOptions } from '../internal/present';

/** `audian whoami`: who the CLI acts as (never the key or the token). */
export function whoamiCommand(): Command {
  const cmd = new Command('whoami').description('show the account, profile, base URL and token expiry in use (never the key or token)');
  return addOutputOptions(addAccountOption(cmd))
    .addHelpText('after', '\nExamples:\n  audian whoami\n  audian whoami --profile sandbox --output json')
    .action(async (_options: unknown, command: Command) => {
      const flags = command.optsWithGlobals() as ConnectOptions & OutputFlags;
      const output = outputOptions(flags);
      const conn = connect(flags);
      setActivity(`checking the session of profile "${conn.profile.name}"`);
      const session = await conn.root.session();
      let accountName = session.accountName ?? (session.accountId === conn.profile.accountId ? conn.profile.accountName : undefined);
      // One authenticated request proves the session works (a rejected token logs in again, once).
      try {
        const { data } = await conn.root.request<{ name?: unknown }>({ method: 'GET', path: 'accounts/{account_id}' });
        if (typeof data?.name === 'string') accountName = data.name;
      } catch (error) {
        if (error instanceof UnauthorizedError) throw error;
        // A login that may not read its account document is still a login.
      }
      const current = await conn.root.session();
      const auth = conn.profile.auth;
      await printValue(
        {
          account_id: session.accountId ?? null,
          account_name: accountName ?? null,
          ...(conn.audian.accountId && conn.audian.accountId !== session.accountId ? { acting_on_account: conn.audian.accountId } : {}),
          profile: conn.profile.fromEnv ? `${conn.profile.name} (credentials from AUDIAN_API_KEY)` : conn.profile.name,
          base_url: conn.profile.baseUrl,
          auth: auth.type,
          ...(auth.type === 'user' ? { username: auth.username } : {}),
          token_expires_at: current.expiresAt ? current.expiresAt.toISOString() : null,
        },
        output,
      );
    });
}
