import type { CallOptions } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { ResourceBase } from '../internal/resource-base.js';

/** What `about.get()` answers (`cb_about:display_version/1`). */
export interface AboutInfo {
  /** The KAZOO version serving the API. */
  readonly version: string;
}

/**
 * The version of the platform serving the API: `/v2/about`.
 *
 * @example
 * ```ts
 * const { version } = await audian.about.get();
 * ```
 */
export class About extends ResourceBase {
  /** The version, for any login. `GET /v2/about` */
  get(options?: CallOptions): APIPromise<AboutInfo> {
    return this.call('GET', 'about', { options });
  }

  /** The same, asked through the client's account. `GET /v2/accounts/{ACCOUNT_ID}/about` */
  forAccount(options?: CallOptions): APIPromise<AboutInfo> {
    return this.call('GET', 'accounts/{account_id}/about', { options });
  }
}
