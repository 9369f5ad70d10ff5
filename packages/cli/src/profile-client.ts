import type { RateLimitOptions } from '@audian/core';
import type { Audian } from '@audian/resources';
import { connect } from './internal/connect';

/** Options of {@link createProfileClient}. */
export interface ProfileClientOptions {
  /** The saved profile to use. @default AUDIAN_PROFILE, else the current profile, else `default` */
  readonly profile?: string;
  /** Act on this account (32 hex characters) instead of the login's own. @default AUDIAN_ACCOUNT_ID */
  readonly account?: string;
  /** Log each request on standard error, secrets redacted. @default false */
  readonly debug?: boolean;
  /** The client-side token bucket, or `false` for none. @default Crossbar's 100 tokens at 10/s */
  readonly rateLimit?: RateLimitOptions | false;
}

/** A client opened from the CLI's saved login, and which login it is. */
export interface ProfileClient {
  /** The client, scoped to `account` when given. */
  readonly audian: Audian;
  /** The profile's name. */
  readonly profile: string;
  /** The API root in use. */
  readonly baseUrl: string;
  /** Whether the credentials came from AUDIAN_API_KEY rather than a saved profile. */
  readonly fromEnv: boolean;
}

/**
 * Opens a client exactly as `audian` does: the profile saved by `audian login` (`--profile`,
 * AUDIAN_PROFILE or the current one), or AUDIAN_API_KEY / AUDIAN_BASE_URL; the session token
 * cached in the profile's 0600 session file, so tools built on the SDK share the CLI's login.
 *
 * @throws CliError (exit code 3) when there is no saved login and no AUDIAN_API_KEY, or the profile does not exist
 * @throws CliError (exit code 2) when `account` is not an account id
 *
 * @example
 * ```ts
 * import { createProfileClient } from '@audian/cli';
 *
 * const { audian, profile } = createProfileClient({ profile: 'staging' });
 * console.log(profile, (await audian.users.list()).data.length);
 * ```
 */
export function createProfileClient(options: ProfileClientOptions = {}, env: NodeJS.ProcessEnv = process.env): ProfileClient {
  const connection = connect(options, env);
  return {
    audian: connection.audian,
    profile: connection.profile.name,
    baseUrl: connection.profile.baseUrl,
    fromEnv: connection.profile.fromEnv,
  };
}
