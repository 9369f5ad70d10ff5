import { createApiKeyAuth, createUserAuth } from '@audian/auth';
import { type AuthStrategy, DEFAULT_BASE_URL, InvalidArgumentError, type RateLimitOptions } from '@audian/core';
import { type Audian, createAudian } from '@audian/resources';
import { version } from '../../package.json';
import { setActingAccount } from './activity';
import { CliError, EXIT_CODES, NotLoggedInError, UsageError } from './cli-error';
import { checkProfileName, type ProfileAuth, readConfig, sessionFile } from './config';
import { configDir } from './config-dir';
import { createDebugLogger } from './debug-logger';
import { createFileTokenStore, credentialsFingerprint } from './file-token-store';
import { interruption } from './interrupt';
import { secrets } from './secrets';
import { note } from './stdout';

const ACCOUNT_ID = /^[0-9a-f]{32}$/;

/** The options every command that talks to the API understands. */
export interface ConnectOptions {
  /** `--profile` (else AUDIAN_PROFILE, else the current profile). */
  readonly profile?: string;
  /** `--debug`: log requests to standard error. */
  readonly debug?: boolean;
  /** `--account` (else AUDIAN_ACCOUNT_ID). */
  readonly account?: string;
  /** The client-side rate limit (`--rate-limit`). */
  readonly rateLimit?: RateLimitOptions | false;
}

/** The profile in effect once the environment is applied. */
export interface ResolvedProfile {
  readonly name: string;
  readonly baseUrl: string;
  readonly auth: ProfileAuth;
  readonly accountId?: string;
  readonly accountName?: string;
  /** Whether the credentials came from AUDIAN_API_KEY rather than the config file. */
  readonly fromEnv: boolean;
}

/** A ready client plus what it was made from. */
export interface Connection {
  /** The client, scoped to `--account` when given. */
  readonly audian: Audian;
  /** The client on the login's own account. */
  readonly root: Audian;
  readonly profile: ResolvedProfile;
  /** The config directory. */
  readonly dir: string;
}

/**
 * Picks the profile and credentials: `--profile`, else AUDIAN_PROFILE, else the current profile,
 * else `default`; AUDIAN_API_KEY replaces the profile's credentials and AUDIAN_BASE_URL its base
 * URL, so a CI job needs no config file at all.
 *
 * @throws NotLoggedInError when there are no credentials
 */
export function resolveProfile(
  dir: string,
  options: Pick<ConnectOptions, 'profile'>,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedProfile {
  const config = readConfig(dir);
  const explicit = options.profile ?? (env.AUDIAN_PROFILE || undefined);
  const name = checkProfileName(explicit ?? config.current ?? 'default');
  const stored = config.profiles[name];
  const envKey = env.AUDIAN_API_KEY?.trim() || undefined;
  if (!stored && !envKey) {
    throw new NotLoggedInError(explicit ? `no profile named "${name}" (see audian profiles list)` : 'not logged in');
  }
  const baseUrl = env.AUDIAN_BASE_URL?.trim() || stored?.baseUrl || DEFAULT_BASE_URL;
  if (envKey) return { name, baseUrl, auth: { type: 'api-key', apiKey: envKey }, fromEnv: true };
  const profile = stored as NonNullable<typeof stored>;
  return {
    name,
    baseUrl,
    auth: profile.auth,
    ...(profile.accountId ? { accountId: profile.accountId } : {}),
    ...(profile.accountName ? { accountName: profile.accountName } : {}),
    fromEnv: false,
  };
}

/**
 * Builds the auth strategy of a profile, its session cached in the profile's 0600 session file.
 *
 * @throws CliError (exit 3) when the stored or environment API key is malformed
 */
export function profileAuth(dir: string, profile: ResolvedProfile): AuthStrategy {
  const store = createFileTokenStore(sessionFile(dir, profile.name), credentialsFingerprint(profile.baseUrl, profile.auth), note);
  const auth = profile.auth;
  secrets.add(auth.type === 'api-key' ? auth.apiKey : auth.credentials);
  try {
    if (auth.type === 'api-key') return createApiKeyAuth({ apiKey: auth.apiKey, tokenStore: store });
    // The profile keeps the credentials hash, never the password.
    const { credentials, method, accountName, accountRealm, phoneNumber } = auth;
    return createUserAuth({
      credentials,
      method,
      tokenStore: store,
      ...(accountName ? { accountName } : accountRealm ? { accountRealm } : { phoneNumber }),
    });
  } catch (error) {
    if (error instanceof InvalidArgumentError) {
      const source = auth.type === 'api-key' && profile.fromEnv ? 'AUDIAN_API_KEY' : `profile "${profile.name}"`;
      throw new CliError(`${source}: ${error.message}`, EXIT_CODES.auth);
    }
    throw error;
  }
}

/**
 * Opens a client for the profile in effect: cached session, Ctrl-C aborts, `--debug` logging.
 *
 * @throws NotLoggedInError when there are no credentials
 */
export function connect(options: ConnectOptions, env: NodeJS.ProcessEnv = process.env): Connection {
  const dir = configDir(env);
  const profile = resolveProfile(dir, options, env);
  const root = createAudian({
    baseUrl: profile.baseUrl,
    auth: profileAuth(dir, profile),
    logger: createDebugLogger(options.debug === true),
    signal: interruption.signal,
    userAgent: `audian-cli/${version}`,
    ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}),
  });
  const account = options.account ?? (env.AUDIAN_ACCOUNT_ID?.trim() || undefined);
  if (account !== undefined) {
    // KAZOO account ids are 32 hex characters (made by kz_binary:rand_hex(16); the account's
    // database name is cut from them by kzs_util:format_account_id/2): anything else can only
    // end in a 403 from the server, which would not say why.
    if (!ACCOUNT_ID.test(account)) {
      const source = options.account !== undefined ? '--account' : 'AUDIAN_ACCOUNT_ID';
      throw new UsageError(`${source}: ${JSON.stringify(account)} is not an account id (32 hexadecimal characters)`);
    }
    setActingAccount(account);
  }
  return { audian: account ? root.account(account) : root, root, profile, dir };
}
