import type * as z from 'zod/mini';
import { AccountRateLimitsSchema } from './generated/account-rate-limits.js';
import { DeviceRateLimitsSchema } from './generated/device-rate-limits.js';

/**
 * SIP packet limits of an account: `account` (the whole account) and `device` (each of its
 * devices), both required, each with `per_minute` and `per_second` counts (`total_packets`
 * required; `invites`, `registrations` optional integers).
 */
export const AccountRateLimitsDocumentSchema = AccountRateLimitsSchema;

/** SIP packet limits of one device: `per_minute` and `per_second` counts, both required. */
export const DeviceRateLimitsDocumentSchema = DeviceRateLimitsSchema;

/** What `rate_limits.update()` takes. */
export type AccountRateLimitsUpdateParams = z.input<typeof AccountRateLimitsDocumentSchema>;
/** An account's rate limits as the API returns them (`{}` when none are set). */
export type AccountRateLimits = Partial<AccountRateLimitsUpdateParams> & { readonly id?: string };
/** What `rate_limits.device(id).update()` takes. */
export type DeviceRateLimitsUpdateParams = z.input<typeof DeviceRateLimitsDocumentSchema>;
/** A device's rate limits as the API returns them (`{}` when none are set). */
export type DeviceRateLimits = Partial<DeviceRateLimitsUpdateParams> & { readonly id?: string };
