import * as z from 'zod/mini';
import type { DeepPartialNullable } from './users.js';

const authModule = z.looseObject({
  enabled: z.optional(z.boolean()),
  token_auth_expiry_s: z.optional(z.number()),
  log_failed_attempts: z.optional(z.boolean()),
  log_successful_attempts: z.optional(z.boolean()),
  multi_factor: z.optional(
    z.looseObject({
      enabled: z.optional(z.boolean()),
      configuration_id: z.optional(z.string()),
      account_id: z.optional(z.string()),
      include_subaccounts: z.optional(z.boolean()),
    }),
  ),
});

/**
 * The account's authentication configuration: `auth_modules` keyed by Crossbar auth module
 * (`cb_user_auth`, `cb_api_auth`, `cb_auth`, …), each with `enabled`, `token_auth_expiry_s`
 * (token lifetime), attempt logging and `multi_factor`. Settings are inherited down the
 * reseller tree.
 */
export const SecuritySchema = z.looseObject({
  auth_modules: z.optional(z.record(z.string(), authModule)),
});

/** One login attempt (`…/security/attempts`). */
export const LoginAttemptSchema = z.looseObject({
  id: z.string(),
  auth_type: z.optional(z.string()),
  auth_module: z.optional(z.string()),
  status: z.optional(z.string()),
  message: z.optional(z.string()),
  timestamp: z.optional(z.number()),
  client_ip: z.optional(z.string()),
});

/** What `security.update()` takes. */
export type SecurityUpdateParams = z.input<typeof SecuritySchema>;
/** What `security.patch()` takes. */
export type SecurityPatchParams = DeepPartialNullable<SecurityUpdateParams>;
/** The account's own authentication configuration (what `update()`/`patch()` return). */
export type SecuritySettings = z.input<typeof SecuritySchema> & { readonly id?: string };

/**
 * `GET …/security`: the account's own settings (`account`) and the effective ones merged from
 * the account, its parents, its reseller and the system (`inherited_config`).
 */
export interface SecurityOverview {
  readonly account: SecuritySettings;
  readonly inherited_config: SecuritySettings;
  readonly [key: string]: unknown;
}
/** One login attempt. */
export type LoginAttempt = z.output<typeof LoginAttemptSchema>;
