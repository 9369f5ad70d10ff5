import { AuthenticationError, type TokenStore, tokenExpiry } from '@audian/auth';
import { type AuthContext, type AuthSession, type AuthStrategy, BadRequestError, UnauthorizedError } from '@audian/core';
import type { UserProfileAuth } from './config';

/**
 * A user login from a saved profile, which holds the credentials hash rather than the password
 * (`createUserAuth` from @audian/auth takes the password and hashes it itself). Same lifecycle:
 * the session comes from the token store while it is valid, one login at a time, one re-login
 * after a 401.
 */
export function createStoredUserAuth(auth: UserProfileAuth, store: TokenStore, refreshMargin = 60_000): AuthStrategy {
  let session: AuthSession | undefined;
  let storeChecked = false;
  let inflight: Promise<AuthSession> | undefined;
  const identifier: Record<string, string> = {};
  if (auth.accountName) identifier.account_name = auth.accountName;
  else if (auth.accountRealm) identifier.account_realm = auth.accountRealm;
  else if (auth.phoneNumber) identifier.phone_number = auth.phoneNumber;

  const expiring = (s: AuthSession): boolean => s.expiresAt !== undefined && s.expiresAt.getTime() - Date.now() <= refreshMargin;

  const login = (context: AuthContext): Promise<AuthSession> => {
    inflight ??= (async () => {
      try {
        const response = await context.request({
          method: 'PUT',
          path: 'user_auth',
          data: { credentials: auth.credentials, method: auth.method, ...identifier },
        });
        const token = response.authToken;
        if (!token) throw new Error('user_auth answered without an auth_token');
        context.registerSecret(token);
        const data = (response.data && typeof response.data === 'object' ? response.data : {}) as Record<string, unknown>;
        const expiresAt = tokenExpiry(token);
        const next: AuthSession = {
          token,
          ...(typeof data.account_id === 'string' ? { accountId: data.account_id } : {}),
          ...(typeof data.owner_id === 'string' ? { ownerId: data.owner_id } : {}),
          ...(typeof data.reseller_id === 'string' ? { resellerId: data.reseller_id } : {}),
          ...(typeof data.account_name === 'string' ? { accountName: data.account_name } : {}),
          ...(expiresAt ? { expiresAt } : {}),
        };
        session = next;
        await store.set(next);
        return next;
      } catch (error) {
        session = undefined;
        await store.clear();
        if (error instanceof UnauthorizedError && !(error instanceof AuthenticationError)) {
          throw new AuthenticationError(error, 'invalid_credentials', 'user login rejected: wrong username or password');
        }
        if (error instanceof BadRequestError) {
          const field = error.fieldErrors.find((f) => ['account_name', 'account_realm', 'realm', 'phone_number'].includes(f.path));
          if (field) throw new AuthenticationError(error, 'unknown_account', `user login rejected: ${field.path} not found`);
        }
        throw error;
      } finally {
        inflight = undefined;
      }
    })();
    return inflight;
  };

  return {
    type: 'user',
    async getSession(context) {
      context.registerSecret(auth.credentials);
      if (!session && !storeChecked) {
        storeChecked = true;
        session = (await store.get()) ?? undefined;
      }
      if (session && !expiring(session)) {
        context.registerSecret(session.token);
        return session;
      }
      return login(context);
    },
    async refresh(context, rejected) {
      if (inflight) return inflight;
      if (session && session.token !== rejected.token) return session;
      return login(context);
    },
    async logout(context) {
      const current = session ?? ((await store.get()) || undefined);
      session = undefined;
      await store.clear();
      if (!current) return;
      try {
        await context.request({ method: 'DELETE', path: 'token_auth', headers: { 'x-auth-token': current.token } });
      } catch (error) {
        context.logger.debug(`logout: token_auth DELETE failed (${(error as Error).name})`);
      }
    },
  };
}
