import type { AuthClient } from './auth-client';
import { transportOf } from './internal/transport-of';

/**
 * What KAZOO says about a token: its claims (`account_id`, `owner_id`, `method`, `exp`…, and
 * `original_account_id` / `original_owner_id` for an impersonation) plus what
 * `crossbar_util:response_auth/1` adds about the account. Unknown keys are kept.
 */
export interface TokenDetails {
  /** The account the token acts in. */
  readonly account_id?: string;
  /** The user the token acts as (user and impersonation logins). */
  readonly owner_id?: string;
  /** The login module that issued it: `cb_api_auth`, `cb_user_auth`… */
  readonly method?: string;
  /** Expiry, Unix seconds. */
  readonly exp?: number;
  /** For an impersonation: the account of the user who impersonates. */
  readonly original_account_id?: string;
  /** For an impersonation: the user who impersonates. */
  readonly original_owner_id?: string;
  readonly account_name?: string;
  readonly reseller_id?: string;
  readonly is_reseller?: boolean;
  readonly is_master_account?: boolean;
  readonly language?: string;
  /** The UI apps the user may open. */
  readonly apps?: readonly unknown[];
  readonly [key: string]: unknown;
}

/**
 * The details of the token the client is using: `GET /v2/token_auth` (`cb_token_auth:validate/2`
 * answers the token's public claims with the account's details). Logs in first when needed.
 *
 * @throws UnauthorizedError when the token is no longer accepted
 *
 * @example
 * ```ts
 * import { tokenDetails } from '@audian/auth';
 *
 * const { method, exp } = await tokenDetails(audian);
 * ```
 */
export async function tokenDetails(client: AuthClient): Promise<TokenDetails> {
  const { data } = await transportOf(client).request<TokenDetails>({ method: 'GET', path: 'token_auth' });
  return data ?? {};
}

/**
 * The same details through `GET /v2/user_auth/{auth_token}` (KAZOO's user-authentication docs):
 * the path carries the client's own token, and KAZOO refuses any other with 401
 * (`cb_user_auth:maybe_get_auth_token/2`). It then compares the request's account with the
 * token's (`create_auth_resp/3`); this path names no account, so a server built from public KAZOO
 * source answers 403 here — prefer {@link tokenDetails}, which every KAZOO answers. The token
 * never appears in an error: the transport scrubs it from URLs.
 *
 * @throws UnauthorizedError when the token is no longer accepted
 * @throws ForbiddenError when the server will not match the token to an account (see above)
 *
 * @example
 * ```ts
 * import { userAuthTokenDetails } from '@audian/auth';
 *
 * const { account_name, apps } = await userAuthTokenDetails(audian);
 * ```
 */
export async function userAuthTokenDetails(client: AuthClient): Promise<TokenDetails> {
  const transport = transportOf(client);
  const { token } = await transport.session();
  const { data } = await transport.request<TokenDetails>({
    method: 'GET',
    path: 'user_auth/{auth_token}',
    pathParams: { auth_token: token },
  });
  return data ?? {};
}
