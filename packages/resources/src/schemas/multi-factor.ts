import * as z from 'zod/mini';

/**
 * A multi-factor provider configuration (KAZOO's `multi_factor_provider` schema): `name`,
 * `enabled` and `provider_name` (`duo`, …) required; the provider's keys go in `settings`.
 */
export const MultiFactorConfigSchema = z.looseObject({
  name: z.string().check(z.minLength(1)),
  enabled: z.boolean(),
  provider_name: z.string().check(z.minLength(1)),
  settings: z.optional(z.looseObject({})),
});

/** What `multi_factor.create()` / `update()` take. */
export type MultiFactorConfigCreateParams = z.input<typeof MultiFactorConfigSchema>;
/** A provider configuration as the API returns it. */
export type MultiFactorConfig = MultiFactorConfigCreateParams & { readonly id: string };
/** What `multi_factor.patch()` takes. */
export type MultiFactorConfigPatchParams = Partial<MultiFactorConfigCreateParams>;
/** One row of a configuration listing (`auth/providers_by_type`). */
export interface MultiFactorConfigSummary {
  readonly id: string;
  readonly name?: string;
  readonly enabled?: boolean;
  readonly provider_name?: string;
  readonly provider_type?: string;
}
/** `GET …/multi_factor`: the account's configurations and the system's providers. */
export interface MultiFactorSummary {
  readonly configured: readonly MultiFactorConfigSummary[];
  readonly multi_factor_providers: readonly MultiFactorConfigSummary[];
}
/** One multi-factor login attempt (`auth/login_attempt_by_auth_type`). */
export interface MultiFactorAttempt {
  readonly id: string;
  readonly auth_type?: string;
  readonly auth_module?: string;
  readonly status?: string;
  readonly message?: string;
  readonly timestamp?: number;
  readonly client_ip?: string;
}
