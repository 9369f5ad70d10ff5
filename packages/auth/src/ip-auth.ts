import { type AuthContext, type AuthSession, type AuthStrategy, InvalidArgumentError, UnauthorizedError } from '@audian/core';
import { AuthenticationError } from './authentication-error';
import { notCrossbarError } from './internal/login-failure';
import { LoginStrategy, sessionFromLogin } from './internal/login-strategy';
import type { LoginStrategyOptions } from './login-options';

/** Options of {@link createIpAuth}. */
export type IpAuthOptions = LoginStrategyOptions;

class IpAuth extends LoginStrategy {
  readonly type = 'ip';

  constructor(options: IpAuthOptions) {
    super(options);
  }

  // Nothing secret is sent: the address the request comes from is the credential.
  protected registerSecrets(_context: AuthContext): void {}

  protected async login(context: AuthContext): Promise<AuthSession> {
    try {
      const response = await context.request({ method: 'PUT', path: 'ip_auth', data: {} });
      return sessionFromLogin(response, 'ip_auth');
    } catch (error) {
      // `cb_ip_auth:validate/1`: an address no account lists is 401 `invalid_credentials`.
      if (error instanceof UnauthorizedError)
        throw new AuthenticationError(error, 'invalid_credentials', 'IP address rejected: no account lists this client address in its ips');
      throw notCrossbarError(error, 'PUT ip_auth') ?? error;
    }
  }
}

/**
 * Authenticates by the client's IP address: `PUT /v2/ip_auth` (no body), for servers whose
 * address an account lists in its `ips` (`[{ "ip": "203.0.113.7", "owner_id": … }]`). Crossbar
 * answers a token for that account (and owner), which is then sent as `X-Auth-Token`; it is
 * cached and renewed like the other logins'.
 *
 * @throws InvalidArgumentError (at once) when the options are not an object
 *
 * @example
 * ```ts
 * import { createIpAuth } from '@audian/auth';
 * import { createAudian } from '@audian/resources';
 *
 * const audian = createAudian({ auth: createIpAuth() });
 * ```
 */
export function createIpAuth(options: IpAuthOptions = {}): AuthStrategy {
  if (typeof options !== 'object' || options === null)
    throw new InvalidArgumentError('options', 'createIpAuth takes { tokenStore?, refreshMargin? }');
  return new IpAuth(options);
}
