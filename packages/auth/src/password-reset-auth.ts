import { ApiError, type AuthContext, type AuthSession, type AuthStrategy, InvalidArgumentError } from '@audian/core';
import { AuthenticationError } from './authentication-error';
import { LoginStrategy, sessionFromLogin } from './internal/login-strategy';
import { userLoginFailure } from './internal/user-login-failure';
import type { LoginStrategyOptions } from './login-options';

/** Options of {@link createPasswordResetAuth}. */
export interface PasswordResetAuthOptions extends LoginStrategyOptions {
  /** The reset id from the emailed link (`recovery=…`): a secret, as good as the password until used. */
  readonly resetId: string;
}

class PasswordResetAuth extends LoginStrategy {
  readonly type = 'password-reset';
  readonly #resetId: string;

  constructor(options: PasswordResetAuthOptions) {
    super(options);
    this.#resetId = options.resetId;
  }

  protected registerSecrets(context: AuthContext): void {
    context.registerSecret(this.#resetId);
  }

  protected async login(context: AuthContext): Promise<AuthSession> {
    try {
      const response = await context.request({ method: 'POST', path: 'user_auth/recovery', data: { reset_id: this.#resetId } });
      return sessionFromLogin(response, 'user_auth/recovery');
    } catch (error) {
      // cb_user_auth:maybe_load_user_doc_via_reset_id/1: an id that opens no reset document is a
      // validation error on `user` (`not_found`); its `cause` echoes the id, scrubbed by the transport.
      if (error instanceof ApiError && (error.data as { user?: { not_found?: unknown } } | undefined)?.user?.not_found !== undefined)
        throw new AuthenticationError(error, 'unknown_reset_id', 'password reset refused: the reset id resolves to no user');
      throw userLoginFailure(error, 'POST user_auth/recovery');
    }
  }
}

/**
 * Completes a password reset: `POST /v2/user_auth/recovery` with `{"data":{"reset_id": …}}`
 * (the id from the link {@link requestPasswordReset} had emailed), sent without a token. KAZOO
 * marks the user `require_password_update` and answers with a token for that user, which this
 * strategy uses: set the new password with it (`PATCH /v2/accounts/{account_id}/users/{user_id}`
 * with `password`). The reset id is scrubbed from every error and log line.
 *
 * @throws InvalidArgumentError (at once, without echoing it) when `resetId` is not a KAZOO reset id (42 to 174 hex characters)
 *
 * @example
 * ```ts
 * import { createPasswordResetAuth } from '@audian/auth';
 * import { createAudian } from '@audian/resources';
 *
 * const audian = createAudian({ auth: createPasswordResetAuth({ resetId: new URL(link).searchParams.get('recovery')! }) });
 * const { ownerId } = await audian.session();
 * await audian.request({ method: 'PATCH', path: 'accounts/{account_id}/users/{user_id}', pathParams: { user_id: ownerId! }, data: { password: newPassword } });
 * ```
 */
export function createPasswordResetAuth(options: PasswordResetAuthOptions): AuthStrategy {
  if (typeof options !== 'object' || options === null)
    throw new InvalidArgumentError('options', 'createPasswordResetAuth takes { resetId }');
  const { resetId } = options as { resetId?: unknown };
  // cb_user_auth:reset_id/1 writes the account id, then the year and month mixed with random hex
  // (42 to 174 hex characters, by `reset_id_size`), and reads it back the same way.
  if (typeof resetId !== 'string' || !/^[0-9a-fA-F]{42,174}$/.test(resetId.trim()))
    throw new InvalidArgumentError('resetId', 'resetId must be the reset id of the emailed link: 42 to 174 hex characters');
  return new PasswordResetAuth({ ...options, resetId: resetId.trim() });
}
