import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { AccountDocument } from '../internal/account-document.js';
import { lazy } from '../internal/lazy.js';
import { listCheck } from '../internal/list-check.js';
import type { ResourceSchemas } from '../internal/resource-base.js';
import type { LoginAttempt, SecurityOverview, SecurityPatchParams, SecuritySettings, SecurityUpdateParams } from '../schemas/security.js';

const SECURITY = 'accounts/{account_id}/security';
const schemas = lazy(async (): Promise<ResourceSchemas> => {
  const m = await import('../schemas/security.js');
  return { document: m.SecuritySchema, summary: m.LoginAttemptSchema };
});

/**
 * What `security.modules()` answers: the auth methods the system offers (`cb_security:summary_available/1`
 * names the key `available_auth_methods`; KAZOO's docs call it `available_auth_modules`).
 */
export interface SecurityModules {
  readonly available_auth_methods: string[];
}

/**
 * The account's authentication settings (enabled auth methods, token lifetime, multi-factor,
 * attempt logging): `/v2/accounts/{ACCOUNT_ID}/security`, and its login attempts. One document per
 * account: `get()` returns the account's own settings and the effective, inherited ones;
 * `update()` replaces the account's own.
 *
 * `GET /v2/accounts/{ACCOUNT_ID}/security`, `POST /v2/accounts/{ACCOUNT_ID}/security`.
 *
 * @example
 * ```ts
 * await audian.security.patch({ auth_modules: { cb_api_auth: { token_auth_expiry_s: 7200 } } });
 * for await (const attempt of audian.security.attempts()) console.log(attempt.status, attempt.client_ip);
 * ```
 */
export class Security extends AccountDocument<SecurityOverview, SecurityUpdateParams, SecuritySettings> {
  protected readonly spec = { path: SECURITY, what: 'security settings', schemas };

  /**
   * Changes some of the account's settings (deep merge; `null` deletes). `PATCH /v2/accounts/{ACCOUNT_ID}/security`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  patch(changes: SecurityPatchParams, options?: CallOptions): APIPromise<SecuritySettings> {
    return this._patchDocument(changes, options);
  }

  /** Removes the account's own settings (the inherited ones apply). `DELETE /v2/accounts/{ACCOUNT_ID}/security` */
  delete(options?: CallOptions): APIPromise<unknown> {
    return this._deleteDocument(options);
  }

  /** Lists login attempts (time-ranged). `GET /v2/accounts/{ACCOUNT_ID}/security/attempts` */
  attempts(params?: ListParams, options?: CallOptions): PagePromise<LoginAttempt> {
    return this.pages(`${SECURITY}/attempts`, params, { options, schema: listCheck() });
  }

  /**
   * Fetches one login attempt. `GET /v2/accounts/{ACCOUNT_ID}/security/attempts/{ATTEMPT_ID}`
   *
   * @throws NotFoundError when there is no such attempt
   */
  attempt(attemptId: string, options?: CallOptions): APIPromise<LoginAttempt> {
    return this.call('GET', `${SECURITY}/attempts/{id}`, { pathParams: { id: attemptId }, options });
  }

  /** The auth methods the system has, to configure. `GET /v2/security` */
  modules(options?: CallOptions): APIPromise<SecurityModules> {
    return this.call('GET', 'security', { options });
  }
}

export type { LoginAttempt, SecurityOverview, SecurityPatchParams, SecuritySettings, SecurityUpdateParams } from '../schemas/security.js';
