import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { listCheck } from '../internal/list-check.js';
import { CTX, collection, ResourceBase } from '../internal/resource-base.js';
import type { ResourceMethods } from '../resource-methods.js';
import type {
  MultiFactorAttempt,
  MultiFactorConfig,
  MultiFactorConfigCreateParams,
  MultiFactorConfigPatchParams,
  MultiFactorSummary,
} from '../schemas/multi-factor.js';

const SCHEMAS = lazy(async () => {
  const m = await import('../schemas/multi-factor.js');
  return { document: m.MultiFactorConfigSchema, summary: m.MultiFactorConfigSchema };
});
const ACCOUNT = collection('accounts/{account_id}/multi_factor', 'multi-factor configuration', SCHEMAS);
const SYSTEM = collection('multi_factor', 'multi-factor configuration', SCHEMAS);
const ATTEMPTS = listCheck();

/**
 * The system's multi-factor provider configurations (`/v2/multi_factor`): listing them is open to
 * any login, the rest to super-duper admins. Reached as `audian.multi_factor.system()`.
 *
 * @example
 * ```ts
 * const { multi_factor_providers } = await audian.multi_factor.system().summary();
 * ```
 */
export class SystemMultiFactor extends ResourceBase {
  /** The system's provider configurations. `GET /v2/multi_factor` */
  summary(options?: CallOptions): APIPromise<MultiFactorSummary['multi_factor_providers']> {
    return this.call('GET', SYSTEM.path, { options });
  }

  /**
   * Creates a system configuration. `PUT /v2/multi_factor`
   *
   * @throws InvalidArgumentError (before any request) when `name`, `enabled` or `provider_name` is missing
   */
  create(config: MultiFactorConfigCreateParams, options?: CallOptions): APIPromise<MultiFactorConfig> {
    return this._create(SYSTEM, config, options);
  }

  /** Fetches a system configuration. `GET /v2/multi_factor/{CONFIG_ID}` */
  get(configId: string, options?: CallOptions): APIPromise<MultiFactorConfig> {
    return this._get(SYSTEM, configId, options);
  }

  /**
   * Replaces a system configuration. `POST /v2/multi_factor/{CONFIG_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  update(configId: string, config: MultiFactorConfigCreateParams, options?: CallOptions): APIPromise<MultiFactorConfig> {
    return this._update(SYSTEM, configId, config, options);
  }

  /** Changes some fields of a system configuration. `PATCH /v2/multi_factor/{CONFIG_ID}` */
  patch(configId: string, changes: MultiFactorConfigPatchParams, options?: CallOptions): APIPromise<MultiFactorConfig> {
    return this._patch(SYSTEM, configId, changes, options);
  }
}

/**
 * Multi-factor authentication providers configured for the account, and its multi-factor login
 * attempts: `/v2/accounts/{ACCOUNT_ID}/multi_factor`. Which login asks for a second factor is
 * set in the account's auth settings (`audian.security`).
 *
 * @example
 * ```ts
 * const duo = await audian.multi_factor.create({ name: 'Duo', enabled: true, provider_name: 'duo', settings: { integration_key, secret_key, api_hostname } });
 * for await (const attempt of audian.multi_factor.attempts()) console.log(attempt.status, attempt.message);
 * ```
 */
export class MultiFactor extends ResourceBase {
  /** The account's configurations and the system's providers. `GET /v2/accounts/{ACCOUNT_ID}/multi_factor` */
  summary(options?: CallOptions): APIPromise<MultiFactorSummary> {
    return this.call('GET', ACCOUNT.path, { options });
  }

  /**
   * Configures a provider for the account. `PUT /v2/accounts/{ACCOUNT_ID}/multi_factor`
   *
   * @throws InvalidArgumentError (before any request) when `name`, `enabled` or `provider_name` is missing
   */
  create(config: MultiFactorConfigCreateParams, options?: CallOptions): APIPromise<MultiFactorConfig> {
    return this._create(ACCOUNT, config, options);
  }

  /**
   * Fetches a configuration. `GET /v2/accounts/{ACCOUNT_ID}/multi_factor/{CONFIG_ID}`
   *
   * @throws NotFoundError when there is no such configuration
   */
  get(configId: string, options?: CallOptions): APIPromise<MultiFactorConfig> {
    return this._get(ACCOUNT, configId, options);
  }

  /**
   * Replaces a configuration. `POST /v2/accounts/{ACCOUNT_ID}/multi_factor/{CONFIG_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  update(configId: string, config: MultiFactorConfigCreateParams, options?: CallOptions): APIPromise<MultiFactorConfig> {
    return this._update(ACCOUNT, configId, config, options);
  }

  /**
   * Changes some fields (`{ enabled: false }`). `PATCH /v2/accounts/{ACCOUNT_ID}/multi_factor/{CONFIG_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  patch(configId: string, changes: MultiFactorConfigPatchParams, options?: CallOptions): APIPromise<MultiFactorConfig> {
    return this._patch(ACCOUNT, configId, changes, options);
  }

  /** Deletes a configuration; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/multi_factor/{CONFIG_ID}` */
  delete(configId: string, options?: CallOptions): APIPromise<MultiFactorConfig> {
    return this._delete(ACCOUNT, configId, options);
  }

  /** Lists the multi-factor login attempts, newest first. `GET /v2/accounts/{ACCOUNT_ID}/multi_factor/attempts` */
  attempts(params?: ListParams, options?: CallOptions): PagePromise<MultiFactorAttempt> {
    return this.pages(`${ACCOUNT.path}/attempts`, params, { options, schema: ATTEMPTS });
  }

  /**
   * Fetches one attempt (ids start with their `YYYYMM`). `GET /v2/accounts/{ACCOUNT_ID}/multi_factor/attempts/{ATTEMPT_ID}`
   *
   * @throws NotFoundError when there is no such attempt
   */
  attempt(attemptId: string, options?: CallOptions): APIPromise<MultiFactorAttempt> {
    return this.call('GET', `${ACCOUNT.path}/attempts/{id}`, { pathParams: { id: attemptId }, options });
  }

  /** The system's configurations (`/v2/multi_factor`). */
  system(): ResourceMethods<SystemMultiFactor> {
    return new SystemMultiFactor(this[CTX]);
  }
}

export type {
  MultiFactorAttempt,
  MultiFactorConfig,
  MultiFactorConfigCreateParams,
  MultiFactorConfigPatchParams,
  MultiFactorConfigSummary,
  MultiFactorSummary,
} from '../schemas/multi-factor.js';
