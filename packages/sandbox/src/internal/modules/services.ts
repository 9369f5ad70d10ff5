import { ServicesManualQuantitiesSchema, ServicesOverridesSchema, ServicesQuoteSchema } from '@audian/resources/schemas';
import * as z from 'zod/mini';
import type { ServiceCharge } from '../../sandbox-options';
import { billableItem, DEFAULT_CHARGES } from '../billing';
import { requireResellerOf, resellerIdOf } from '../billing-rights';
import { GREGORIAN_OFFSET } from '../clock';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifier, CrossbarError, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { newModbId } from '../ids';
import { compact, deepMerge, isObject, type JsonObject, stripReserved } from '../json';
import { rangedListing } from '../listing';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
import { notImplemented } from '../unserved';
import { validateDocument } from '../validation';

/** The one service plan a sandbox reseller offers: the 402 mode's charges (sandbox option `servicePlan`). */
export const SANDBOX_PLAN_ID = 'sandbox_plan';

/** The stored type a billed category counts (`kz_services` quantities are counted from these documents). */
const CATEGORY_TYPES: Readonly<Record<string, string>> = {
  users: 'user',
  devices: 'device',
  vmboxes: 'vmbox',
  conferences: 'conference',
  faxboxes: 'faxbox',
  callflows: 'callflow',
  groups: 'group',
};

/** The account's services document: assigned plans, manual quantities, overrides. */
interface ServicesState {
  plans: Record<string, JsonObject>;
  manual: Record<string, Record<string, number>>;
  overrides: Record<string, JsonObject>;
}

const SERVICES_ID = 'services';
const SERVICES_TYPE = 'services';

/** Audit log entries (`audit_log`, in the MODB): every change of the services document. */
const AUDIT_LOGS: ResourceDef = {
  name: 'audit',
  type: 'audit_log',
  schema: z.looseObject({}),
  collectionVerbs: ['GET'],
  itemVerbs: ['GET'],
  summary: (doc) => compact({ id: doc._id, audit: doc.audit, changes: doc.changes, created: doc.pvt_created }),
  sortKey: (doc) => Number(doc.pvt_created),
};

function charges(engine: Engine): Readonly<Record<string, ServiceCharge>> {
  const plan = engine.settings.servicePlan;
  return (plan ? plan.charges : undefined) ?? DEFAULT_CHARGES;
}

/** The sandbox plan as a `service_plan` document: every item of a category at the charge's rate. */
function planDoc(engine: Engine): JsonObject {
  const plan: JsonObject = {};
  for (const [category, charge] of Object.entries(charges(engine))) {
    plan[category] = { _all: { rate: charge.rate, activation_charge: charge.activation_charges ?? 0 } };
  }
  return { id: SANDBOX_PLAN_ID, name: 'Sandbox plan', plan };
}

function load(engine: Engine, accountId: string): ServicesState {
  const stored = engine.store.get(accountId, SERVICES_ID);
  if (stored && !stored.deleted) {
    const body = stored.body;
    return {
      plans: isObject(body.plans) ? (body.plans as ServicesState['plans']) : {},
      manual: isObject(body.manual) ? (body.manual as ServicesState['manual']) : {},
      overrides: isObject(body.overrides) ? (body.overrides as ServicesState['overrides']) : {},
    };
  }
  // Every account starts on its reseller's plan, as KAZOO assigns a reseller's default plan.
  return { plans: { [SANDBOX_PLAN_ID]: { vendor_id: resellerIdOf(engine, accountId) ?? accountId } }, manual: {}, overrides: {} };
}

/** The services document (`services` database in KAZOO; here one document per account). */
const SERVICES_DOC: ResourceDef = {
  name: 'services',
  type: SERVICES_TYPE,
  schema: z.looseObject({}),
  collectionVerbs: [],
  itemVerbs: [],
  summary: (doc) => doc,
  sortKey: () => SERVICES_ID,
};

/** Saves the services document and logs the change (`kz_services:commit/1` writes an audit log). */
function commit(engine: Engine, req: SandboxRequest, accountId: string, state: ServicesState, change: keyof ServicesState): void {
  const existing = engine.store.get(accountId, SERVICES_ID);
  if (existing) engine.docs.save(SERVICES_DOC, existing, { ...existing.body, ...state });
  else engine.docs.create(SERVICES_DOC, accountId, { ...state }, { id: SERVICES_ID });
  engine.docs.create(
    AUDIT_LOGS,
    accountId,
    {
      audit: compact({ account_id: req.auth?.accountId, user_id: req.auth?.ownerId, request_id: req.requestId }),
      changes: { [change]: state[change] },
    },
    { id: newModbId(engine.clock.unix()) },
  );
}

