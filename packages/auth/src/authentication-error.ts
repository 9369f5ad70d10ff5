import { type ApiError, UnauthorizedError } from '@audian/core';

/** Why a login was refused. */
export type AuthenticationFailure = 'unknown_api_key' | 'invalid_credentials' | 'unknown_account' | 'multi_factor_required' | 'rejected';

/**
 * A login was refused: an unknown API key (Crossbar answers 404 at `api_auth`), wrong user
 * credentials (401), an unknown account name, realm or number (400), or a second factor is
 * needed. It is an {@link UnauthorizedError} whatever status the server used, and its message
 * never contains the key, the password or the hash.
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

  constructor(source: ApiError, reason: AuthenticationFailure, message: string, data?: unknown) {
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
