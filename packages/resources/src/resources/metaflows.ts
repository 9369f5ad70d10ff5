import type { CallOptions } from '@audian/core';
import { lazy } from '../internal/lazy.js';
import { checkBody, ResourceBase, type ResourceSchemas } from '../internal/resource-base.js';
import type { AccountMetaflows, MetaflowsUpdateParams } from '../schemas/metaflows.js';

const METAFLOWS = 'accounts/{account_id}/metaflows';
const schemas = lazy(async (): Promise<ResourceSchemas> => {
  const m = await import('../schemas/metaflows.js');
  return { document: m.MetaflowsSchema, summary: m.MetaflowsSchema };
});

/**
 * The account's metaflows (in-call DTMF features such as `*1` to transfer):
 * `/v2/accounts/{ACCOUNT_ID}/metaflows`. One document per account.
 *
 * @example
 * ```ts
 * await audian.metaflows.update({ binding_digit: '*', patterns: { '2(\\d+)': { module: 'transfer', data: { takeback_dtmf: '*1' } } } });
 * ```
 */
export class Metaflows extends ResourceBase {
  /** Reads the account's metaflows (`{}` when none are set). `GET /v2/accounts/{ACCOUNT_ID}/metaflows` */
  get(options?: CallOptions): Promise<AccountMetaflows> {
    return this.call('GET', METAFLOWS, { options });
  }

  /**
   * Sets the account's metaflows (replacing them).
   * `POST /v2/accounts/{ACCOUNT_ID}/metaflows`
   *
   * @throws InvalidArgumentError (before any request) when a field has the wrong type (`binding_digit` one of 0-9, `*`, `#`)
   */
  async update(metaflows: MetaflowsUpdateParams, options?: CallOptions): Promise<AccountMetaflows> {
    await checkBody(schemas, metaflows, 'full', 'metaflows');
    return this.call('POST', METAFLOWS, { data: metaflows, options });
  }

  /** Removes the account's metaflows. `DELETE /v2/accounts/{ACCOUNT_ID}/metaflows` */
  remove(options?: CallOptions): Promise<unknown> {
    return this.call('DELETE', METAFLOWS, { options });
  }
}

export type { AccountMetaflows, MetaflowsUpdateParams } from '../schemas/metaflows.js';
