import { type AuthContext, type AuthSession, type AuthStrategy, InvalidArgumentError } from '@audian/core';
import { decodeJwtClaims, tokenExpiry } from './jwt';

/** Options of {@link createTokenAuth}. */
export interface TokenAuthOptions {
  /** The account the token belongs to, when the token does not say (non-JWT tokens). */
  readonly accountId?: string;
}

class TokenAuth implements AuthStrategy {
  readonly type = 'token';
  #session: AuthSession;
  #resolved = false;

  constructor(token: string, accountId: string | undefined) {
    const claims = decodeJwtClaims(token);
    const claimed = typeof claims?.account_id === 'string' ? claims.account_id : undefined;
    const owner = typeof claims?.owner_id === 'string' ? claims.owner_id : undefined;
    const expiresAt = tokenExpiry(token);
    this.#session = {
      token,
      ...((accountId ?? claimed) ? { accountId: accountId ?? claimed } : {}),
      ...(owner ? { ownerId: owner } : {}),
      ...(expiresAt ? { expiresAt } : {}),
    };
    this.#resolved = this.#session.accountId !== undefined;
  }

  async getSession(context: AuthContext): Promise<AuthSession> {
    context.registerSecret(this.#session.token);
    if (!this.#resolved) {
      // A token that is not a JWT does not say its account: ask the server once.
      const { data } = await context.request<Record<string, unknown>>({
        method: 'GET',
        path: 'token_auth',
        headers: { 'x-auth-token': this.#session.token },
      });
      const accountId = typeof data?.account_id === 'string' ? data.account_id : undefined;
      const ownerId = typeof data?.owner_id === 'string' ? data.owner_id : undefined;
      this.#session = { ...this.#session, ...(accountId ? { accountId } : {}), ...(ownerId ? { ownerId } : {}) };
      this.#resolved = true;
    }
    return this.#session;
  }

  async refresh(): Promise<undefined> {
    // A token obtained elsewhere cannot be renewed here: the 401 surfaces.
    return undefined;
  }

  async logout(context: AuthContext): Promise<void> {
    try {
      await context.request({ method: 'DELETE', path: 'token_auth', headers: { 'x-auth-token': this.#session.token } });
    } catch (error) {
      context.logger.debug(`logout: token_auth DELETE failed (${(error as Error).name})`);
    }
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `AuthStrategy { type: 'token' }`;
  }

  toString(): string {
    return '[AuthStrategy token]';
  }
}

/**
 * Uses a token obtained elsewhere (another login, Monster UI, a CI secret). It cannot be renewed:
 * when it expires or is revoked, the 401 surfaces at once. The account comes from the JWT's
 * `account_id` claim, from `options.accountId`, or — for a token that is not a JWT — from
 * `GET /v2/token_auth`. Its `logout()` (as every strategy's) sends `DELETE /v2/token_auth`.
 *
 * @throws InvalidArgumentError when the token is empty or not a string
 *
 * @example
 * ```ts
 * import { createTokenAuth } from '@audian/auth';
 *
 * const auth = createTokenAuth(process.env.AUDIAN_TOKEN!);
 * ```
 */
export function createTokenAuth(token: string, options: TokenAuthOptions = {}): AuthStrategy {
  if (typeof token !== 'string' || token.trim() === '') throw new InvalidArgumentError('token', 'token must be a non-empty string');
  if (options.accountId !== undefined && (typeof options.accountId !== 'string' || options.accountId === '')) {
    throw new InvalidArgumentError('accountId', 'accountId must be a non-empty string');
  }
  return new TokenAuth(token.trim(), options.accountId);
}
