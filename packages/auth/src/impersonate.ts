import {
  type AuthContext,
  type AuthSession,
  type AuthStrategy,
  ForbiddenError,
  InvalidArgumentError,
  UnauthorizedError,
} from '@audian/core';
import { AuthenticationError, MultiFactorRequiredError } from './authentication-error';
import { LoginStrategy, sessionFromLogin } from './internal/login-strategy';
import type { LoginStrategyOptions } from './login-options';

/** Options of {@link impersonate}: whom to act as. */
export interface ImpersonateOptions extends LoginStrategyOptions {
  /** The account of the user (32 hex characters); not the caller's own account. */
  readonly accountId: string;
  /** The user to act as. */
  readonly userId: string;
  /** The answer to a `multi_factor_request` (KAZOO applies `cb_user_auth`'s second factor to impersonations too). */
  readonly multiFactorResponse?: unknown;
}

const ACCOUNT_ID = /^[0-9a-f]{32}$/;

function multiFactorRequest(data: unknown): unknown {
  return (data as { multi_factor_request?: unknown } | undefined)?.multi_factor_request;
}

class ImpersonationAuth extends LoginStrategy {
  readonly type = 'impersonation';
  readonly #parent: AuthStrategy;
  readonly #accountId: string;
  readonly #userId: string;
  readonly #multiFactorResponse: unknown;

  constructor(parent: AuthStrategy, options: ImpersonateOptions) {
    super(options);
    this.#parent = parent;
    this.#accountId = options.accountId;
    this.#userId = options.userId;
    this.#multiFactorResponse = options.multiFactorResponse;
  }

  protected registerSecrets(): void {
    // No secret of its own: the parent registers its key or hash when asked for a session.
  }

  protected async login(context: AuthContext): Promise<AuthSession> {
    const parent = await this.#parent.getSession(context);
    try {
      return await this.#impersonate(context, parent);
    } catch (error) {
      // The caller's token was rejected: renew it through its own strategy, once.
      if (!(error instanceof UnauthorizedError) || error instanceof MultiFactorRequiredError) throw error;
      const renewed = await this.#parent.refresh(context, parent);
      if (!renewed) throw error;
      return this.#impersonate(context, renewed);
    }
  }

  async #impersonate(context: AuthContext, parent: AuthSession): Promise<AuthSession> {
    try {
      const response = await context.request({
        method: 'PUT',
        path: 'accounts/{account_id}/users/{user_id}/user_auth',
        accountId: this.#accountId,
        pathParams: { user_id: this.#userId },
        envelope: { action: 'impersonate_user' },
        data: this.#multiFactorResponse === undefined ? {} : { multi_factor_response: this.#multiFactorResponse },
        headers: { 'x-auth-token': parent.token },
      });
      return sessionFromLogin(response, 'impersonation (user_auth)');
    } catch (error) {
      // cb_user_auth:authorize_nouns/3 refuses unless the caller is an admin user of a
      // super-duper admin account and the user is in another account.
      const challenge = error instanceof UnauthorizedError ? multiFactorRequest(error.data) : undefined;
      if (error instanceof UnauthorizedError && challenge !== undefined) throw new MultiFactorRequiredError(error, challenge);
      if (error instanceof ForbiddenError)
        throw new AuthenticationError(
          error,
          'impersonation_forbidden',
          'impersonation refused: the caller must be an admin user of a super-duper admin account, and the user must be in another account',
        );
      throw error;
    }
  }
}

/**
 * Acts as another user: `PUT /v2/accounts/{account_id}/users/{user_id}/user_auth` with
 * `{"action":"impersonate_user","data":{}}`, sent with the token of `parent`: a user login
 * ({@link createUserAuth}) of an admin in a super-duper admin account — KAZOO refuses a token that
 * names no user, as an API-key token does (`cb_user_auth:authorize_nouns/3`). The answer is a token for
 * the user (its JWT keeps `original_account_id` and `original_owner_id`); the returned strategy
 * uses it, renews it through `parent` a minute before it expires or after a 401, and shares one
 * request among concurrent callers, as every login strategy does. `logout()` ends only the
 * impersonated token.
 *
 * Refusals: 403 → {@link AuthenticationError} (`impersonation_forbidden`); a second factor asked
 * for → {@link MultiFactorRequiredError} (answer it with `multiFactorResponse`).
 *
 * @throws InvalidArgumentError (at once) when `parent` is not an auth strategy, `accountId` is not 32 hex characters or `userId` is empty
 *
 * @example
 * ```ts
 * import { createUserAuth, impersonate } from '@audian/auth';
 * import { createAudian } from '@audian/resources';
 *
 * const admin = createUserAuth({ username: 'admin', password: process.env.PASSWORD!, accountName: 'Master' });
 * const asUser = createAudian({ auth: impersonate(admin, { accountId: customerAccountId, userId }) });
 * await asUser.session(); // { accountId: customerAccountId, ownerId: userId, … }
 * ```
 */
export function impersonate(parent: AuthStrategy, options: ImpersonateOptions): AuthStrategy {
  if (!parent || typeof parent.getSession !== 'function' || typeof parent.refresh !== 'function')
    throw new InvalidArgumentError('parent', 'impersonate takes the auth strategy of the caller first (a user login: createUserAuth)');
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('options', 'impersonate takes { accountId, userId }');
  const { accountId, userId } = options as { accountId?: unknown; userId?: unknown };
  if (typeof accountId !== 'string' || !ACCOUNT_ID.test(accountId))
    throw new InvalidArgumentError('accountId', 'accountId must be an account id: 32 lower-case hex characters');
  if (typeof userId !== 'string' || userId.trim() === '') throw new InvalidArgumentError('userId', 'userId must be a non-empty string');
  return new ImpersonationAuth(parent, { ...options, accountId, userId: userId.trim() });
}
