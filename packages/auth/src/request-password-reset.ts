import { InvalidArgumentError } from '@audian/core';
import type { AuthClient } from './auth-client';
import { accountIdentifier } from './internal/account-identifier';
import { transportOf } from './internal/transport-of';

/** What {@link requestPasswordReset} sends: the user, one account identifier, and the UI that opens the emailed link. */
export interface PasswordResetRequestParams {
  /** The account's name (give exactly one of `accountName`, `accountRealm`, `phoneNumber`). */
  readonly accountName?: string;
  /** The account's SIP realm. */
  readonly accountRealm?: string;
  /** A phone number of the account. */
  readonly phoneNumber?: string;
  /** The user's username. */
  readonly username: string;
  /**
   * The root URL of the UI that completes the reset (14–2000 characters): the email links to it
   * with `?recovery={reset_id}` appended (`&recovery=` when it already has a query).
   */
  readonly uiUrl: string;
}

/** The answer to {@link requestPasswordReset}. */
export interface PasswordResetRequested {
  /** The server's note (KAZOO: `Request for password reset handled, email sent to: …`), when it sent one. */
  readonly message: string | undefined;
}

/**
 * Asks for a password-reset email: `PUT /v2/user_auth/recovery` with `username`, `ui_url` and
 * one of `account_name`, `account_realm` or `phone_number`, sent without a token. KAZOO stores a
 * reset id and emails the user a link to `uiUrl` carrying it; finish with
 * {@link createPasswordResetAuth}.
 *
 * @throws InvalidArgumentError (before any request) for an empty username, a `uiUrl` that is not an http(s) URL of 14–2000 characters, or not exactly one account identifier
 * @throws BadRequestError when KAZOO finds no such account (`account_name`/`account_realm`/`phone_number` `not_found`) or user (`username` `not_found`), or the user is disabled (`username` `forbidden`)
 *
 * @example
 * ```ts
 * import { requestPasswordReset } from '@audian/auth';
 * import { createTransport } from '@audian/core';
 *
 * await requestPasswordReset(createTransport(), { username: 'ann', accountName: 'Acme', uiUrl: 'https://portal.example.com/' });
 * ```
 */
export async function requestPasswordReset(client: AuthClient, params: PasswordResetRequestParams): Promise<PasswordResetRequested> {
  const transport = transportOf(client);
  if (typeof params !== 'object' || params === null)
    throw new InvalidArgumentError('params', 'requestPasswordReset takes { username, uiUrl, accountName | accountRealm | phoneNumber }');
  const { username, uiUrl } = params as { username?: unknown; uiUrl?: unknown };
  if (typeof username !== 'string' || username.trim() === '') throw new InvalidArgumentError('username', 'username is required');
  if (typeof uiUrl !== 'string' || uiUrl.length < 14 || uiUrl.length > 2000 || !/^https?:\/\//i.test(uiUrl) || !URL.canParse(uiUrl))
    throw new InvalidArgumentError('uiUrl', 'uiUrl must be an http(s) URL of 14 to 2000 characters (the UI that completes the reset)');
  const { data } = await transport.request<unknown>({
    method: 'PUT',
    path: 'user_auth/recovery',
    auth: false,
    data: { username: username.trim(), ...accountIdentifier(params), ui_url: uiUrl },
  });
  return { message: typeof data === 'string' ? data : undefined };
}
