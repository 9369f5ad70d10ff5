import * as z from 'zod/mini';

/**
 * What `services.quote()` takes (`cb_services:validate_service_plan/3` for `quote`): plans to add
 * (ids, or objects with an `id` and overrides), plan ids to remove, and per-plan overrides.
 */
export const ServicesQuoteSchema = z.looseObject({
  add: z.optional(z.array(z.union([z.string().check(z.minLength(1)), z.looseObject({ id: z.string().check(z.minLength(1)) })]))),
  delete: z.optional(z.array(z.string().check(z.minLength(1)))),
  overrides: z.optional(z.record(z.string(), z.looseObject({}))),
});

/** What `services.assign()` (`POST …/services`) takes: the same fields as a quote. */
export const ServicesChangeSchema = ServicesQuoteSchema;

/**
 * Manual quantities (`kz_services:manual_quantities/1`): category → item → quantity, billed on
 * top of the counted ones.
 */
export const ServicesManualQuantitiesSchema = z.record(z.string(), z.record(z.string(), z.int().check(z.gte(0))));

/** Plan overrides (`kz_services_plans:overrides/1`): plan id → the plan fields it replaces. */
export const ServicesOverridesSchema = z.record(z.string(), z.looseObject({}));

/** What `services.topup()` takes: an amount in currency units, above 0. */
export const ServicesTopupSchema = z.looseObject({ amount: z.number().check(z.gt(0)) });

/** One billed line of an invoice: a category's item, its quantity and what it costs. */
export const ServiceInvoiceItemSchema = z.looseObject({
  category: z.string(),
  item: z.string(),
  quantity: z.optional(z.number()),
  billable: z.optional(z.number()),
  rate: z.optional(z.number()),
  total: z.optional(z.number()),
});

/** One invoice of `services.summary()` / `services.quote()` (`kz_services_invoices:public_json/1`). */
export const ServiceInvoiceSchema = z.looseObject({
  items: z.optional(z.array(ServiceInvoiceItemSchema)),
  activation_charges: z.optional(z.array(z.looseObject({}))),
  taxes: z.optional(z.array(z.looseObject({}))),
  summary: z.optional(z.looseObject({ today: z.optional(z.number()), recurring: z.optional(z.number()) })),
  plan: z.optional(z.looseObject({})),
});

/** `kz_services:summary/1`: the account's billing state, its invoices and quantities. */
export const ServicesSummarySchema = z.looseObject({
  invoices: z.optional(z.array(ServiceInvoiceSchema)),
  quantities: z.optional(z.looseObject({})),
  billing_id: z.optional(z.string()),
  reseller: z.optional(z.looseObject({})),
});

/** One plan the reseller offers (`services/plans` listing of `GET …/services/available`). */
export const ServicePlanSummarySchema = z.looseObject({ id: z.string(), name: z.optional(z.string()) });

/** What `services.assign()` takes. */
export type ServicesChangeParams = z.input<typeof ServicesChangeSchema>;
/** What `services.quote()` takes. */
export type ServicesQuoteParams = z.input<typeof ServicesQuoteSchema>;
/** Manual quantities by category and item. */
export type ServicesManualQuantities = z.output<typeof ServicesManualQuantitiesSchema>;
/** Plan overrides by plan id. */
export type ServicesOverrides = z.output<typeof ServicesOverridesSchema>;
/** What `services.topup()` takes. */
export type ServicesTopupParams = z.input<typeof ServicesTopupSchema>;
/** One billed line of an invoice. */
export type ServiceInvoiceItem = z.output<typeof ServiceInvoiceItemSchema>;
/** One invoice. */
export type ServiceInvoice = z.output<typeof ServiceInvoiceSchema>;
/** The account's services summary. */
export type ServicesSummary = z.output<typeof ServicesSummarySchema>;
/** One plan of `services.available()`. */
export type ServicePlanSummary = z.output<typeof ServicePlanSummarySchema>;
/** The plans assigned to an account, by plan id (`kz_services_plans:assigned/1`). */
export type AssignedServicePlans = Record<string, Record<string, unknown>>;
/** One audit log entry (`services/audit_logs_by_creation`): what changed a bill, by whom, when. */
export type ServiceAuditLog = Record<string, unknown> & { readonly id?: string };
/** Per-day additions, removals and quantities of one category (`services/day_summary_by_*`). */
export interface ServiceDaySummary {
  readonly addition?: number;
  readonly removal?: number;
  readonly quantity?: number;
  readonly last_timestamp?: number;
  readonly sum_quantity?: boolean;
}
/** The fields of a plan a reseller may override (`kz_services_plans:editable_fields/1`). */
export type ServicesEditableFields = Record<string, unknown>;
/** What `services.topup()` answers: the ledger written, and the transaction when a bookkeeper charged one. */
export interface ServicesTopupResult {
  readonly ledger: Record<string, unknown>;
  readonly transaction?: Record<string, unknown>;
}
