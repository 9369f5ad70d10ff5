import {
  type ApiResponse,
  type AuthStrategy,
  type BinaryResponse,
  createTransport,
  InvalidArgumentError,
  type RequestParams,
  type Transport,
  type TransportOptions,
} from '@audian/core';
import { facade, parseShape } from './internal/facade.js';
import { lazy } from './internal/lazy.js';
import type { ResourceContext } from './internal/resource-base.js';
import type { RESOURCES } from './registry.js';
import { LOADERS, SHAPES } from './shapes.generated.js';

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

/** The resources of the client, one property per Crossbar resource. */
export type AudianResources = { readonly [K in keyof typeof RESOURCES]: InstanceType<(typeof RESOURCES)[K]> };

/** The Audian client: the resources plus session, account scoping and the raw escape hatch. */
export interface Audian extends AudianResources {
  /** The account every call acts on (`undefined`: the session's own account). */
  readonly accountId: string | undefined;
  /** The transport underneath, for advanced use. */
  readonly transport: Transport;
  /** Logs in when needed and says who the client is (never the token). */
  session(): Promise<SessionInfo>;
  /**
   * The same client acting on another account the login may reach (a sub-account, for resellers).
   *
   * @throws InvalidArgumentError when the id is empty
   */
  account(accountId: string): Audian;
  /** The raw escape hatch: any Crossbar request, `{account_id}` filled in (see `@audian/core`'s `RequestParams`). */
  request<T = unknown>(params: RequestParams): Promise<ApiResponse<T>>;
  /** The raw escape hatch for binary and CSV answers. */
  download(params: RequestParams): Promise<BinaryResponse>;
  /** Ends the session on the server (best effort) and forgets the token. */
  logout(): Promise<void>;
}

/**
 * Creates an Audian client. Nothing is sent until the first call; the login happens then (once,
 * however many calls are in flight).
 *
 * @throws InvalidArgumentError for invalid options (base URL, timeout, retry, rate limit)
 *
 * @example
 * ```ts
 * import { createAudian } from '@audian/resources';
 * import { createApiKeyAuth } from '@audian/auth';
 *
 * const audian = createAudian({ auth: createApiKeyAuth({ apiKey: process.env.AUDIAN_API_KEY! }) });
 * for await (const user of audian.users.list()) console.log(user.first_name, user.last_name);
 * ```
 */
export function createAudian(options: AudianOptions = {}): Audian {
  return new Client(createTransport(options), options.accountId) as unknown as Audian;
}

class Client {
  readonly accountId: string | undefined;
  readonly transport: Transport;
  readonly #ctx: ResourceContext;
  readonly #resources = new Map<string, object>();

  constructor(transport: Transport, accountId: string | undefined) {
    this.transport = transport;
    this.accountId = accountId;
    this.#ctx = { transport, accountId };
  }

  resource(name: keyof typeof SHAPES): object {
    let instance = this.#resources.get(name);
    if (!instance) {
      // The class loads on the first call, not here: an app that never calls `faxes` never
      // downloads the Faxes class (see shapes.generated.ts).
      const ctx = this.#ctx;
      const load = lazy(async () => new ((await LOADERS[name]()) as unknown as new (c: ResourceContext) => object)(ctx));
      instance = facade(load, parseShape(SHAPES[name]));
      this.#resources.set(name, instance);
    }
    return instance;
  }

  async session(): Promise<SessionInfo> {
    const { token: _token, ...info } = await this.transport.session();
    return { accountId: info.accountId, ...info };
  }

  account(accountId: string): Audian {
    if (typeof accountId !== 'string' || accountId.trim() === '')
      throw new InvalidArgumentError('accountId', 'accountId must be a non-empty string');
    return new Client(this.transport, accountId) as unknown as Audian;
  }

  request<T>(params: RequestParams): Promise<ApiResponse<T>> {
    return this.transport.request<T>({ accountId: this.accountId, ...params });
  }

  download(params: RequestParams): Promise<BinaryResponse> {
    return this.transport.download({ accountId: this.accountId, ...params });
  }

  logout(): Promise<void> {
    return this.transport.logout();
  }

  toJSON(): Record<string, unknown> {
    return { accountId: this.accountId, transport: this.transport.toJSON() };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Audian { baseUrl: '${this.transport.baseUrl}', accountId: ${this.accountId ? `'${this.accountId}'` : 'session'} }`;
  }
}

for (const name of Object.keys(SHAPES) as (keyof typeof SHAPES)[]) {
  Object.defineProperty(Client.prototype, name, {
    get(this: Client) {
      return this.resource(name);
    },
    enumerable: true,
    configurable: true,
  });
}
