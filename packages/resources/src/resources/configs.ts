import type { CallOptions } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { checkBody, ResourceBase, type ResourceSchemas } from '../internal/resource-base.js';
import type { AccountConfig, AccountConfigParams, AccountConfigPatchParams } from '../schemas/configs.js';

const CONFIG = 'accounts/{account_id}/configs/{id}';
const SCHEMAS = lazy(async (): Promise<ResourceSchemas> => {
  const m = await import('../schemas/configs.js');
  return { document: m.AccountConfigSchema, summary: m.AccountConfigSchema };
});

/**
 * Per-account settings of KAZOO's applications (`conferences`, `callflow`, …):
 * `/v2/accounts/{ACCOUNT_ID}/configs/{CONFIG_ID}`. Every answer is the merged configuration
 * (the account's values over its reseller's and the system's); a write stores only what differs
 * from the inherited values, and a write equal to them removes the account's own document.
 *
 * @example
 * ```ts
 * const conf = await audian.configs.get('conferences');
 * await audian.configs.patch('conferences', { pin_timeout: 3000 });
 * ```
 */
export class Configs extends ResourceBase {
  /** Reads the merged configuration. `GET /v2/accounts/{ACCOUNT_ID}/configs/{CONFIG_ID}` */
  get(configId: string, options?: CallOptions): APIPromise<AccountConfig> {
    return this.call('GET', CONFIG, { pathParams: { id: configId }, options });
  }

  /**
   * Sets the account's configuration (same as {@link Configs.update}). `PUT /v2/accounts/{ACCOUNT_ID}/configs/{CONFIG_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the configuration is not an object
   */
  create(configId: string, config: AccountConfigParams, options?: CallOptions): APIPromise<AccountConfig> {
    return APIPromise.after(checkBody(SCHEMAS, config, 'full', 'config'), () =>
      this.call<AccountConfig>('PUT', CONFIG, { pathParams: { id: configId }, data: config, options }),
    );
  }

  /**
   * Replaces the account's configuration (what equals the reseller's is not stored).
   * `POST /v2/accounts/{ACCOUNT_ID}/configs/{CONFIG_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the configuration is not an object
   */
  update(configId: string, config: AccountConfigParams, options?: CallOptions): APIPromise<AccountConfig> {
    return APIPromise.after(checkBody(SCHEMAS, config, 'full', 'config'), () =>
      this.call<AccountConfig>('POST', CONFIG, { pathParams: { id: configId }, data: config, options }),
    );
  }

  /**
   * Changes some values (what equals the current merged value is not stored).
   * `PATCH /v2/accounts/{ACCOUNT_ID}/configs/{CONFIG_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the changes are not an object
   */
  patch(configId: string, changes: AccountConfigPatchParams, options?: CallOptions): APIPromise<AccountConfig> {
    return APIPromise.after(checkBody(SCHEMAS, changes, 'patch', 'config'), () =>
      this.call<AccountConfig>('PATCH', CONFIG, { pathParams: { id: configId }, data: changes, options }),
    );
  }

  /** Removes the account's own values; returns the inherited configuration. `DELETE /v2/accounts/{ACCOUNT_ID}/configs/{CONFIG_ID}` */
  delete(configId: string, options?: CallOptions): APIPromise<AccountConfig> {
    return this.call('DELETE', CONFIG, { pathParams: { id: configId }, options });
  }
}

export type { AccountConfig, AccountConfigParams, AccountConfigPatchParams } from '../schemas/configs.js';
