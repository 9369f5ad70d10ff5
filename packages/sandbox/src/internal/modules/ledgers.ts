import { LedgerCreateSchema } from '@audian/resources/schemas';
import * as z from 'zod/mini';
import { requireResellerOf, resellerIdOf } from '../billing-rights';
import { GREGORIAN_OFFSET } from '../clock';
import { envelopeFlag, type Reply, type SandboxRequest } from '../context';
import { badIdentifier, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { newModbId } from '../ids';
import { compact, getPath, isObject, type JsonObject, stripReserved } from '../json';
import { rangedListing } from '../listing';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
import type { StoredDoc } from '../store';
import { validateDocument } from '../validation';

/**
 * Ledger entries (`kz_ledger`, in the MODB): amounts in currency units, a debit stored negative.
 * The listing row is `kz_ledger:public_json/1`.
 */
const LEDGERS: ResourceDef = {
  name: 'ledgers',
  type: 'ledger',
  // The request is checked against KAZOO's schema before the amount is signed; stored entries are not re-checked.
  schema: z.looseObject({}),
  collectionVerbs: ['GET'],
  itemVerbs: ['GET'],
  summary: (doc) => publicLedger(doc),
  sortKey: (doc) => Number(doc.pvt_created),
};

function publicLedger(doc: JsonObject): JsonObject {
  return { ...stripReserved(doc), id: doc._id };
}

/** Every live entry of the account. */
function entries(engine: Engine, accountId: string): StoredDoc[] {
  return engine.store.children(accountId, LEDGERS.type, '');
}

/** Sums by source service (`ledgers/list_by_timestamp` reduced at group level 0 and summed). */
function sumBySource(docs: readonly StoredDoc[]): JsonObject {
  const out: Record<string, JsonObject> = {};
  for (const { body } of docs) {
    const service = String(getPath(body, 'source.service') ?? 'unknown');
    const usage = isObject(body.usage) ? body.usage : {};
    const sum = out[service] ?? { amount: 0, usage: compact({ type: usage.type, quantity: 0, unit: usage.unit }) };
    sum.amount = round(Number(sum.amount) + Number(body.amount ?? 0));
    const summed = sum.usage as JsonObject;
    summed.quantity = Number(summed.quantity) + Number(usage.quantity ?? 0);
    out[service] = sum;
  }
  return out;
}

/** Currency units to 4 decimals, as `kz_currency:units_to_dollars/1` gives them. */
function round(amount: number): number {
  return Math.round(amount * 10_000) / 10_000;
}

function monthOf(gregorian: number): string {
  const d = new Date((gregorian - GREGORIAN_OFFSET) * 1000);
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** `GET …/ledgers`: this month's sums by source. */
function summary(engine: Engine, accountId: string): Reply {
  const month = monthOf(engine.clock.gregorian());
  const docs = entries(engine, accountId).filter((doc) => monthOf(Number(doc.body.pvt_created)) === month);
  return { data: sumBySource(docs), envelope: { revision: 'automatic' } };
}

/** `GET …/ledgers/total` (`kz_ledgers:total_sources/1`): the balance. */
function total(engine: Engine, accountId: string): Reply {
  const amount = round(entries(engine, accountId).reduce((sum, doc) => sum + Number(doc.body.amount ?? 0), 0));
  return { data: { amount }, envelope: { revision: 'automatic' } };
}

/** `GET …/ledgers/summary/{YYYYMM}` (`cb_ledgers:build_summary/2`): the month's sums, and per account. */
function month(engine: Engine, accountId: string, suffix: string): Reply {
  // `kazoo_modb_util:get_modb_suffix/1`: anything but YYYYMM is a bad identifier.
  if (!/^\d{4}(0[1-9]|1[0-2])$/.test(suffix)) throw badIdentifier(suffix);
  const docs = entries(engine, accountId).filter((doc) => monthOf(Number(doc.body.pvt_created)) === suffix);
  const byAccount = new Map<string, StoredDoc[]>();
  for (const doc of docs) {
    const owner = String(getPath(doc.body, 'account.id') ?? accountId);
    byAccount.set(owner, [...(byAccount.get(owner) ?? []), doc]);
  }
  const breakdown = [...byAccount].map(([id, list]) => ({
    account: compact({ id, name: getPath(list[0]?.body, 'account.name') }),
    ledgers: sumBySource(list),
    total: round(list.reduce((sum, doc) => sum + Number(doc.body.amount ?? 0), 0)),
  }));
  return { data: { summary: sumBySource(docs), breakdown }, envelope: { revision: 'automatic' } };
}

/** `GET …/ledgers/{SOURCE_SERVICE}/{LEDGER_ID}` (`cb_ledgers:validate_fetch_ledger/3`). */
function fetch(engine: Engine, accountId: string, source: string, id: string): Reply {
  const doc = engine.store.get(accountId, id);
  if (!doc || doc.deleted || doc.type !== LEDGERS.type) throw badIdentifier(id);
  if (getPath(doc.body, 'source.service') !== source) throw badIdentifier(id);
  return { data: publicLedger(doc.body), envelope: { revision: String(doc.body._rev) } };
}

/** Stores one entry in `accountId` (`kz_ledger:credit/1`, `debit/1`). */
function write(engine: Engine, accountId: string, data: JsonObject, action: 'credit' | 'debit'): StoredDoc {
  const account = engine.account(accountId);
  const amount = Math.abs(Number(data.amount ?? 0));
  const period = isObject(data.period) ? data.period : {};
  return engine.docs.create(
    LEDGERS,
    accountId,
    compact({
      ...data,
      amount: action === 'debit' ? -amount : amount,
      account: { id: accountId, name: account?.body.name },
      period: { ...period, start: period.start ?? engine.clock.gregorian() },
      metadata: data.metadata ?? {},
    }),
    {
      id: newModbId(engine.clock.unix()),
      private: { pvt_ledger_type: action, pvt_executor: { trigger: 'crossbar', module: 'cb_ledgers' } },
    },
  );
}

/**
 * `PUT …/ledgers/credit|debit`: the account's reseller (or a super-duper admin) only
 * (`cb_ledgers:authorize_create/1`), the body checked against KAZOO's `ledgers` schema. With
 * `impact_reseller` the entry is written in the reseller's ledgers too and the answer is keyed
 * by account id (`maybe_impact_reseller/4`).
 */
function create(engine: Engine, req: SandboxRequest, accountId: string, action: 'credit' | 'debit'): Reply {
  requireResellerOf(engine, req.auth, accountId);
  const data = isObject(req.data) ? stripReserved(req.data) : {};
  const checked = validateDocument(LedgerCreateSchema, data);
  if (!checked.ok) throw validationError(checked.errors);
  const saved = write(engine, accountId, data, action);
  const resellerId = resellerIdOf(engine, accountId);
  if (!envelopeFlag(req, 'impact_reseller') || !resellerId || resellerId === accountId) {
    return { status: 201, data: publicLedger(saved.body), envelope: { revision: String(saved.body._rev) } };
  }
  const resellerEntry = write(engine, resellerId, data, action);
  const response = (id: string, doc: StoredDoc): JsonObject => ({
    ledger: publicLedger(doc.body),
    available_dollars: round(entries(engine, id).reduce((sum, entry) => sum + Number(entry.body.amount ?? 0), 0)),
    is_reseller: engine.account(id)?.body.pvt_reseller === true,
  });
  return { status: 201, data: { [accountId]: response(accountId, saved), [resellerId]: response(resellerId, resellerEntry) } };
}

/** `cb_ledgers`: the account's balance as credit and debit entries, their sums by source and month. */
export const ledgersModule = defineModule({
  name: 'ledgers',
  routes: [
    route('accounts/:account/ledgers', ['GET'], ({ engine, accountId }) => summary(engine, accountId)),
    route('accounts/:account/ledgers/total', ['GET'], ({ engine, accountId }) => total(engine, accountId)),
    // `kz_ledgers:available_ledgers/1` lists the ledgers the reseller's plan prices; the sandbox plan prices none.
    route('accounts/:account/ledgers/available', ['GET'], () => ({ data: [], envelope: { revision: 'automatic' } })),
    route('accounts/:account/ledgers/credit', ['PUT'], ({ engine, req, accountId }) => create(engine, req, accountId, 'credit')),
    route('accounts/:account/ledgers/debit', ['PUT'], ({ engine, req, accountId }) => create(engine, req, accountId, 'debit')),
    route('accounts/:account/ledgers/summary/:month', ['GET'], ({ engine, accountId, params }) => month(engine, accountId, params.month)),
    route('accounts/:account/ledgers/:source', ['GET'], ({ engine, req, accountId, params }) =>
      rangedListing(engine, req, accountId, LEDGERS, (doc) => getPath(doc, 'source.service') === params.source),
    ),
    route('accounts/:account/ledgers/:source/:id', ['GET'], ({ engine, accountId, params }) =>
      fetch(engine, accountId, params.source, params.id),
    ),
  ],
});
