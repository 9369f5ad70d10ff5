import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import { ResourceBase } from '../internal/resource-base.js';
import type { AcdcCallStat } from '../schemas/acdc-call-stats.js';

/**
 * ACDc's per-call statistics (calls through call-center queues), `/v2/accounts/{ACCOUNT_ID}/acdc_call_stats`.
 *
 * @example
 * ```ts
 * for await (const stat of audian.acdc_call_stats.list({ createdFrom: new Date(Date.now() - 86_400_000) })) console.log(stat.queue_id, stat.wait_time);
 * ```
 */
export class AcdcCallStats extends ResourceBase {
  /** Lists call statistics over a range (`createdFrom`/`createdTo`, 31 days at most). `GET /v2/accounts/{ACCOUNT_ID}/acdc_call_stats` */
  list(params?: ListParams, options?: CallOptions): PagePromise<AcdcCallStat> {
    return this.pages('accounts/{account_id}/acdc_call_stats', params, { options });
  }
}

export type { AcdcCallStat } from '../schemas/acdc-call-stats.js';
