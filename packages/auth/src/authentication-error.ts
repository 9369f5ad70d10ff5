import { type ApiError, type ApiErrorInit, UnauthorizedError } from '@audian/core';

/**
 * Why a login was refused:
 * - `unknown_api_key`: `api_auth` answered Crossbar's 404 `bad identifier` echoing the key.
 * - `not_crossbar`: the login URL is not a Crossbar API (any other 404, or a 2xx that is not JSON): check `baseUrl`.
 * - `invalid_credentials`: 401 (KAZOO gives the same answer for an unknown account name, realm or number).
 * - `unknown_account`: a 400 naming `account_name`, `account_realm` or `phone_number` as not found.
 * - `account_disabled`, `account_expired`: KAZOO's validation error on `account` (`disabled`, `expired`), sent as 423 `locked`.
 * - `multi_factor_required`: see {@link MultiFactorRequiredError}.
 * - `impersonation_forbidden`: 403 to an impersonation (the caller is not a super-duper admin, or the user is in the caller's own account).
 * - `unknown_reset_id`: the password-reset id resolved to no user.
 * - `rejected`: any other refusal.
 */
export type AuthenticationFailure =
  | 'unknown_api_key'
  | 'not_crossbar'
  | 'invalid_credentials'
  | 'unknown_account'
  | 'account_disabled'
  | 'account_expired'
  | 'multi_factor_required'
  | 'impersonation_forbidden'
  | 'unknown_reset_id'
  | 'rejected';

/**
 * A login was refused: an unknown API key (Crossbar answers 404 at `api_auth`), a base URL that
 * is not a Crossbar API, wrong user credentials (401), a disabled or expired account, or a second
 * factor is needed ({@link AuthenticationFailure} lists every `reason`). It is an
 * {@link UnauthorizedError} whatever status the server used, and its message never contains the
 * key, the password, the hash or a token.
 *
 * @example
 * ```ts
 * import { AuthenticationError } from '@audian/auth';
 *
 * try {
 *   await audian.session();
 * } catch (error) {
 *   if (error instanceof AuthenticationError && error.reason === 'unknown_api_key') console.error('check AUDIAN_API_KEY');
 * }
 * ```
 */
export class AuthenticationError extends UnauthorizedError {
  static override readonly errorName: string = 'AuthenticationError';
  /** Why the login was refused. */
  readonly reason: AuthenticationFailure;

  constructor(source: ApiErrorInit, reason: AuthenticationFailure, message: string, data?: unknown) {
    super(
      {
        status: source.status,
        code: source.code,
        apiMessage: source.apiMessage,
        data,
        requestId: source.requestId,
        request: source.request,
        meta: source.meta,
      },
      `${message} (${source.status} ${source.apiMessage ?? ''}`.trimEnd() +
        `${source.requestId ? `, request id ${source.requestId}` : ''})`,
    );
    this.reason = reason;
  }
}

/**
 * The user login needs a second factor: `multiFactorRequest` is what the server asked
 * (`data.multi_factor_request`). Log in again with `multiFactorResponse` set.
 *
 * @example
 * ```ts
 * import { createUserAuth, MultiFactorRequiredError } from '@audian/auth';
 *
 * try {
 *   await audian.session();
 * } catch (error) {
 *   if (error instanceof MultiFactorRequiredError) {
 *     const answer = await askUser(error.multiFactorRequest);
 *     auth = createUserAuth({ ...credentials, multiFactorResponse: answer });
 *   }
 * }
 * ```
 */
export class MultiFactorRequiredError extends AuthenticationError {
  static override readonly errorName: string = 'MultiFactorRequiredError';
  /** The server's `multi_factor_request` object. */
  readonly multiFactorRequest: unknown;

  constructor(source: ApiError, multiFactorRequest: unknown) {
    super(source, 'multi_factor_required', 'user login needs a second factor (multi_factor_request)', source.data);
    this.multiFactorRequest = multiFactorRequest;
  }
}
