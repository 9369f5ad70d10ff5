import type { AuthSession, AuthStrategy } from '@audian/core';

/**
 * What `audian dashboard` hands the page at `./session` (same origin, never cached): the API and
 * events URLs of the CLI profile and a short-lived session token of its login — never the API
 * key or the password.
 */
export interface DashboardSession {
  readonly baseUrl: string;
  readonly eventsUrl?: string;
  readonly accountId: string;
  readonly accountName?: string;
  readonly token: string;
  /** ISO time the token expires, when the server knows. */
  readonly expiresAt?: string;
}

/** Renew this long before the token's expiry, so the websocket's reconnects never carry a stale one. */
const RENEW_MARGIN_MS = 60_000;

/**
 * The session of `audian dashboard`, or undefined when the page is served by something else (a
 * static server, `vite dev`): then the login form is used.
 */
export async function fetchDashboardSession(refresh = false): Promise<DashboardSession | undefined> {
  let response: Response;
  try {
    response = await fetch(refresh ? './session?refresh=1' : './session', { cache: 'no-store', headers: { accept: 'application/json' } });
  } catch {
    return undefined;
  }
  if (!response.ok || !response.headers.get('content-type')?.startsWith('application/json')) return undefined;
  const body = (await response.json()) as Partial<DashboardSession>;
  return typeof body.token === 'string' && typeof body.baseUrl === 'string' && typeof body.accountId === 'string'
    ? (body as DashboardSession)
    : undefined;
}

function toAuthSession(session: DashboardSession): AuthSession {
  return {
    token: session.token,
    accountId: session.accountId,
    ...(session.accountName ? { accountName: session.accountName } : {}),
    ...(session.expiresAt ? { expiresAt: new Date(session.expiresAt) } : {}),
  };
}

/**
 * An auth strategy that takes its token from `audian dashboard`: asks again shortly before the
 * token expires, and after a 401 asks the server to log in again.
 */
export function createDashboardSessionAuth(first: DashboardSession): AuthStrategy {
  let current = toAuthSession(first);
  let pending: Promise<AuthSession> | undefined;
  const renew = (refresh: boolean): Promise<AuthSession> => {
    pending ??= fetchDashboardSession(refresh)
      .then((next) => {
        if (!next) throw new Error('the dashboard server gave no session: restart `audian dashboard`');
        current = toAuthSession(next);
        return current;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
  return {
    type: 'dashboard-session',
    async getSession(context) {
      if (current.expiresAt && current.expiresAt.getTime() - Date.now() < RENEW_MARGIN_MS) await renew(false);
      context.registerSecret(current.token);
      return current;
    },
    async refresh(context, rejected) {
      if (current.token !== rejected.token) return current;
      const next = await renew(true);
      context.registerSecret(next.token);
      return next.token === rejected.token ? undefined : next;
    },
  };
}