/** The account's counted quantities: category → item → live documents. */
function quantities(engine: Engine, accountId: string): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const category of Object.keys(charges(engine))) {
    const type = CATEGORY_TYPES[category];
    if (!type) continue;
    const items: Record<string, number> = {};
    for (const doc of engine.store.children(accountId, type, '')) {
      const item = billableItem(category, doc.body);
      items[item] = (items[item] ?? 0) + 1;
    }
    out[category] = items;
  }
  return out;
}

/** A rate with the plan's overrides applied (`kz_services_plans:override/3`): item first, then `_all`. */
function rateOf(state: ServicesState, planId: string, category: string, item: string, base: number): number {
  for (const overrides of [state.plans[planId]?.overrides, state.overrides[planId]]) {
    const byCategory = isObject(overrides) ? overrides[category] : undefined;
    if (!isObject(byCategory)) continue;
    for (const key of [item, '_all']) {
      const entry = byCategory[key];
      if (isObject(entry) && typeof entry.rate === 'number') return entry.rate;
    }
  }
  return base;
}

/**
 * `kz_services:summary/1`: one invoice per assigned plan with the account's quantities (counted
 * plus manual), each item's rate and total, and the `today`/`recurring` sums.
 */
function summary(engine: Engine, accountId: string, state: ServicesState): JsonObject {
  const counted = quantities(engine, accountId);
  const invoices = Object.keys(state.plans)
    .filter((planId) => planId === SANDBOX_PLAN_ID)
    .map((planId) => {
      const items: JsonObject[] = [];
      for (const [category, charge] of Object.entries(charges(engine))) {
        const merged: Record<string, number> = { ...counted[category] };
        for (const [item, n] of Object.entries(state.manual[category] ?? {})) merged[item] = (merged[item] ?? 0) + n;
        for (const item of Object.keys(merged).sort()) {
          const quantity = merged[item] as number;
          if (quantity <= 0) continue;
          const rate = rateOf(state, planId, category, item, charge.rate);
          items.push({ category, item, quantity, billable: quantity, rate, total: quantity * rate });
        }
      }
      const recurring = items.reduce((sum, entry) => sum + Number(entry.total), 0);
      return { items, activation_charges: [], taxes: [], summary: { today: 0, recurring }, plan: planDoc(engine).plan };
    });
  return {
    billing_id: accountId,
    invoices,
    quantities: { account: counted, manual: state.manual },
    reseller: compact({ id: resellerIdOf(engine, accountId) }),
  };
}

/** `kz_services_plans:assigned/1`: the plans by id, with their vendor and overrides. */
function assigned(state: ServicesState): JsonObject {
  const out: JsonObject = {};
  for (const [planId, entry] of Object.entries(state.plans))
    out[planId] = { ...entry, overrides: entry.overrides ?? state.overrides[planId] ?? {} };
  return out;
}

function body(req: SandboxRequest): JsonObject {
  return isObject(req.data) ? stripReserved(req.data) : {};
}

/** A plan the reseller offers, or 404 as `crossbar_doc:load/3` in the reseller's database answers. */
function checkPlan(planId: string): void {
  if (planId !== SANDBOX_PLAN_ID) throw badIdentifier(planId);
}

/** `add` (ids or `{ id, … }`), `delete` and `overrides` of a change or quote (`cb_services:assign_plans/2` …). */
function applyChange(engine: Engine, accountId: string, state: ServicesState, data: JsonObject): void {
  const result = validateDocument(ServicesQuoteSchema, data);
  if (!result.ok) throw validationError(result.errors);
  const additions = (Array.isArray(data.add) ? data.add : Array.isArray(data.plans) ? data.plans : []) as unknown[];
  for (const addition of additions) {
    const id = typeof addition === 'string' ? addition : String((addition as JsonObject).id);
    checkPlan(id);
    state.plans[id] = { ...(isObject(addition) ? addition : {}), vendor_id: resellerIdOf(engine, accountId) ?? accountId };
    delete state.plans[id]?.id;
  }
  const deletions = (Array.isArray(data.delete) ? data.delete : []) as string[];
  // `cb_services:maybe_forbid_delete/2`: only assigned plans may be removed.
  if (deletions.some((id) => !(id in state.plans)))
    throw new CrossbarError(500, 'plan_is_not_assigned', { message: 'plan is not assigned' });
  for (const id of deletions) delete state.plans[id];
  if (isObject(data.overrides)) Object.assign(state.overrides, data.overrides);
}

/** `GET|POST …/services`. */
function services(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const state = load(engine, accountId);
  if (req.method === 'GET') return { data: assigned(state), envelope: { revision: 'automatic' } };
  requireResellerOf(engine, req.auth, accountId);
  applyChange(engine, accountId, state, body(req));
  commit(engine, req, accountId, state, 'plans');
  return { data: assigned(state), envelope: { revision: 'automatic' } };
}

