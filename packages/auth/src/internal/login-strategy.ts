import { AudianError, type AuthContext, type AuthSession, type AuthStrategy, InvalidArgumentError, type LoginResponse } from '@audian/core';
import { tokenExpiry } from '../jwt';
import type { LoginStrategyOptions } from '../login-options';
import { type LoginSession, loginAnswerEventsUrl } from '../login-session';
import { createMemoryTokenStore, type TokenStore } from '../token-store';

/**
 * The token lifecycle every login strategy shares: one cached session, proactive refresh before
 * `exp`, single-flight logins (any number of concurrent callers share one), and a re-login after
 * a 401 unless another caller already replaced the rejected token.
 */
export abstract class LoginStrategy implements AuthStrategy {
  abstract readonly type: string;
  #session: AuthSession | undefined;
  #storeChecked = false;
  #inflight: Promise<AuthSession> | undefined;
  readonly #store: TokenStore;
  readonly #margin: number;

  protected constructor(options: LoginStrategyOptions) {
    this.#store = options.tokenStore ?? createMemoryTokenStore();
    const margin = options.refreshMargin ?? 60_000;
    if (typeof margin !== 'number' || !Number.isFinite(margin) || margin < 0) {
      throw new InvalidArgumentError('refreshMargin', `refreshMargin must be a non-negative number of ms, got ${String(margin)}`);
    }
    this.#margin = margin;
  }

  /** Sends the login request and reads the session from its answer. */
  protected abstract login(context: AuthContext): Promise<AuthSession>;

  /** Registers the strategy's own secrets (key, hash) with the transport. */
  protected abstract registerSecrets(context: AuthContext): void;

  async getSession(context: AuthContext): Promise<AuthSession> {
    this.registerSecrets(context);
    if (!this.#session && !this.#storeChecked) {
      this.#storeChecked = true;
      const stored = await this.#store.get();
      if (stored?.token) this.#session = reviveSession(stored);
    }
    const session = this.#session;
    if (session && !this.#expiring(session)) {
      context.registerSecret(session.token);
      return session;
    }
    if (session) context.logger.info(`${this.type} token expires at ${session.expiresAt?.toISOString()}: logging in again`);
    return this.#login(context);
  }

  async refresh(context: AuthContext, rejected: AuthSession): Promise<AuthSession | undefined> {
    if (this.#inflight) return this.#inflight;
    if (this.#session && this.#session.token !== rejected.token) return this.#session;
    return this.#login(context);
  }

  async logout(context: AuthContext): Promise<void> {
    const session = this.#session ?? reviveSession((await this.#store.get()) ?? undefined);
    this.#session = undefined;
    await this.#store.clear();
    if (!session?.token) return;
    try {
      await context.request({ method: 'DELETE', path: 'token_auth', headers: { 'x-auth-token': session.token } });
    } catch (error) {
      // Best effort: the token stays valid until it expires anyway (JWTs are stateless).
      context.logger.debug(`logout: token_auth DELETE failed (${(error as Error).name})`);
    } finally {
      context.forgetSecret(session.token);
    }
  }

  #expiring(session: AuthSession): boolean {
    return session.expiresAt !== undefined && session.expiresAt.getTime() - Date.now() <= this.#margin;
  }

  #login(context: AuthContext): Promise<AuthSession> {
    this.#inflight ??= (async () => {
      try {
        const session = await this.login(context);
        context.registerSecret(session.token);
        this.#session = session;
        await this.#store.set(session);
        context.logger.info(
          `logged in (${this.type}) to account ${session.accountId ?? '?'}${session.expiresAt ? `, token expires at ${session.expiresAt.toISOString()}` : ''}`,
        );
        return session;
      } catch (error) {
        this.#session = undefined;
        await this.#store.clear();
        throw error;
      } finally {
        this.#inflight = undefined;
      }
    })();
    return this.#inflight;
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `AuthStrategy { type: '${this.type}' }`;
  }

  toString(): string {
    return `[AuthStrategy ${this.type}]`;
  }
}

/** Reads the session out of an `api_auth` / `user_auth` answer (`crossbar_util:response_auth/3`). */
export function sessionFromLogin(response: LoginResponse<unknown>, what: string): LoginSession {
  const token = response.authToken;
  if (!token) throw new AudianError(`${what} answered without an auth_token`);
  const data = (response.data && typeof response.data === 'object' ? response.data : {}) as Record<string, unknown>;
  const session: {
    -readonly [K in keyof LoginSession]: LoginSession[K];
  } = { token };
  if (typeof data.account_id === 'string') session.accountId = data.account_id;
  if (typeof data.owner_id === 'string') session.ownerId = data.owner_id;
  if (typeof data.reseller_id === 'string') session.resellerId = data.reseller_id;
  if (typeof data.is_reseller === 'boolean') session.isReseller = data.is_reseller;
  if (typeof data.account_name === 'string') session.accountName = data.account_name;
  const eventsUrl = loginAnswerEventsUrl(data);
  if (eventsUrl !== undefined) session.eventsUrl = eventsUrl;
  const expiresAt = tokenExpiry(token);
  if (expiresAt) session.expiresAt = expiresAt;
  return session;
}

/** A stored session may come back from JSON with `expiresAt` as a string. */
function reviveSession(session: AuthSession | undefined): AuthSession | undefined {
  if (!session) return undefined;
  const expiresAt = session.expiresAt as unknown;
  if (typeof expiresAt === 'string' || typeof expiresAt === 'number') return { ...session, expiresAt: new Date(expiresAt) };
  return session;
}
