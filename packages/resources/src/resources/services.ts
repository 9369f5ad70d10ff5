import { type CallOptions, InvalidArgumentError, type ListParams, type PagePromise, toListQuery } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { listCheck } from '../internal/list-check.js';
import { ResourceBase } from '../internal/resource-base.js';
import type {
  AssignedServicePlans,
  ServiceAuditLog,
  ServiceDaySummary,
  ServicePlanSummary,
  ServicesChangeParams,
  ServicesEditableFields,
  ServicesManualQuantities,
  ServicesOverrides,
  ServicesQuoteParams,
  ServicesSummary,
  ServicesTopupParams,
  ServicesTopupResult,
} from '../schemas/services.js';

const SERVICES = 'accounts/{account_id}/services';
const schemas = (pick: (m: typeof import('../schemas/services.js')) => import('zod/mini').ZodMiniType) =>
  lazy(async () => {
    const m = await import('../schemas/services.js');
    return { document: pick(m), summary: m.ServicePlanSummarySchema };
  });
const CHANGE = schemas((m) => m.ServicesChangeSchema);
const MANUAL = schemas((m) => m.ServicesManualQuantitiesSchema);
const OVERRIDES = schemas((m) => m.ServicesOverridesSchema);
const TOPUP = schemas((m) => m.ServicesTopupSchema);
// Audit logs come from a view whose rows carry their document's `id`; plans from the reseller's `services/plans`.
const LISTING = listCheck();

/** A time window for the audit summaries (`created_from` / `created_to`, at most a year apart). */
export type ServicesAuditSummaryParams = Pick<ListParams, 'createdFrom' | 'createdTo'>;

function requireId(value: unknown, argument: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidArgumentError(argument, `${argument} must be a non-empty string`);
  return value;
}

/**
 * The account's services (billing): its service plans, what they bill (`summary()`), what a change
 * would bill (`quote()`), manual quantities, overrides and the audit log of every billable change:
 * `/v2/accounts/{ACCOUNT_ID}/services`. Changing plans, quantities or overrides is for the
 * account's reseller (or a super-duper admin); others get a 403.
 *
 * @example
 * ```ts
 * import { createAudian } from '@audian/resources';
 *
 * const audian = createAudian({ auth });
 * const quote = await audian.services.quote({ add: ['gold_plan'] });
 * console.log(quote.invoices?.[0]?.summary?.recurring);
 * await audian.services.addPlan('gold_plan');
 * ```
 */
export class Services extends ResourceBase {
  /** The plans assigned to the account, by plan id. `GET /v2/accounts/{ACCOUNT_ID}/services` */
  get(options?: CallOptions): APIPromise<AssignedServicePlans> {
    return this.call('GET', SERVICES, { options });
  }

  /**
   * Adds (`add`), removes (`delete`) and overrides plans in one change; answers the assigned plans.
   * `POST /v2/accounts/{ACCOUNT_ID}/services`
   *
   * @throws InvalidArgumentError (before any request) when a field has the wrong type
   * @throws ForbiddenError when the login is not the account's reseller
   */
  change(changes: ServicesChangeParams, options?: CallOptions): APIPromise<AssignedServicePlans> {
    return APIPromise.after(this.validate(CHANGE, changes, 'full', 'services change'), () =>
      this.call('POST', SERVICES, { data: changes, options }),
    );
  }

  /**
   * Assigns one plan (with optional overrides of its fields). `POST /v2/accounts/{ACCOUNT_ID}/services/{PLAN_ID}`
   *
   * @throws InvalidArgumentError (before any request) when `planId` is empty
   * @throws NotFoundError when the reseller has no such plan
   */
  addPlan(planId: string, overrides: Record<string, unknown> = {}, options?: CallOptions): APIPromise<AssignedServicePlans> {
    return APIPromise.run(() =>
      this.call('POST', `${SERVICES}/{id}`, { pathParams: { id: requireId(planId, 'planId') }, data: overrides, options }),
    );
  }

