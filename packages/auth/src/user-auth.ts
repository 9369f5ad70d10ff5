import {
  type AuthContext,
  type AuthSession,
  type AuthStrategy,
  BadRequestError,
  InvalidArgumentError,
  UnauthorizedError,
} from '@audian/core';
import { AuthenticationError, MultiFactorRequiredError } from './authentication-error';
import { type CredentialsMethod, userCredentialsHash } from './credentials';
import { LoginStrategy, sessionFromLogin } from './internal/login-strategy';
import type { LoginStrategyOptions } from './login-options';

/** Options of {@link createUserAuth}: the user's credentials and exactly one account identifier. */
export interface UserAuthOptions extends LoginStrategyOptions {
  /** The username (lower-cased before hashing, as Crossbar expects). */
  readonly username: string;
  /** The password: hashed at once and then forgotten; never sent, kept or logged. */
  readonly password: string;
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

const IDENTIFIERS = [
  ['accountName', 'account_name'],
  ['accountRealm', 'account_realm'],
  ['phoneNumber', 'phone_number'],
] as const;

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
      if (error instanceof UnauthorizedError) {
        const request = (error.data as { multi_factor_request?: unknown } | undefined)?.multi_factor_request;
        if (request !== undefined) throw new MultiFactorRequiredError(error, request);
        throw new AuthenticationError(error, 'invalid_credentials', 'user login rejected: wrong username or password');
      }
      if (error instanceof BadRequestError) {
        const field = error.fieldErrors.find((f) => ['account_name', 'account_realm', 'realm', 'phone_number'].includes(f.path));
        if (field) {
          throw new AuthenticationError(error, 'unknown_account', `user login rejected: ${field.path} not found`, {
            [field.path]: field.code,
          });
        }
      }
      throw error;
    }
  }
}

/**
 * Authenticates a user: `PUT /v2/user_auth` with `credentials` = hex MD5 (or SHA-1 with
 * `method: 'sha'`) of `lowercase(username) + ":" + password`, and exactly one of the account's
 * name, realm or phone number. The password is hashed at once and never kept; only the hash
 * lives as long as the strategy. Token lifecycle as in {@link createApiKeyAuth}.
 *
 * @throws InvalidArgumentError (before any request) for a missing username or password, or not exactly one account identifier
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
    throw new InvalidArgumentError('options', 'createUserAuth takes { username, password, accountName | accountRealm | phoneNumber }');
  const { username, password, method = 'md5' } = options;
  if (typeof username !== 'string' || username.trim() === '') throw new InvalidArgumentError('username', 'username is required');
  if (typeof password !== 'string' || password === '') throw new InvalidArgumentError('password', 'password is required');
  if (method !== 'md5' && method !== 'sha')
    throw new InvalidArgumentError('method', `method must be 'md5' or 'sha', got ${JSON.stringify(method)}`);
  const given = IDENTIFIERS.filter(([option]) => options[option] !== undefined);
  if (given.length !== 1) {
    throw new InvalidArgumentError(
      'accountName',
      given.length === 0
        ? 'name the account with exactly one of accountName, accountRealm or phoneNumber'
        : `name the account with exactly one of accountName, accountRealm or phoneNumber, not ${given.map(([o]) => o).join(' and ')}`,
    );
  }
  const [option, wire] = given[0] as (typeof IDENTIFIERS)[number];
  const value = options[option];
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidArgumentError(option, `${option} must be a non-empty string`);
  const credentials = userCredentialsHash(username.trim(), password, method);
  return new UserAuth(
    { tokenStore: options.tokenStore, refreshMargin: options.refreshMargin },
    credentials,
    { [wire]: value.trim() },
    method,
    options.multiFactorResponse,
  );
}
