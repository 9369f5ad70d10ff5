import type { AuthSession } from '@audian/core';

/**
 * The session a login strategy reads from a login answer (`PUT /v2/api_auth`, `PUT /v2/user_auth`,
 * `PUT /v2/ip_auth`, impersonation, password recovery): {@link AuthSession} plus what else the
 * answer named. It is what `transport.session()` returns for these strategies, and what their
 * token store keeps.
 *
 * @example
 * ```ts
 * import { createApiKeyAuth, type LoginSession } from '@audian/auth';
 *
 * const store = { session: undefined as LoginSession | undefined };
 * const auth = createApiKeyAuth({
 *   apiKey: process.env.AUDIAN_API_KEY!,
 *   tokenStore: { get: () => store.session, set: (s) => { store.session = s; }, clear: () => { store.session = undefined; } },
 * });
 * ```
 */
export interface LoginSession extends AuthSession {
  /**
   * The events websocket (KAZOO's blackhole) the login answer named in
   * `data.ui_config.api.kazoo_websocket.url`. KAZOO sets it from the `url` of the `blackhole`
   * system config (`crossbar_util:get_kazoo_websocket_config/1`) and leaves it out when that is
   * unset, so it is often absent. Kept as given: `@audian/resources` checks it is a `ws://` or
   * `wss://` URL when it connects.
   */
  readonly eventsUrl?: string;
}

/**
 * The events websocket URL a session's login answer named, if any: the `eventsUrl` of a
 * {@link LoginSession}, read from any {@link AuthSession} (which is how `transport.session()` types
 * it). A session from `createTokenAuth`, or from a deployment without a `blackhole` URL, has none.
 *
 * @example
 * ```ts
 * import { sessionEventsUrl } from '@audian/auth';
 * import { createAudian } from '@audian/resources';
 *
 * const audian = createAudian();
 * const url = sessionEventsUrl(await audian.transport.session()); // e.g. 'wss://api.example.com:5555/'
 * ```
 */
export function sessionEventsUrl(session: AuthSession): string | undefined {
  if (!('eventsUrl' in session)) return undefined;
  const url = session.eventsUrl;
  return typeof url === 'string' && url.trim() !== '' ? url.trim() : undefined;
}

/**
 * `data.ui_config.api.kazoo_websocket.url` of a login answer (`crossbar_util:populate_resp/3` →
 * `get_ui_config/0` → `get_kazoo_websocket_config/1`), when it is a non-empty string.
 */
export function loginAnswerEventsUrl(data: Readonly<Record<string, unknown>>): string | undefined {
  const url = field(field(field(data.ui_config, 'api'), 'kazoo_websocket'), 'url');
  return typeof url === 'string' && url.trim() !== '' ? url.trim() : undefined;
}

function field(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const found: unknown = Reflect.get(value, key);
  return found;
}
