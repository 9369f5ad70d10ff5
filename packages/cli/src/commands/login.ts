import { userCredentialsHash } from '@audian/auth';
import { type AuthStrategy, createTransport, DEFAULT_BASE_URL } from '@audian/core';
import { createAudian } from '@audian/resources';
import { Command } from 'commander';
import { version } from '../../package.json';
import { setActivity } from '../internal/activity';
import { UsageError } from '../internal/cli-error';
import { checkProfileName, configFilePath, type Profile, type ProfileAuth, readConfig, writeConfig } from '../internal/config';
import { configDir } from '../internal/config-dir';
import { profileAuth } from '../internal/connect';
import { createDebugLogger } from '../internal/debug-logger';
import { interruption } from '../internal/interrupt';
import { ask } from '../internal/prompt';
import { secrets } from '../internal/secrets';
import { readStdin } from '../internal/stdin';
import { interactive } from '../internal/stdout';

interface LoginFlags {
  readonly apiKey?: string;
  readonly apiKeyStdin?: boolean;
  readonly username?: string;
  readonly passwordStdin?: boolean;
  readonly accountName?: string;
  readonly accountRealm?: string;
  readonly phoneNumber?: string;
  readonly baseUrl?: string;
  readonly profile?: string;
  readonly debug?: boolean;
}

/** `audian login`: verifies credentials against the server, then saves them as a profile. */
export function loginCommand(): Command {
  return new Command('login')
    .description('log in with an API key or a user, verify it against the server, and save it as a profile')
    .option('--api-key <key>', 'the account’s 64-character API key (prefer --api-key-stdin: keeps it out of shell history)')
    .option('--api-key-stdin', 'read the API key from standard input')
    .option('--username <name>', 'log in as this user (password asked on the terminal, or --password-stdin)')
    .option('--password-stdin', 'read the user’s password from standard input')
    .option('--account-name <name>', 'the user’s account, by name')
    .option('--account-realm <realm>', 'the user’s account, by SIP realm')
    .option('--phone-number <number>', 'the user’s account, by one of its phone numbers')
    .option('--base-url <url>', `the API root (env: AUDIAN_BASE_URL; default: ${DEFAULT_BASE_URL})`)
    .addHelpText(
      'after',
      `
The profile is saved (mode 0600) in the config directory and becomes the current one; the
session token is cached beside it so later commands do not log in again. For a user login only
the MD5 credentials hash is stored, never the password.

Examples:
  printf %s "$AUDIAN_KEY" | audian login --api-key-stdin --base-url https://api.audian.com:8443/v2/
  audian login --api-key KEY --base-url http://127.0.0.1:8000 --profile sandbox
  audian login --username admin --account-name "Acme Corp"
  audian login --username admin --account-realm acme.sip.audian.com --password-stdin < password.txt`,
    )
    .action(async (_options: unknown, cmd: Command) => {
      await login(cmd.optsWithGlobals() as LoginFlags);
    });
}

async function login(flags: LoginFlags): Promise<void> {
  const name = checkProfileName(flags.profile ?? (process.env.AUDIAN_PROFILE || undefined) ?? 'default');
  const dir = configDir();
  const config = readConfig(dir);
  const rawBaseUrl = flags.baseUrl ?? (process.env.AUDIAN_BASE_URL || undefined) ?? config.profiles[name]?.baseUrl ?? DEFAULT_BASE_URL;
  const baseUrl = createTransport({ baseUrl: rawBaseUrl }).baseUrl;
  const auth = await credentialsFrom(flags);
  const profile = { name, baseUrl, auth, fromEnv: false };
  let strategy: AuthStrategy;
  try {
    strategy = profileAuth(dir, profile);
  } catch (error) {
    // A malformed key given on the command line is a bad argument, not a refused login.
    throw new UsageError((error as Error).message.replace(/^profile "[^"]*": /, '--api-key: '));
  }
  const audian = createAudian({
    baseUrl,
    auth: strategy,
    logger: createDebugLogger(flags.debug === true),
    signal: interruption.signal,
    userAgent: `audian-cli/${version}`,
  });
  setActivity(`logging in to ${baseUrl}`);
  const session = await audian.session();
  let accountName = session.accountName;
  if (!accountName && session.accountId) {
    try {
      const { data } = await audian.request<{ name?: unknown }>({ method: 'GET', path: 'accounts/{account_id}' });
      if (typeof data?.name === 'string') accountName = data.name;
    } catch {
      // The name is a nicety; the login itself was verified.
    }
  }
  setActivity(`saving profile "${name}"`);
  const saved: Profile = {
    baseUrl,
    auth,
    ...(session.accountId ? { accountId: session.accountId } : {}),
    ...(accountName ? { accountName } : {}),
  };
  writeConfig(dir, { version: 1, current: name, profiles: { ...config.profiles, [name]: saved } });
  process.stdout.write(
    `Logged in to account ${accountName ? `${accountName} (${session.accountId})` : (session.accountId ?? '?')} at ${baseUrl}\n` +
      `Saved as profile "${name}" in ${configFilePath(dir)}\n`,
  );
}

async function credentialsFrom(flags: LoginFlags): Promise<ProfileAuth> {
  const wantsKey = flags.apiKey !== undefined || flags.apiKeyStdin === true;
  const wantsUser = flags.username !== undefined;
  if (wantsKey && wantsUser) throw new UsageError('give either an API key or --username, not both');
  if (flags.apiKey !== undefined && flags.apiKeyStdin) throw new UsageError('give --api-key or --api-key-stdin, not both');
  if (flags.apiKeyStdin && flags.passwordStdin)
    throw new UsageError('only one of --api-key-stdin and --password-stdin can read standard input');
  if (wantsUser) return userCredentials(flags);
  let apiKey = flags.apiKey;
  if (flags.apiKeyStdin) apiKey = (await readStdin('--api-key-stdin')).trim();
  if (apiKey === undefined) {
    if (!interactive()) {
      throw new UsageError('nothing to log in with: give --api-key KEY (or --api-key-stdin), or --username NAME with --account-name');
    }
    apiKey = (await ask('API key:', true)).trim();
  }
  secrets.add(apiKey);
  if (apiKey === '') throw new UsageError('the API key is empty');
  return { type: 'api-key', apiKey };
}

async function userCredentials(flags: LoginFlags): Promise<ProfileAuth> {
  const username = (flags.username ?? '').trim();
  if (username === '') throw new UsageError('--username is empty');
  const identifiers = (
    [
      ['accountName', flags.accountName],
      ['accountRealm', flags.accountRealm],
      ['phoneNumber', flags.phoneNumber],
    ] as const
  ).filter(([, v]) => v !== undefined);
  if (identifiers.length !== 1) {
    throw new UsageError('a user login needs exactly one of --account-name, --account-realm or --phone-number');
  }
  const [key, value] = identifiers[0] as readonly [string, string];
  if (value.trim() === '') throw new UsageError(`--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} is empty`);
  let password: string;
  if (flags.passwordStdin) {
    password = (await readStdin('--password-stdin')).replace(/\r?\n$/, '');
  } else if (interactive()) {
    password = await ask('Password:', true);
  } else {
    throw new UsageError('no terminal to ask the password on: pipe it with --password-stdin');
  }
  if (password === '') throw new UsageError('the password is empty');
  secrets.add(password);
  const credentials = userCredentialsHash(username, password, 'md5');
  secrets.add(credentials);
  return { type: 'user', username, credentials, method: 'md5', [key]: value.trim() };
}
