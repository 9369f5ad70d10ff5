import type { CallOptions } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { CTX, checkBody, ResourceBase, type ResourceContext, type ResourceSchemas } from '../internal/resource-base.js';
import type { ResourceMethods } from '../resource-methods.js';
import type { AccessList, AccessListUpdateParams } from '../schemas/access-lists.js';

const ACCOUNT = 'accounts/{account_id}/access_lists';
const DEVICE = 'accounts/{account_id}/devices/{device_id}/access_lists';
const SCHEMAS = lazy(async (): Promise<ResourceSchemas> => {
  const m = await import('../schemas/access-lists.js');
  return { document: m.AccessListSchema, summary: m.AccessListSchema };
});

/**
 * The SIP access list of one device: `audian.access_lists.device(deviceId)`. Only SIP traffic from
 * the listed addresses (and, when set, a matching User-Agent) may register as the device.
 *
 * @example
 * ```ts
 * await audian.access_lists.device(deviceId).update({ order: 'allow,deny', cidrs: ['203.0.113.10/32'] });
 * ```
 */
export class DeviceAccessLists extends ResourceBase {
  readonly #deviceId: string;

  constructor(ctx: ResourceContext, deviceId: string) {
    super(ctx);
    this.#deviceId = deviceId;
  }

  /**
   * The device's access list (`{}` when none is set). `GET /v2/accounts/{ACCOUNT_ID}/devices/{DEVICE_ID}/access_lists`
   *
   * @throws NotFoundError when there is no such device
   */
  get(options?: CallOptions): APIPromise<AccessList> {
    return this.call('GET', DEVICE, { pathParams: { device_id: this.#deviceId }, options });
  }

  /**
   * Sets the device's access list. `POST /v2/accounts/{ACCOUNT_ID}/devices/{DEVICE_ID}/access_lists`
   *
   * @throws InvalidArgumentError (before any request) when `cidrs` or `order` is missing or wrong
   */
  update(accessList: AccessListUpdateParams, options?: CallOptions): APIPromise<AccessList> {
    return APIPromise.after(checkBody(SCHEMAS, accessList, 'full', 'access list'), () =>
      this.call('POST', DEVICE, { pathParams: { device_id: this.#deviceId }, data: accessList, options }),
    );
  }

  /** Removes the device's access list (answers `{}`). `DELETE /v2/accounts/{ACCOUNT_ID}/devices/{DEVICE_ID}/access_lists` */
  delete(options?: CallOptions): APIPromise<AccessList> {
    return this.call('DELETE', DEVICE, { pathParams: { device_id: this.#deviceId }, options });
  }
}

/**
 * The account's SIP access list (`/v2/accounts/{ACCOUNT_ID}/access_lists`), and each device's
 * (`device(deviceId)`): `cidrs` in CIDR notation, `order` (`allow,deny` or `deny,allow`) and an
 * optional `user_agent` regular expression. One document per account or device: `get()` (`{}`
 * when none is set), `update()`, `delete()`.
 *
 * @example
 * ```ts
 * await audian.access_lists.update({ order: 'deny,allow', cidrs: ['198.51.100.0/24'], user_agent: '^Yealink' });
 * const acl = await audian.access_lists.get();
 * ```
 */
export class AccessLists extends ResourceBase {
  /** The account's access list (`{}` when none is set). `GET /v2/accounts/{ACCOUNT_ID}/access_lists` */
  get(options?: CallOptions): APIPromise<AccessList> {
    return this.call('GET', ACCOUNT, { options });
  }

  /**
   * Sets the account's access list. `POST /v2/accounts/{ACCOUNT_ID}/access_lists`
   *
   * @throws InvalidArgumentError (before any request) when `cidrs` or `order` is missing or wrong
   */
  update(accessList: AccessListUpdateParams, options?: CallOptions): APIPromise<AccessList> {
    return APIPromise.after(checkBody(SCHEMAS, accessList, 'full', 'access list'), () =>
      this.call('POST', ACCOUNT, { data: accessList, options }),
    );
  }

  /** Removes the account's access list (answers `{}`). `DELETE /v2/accounts/{ACCOUNT_ID}/access_lists` */
  delete(options?: CallOptions): APIPromise<AccessList> {
    return this.call('DELETE', ACCOUNT, { options });
  }

  /** The access list of one device of the account. */
  device(deviceId: string): ResourceMethods<DeviceAccessLists> {
    return new DeviceAccessLists(this[CTX], deviceId);
  }
}

export type { AccessList, AccessListUpdateParams } from '../schemas/access-lists.js';
