import {
  type ApiResponse,
  type AuthStrategy,
  type BinaryResponse,
  createTransport,
  type RequestParams,
  type Transport,
  type TransportOptions,
} from '@audian/core';

/** Options of {@link createAudian}: the transport's options (base URL, auth, timeout, retry, rate limit, fetch, hooks, logger, signal). */
export interface AudianOptions extends TransportOptions {
  /** How to authenticate: `createApiKeyAuth`, `createUserAuth` or `createTokenAuth` from `@audian/auth`. */
  readonly auth?: AuthStrategy;
}

/** Who the client is logged in as (never the token). */
export interface SessionInfo {
  readonly accountId: string | undefined;
  readonly ownerId?: string;
  readonly resellerId?: string;
  readonly isReseller?: boolean;
  readonly accountName?: string;
  readonly expiresAt?: Date;
}

/** The Audian client. */
export interface Audian {
  /** The account every call acts on (`undefined`: the session's own account). */
  readonly accountId: string | undefined;
  /** The transport underneath, for advanced use. */
  readonly transport: Transport;
  /** Logs in when needed and says who the client is. */
  session(): Promise<SessionInfo>;
  /** The same client acting on another account the login may reach (a sub-account). */
  account(accountId: string): Audian;
  /** The raw escape hatch: any Crossbar request, `{account_id}` filled in. */
  request<T = unknown>(params: RequestParams): Promise<ApiResponse<T>>;
  /** The raw escape hatch for binary and CSV answers. */
  download(params: RequestParams): Promise<BinaryResponse>;
  /** Ends the session on the server (best effort) and forgets the token. */
  logout(): Promise<void>;
}

/**
 * Creates an Audian client.
 *
 * @throws InvalidArgumentError for invalid options (base URL, timeout, retry, rate limit)
 *
 * @example
 * ```ts
 * import { createAudian } from '@audian/resources';
 * import { createApiKeyAuth } from '@audian/auth';
 *
 * const audian = createAudian({ auth: createApiKeyAuth({ apiKey: process.env.AUDIAN_API_KEY! }) });
 * const { accountId } = await audian.session();
 * ```
 */
export function createAudian(options: AudianOptions = {}): Audian {
  return scoped(createTransport(options), options.accountId);
}

function scoped(transport: Transport, accountId: string | undefined): Audian {
  return {
    accountId,
    transport,
    async session() {
      const { token: _token, ...info } = await transport.session();
      return { accountId: info.accountId, ...info };
    },
    account(id: string) {
      return scoped(transport, id);
    },
    request<T>(params: RequestParams) {
      return transport.request<T>({ accountId, ...params });
    },
    download(params: RequestParams) {
      return transport.download({ accountId, ...params });
    },
    logout() {
      return transport.logout();
    },
  };
}
