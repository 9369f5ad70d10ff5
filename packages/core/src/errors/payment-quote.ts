// The 402 "accept charges" quote in both shapes Crossbar has sent. KAZOO 4.x answered one object
// keyed by category and item; KAZOO 5.x (crossbar_services:dry_run/3) answers
// kz_services_invoices:public_json/1, a LIST of invoices — one per bookkeeper — each built by
// kz_services_invoice:public_json/1 from kz_services_item:public_json/1 and
// kz_services_activation_item:public_json/1.

/** How a plan item changes with the request (`kz_services_items` annotations). */
export interface ServiceItemChanges {
  /** `created`, `modified` or `removed`. */
  readonly type?: string;
  /** Differences with the current invoice: `billable` is what the account will pay for in addition. */
  readonly difference?: { readonly quantity?: number; readonly billable?: number };
  readonly [key: string]: unknown;
}

/** One line of a KAZOO 5.x invoice (`kz_services_item:public_json/1`). */
export interface ServiceInvoiceItem {
  /** Service category (`devices`, `users`, `phone_numbers`, …). */
  readonly category?: string;
  /** Item inside the category (`sip_device`, `admin`, …); `_all` for a whole-category line. */
  readonly item?: string;
  /** Display name from the plan (`devices/sip_device` when the plan gives none). */
  readonly name?: string;
  /** How many the account has once the request is applied. */
  readonly quantity?: number;
  /** How many are billed (after plan minimum, maximum and step). */
  readonly billable?: number;
  /** Recurring rate per billed unit. */
  readonly rate?: number;
  /** `billable × rate − discounts`, recurring. */
  readonly total?: number;
  /** Single and cumulative discounts. */
  readonly discounts?: Readonly<Record<string, unknown>>;
  /** Present on the lines this request changes. */
  readonly changes?: ServiceItemChanges;
  readonly [key: string]: unknown;
}

/** A one-time charge for the units this request adds (`kz_services_activation_item:public_json/1`). */
export interface ActivationChargeItem {
  readonly category?: string;
  readonly item?: string;
  readonly name?: string;
  /** Units added by the request. */
  readonly billable?: number;
  /** Activation charge per unit. */
  readonly rate?: number;
  /** `billable × rate`, due now. */
  readonly total?: number;
  readonly [key: string]: unknown;
}

/** One invoice of a KAZOO 5.x quote (`kz_services_invoice:public_json/1`): one per bookkeeper. */
export interface ServiceInvoice {
  /** Every line of the plan, the changed ones with `changes`. */
  readonly items: readonly ServiceInvoiceItem[];
  /** One-time charges for what the request adds. */
  readonly activation_charges: readonly ActivationChargeItem[];
  /** `today`: sum of activation totals; `recurring`: sum of item totals. */
  readonly summary?: { readonly today?: number; readonly recurring?: number };
  /** The merged service plan the invoice was computed from. */
  readonly plan?: unknown;
  /** The bookkeeper that would bill it. */
  readonly bookkeeper?: unknown;
  readonly taxes?: readonly unknown[];
  readonly [key: string]: unknown;
}

/** What a quote adds up to, over every invoice. */
export interface ChargesTotal {
  /** One-time charges due if the request is accepted. */
  readonly today: number;
  /** The recurring total of the plans once the request is applied. */
  readonly recurring: number;
}

/** A 402 quote read from either shape. */
export interface PaymentQuote {
  readonly invoices: readonly ServiceInvoice[];
  readonly charges: Readonly<Record<string, unknown>>;
  readonly total: ChargesTotal;
}

/** Reads a 402's `data`, whichever KAZOO version sent it. */
export function readPaymentQuote(data: unknown): PaymentQuote {
  if (Array.isArray(data)) return fromInvoices(data.filter(isRecord).map(toInvoice));
  if (isRecord(data)) return fromCategoryMap(data);
  return { invoices: [], charges: {}, total: { today: 0, recurring: 0 } };
}

function toInvoice(raw: Record<string, unknown>): ServiceInvoice {
  return {
    ...raw,
    items: Array.isArray(raw.items) ? (raw.items.filter(isRecord) as ServiceInvoiceItem[]) : [],
    activation_charges: Array.isArray(raw.activation_charges) ? (raw.activation_charges.filter(isRecord) as ActivationChargeItem[]) : [],
  };
}

function fromInvoices(invoices: ServiceInvoice[]): PaymentQuote {
  let today = 0;
  let recurring = 0;
  // The 4.x view (`{category: {item: line}}`), so code written against `charges` keeps working.
  const charges: Record<string, Record<string, unknown>> = {};
  for (const invoice of invoices) {
    today += invoice.summary?.today ?? sum(invoice.activation_charges.map((a) => a.total));
    recurring += invoice.summary?.recurring ?? sum(invoice.items.map((i) => i.total));
    for (const line of invoice.items) {
      if (line.changes === undefined || typeof line.category !== 'string' || typeof line.item !== 'string') continue;
      charges[line.category] ??= {};
      (charges[line.category] as Record<string, unknown>)[line.item] = line;
    }
  }
  return { invoices, charges: today > 0 ? { ...charges, activation_charges: today } : charges, total: { today, recurring } };
}

/** KAZOO 4.x: `{category: {item: {quantity, rate, activation_charges, …}}, activation_charges: total}`. */
function fromCategoryMap(data: Record<string, unknown>): PaymentQuote {
  const items: ServiceInvoiceItem[] = [];
  const activation: ActivationChargeItem[] = [];
  for (const [category, lines] of Object.entries(data)) {
    if (!isRecord(lines)) continue;
    for (const [item, line] of Object.entries(lines)) {
      if (!isRecord(line)) continue;
      const quantity = numberOr(line.quantity, 0);
      const rate = numberOr(line.rate, 0);
      items.push({ ...line, category, item, quantity, rate, total: quantity * rate });
      const charge = numberOr(line.activation_charges, 0);
      // 4.x gives the item's activation charge as one amount, not per unit.
      if (charge > 0) activation.push({ category, item, billable: quantity, total: charge });
    }
  }
  const today = typeof data.activation_charges === 'number' ? data.activation_charges : sum(activation.map((a) => a.total));
  const recurring = sum(items.map((i) => i.total));
  const invoice: ServiceInvoice = { items, activation_charges: activation, summary: { today, recurring } };
  return { invoices: items.length ? [invoice] : [], charges: data, total: { today, recurring } };
}

function sum(values: readonly unknown[]): number {
  let total = 0;
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) total += v;
  return total;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
