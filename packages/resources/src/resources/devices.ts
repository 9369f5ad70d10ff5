import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { collection, ResourceBase } from '../internal/resource-base.js';
import type { Device, DeviceCreateParams, DevicePatchParams, DeviceStatus, DeviceSummary } from '../schemas/devices.js';

const DEVICES = 'accounts/{account_id}/devices';

const SPEC = collection(
  DEVICES,
  'device',
  lazy(async () => {
    const m = await import('../schemas/devices.js');
    return { document: m.DeviceSchema, summary: m.DeviceSummarySchema };
  }),
);

/**
 * What `Devices.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { DeviceListParams } from '@audian/resources';
 *
 * const params: DeviceListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface DeviceListParams extends ListParams {}

/**
 * The account's devices (desk phones, softphones, cell phones, fax machines):
 * `/v2/accounts/{ACCOUNT_ID}/devices`.
 *
 * @example
 * ```ts
 * const phone = await audian.devices.create({ name: 'Reception', device_type: 'sip_device', owner_id: userId, sip: { username: 'reception', password: 's3cret-pass' } });
 * const online = (await audian.devices.status()).filter((d) => d.registered);
 * await audian.devices.sync(phone.id);
 * ```
 */
export class Devices extends ResourceBase {
  /** Lists the devices (summaries). `GET /v2/accounts/{ACCOUNT_ID}/devices` */
  list(params?: DeviceListParams, options?: CallOptions): PagePromise<DeviceSummary> {
    return this._list(SPEC, params, options);
  }

  /**
   * Fetches one device. `GET /v2/accounts/{ACCOUNT_ID}/devices/{DEVICE_ID}`
   *
   * @throws NotFoundError when there is no such device
   */
  get(deviceId: string, options?: CallOptions): APIPromise<Device> {
    return this._get(SPEC, deviceId, options);
  }

  /**
   * Creates a device. `PUT /v2/accounts/{ACCOUNT_ID}/devices`
   *
   * @throws InvalidArgumentError (before any request) when `name` is missing or a field has the wrong type
   * @throws BadRequestError when Crossbar rejects it (SIP credentials or MAC address already in use, …)
   * @throws PaymentRequiredError when it has charges and `acceptCharges` was not set
   */
  create(device: DeviceCreateParams, options?: CallOptions): APIPromise<Device> {
    return this._create(SPEC, device, options);
  }

  /**
   * Replaces a device (fields not sent are deleted). `POST /v2/accounts/{ACCOUNT_ID}/devices/{DEVICE_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  update(deviceId: string, device: DeviceCreateParams, options?: CallOptions): APIPromise<Device> {
    return this._update(SPEC, deviceId, device, options);
  }

  /**
   * Changes some fields (deep merge; `null` deletes). `PATCH /v2/accounts/{ACCOUNT_ID}/devices/{DEVICE_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  patch(deviceId: string, changes: DevicePatchParams, options?: CallOptions): APIPromise<Device> {
    return this._patch(SPEC, deviceId, changes, options);
  }

  /** Deletes a device; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/devices/{DEVICE_ID}` */
  delete(deviceId: string, options?: CallOptions): APIPromise<Device> {
    return this._delete(SPEC, deviceId, options);
  }

  /** Registration state of every device. `GET /v2/accounts/{ACCOUNT_ID}/devices/status` */
  status(options?: CallOptions): APIPromise<DeviceStatus[]> {
    return this.call('GET', `${DEVICES}/status`, { options });
  }

  /**
   * Asks the phone to re-read its configuration (a `check-sync` NOTIFY; most phones reboot).
   * `POST /v2/accounts/{ACCOUNT_ID}/devices/{DEVICE_ID}/sync`
   */
  sync(deviceId: string, options?: CallOptions): APIPromise<unknown> {
    return this.call('POST', `${DEVICES}/{id}/sync`, { pathParams: { id: deviceId }, data: {}, options });
  }

  /**
   * Sends a SIP NOTIFY with `event` (e.g. `check-sync`) to the device.
   * `PUT /v2/accounts/{ACCOUNT_ID}/devices/{DEVICE_ID}` with `{"action":"notify","data":{"event":…}}`
   */
  notify(deviceId: string, event: string, options?: CallOptions): APIPromise<unknown> {
    return this.call('PUT', `${DEVICES}/{id}`, { pathParams: { id: deviceId }, envelope: { action: 'notify' }, data: { event }, options });
  }

  /**
   * Rings the device and, when answered, calls `number`.
   * `GET /v2/accounts/{ACCOUNT_ID}/devices/{DEVICE_ID}/quickcall/{NUMBER}`
   */
  quickcall(
    deviceId: string,
    number: string,
    query?: Record<string, string | number | boolean>,
    options?: CallOptions,
  ): APIPromise<unknown> {
    return this.call('GET', `${DEVICES}/{id}/quickcall/{number}`, { pathParams: { id: deviceId, number }, query, options });
  }
}

export type { Device, DeviceCreateParams, DevicePatchParams, DeviceStatus, DeviceSummary } from '../schemas/devices.js';