  /**
   * Unassigns one plan. `DELETE /v2/accounts/{ACCOUNT_ID}/services/{PLAN_ID}`
   *
   * @throws InvalidArgumentError (before any request) when `planId` is empty
   */
  removePlan(planId: string, options?: CallOptions): APIPromise<AssignedServicePlans> {
    return APIPromise.run(() => this.call('DELETE', `${SERVICES}/{id}`, { pathParams: { id: requireId(planId, 'planId') }, options }));
  }

  /** What the account is billed: invoices (items, rates, totals) and quantities. `GET /v2/accounts/{ACCOUNT_ID}/services/summary` */
  summary(options?: CallOptions): APIPromise<ServicesSummary> {
    return this.call('GET', `${SERVICES}/summary`, { options });
  }

  /**
   * What the account would be billed after a change of plans, without making it.
   * `POST /v2/accounts/{ACCOUNT_ID}/services/quote`
   *
   * @throws InvalidArgumentError (before any request) when a field has the wrong type
   */
  quote(change: ServicesQuoteParams, options?: CallOptions): APIPromise<ServicesSummary> {
    return APIPromise.after(this.validate(CHANGE, change, 'full', 'services quote'), () =>
      this.call('POST', `${SERVICES}/quote`, { data: change, options }),
    );
  }

  /** The plans the account's reseller offers (`details: true` for whole plans). `GET /v2/accounts/{ACCOUNT_ID}/services/available` */
  available(params: ListParams & { readonly details?: boolean } = {}, options?: CallOptions): PagePromise<ServicePlanSummary> {
    const { details, ...list } = params;
    return this.pages(`${SERVICES}/available`, list, { query: details ? { details: true } : undefined, options, schema: LISTING });
  }

  /** The plan fields the reseller may override. `GET /v2/accounts/{ACCOUNT_ID}/services/editable` */
  editable(options?: CallOptions): APIPromise<ServicesEditableFields> {
    return this.call('GET', `${SERVICES}/editable`, { options });
  }

  /** The audit log: every change that altered the bill, newest first. `GET /v2/accounts/{ACCOUNT_ID}/services/audit` */
  audit(params?: ListParams, options?: CallOptions): PagePromise<ServiceAuditLog> {
    return this.pages(`${SERVICES}/audit`, params, { options, schema: LISTING });
  }

  /**
   * One audit log entry (ids start with their `YYYYMM`). `GET /v2/accounts/{ACCOUNT_ID}/services/audit/{AUDIT_ID}`
   *
   * @throws InvalidArgumentError (before any request) when `auditId` is empty
   * @throws NotFoundError when there is no such entry
   */
  auditLog(auditId: string, options?: CallOptions): APIPromise<ServiceAuditLog> {
    return APIPromise.run(() => this.call('GET', `${SERVICES}/audit/{id}`, { pathParams: { id: requireId(auditId, 'auditId') }, options }));
  }

  /**
   * Additions, removals and quantities per category and day (resellers only).
   * `GET /v2/accounts/{ACCOUNT_ID}/services/audit/summary`
   */
  auditSummary(
    params: ServicesAuditSummaryParams = {},
    options?: CallOptions,
  ): APIPromise<Record<string, Record<string, ServiceDaySummary>>[]> {
    return APIPromise.run(() => this.call('GET', `${SERVICES}/audit/summary`, { query: toListQuery(params), options }));
  }

  /**
   * The same for one category (`user`, `mailbox`, …): one object per day.
   * `GET /v2/accounts/{ACCOUNT_ID}/services/audit/summary/{SOURCE_SERVICE}`
   *
   * @throws InvalidArgumentError (before any request) when `category` is empty
   */
  auditSummaryOf(
    category: string,
    params: ServicesAuditSummaryParams = {},
    options?: CallOptions,
  ): APIPromise<Record<string, ServiceDaySummary>[]> {
    return APIPromise.run(() =>
      this.call('GET', `${SERVICES}/audit/summary/{source}`, {
        pathParams: { source: requireId(category, 'category') },
        query: toListQuery(params),
        options,
      }),
    );
  }

  /** The manual quantities (category → item → quantity). `GET /v2/accounts/{ACCOUNT_ID}/services/manual` */
  manual(options?: CallOptions): APIPromise<ServicesManualQuantities> {
    return this.call('GET', `${SERVICES}/manual`, { options });
  }

