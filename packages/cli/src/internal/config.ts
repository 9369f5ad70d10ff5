import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir, tightenOnRead, writeFileAtomic } from './atomic-file';
import { CliError, UsageError } from './cli-error';
import { note } from './stdout';

/** How a profile authenticates: an account API key. */
export interface ApiKeyProfileAuth {
  readonly type: 'api-key';
  readonly apiKey: string;
}

/**
 * How a profile authenticates: a user login. Only the credentials hash is kept (hex MD5 or SHA-1
 * of `lowercase(username):password`, what `user_auth` takes), never the password.
 */
export interface UserProfileAuth {
  readonly type: 'user';
  readonly username: string;
  readonly credentials: string;
  readonly method: 'md5' | 'sha';
  readonly accountName?: string;
  readonly accountRealm?: string;
  readonly phoneNumber?: string;
}

/** A profile's credentials. */
export type ProfileAuth = ApiKeyProfileAuth | UserProfileAuth;

/** One saved login. */
export interface Profile {
  readonly baseUrl: string;
  readonly auth: ProfileAuth;
  /** The account the login belongs to, as verified at login. */
  readonly accountId?: string;
  /** Its name, when known. */
  readonly accountName?: string;
}

/** The config file: the saved profiles and which one is used by default. */
export interface ConfigFile {
  readonly version: 1;
  readonly current?: string;
  readonly profiles: Readonly<Record<string, Profile>>;
}

/** Name of the config file inside the config directory. */
export const CONFIG_FILE = 'config.json';
/** Name of the directory of cached sessions inside the config directory. */
export const SESSIONS_DIR = 'sessions';

const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Checks a profile name: letters, digits, `.`, `_`, `-`, at most 64 characters (it names a file).
 *
 * @throws UsageError for any other name
 */
export function checkProfileName(name: string): string {
  if (!PROFILE_NAME.test(name)) {
    throw new UsageError(
      `invalid profile name ${JSON.stringify(name)}: use letters, digits, ".", "_" or "-" (at most 64, not starting with a symbol)`,
    );
  }
  return name;
}

/**
 * Reads the config file of `dir` (an empty config when there is none). A config directory or
 * file others can reach is tightened to 0700/0600 on the way, with a warning naming it.
 *
 * @throws CliError when the file is not valid JSON or not a config file
 */
export function readConfig(dir: string, onWarning: (message: string) => void = note): ConfigFile {
  const file = join(dir, CONFIG_FILE);
  tightenOnRead(dir, onWarning, [CONFIG_FILE, SESSIONS_DIR]);
  if (!existsSync(file)) return { version: 1, profiles: {} };
  tightenOnRead(file, onWarning);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliError(`config file ${file} is not valid JSON (${(error as Error).message}); fix it or delete it and log in again`);
  }
  if (
    !parsed ||
    typeof parsed !== 'object' ||
    typeof (parsed as ConfigFile).profiles !== 'object' ||
    (parsed as ConfigFile).profiles === null
  ) {
    throw new CliError(`config file ${file} is not an audian config (no "profiles"); fix it or delete it and log in again`);
  }
  const config = parsed as ConfigFile;
  return { version: 1, profiles: { ...config.profiles }, ...(typeof config.current === 'string' ? { current: config.current } : {}) };
}

/** Writes the config file atomically, mode 0600, in a 0700 directory. */
export function writeConfig(dir: string, config: ConfigFile): void {
  ensurePrivateDir(dir, [CONFIG_FILE, SESSIONS_DIR]);
  writeFileAtomic(join(dir, CONFIG_FILE), `${JSON.stringify(config, null, 2)}\n`);
}

/** The file caching a profile's session token. */
export function sessionFile(dir: string, profile: string): string {
  return join(dir, SESSIONS_DIR, `${checkProfileName(profile)}.json`);
}

/** Forgets a profile's cached session. */
export function removeSession(dir: string, profile: string): void {
  rmSync(sessionFile(dir, profile), { force: true });
}

/** The config without `name`; the current profile moves to another one (or none) when it was `name`. */
export function withoutProfile(config: ConfigFile, name: string): ConfigFile {
  const { [name]: _removed, ...profiles } = config.profiles;
  const current = config.current === name ? Object.keys(profiles).sort()[0] : config.current;
  return { version: 1, profiles, ...(current ? { current } : {}) };
}

/** Where the CLI keeps its files, for messages. */
export function configFilePath(dir: string): string {
  return join(dir, CONFIG_FILE);
}
