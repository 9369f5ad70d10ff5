import { ApiError, BadRequestError, UnauthorizedError } from '@audian/core';
import { AuthenticationError, MultiFactorRequiredError } from '../authentication-error';
import { notCrossbarError } from './login-failure';

const ACCOUNT_FIELDS = ['account_name', 'account_realm', 'realm', 'phone_number'];

/**
 * What a refused user login (`PUT /v2/user_auth`, `POST /v2/user_auth/recovery`) means. KAZOO
 * answers wrong credentials and an unknown account name, realm or number alike with 401
 * `invalid_credentials` (`cb_user_auth:maybe_authenticate_user/1` drops the lookup's error), a
 * second factor with 401 and `data.multi_factor_request` (`crossbar_auth:create_auth_token/3`),
 * and a disabled or expired account with a validation error on `account` (`maybe_account_is_enabled/2`,
 * `maybe_account_is_expired/2`), which `kz_json_schema:depreciated_validation_error/4` sends as
 * 423 `locked` (400 is accepted too). `user_auth` never answers 404, so a 404 means the base URL is
 * not a Crossbar API. Anything else is returned unchanged.
 */
export function userLoginFailure(error: unknown, what: string): unknown {
  if (error instanceof UnauthorizedError) {
    const request = (error.data as { multi_factor_request?: unknown } | undefined)?.multi_factor_request;
    if (request !== undefined) return new MultiFactorRequiredError(error, request);
    return new AuthenticationError(
      error,
      'invalid_credentials',
      'user login rejected: wrong username or password, or no account with that name, realm or number',
    );
  }
  const account = error instanceof ApiError ? accountState(error.data) : undefined;
  if (error instanceof ApiError && account) {
    const reason = account === 'disabled' ? 'account_disabled' : 'account_expired';
    return new AuthenticationError(error, reason, `user login rejected: the account is ${account}`, { account });
  }
  if (error instanceof BadRequestError) {
    const field = error.fieldErrors.find((f) => ACCOUNT_FIELDS.includes(f.path));
    if (field) {
      return new AuthenticationError(error, 'unknown_account', `user login rejected: ${field.path} not found`, {
        [field.path]: field.code,
      });
    }
  }
  return notCrossbarError(error, what) ?? error;
}

/** `disabled` or `expired` when the error data is KAZOO's validation error on `account`. */
function accountState(data: unknown): 'disabled' | 'expired' | undefined {
  const account = (data as { account?: Record<string, unknown> } | undefined)?.account;
  if (!account || typeof account !== 'object') return undefined;
  if (account.disabled !== undefined) return 'disabled';
  if (account.expired !== undefined) return 'expired';
  return undefined;
}
