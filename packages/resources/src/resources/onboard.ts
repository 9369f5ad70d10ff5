import type { CallOptions } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { ResourceBase, type ResourceSchemas } from '../internal/resource-base.js';
import type { OnboardParams, OnboardResult } from '../schemas/onboard.js';

const SCHEMAS = lazy(async (): Promise<ResourceSchemas> => {
  const m = await import('../schemas/onboard.js');
  return { document: m.OnboardSchema, summary: m.OnboardResultSchema };
});

/**
 * Onboarding in one request: a new sub-account with its users (the first one an administrator),
 * their devices, voicemail boxes and callflows. `/v2/accounts/{ACCOUNT_ID}/onboard`. Nothing is
 * created when any part fails validation.
 *
 * @example
 * ```ts
 * const { account_id } = await audian.onboard.create({
 *   account: { name: 'Acme Dental' },
 *   extensions: [{ user: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', password: 's3cret!' }, callflow: { numbers: ['1000'] } }],
 * });
 * ```
 */
export class Onboard extends ResourceBase {
  /**
   * Creates the account and its extensions. `PUT /v2/accounts/{ACCOUNT_ID}/onboard`
   *
   * @throws InvalidArgumentError (before any request) when `account.name` is missing
   * @throws BadRequestError with the errors of each part (`account`, `extensions.<n>.users`, …)
   */
  create(onboarding: OnboardParams, options?: CallOptions): APIPromise<OnboardResult> {
    return APIPromise.after(this.validate(SCHEMAS, onboarding, 'full', 'onboarding'), () =>
      this.call<OnboardResult>('PUT', 'accounts/{account_id}/onboard', { data: onboarding, options }),
    );
  }
}

export type { OnboardExtension, OnboardParams, OnboardResult } from '../schemas/onboard.js';
