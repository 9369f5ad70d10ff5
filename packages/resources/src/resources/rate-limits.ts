import type { CallOptions } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { CTX, checkBody, ResourceBase, type ResourceContext, type ResourceSchemas } from '../internal/resource-base.js';
import type { ResourceMethods } from '../resource-methods.js';
import type {
  AccountRateLimits,
  AccountRateLimitsUpdateParams,
  DeviceRateLimits,
  DeviceRateLimitsUpdateParams,
} from '../schemas/rate-limits.js';

const ACCOUNT = 'accounts/{account_id}/rate_limits';
const DEVICE = 'accounts/{account_id}/devices/{device_id}/rate_limits';
const ACCOUNT_SCHEMAS = lazy(async (): Promise<ResourceSchemas> => {
  const m = await import('../schemas/rate-limits.js');
  return { document: m.AccountRateLimitsDocumentSchema, summary: m.AccountRateLimitsDocumentSchema };
});
const DEVICE_SCHEMAS = lazy(async (): Promise<ResourceSchemas> => {
  const m = await import('../schemas/rate-limits.js');
  return { document: m.DeviceRateLimitsDocumentSchema, summary: m.DeviceRateLimitsDocumentSchema };
});

/**
 * The SIP packet limits of one device: `audian.rate_limits.device(deviceId)`.
 *
 * @example
 * ```ts
 * await audian.rate_limits.device(deviceId).update({ per_minute: { total_packets: 600 }, per_second: { total_packets: 20 } });
 * ```
 */
export class DeviceRateLimitsResource extends ResourceBase {
  readonly #deviceId: string;

  constructor(ctx: ResourceContext, deviceId: string) {
    super(ctx);
    this.#deviceId = deviceId;
  }

  /**
   * The device's limits (`{}` when none are set). `GET /v2/accounts/{ACCOUNT_ID}/devices/{DEVICE_ID}/rate_limits`
   *
   * @throws ForbiddenError unless the login is a reseller's (or the system's)
   */
  get(options?: CallOptions): APIPromise<DeviceRateLimits> {
    return this.call('GET', DEVICE, { pathParams: { device_id: this.#deviceId }, options });
  }

  /**
   * Sets the device's limits (merged over the stored ones). `POST /v2/accounts/{ACCOUNT_ID}/devices/{DEVICE_ID}/rate_limits`
   *
   * @throws InvalidArgumentError (before any request) when `per_minute` or `per_second` (with `total_packets`) is missing
   * @throws ForbiddenError unless the login is a reseller's (or the system's)
   */
  update(limits: DeviceRateLimitsUpdateParams, options?: CallOptions): APIPromise<DeviceRateLimits> {
    return APIPromise.after(checkBody(DEVICE_SCHEMAS, limits, 'full', 'device rate limits'), () =>
      this.call('POST', DEVICE, { pathParams: { device_id: this.#deviceId }, data: limits, options }),
    );
  }

  /** Removes the device's limits; returns them (`{}` when none were set). `DELETE /v2/accounts/{ACCOUNT_ID}/devices/{DEVICE_ID}/rate_limits` */
  delete(options?: CallOptions): APIPromise<DeviceRateLimits> {
    return this.call('DELETE', DEVICE, { pathParams: { device_id: this.#deviceId }, options });
  }
}

/**
 * SIP packet rate limits (enforced at the edge proxy) of the account
 * (`/v2/accounts/{ACCOUNT_ID}/rate_limits`: `account` for the whole account, `device` for each of
 * its devices) and of one device (`device(deviceId)`). Only a reseller's login (or the system's)
 * may read or set them. One document per account or device: `get()` (`{}` when none are set),
 * `update()`, `delete()`.
 *
 * @example
 * ```ts
 * const perDevice = { per_minute: { total_packets: 600, registrations: 30 }, per_second: { total_packets: 20 } };
 * await audian.rate_limits.update({ account: { per_minute: { total_packets: 6000 }, per_second: { total_packets: 200 } }, device: perDevice });
 * ```
 */
export class RateLimits extends ResourceBase {
  /**
   * The account's limits (`{}` when none are set). `GET /v2/accounts/{ACCOUNT_ID}/rate_limits`
   *
   * @throws ForbiddenError unless the login is a reseller's (or the system's)
   */
  get(options?: CallOptions): APIPromise<AccountRateLimits> {
    return this.call('GET', ACCOUNT, { options });
  }

  /**
   * Sets the account's limits (merged over the stored ones). `POST /v2/accounts/{ACCOUNT_ID}/rate_limits`
   *
   * @throws InvalidArgumentError (before any request) when `account` or `device` is missing or malformed
   * @throws ForbiddenError unless the login is a reseller's (or the system's)
   */
  update(limits: AccountRateLimitsUpdateParams, options?: CallOptions): APIPromise<AccountRateLimits> {
    return APIPromise.after(checkBody(ACCOUNT_SCHEMAS, limits, 'full', 'rate limits'), () =>
      this.call('POST', ACCOUNT, { data: limits, options }),
    );
  }

  /** Removes the account's limits; returns them (`{}` when none were set). `DELETE /v2/accounts/{ACCOUNT_ID}/rate_limits` */
  delete(options?: CallOptions): APIPromise<AccountRateLimits> {
    return this.call('DELETE', ACCOUNT, { options });
  }

  /** The limits of one device of the account. */
  device(deviceId: string): ResourceMethods<DeviceRateLimitsResource> {
    return new DeviceRateLimitsResource(this[CTX], deviceId);
  }
}

export type {
  AccountRateLimits,
  AccountRateLimitsUpdateParams,
  DeviceRateLimits,
  DeviceRateLimitsUpdateParams,
} from '../schemas/rate-limits.js';
