import { BadRequestError, UnauthorizedError } from '@audian/core';
import { AuthenticationError, MultiFactorRequiredError } from '../authentication-error';
import { notCrossbarError } from './login-failure';

const ACCOUNT_FIELDS = ['account_name', 'account_realm', 'realm', 'phone_number'];

/**
 * What a refused user login (`PUT /v2/user_auth`, `POST /v2/user_auth/recovery`) means. KAZOO
 * answers wrong credentials and an unknown account name, realm or number alike with 401
 * `invalid_credentials` (`cb_user_auth:maybe_authenticate_user/1` drops the lookup's error), a
 * second factor with 401 and `data.multi_factor_request` (`crossbar_auth:create_auth_token/3`),
 * and a disabled or expired account with a 400 on `account` (`maybe_account_is_enabled/2`,
 * `maybe_account_is_expired/2`). `user_auth` never answers 404, so a 404 means the base URL is
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
  if (error instanceof BadRequestError) {
    const account = error.fieldErrors.find((f) => f.path === 'account' && (f.code === 'disabled' || f.code === 'expired'));
    if (account) {
      const reason = account.code === 'disabled' ? 'account_disabled' : 'account_expired';
      return new AuthenticationError(error, reason, `user login rejected: the account is ${account.code}`, { account: account.code });
    }
    const field = error.fieldErrors.find((f) => ACCOUNT_FIELDS.includes(f.path));
    if (field) {
      return new AuthenticationError(error, 'unknown_account', `user login rejected: ${field.path} not found`, {
        [field.path]: field.code,
      });
    }
  }
  return notCrossbarError(error, what) ?? error;
}