  /**
   * Replaces the manual quantities. `POST /v2/accounts/{ACCOUNT_ID}/services/manual`
   *
   * @throws InvalidArgumentError (before any request) when a quantity is not a non-negative integer
   */
  setManual(quantities: ServicesManualQuantities, options?: CallOptions): APIPromise<ServicesManualQuantities> {
    return APIPromise.after(this.validate(MANUAL, quantities, 'full', 'manual quantities'), () =>
      this.call('POST', `${SERVICES}/manual`, { data: quantities, options }),
    );
  }

  /**
   * Merges into the manual quantities. `PATCH /v2/accounts/{ACCOUNT_ID}/services/manual`
   *
   * @throws InvalidArgumentError (before any request) when a quantity is not a non-negative integer
   */
  patchManual(quantities: ServicesManualQuantities, options?: CallOptions): APIPromise<ServicesManualQuantities> {
    return APIPromise.after(this.validate(MANUAL, quantities, 'full', 'manual quantities'), () =>
      this.call('PATCH', `${SERVICES}/manual`, { data: quantities, options }),
    );
  }

  /** The plan overrides, by plan id. `GET /v2/accounts/{ACCOUNT_ID}/services/overrides` */
  overrides(options?: CallOptions): APIPromise<ServicesOverrides> {
    return this.call('GET', `${SERVICES}/overrides`, { options });
  }

  /**
   * Replaces the plan overrides. `POST /v2/accounts/{ACCOUNT_ID}/services/overrides`
   *
   * @throws InvalidArgumentError (before any request) when an override is not an object
   */
  setOverrides(overrides: ServicesOverrides, options?: CallOptions): APIPromise<ServicesOverrides> {
    return APIPromise.after(this.validate(OVERRIDES, overrides, 'full', 'overrides'), () =>
      this.call('POST', `${SERVICES}/overrides`, { data: overrides, options }),
    );
  }

  /**
   * Merges into the plan overrides. `PATCH /v2/accounts/{ACCOUNT_ID}/services/overrides`
   *
   * @throws InvalidArgumentError (before any request) when an override is not an object
   */
  patchOverrides(overrides: ServicesOverrides, options?: CallOptions): APIPromise<ServicesOverrides> {
    return APIPromise.after(this.validate(OVERRIDES, overrides, 'full', 'overrides'), () =>
      this.call('PATCH', `${SERVICES}/overrides`, { data: overrides, options }),
    );
  }

  /** Recounts the account's billable quantities. `POST /v2/accounts/{ACCOUNT_ID}/services/reconciliation` */
  reconcile(options?: CallOptions): APIPromise<unknown> {
    return this.call('POST', `${SERVICES}/reconciliation`, { data: {}, options });
  }

  /** Pushes the account's services to the bookkeeper. `POST /v2/accounts/{ACCOUNT_ID}/services/synchronization` */
  synchronize(options?: CallOptions): APIPromise<unknown> {
    return this.call('POST', `${SERVICES}/synchronization`, { data: {}, options });
  }

  /**
   * Adds credit by charging the account's payment method (needs a bookkeeper).
   * `POST /v2/accounts/{ACCOUNT_ID}/services/topup`
   *
   * @throws InvalidArgumentError (before any request) when `amount` is not above 0
   */
  topup(params: ServicesTopupParams, options?: CallOptions): APIPromise<ServicesTopupResult> {
    return APIPromise.after(this.validate(TOPUP, params, 'full', 'topup'), () =>
      this.call('POST', `${SERVICES}/topup`, { data: params, options }),
    );
  }
}

export type {
  AssignedServicePlans,
  ServiceAuditLog,
  ServiceDaySummary,
  ServiceInvoice,
  ServiceInvoiceItem,
  ServicePlanSummary,
  ServicesChangeParams,
  ServicesEditableFields,
  ServicesManualQuantities,
  ServicesOverrides,
  ServicesQuoteParams,
  ServicesSummary,
  ServicesTopupParams,
  ServicesTopupResult,
} from '../schemas/services.js';
