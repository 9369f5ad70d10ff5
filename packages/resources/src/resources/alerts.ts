import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { listCheck } from '../internal/list-check.js';
import { checkBody, ResourceBase } from '../internal/resource-base.js';
import type { Alert, AlertCreateParams } from '../schemas/alerts.js';

const ALERTS = 'accounts/{account_id}/alerts';
const SCHEMAS = lazy(async () => {
  const m = await import('../schemas/alerts.js');
  return { document: m.AlertSchema, summary: m.AlertSchema };
});

/** What `alerts.list()` takes: the core `ListParams` (Crossbar answers this listing in one page). */
export type AlertListParams = ListParams;

/**
 * What needs the account's attention: `/v2/accounts/{ACCOUNT_ID}/alerts` — port requests waiting
 * on the customer (`port_action_required`, `port_suspended`), low balance, and system alerts a
 * super admin addressed to the account.
 *
 * @example
 * ```ts
 * import { createAudian } from '@audian/resources';
 *
 * const audian = createAudian({ auth });
 * for await (const alert of audian.alerts.list()) console.log(alert.category, alert.title);
 * ```
 */
export class Alerts extends ResourceBase {
  /** The account's current alerts (one page). `GET /v2/accounts/{ACCOUNT_ID}/alerts` */
  list(params?: AlertListParams, options?: CallOptions): PagePromise<Alert> {
    return this.pages(ALERTS, params, { options, schema: listCheck() });
  }

  /**
   * Creates a system alert (super admins only). `PUT /v2/accounts/{ACCOUNT_ID}/alerts`
   *
   * @throws InvalidArgumentError (before any request) when `title`, `message`, `from` or `to` is missing
   * @throws ForbiddenError for any other login
   */
  create(alert: AlertCreateParams, options?: CallOptions): APIPromise<Alert> {
    return APIPromise.after(checkBody(SCHEMAS, alert, 'full', 'alert'), () => this.call('PUT', ALERTS, { data: alert, options }));
  }

  /**
   * One system alert. `GET /v2/accounts/{ACCOUNT_ID}/alerts/{ALERT_ID}`
   *
   * @throws NotFoundError when there is no such alert
   */
  get(alertId: string, options?: CallOptions): APIPromise<Alert> {
    return this.call('GET', `${ALERTS}/{id}`, { pathParams: { id: alertId }, options });
  }

  /** Dismisses a system alert; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/alerts/{ALERT_ID}` */
  delete(alertId: string, options?: CallOptions): APIPromise<Alert> {
    return this.call('DELETE', `${ALERTS}/{id}`, { pathParams: { id: alertId }, options });
  }
}

export type { Alert, AlertCreateParams } from '../schemas/alerts.js';
