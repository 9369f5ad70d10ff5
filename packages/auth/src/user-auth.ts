import { type AuthContext, type AuthSession, type AuthStrategy, InvalidArgumentError } from '@audian/core';
import { type CredentialsMethod, userCredentialsHash } from './credentials';
import { accountIdentifier } from './internal/account-identifier';
import { LoginStrategy, sessionFromLogin } from './internal/login-strategy';
import { userLoginFailure } from './internal/user-login-failure';
import type { LoginStrategyOptions } from './login-options';

/** What every user login names: the account and, optionally, the hash method and an MFA answer. */
export interface UserAuthAccountOptions extends LoginStrategyOptions {
  /** The account's name. */
  readonly accountName?: string;
  /** The account's SIP realm. */
  readonly accountRealm?: string;
  /** A phone number of the account. */
  readonly phoneNumber?: string;
  /** Hash method. @default 'md5' */
  readonly method?: CredentialsMethod;
  /** The answer to a `multi_factor_request`, sent with the login. */
  readonly multiFactorResponse?: unknown;
}

/** A user login by username and password (hashed at once). */
export interface UserPasswordOptions extends UserAuthAccountOptions {
  /** The username (lower-cased before hashing, as Crossbar expects). */
  readonly username: string;
  /** The password: hashed at once and then forgotten; never sent, kept or logged. */
  readonly password: string;
  readonly credentials?: never;
}

/**
 * A user login by a credentials hash computed earlier ({@link userCredentialsHash}), for tools that
 * keep the hash instead of the password (it is as good as the password for logging in: store it
 * like one).
 */
export interface UserCredentialsOptions extends UserAuthAccountOptions {
  /** The hex digest of `lowercase(username) + ":" + password`: 32 characters (md5) or 40 (sha). */
  readonly credentials: string;
  readonly username?: never;
  readonly password?: never;
}

/** Options of {@link createUserAuth}: a username and password, or a credentials hash, and exactly one account identifier. */
export type UserAuthOptions = UserPasswordOptions | UserCredentialsOptions;

class UserAuth extends LoginStrategy {
  readonly type = 'user';
  readonly #credentials: string;
  readonly #identifier: Readonly<Record<string, string>>;
  readonly #method: CredentialsMethod;
  readonly #multiFactorResponse: unknown;

  constructor(
    options: LoginStrategyOptions,
    credentials: string,
    identifier: Record<string, string>,
    method: CredentialsMethod,
    mfa: unknown,
  ) {
    super(options);
    this.#credentials = credentials;
    this.#identifier = identifier;
    this.#method = method;
    this.#multiFactorResponse = mfa;
  }

  protected registerSecrets(context: AuthContext): void {
    context.registerSecret(this.#credentials);
  }

  protected async login(context: AuthContext): Promise<AuthSession> {
    const data: Record<string, unknown> = { credentials: this.#credentials, method: this.#method, ...this.#identifier };
    if (this.#multiFactorResponse !== undefined) data.multi_factor_response = this.#multiFactorResponse;
    try {
      const response = await context.request({ method: 'PUT', path: 'user_auth', data });
      return sessionFromLogin(response, 'user_auth');
    } catch (error) {
      throw userLoginFailure(error, 'PUT user_auth');
    }
  }
}

/**
 * Authenticates a user: `PUT /v2/user_auth` with `credentials` = hex MD5 (or SHA-1 with
 * `method: 'sha'`) of `lowercase(username) + ":" + password`, and exactly one of the account's
 * name, realm or phone number. The password is hashed at once and never kept; only the hash
 * lives as long as the strategy. A tool that saved the hash instead of the password passes it as
 * `credentials`. Token lifecycle as in {@link createApiKeyAuth}.
 *
 * @throws InvalidArgumentError (before any request) for a missing username or password, a malformed `credentials` hash, or not exactly one account identifier
 *
 * @example
 * ```ts
 * import { createUserAuth } from '@audian/auth';
 *
 * const auth = createUserAuth({ username: 'admin', password: process.env.PASSWORD!, accountName: 'Acme Corp' });
 * ```
 */
export function createUserAuth(options: UserAuthOptions): AuthStrategy {
  if (typeof options !== 'object' || options === null)
    throw new InvalidArgumentError(
      'options',
      'createUserAuth takes { username, password (or credentials), accountName | accountRealm | phoneNumber }',
    );
  // Read loosely: callers from JavaScript may pass anything, and every field is checked below.
  const {
    username,
    password,
    credentials: hash,
    method = 'md5',
  } = options as { username?: unknown; password?: unknown; credentials?: unknown; method?: unknown };
  if (method !== 'md5' && method !== 'sha')
    throw new InvalidArgumentError('method', `method must be 'md5' or 'sha', got ${JSON.stringify(method)}`);
  let credentials: string;
  if (hash !== undefined) {
    if (username !== undefined || password !== undefined)
      throw new InvalidArgumentError('credentials', 'give either credentials or username and password, not both');
    const length = method === 'sha' ? 40 : 32;
    // The message never echoes the hash: it logs in as well as the password does.
    if (typeof hash !== 'string' || !new RegExp(`^[0-9a-fA-F]{${length}}$`).test(hash))
      throw new InvalidArgumentError(
        'credentials',
        `credentials must be the ${length}-character hex ${method} digest of "username:password"`,
      );
    credentials = hash.toLowerCase();
  } else {
    if (typeof username !== 'string' || username.trim() === '') throw new InvalidArgumentError('username', 'username is required');
    if (typeof password !== 'string' || password === '') throw new InvalidArgumentError('password', 'password is required');
    credentials = userCredentialsHash(username.trim(), password, method);
  }
  const identifier = accountIdentifier(options);
  return new UserAuth(
    { tokenStore: options.tokenStore, refreshMargin: options.refreshMargin },
    credentials,
    identifier,
    method,
    options.multiFactorResponse,
  );
}
