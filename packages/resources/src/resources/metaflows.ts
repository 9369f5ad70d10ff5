import type { CallOptions } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { AccountDocument } from '../internal/account-document.js';
import { lazy } from '../internal/lazy.js';
import type { AccountMetaflows, MetaflowsUpdateParams } from '../schemas/metaflows.js';

/**
 * The account's metaflows (in-call DTMF features such as `*1` to transfer):
 * `/v2/accounts/{ACCOUNT_ID}/metaflows`. One document per account: `get()` (`{}` when none are
 * set), `update()` (replaces them; `binding_digit` is one of 0-9, `*`, `#`), `delete()`.
 *
 * `GET /v2/accounts/{ACCOUNT_ID}/metaflows`, `POST /v2/accounts/{ACCOUNT_ID}/metaflows`, `DELETE /v2/accounts/{ACCOUNT_ID}/metaflows`.
 *
 * @example
 * ```ts
 * await audian.metaflows.update({ binding_digit: '*', patterns: { '2(\\d+)': { module: 'transfer', data: { takeback_dtmf: '*1' } } } });
 * ```
 */
export class Metaflows extends AccountDocument<AccountMetaflows, MetaflowsUpdateParams> {
  protected readonly spec = {
    path: 'accounts/{account_id}/metaflows',
    what: 'metaflows',
    schemas: lazy(async () => {
      const m = await import('../schemas/metaflows.js');
      return { document: m.MetaflowsSchema, summary: m.MetaflowsSchema };
    }),
  };

  /** Removes the account's metaflows. `DELETE /v2/accounts/{ACCOUNT_ID}/metaflows` */
  delete(options?: CallOptions): APIPromise<unknown> {
    return this._deleteDocument(options);
  }
}

export type { AccountMetaflows, MetaflowsUpdateParams } from '../schemas/metaflows.js';
