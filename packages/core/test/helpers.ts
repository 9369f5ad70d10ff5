import type { AuthSession, AuthStrategy } from '../src/index';

/** A fake auth strategy counting logins; `tokens` are handed out in order. */
export function countingAuth(tokens: string[], accountId = 'acct0000000000000000000000000001') {
  let index = 0;
  let current: AuthSession | undefined;
  let inflight: Promise<AuthSession> | undefined;
  const state = { logins: 0, refreshes: 0 };
  const login = () => {
    inflight ??= (async () => {
      state.logins++;
      await new Promise((r) => setTimeout(r, 5));
      current = { token: tokens[Math.min(index++, tokens.length - 1)] as string, accountId };
      inflight = undefined;
      return current;
    })();
    return inflight;
  };
  const strategy: AuthStrategy = {
    type: 'fake',
    async getSession() {
      return current ?? login();
    },
    async refresh(_ctx, rejected) {
      state.refreshes++;
      if (current && current.token !== rejected.token) return current;
      current = undefined;
      return login();
    },
  };
  return { strategy, state };
}