/** `POST|DELETE …/services/{PLAN_ID}` (`cb_services:maybe_allow_change/2`). */
function plan(engine: Engine, req: SandboxRequest, accountId: string, planId: string): Reply {
  requireResellerOf(engine, req.auth, accountId);
  checkPlan(planId);
  const state = load(engine, accountId);
  if (req.method === 'DELETE') delete state.plans[planId];
  else state.plans[planId] = { ...body(req), vendor_id: resellerIdOf(engine, accountId) ?? accountId };
  commit(engine, req, accountId, state, 'plans');
  return { data: assigned(state), envelope: { revision: 'automatic' } };
}

/** `POST …/services/quote`: the summary after the change, nothing saved. */
function quote(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const state = load(engine, accountId);
  // `kz_services:remove_plans/1` first: a quote prices only what the request names.
  state.plans = {};
  applyChange(engine, accountId, state, body(req));
  return { data: summary(engine, accountId, state), envelope: { revision: 'automatic' } };
}

/** `GET|POST|PATCH …/services/manual` and `…/services/overrides` (`cb_services:post/2`, `patch/2`). */
function stored(engine: Engine, req: SandboxRequest, accountId: string, key: 'manual' | 'overrides'): Reply {
  const state = load(engine, accountId);
  if (req.method !== 'GET') {
    requireResellerOf(engine, req.auth, accountId);
    const data = body(req);
    const result = validateDocument(key === 'manual' ? ServicesManualQuantitiesSchema : ServicesOverridesSchema, data);
    if (!result.ok) throw validationError(result.errors);
    // PATCH (or `merge: true`) merges (`maybe_merge_quantities/1`); POST replaces.
    const merge = req.method === 'PATCH' || req.envelope.merge === true;
    state[key] = (merge ? deepMerge(state[key] as JsonObject, data) : data) as never;
    commit(engine, req, accountId, state, key);
  }
  return { data: state[key], envelope: { revision: 'automatic' } };
}

/** `GET …/services/available`: the plans of the account's reseller (`services/plans`), whole with `details=true`. */
function available(engine: Engine, req: SandboxRequest): Reply {
  const doc = planDoc(engine);
  const details = req.query.details === 'true' || req.envelope.details === true;
  const rows = [details ? doc : { id: doc.id, name: doc.name }];
  return { data: rows, envelope: { page_size: rows.length, revision: 'automatic' } };
}

/** `GET …/services/editable` (`kz_services_plans:editable_fields/1`): what a plan's items may override. */
function editable(engine: Engine): Reply {
  const fields = { rate: { type: 'number' }, activation_charge: { type: 'number' }, minimum: { type: 'integer' } };
  const data: JsonObject = {};
  for (const category of Object.keys(charges(engine))) data[category] = { _all: fields };
  return { data, envelope: { revision: 'automatic' } };
}

const SECONDS_IN_YEAR = 31_536_000;

function day(gregorian: number): string {
  return new Date((gregorian - GREGORIAN_OFFSET) * 1000).toISOString().slice(0, 10);
}

/**
 * The day summaries (`services/day_summary_by_date`, `…_by_source`): per category and day, the
 * documents added, the quantity at the day's end and the last change, from the billed documents'
 * creation times. `created_to` − `created_from` may span a year (`maybe_add_max_range/2`).
 */
function daySummaries(engine: Engine, req: SandboxRequest, accountId: string): Map<string, Map<string, JsonObject>> {
  const now = engine.clock.gregorian();
  const to = Number(req.query.created_to ?? now);
  const from = Number(req.query.created_from ?? to - SECONDS_IN_YEAR);
  if (!Number.isInteger(from) || !Number.isInteger(to) || to < from || to - from > SECONDS_IN_YEAR) {
    throw validationError({
      created_from: {
        date_range: { message: `created_to ${to} is more than ${SECONDS_IN_YEAR} seconds from created_from ${from}`, cause: from },
      },
    });
  }
  const out = new Map<string, Map<string, JsonObject>>();
  for (const [category, type] of Object.entries(CATEGORY_TYPES)) {
    if (!(category in charges(engine))) continue;
    const created = engine.store
      .children(accountId, type, '')
      .map((doc) => Number(doc.body.pvt_created))
      .sort((a, b) => a - b);
    const days = new Map<string, JsonObject>();
    created.forEach((timestamp, index) => {
      if (timestamp < from || timestamp > to) return;
      const key = day(timestamp);
      const entry = days.get(key) ?? { addition: 0, removal: 0, quantity: 0, last_timestamp: timestamp, sum_quantity: false };
      entry.addition = Number(entry.addition) + 1;
      entry.quantity = index + 1;
      entry.last_timestamp = timestamp;
      days.set(key, entry);
    });
    if (days.size > 0) out.set(category.replace(/s$/, ''), days);
  }
  return out;
}

