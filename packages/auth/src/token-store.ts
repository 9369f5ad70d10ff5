import type { AuthSession } from '@audian/core';

/**
 * Where a strategy keeps its session between uses: in memory by default; the CLI keeps it in a
 * 0600 file so repeated commands do not log in again. Methods may be sync or async.
 *
 * @example
 * ```ts
 * import type { TokenStore } from '@audian/auth';
 *
 * const store: TokenStore = {
 *   get: () => cache.session,
 *   set: (session) => { cache.session = session; },
 *   clear: () => { cache.session = undefined; },
 * };
 * ```
 */
export interface TokenStore {
  /** The stored session, if any. */
  get(): AuthSession | undefined | Promise<AuthSession | undefined>;
  /** Stores a new session (after a login). */
  set(session: AuthSession): void | Promise<void>;
  /** Forgets the session (after a rejected token or a logout). */
  clear(): void | Promise<void>;
}

/**
 * A {@link TokenStore} that keeps the session in memory: the default.
 *
 * @example
 * ```ts
 * import { createApiKeyAuth, createMemoryTokenStore } from '@audian/auth';
 *
 * const store = createMemoryTokenStore();
 * const auth = createApiKeyAuth({ apiKey, tokenStore: store });
 * ```
 */
export function createMemoryTokenStore(): TokenStore {
  let session: AuthSession | undefined;
  return {
    get: () => session,
    set: (value) => {
      session = value;
    },
    clear: () => {
      session = undefined;
    },
  };
}
