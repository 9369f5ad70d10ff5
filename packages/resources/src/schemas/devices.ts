import * as z from 'zod/mini';
import { DevicesSchema } from './generated/devices.js';
import type { DeepPartialNullable } from './users.js';

/**
 * A device document. Required: `name`. `device_type` is free text in KAZOO's schema; the ones
 * KAZOO's endpoint builder knows are `sip_device`, `sip_uri`, `smartphone`, `softphone`,
 * `cellphone`, `landline`, `fax`, `mobile`, `push`, `skype`. `sip.username`/`sip.password` are
 * unique per realm, `mac_address` is unique. Defaults include `enabled: true`,
 * `sip.method: 'password'`, `sip.invite_format: 'contact'`, `sip.expire_seconds: 300`.
 */
export const DeviceSchema = DevicesSchema;

/** One item of `GET /v2/accounts/{ACCOUNT_ID}/devices`. */
export const DeviceSummarySchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
  username: z.optional(z.string()),
  mac_address: z.optional(z.string()),
  owner_id: z.optional(z.string()),
  enabled: z.optional(z.boolean()),
  device_type: z.optional(z.string()),
  flags: z.optional(z.array(z.string())),
});

/** One item of `GET /v2/accounts/{ACCOUNT_ID}/devices/status`: the registration state of a device. */
export const DeviceStatusSchema = z.looseObject({
  device_id: z.string(),
  registered: z.boolean(),
});

/** What `devices.create()` and `devices.update()` take: `name` is required. */
export type DeviceCreateParams = z.input<typeof DeviceSchema>;
/** A device as the API returns it. */
export type Device = z.input<typeof DeviceSchema> & { readonly id: string };
/** One item of the devices listing. */
export type DeviceSummary = z.output<typeof DeviceSummarySchema>;
/** A device's registration state. */
export type DeviceStatus = z.output<typeof DeviceStatusSchema>;
/** What `devices.patch()` takes. */
export type DevicePatchParams = DeepPartialNullable<DeviceCreateParams>;