/** `GET …/services/audit/summary`: one object, category → day → summary. */
function auditSummary(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const data: JsonObject = {};
  for (const [category, days] of daySummaries(engine, req, accountId)) data[category] = Object.fromEntries(days);
  return { data: Object.keys(data).length > 0 ? [data] : [], envelope: { revision: 'automatic' } };
}

/** `GET …/services/audit/summary/{SOURCE_SERVICE}`: one object per day, newest first. */
function auditSummaryOf(engine: Engine, req: SandboxRequest, accountId: string, source: string): Reply {
  const days = daySummaries(engine, req, accountId).get(source) ?? new Map();
  const data = [...days.entries()].sort(([a], [b]) => b.localeCompare(a)).map(([key, entry]) => ({ [key]: entry }));
  return { data, envelope: { revision: 'automatic' } };
}

/** `GET …/services/audit/{AUDIT_ID}`: a MODB id (`YYYYMM-…`), else 404 `bad_identifier`. */
function auditLog(engine: Engine, accountId: string, id: string): Reply {
  if (!/^\d{6}-/.test(id)) throw badIdentifier(id);
  const doc = engine.store.get(accountId, id);
  if (!doc || doc.deleted || doc.type !== AUDIT_LOGS.type) throw badIdentifier(id);
  return { data: { ...stripReserved(doc.body), id }, envelope: { revision: String(doc.body._rev) } };
}

/** `POST …/services/topup`: `amount` above 0 (`validate_topup_amount/1`), then a charge the sandbox cannot make. */
function topup(req: SandboxRequest): Reply {
  const amount = isObject(req.data) ? Number(req.data.amount) : 0;
  if (!(amount > 0)) throw validationError({ amount: { required: { message: 'Field is required but missing' } } });
  throw notImplemented('services/topup', 'needs a billing provider, which the sandbox does not have');
}

/** `POST …/services/reconciliation` and `…/synchronization`: the reseller's, succeeding at once (nothing to sync with). */
function resellerAction(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  requireResellerOf(engine, req.auth, accountId);
  return { data: {}, envelope: { revision: 'automatic' } };
}

/** `cb_services`: plans, the bill (`summary`) and its quote, manual quantities, overrides, the audit log. */
export const servicesModule = defineModule({
  name: 'services',
  routes: [
    route('accounts/:account/services', ['GET', 'POST'], ({ engine, req, accountId }) => services(engine, req, accountId)),
    route('accounts/:account/services/summary', ['GET'], ({ engine, accountId }) => ({
      data: summary(engine, accountId, load(engine, accountId)),
      envelope: { revision: 'automatic' },
    })),
    route('accounts/:account/services/quote', ['POST'], ({ engine, req, accountId }) => quote(engine, req, accountId)),
    route('accounts/:account/services/available', ['GET'], ({ engine, req }) => available(engine, req)),
    route('accounts/:account/services/editable', ['GET'], ({ engine }) => editable(engine)),
    route('accounts/:account/services/manual', ['GET', 'POST', 'PATCH'], ({ engine, req, accountId }) =>
      stored(engine, req, accountId, 'manual'),
    ),
    route('accounts/:account/services/overrides', ['GET', 'POST', 'PATCH'], ({ engine, req, accountId }) =>
      stored(engine, req, accountId, 'overrides'),
    ),
    route('accounts/:account/services/audit', ['GET'], ({ engine, req, accountId }) => rangedListing(engine, req, accountId, AUDIT_LOGS)),
    route('accounts/:account/services/audit/summary', ['GET'], ({ engine, req, accountId }) => auditSummary(engine, req, accountId)),
    route('accounts/:account/services/audit/summary/:source', ['GET'], ({ engine, req, accountId, params }) =>
      auditSummaryOf(engine, req, accountId, params.source),
    ),
    route('accounts/:account/services/audit/:id', ['GET'], ({ engine, accountId, params }) => auditLog(engine, accountId, params.id)),
    route('accounts/:account/services/reconciliation', ['POST'], ({ engine, req, accountId }) => resellerAction(engine, req, accountId)),
    route('accounts/:account/services/synchronization', ['POST'], ({ engine, req, accountId }) => resellerAction(engine, req, accountId)),
    route('accounts/:account/services/topup', ['POST'], ({ req }) => topup(req)),
    route('accounts/:account/services/:plan', ['POST', 'DELETE'], ({ engine, req, accountId, params }) =>
      plan(engine, req, accountId, params.plan),
    ),
  ],
});
