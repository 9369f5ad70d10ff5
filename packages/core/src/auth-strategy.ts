import type { ApiResponse } from './envelope';
import type { Logger } from './logger';
import type { RequestParams } from './request-params';

/**
 * An authenticated session: the token to send as `X-Auth-Token` and what the login said about
 * who we are.
 */
export interface AuthSession {
  /** The auth token (a JWT on KAZOO 4.2+). */
  readonly token: string;
  /** The account the login belongs to: fills `{account_id}` in paths. */
  readonly accountId?: string;
  /** The user the login belongs to (user logins; some API-key logins). */
  readonly ownerId?: string;
  /** The account's reseller. */
  readonly resellerId?: string;
  /** Whether the account is a reseller. */
  readonly isReseller?: boolean;
  /** The account's name, when the login response gave it. */
  readonly accountName?: string;
  /** When the token expires (from the JWT `exp` claim), when known. */
  readonly expiresAt?: Date;
}

/** A login response: the envelope's `auth_token` is handed to the auth strategy, and only to it. */
export type LoginResponse<T> = ApiResponse<T> & { readonly authToken?: string };

/**
 * What the transport gives an auth strategy: a way to send the login requests themselves
 * (they carry no `X-Auth-Token` and are never intercepted), a logger, and a registry for
 * secrets so they are scrubbed from every error and log line.
 */
export interface AuthContext {
  /** Sends an unauthenticated request through the transport (retries, timeouts, rate limit apply). */
  request<T = unknown>(params: RequestParams): Promise<LoginResponse<T>>;
  /** The transport's logger. */
  readonly logger: Logger;
  /** Registers a secret (a key, a token, a hash) to be scrubbed from errors and logs. */
  registerSecret(secret: string): void;
  /** Forgets a secret registered earlier (a replaced token). */
  forgetSecret(secret: string): void;
}

/**
 * How requests are authenticated. The transport asks for a session before each request and,
 * when a request answers 401, asks once for a fresh one and replays the request with it.
 * Core itself knows no login endpoint; `@audian/auth` implements this.
 *
 * @example
 * ```ts
 * import type { AuthStrategy } from '@audian/core';
 *
 * const staticToken: AuthStrategy = {
 *   type: 'static',
 *   async getSession() { return { token: process.env.TOKEN!, accountId: process.env.ACCOUNT_ID }; },
 *   async refresh() { return undefined; }, // cannot log in again: the 401 surfaces
 * };
 * ```
 */
export interface AuthStrategy {
  /** A short name (`api-key`, `user`, `token`) for logs. */
  readonly type: string;
  /** The current session, logging in first when there is none or it is about to expire. */
  getSession(context: AuthContext): Promise<AuthSession>;
  /**
   * Called after a request made with `rejected` answered 401. Returns the session to replay the
   * request with (logging in again unless another caller already did), or `undefined` when the
   * strategy cannot log in again, in which case the 401 surfaces.
   */
  refresh(context: AuthContext, rejected: AuthSession): Promise<AuthSession | undefined>;
  /** Ends the session on the server (best effort) and forgets it. */
  logout?(context: AuthContext): Promise<void>;
}
