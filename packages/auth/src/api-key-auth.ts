import {
  type AuthContext,
  type AuthSession,
  type AuthStrategy,
  InvalidArgumentError,
  NotFoundError,
  REDACTED,
  UnauthorizedError,
} from '@audian/core';
import { AuthenticationError } from './authentication-error';
import { notCrossbarError } from './internal/login-failure';
import { LoginStrategy, sessionFromLogin } from './internal/login-strategy';
import type { LoginStrategyOptions } from './login-options';

/** Options of {@link createApiKeyAuth}. */
export interface ApiKeyAuthOptions extends LoginStrategyOptions {
  /** The account's API key: 64 characters (Audian: my.audian.com → Settings → API Keys). */
  readonly apiKey: string;
}

class ApiKeyAuth extends LoginStrategy {
  readonly type = 'api-key';
  readonly #apiKey: string;

  constructor(options: ApiKeyAuthOptions) {
    super(options);
    this.#apiKey = options.apiKey;
  }

  protected registerSecrets(context: AuthContext): void {
    context.registerSecret(this.#apiKey);
  }

  protected async login(context: AuthContext): Promise<AuthSession> {
    try {
      const response = await context.request({ method: 'PUT', path: 'api_auth', data: { api_key: this.#apiKey } });
      return sessionFromLogin(response, 'api_auth');
    } catch (error) {
      if (error instanceof NotFoundError && this.#echoesKey(error))
        throw new AuthenticationError(error, 'unknown_api_key', 'API key rejected: no account has this API key');
      if (error instanceof UnauthorizedError) throw new AuthenticationError(error, 'invalid_credentials', 'API key rejected');
      throw notCrossbarError(error, 'PUT api_auth') ?? error;
    }
  }

  /**
   * Crossbar's answer to an unknown key: 404 `bad identifier` whose `data` is a one-element list
   * holding the key (`cb_api_auth:validate_by_api_key/3` → `crossbar_util:response_bad_identifier/2`).
   * The transport has already scrubbed the registered key from the data, so it reads `[REDACTED]`.
   */
  #echoesKey(error: NotFoundError): boolean {
    const data = error.data;
    return (
      error.apiMessage === 'bad identifier' &&
      Array.isArray(data) &&
      data.length === 1 &&
      (data[0] === REDACTED || data[0] === this.#apiKey)
    );
  }
}

/**
 * Authenticates with an account API key: `PUT /v2/api_auth` with `{"data":{"api_key": …}}`,
 * then `X-Auth-Token` on every request. The token is cached, renewed a minute before it expires,
 * renewed once after a 401, and any number of concurrent requests share one login.
 *
 * @throws InvalidArgumentError (at once, before any request) when the key is not 64 characters; the message never echoes it
 *
 * @example
 * ```ts
 * import { createApiKeyAuth } from '@audian/auth';
 * import { createAudian } from '@audian/resources';
 *
 * const audian = createAudian({ auth: createApiKeyAuth({ apiKey: process.env.AUDIAN_API_KEY! }) });
 * ```
 */
export function createApiKeyAuth(options: ApiKeyAuthOptions): AuthStrategy {
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('options', 'createApiKeyAuth takes { apiKey }');
  const { apiKey } = options;
  if (typeof apiKey !== 'string' || apiKey.length === 0) {
    throw new InvalidArgumentError('apiKey', 'apiKey is required (the 64-character key of the account)');
  }
  if (apiKey.trim().length !== 64) {
    throw new InvalidArgumentError('apiKey', `apiKey must be 64 characters; the one given has ${apiKey.length}`);
  }
  return new ApiKeyAuth({ ...options, apiKey: apiKey.trim() });
}
