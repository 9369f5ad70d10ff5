import { RateSchema } from '@audian/resources/schemas';
import { requireSuperDuperAdmin } from '../billing-rights';
import { createDoc, itemDoc, listDocs } from '../collection';
import type { Reply, SandboxRequest } from '../context';
import { CrossbarError, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { compact, type JsonObject, publicDoc } from '../json';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';

/** Where the system ratedeck (`ratedeck` database) is kept: no account owns it. */
const RATEDECK = 'ratedeck';

/**
 * Rates (`kzd_rates`): `routes` defaults to the prefix's (`cb_rates:ensure_routes_set/1`), and
 * the `rates/crossbar_listing` row is id, prefix, cost, surcharge and description.
 */
const RATES: ResourceDef = {
  name: 'rates',
  type: 'rate',
  schema: RateSchema,
  collectionVerbs: ['GET', 'PUT'],
  itemVerbs: ['GET', 'POST', 'PATCH', 'DELETE'],
  summary: (doc) =>
    compact({
      id: doc._id,
      prefix: String(doc.prefix),
      cost: doc.rate_cost,
      surcharge: doc.rate_surcharge ?? 0,
      description: doc.description,
    }),
  sortKey: (doc) => String(doc.prefix),
  prepare(doc) {
    doc.prefix = String(doc.prefix);
    if (!Array.isArray(doc.routes) || doc.routes.length === 0) doc.routes = [`^\\+?${doc.prefix}.+$`];
    doc.rate_increment ??= 60;
    doc.rate_minimum ??= 60;
    doc.rate_nocharge_time ??= 0;
    doc.rate_surcharge ??= 0;
    return undefined;
  },
};

function rates(engine: Engine): JsonObject[] {
  return engine.store.children(RATEDECK, RATES.type, '').map((doc) => doc.body);
}

/** `GET /v2/rates?prefix=…` (`rates/lookup` over `kzdb_ratedeck:prefix_keys/1`): the rates whose prefix starts the number, whole. */
function byPrefix(engine: Engine, prefix: string): Reply {
  const digits = prefix.replace(/\D/g, '');
  const data = rates(engine)
    .filter((rate) => digits.startsWith(String(rate.prefix)))
    .sort((a, b) => String(b.prefix).length - String(a.prefix).length)
    .map((rate) => publicDoc(rate));
  return { data, envelope: { page_size: data.length, revision: 'automatic' } };
}

/** `knm_converters:is_reconcilable/1` with KAZOO's default `reconcile_regex`, and its E.164 form. */
function reconcilable(number: string): string | undefined {
  const n = number.trim();
  if (!/^\+?1?\d{10}$|^\+[2-9]\d{7,}$|^011\d*$|^00\d*$/.test(n)) return undefined;
  if (n.startsWith('+')) return n;
  if (n.startsWith('011')) return `+${n.slice(3)}`;
  if (n.startsWith('00')) return `+${n.slice(2)}`;
  return n.length === 10 ? `+1${n}` : `+${n}`;
}

/**
 * `GET /v2/rates/number/{PHONE_NUMBER}` (hotornot's answer to `cb_rates:rate_for_number/2`): the
 * longest prefix whose routes match the number (and the direction, when given), cheapest first
 * among equals; 500 `No rate found for this number` when none does.
 */
function forNumber(engine: Engine, req: SandboxRequest, raw: string): Reply {
  const number = reconcilable(raw);
  if (!number) throw validationError({ 'number format': { error: { message: 'Number is un-rateable' } } });
  const direction = req.query.direction;
  const candidates = rates(engine).filter((rate) => {
    const routes = Array.isArray(rate.routes) ? rate.routes : [];
    if (!routes.some((r) => typeof r === 'string' && safeTest(r, number))) return false;
    return !direction || !Array.isArray(rate.direction) || rate.direction.includes(direction);
  });
  candidates.sort((a, b) => String(b.prefix).length - String(a.prefix).length || Number(a.rate_cost) - Number(b.rate_cost));
  const rate = candidates[0];
  if (!rate) throw new CrossbarError(500, 'No rate found for this number', { message: 'No rate found for this number' });
  const minimum = Number(rate.rate_minimum ?? 60);
  const surcharge = Number(rate.rate_surcharge ?? 0);
  return {
    data: compact({
      'E164-Number': number,
      'Base-Cost': Math.round((Number(rate.rate_cost) * (minimum / 60) + surcharge) * 10_000) / 10_000,
      Prefix: String(rate.prefix),
      Rate: rate.rate_cost,
      'Rate-ID': rate._id,
      'Rate-Description': rate.description,
      'Rate-Increment': String(rate.rate_increment ?? 60),
      'Rate-Minimum': String(minimum),
      'Rate-Name': rate.rate_name,
      'Ratedeck-ID': rate.ratedeck_id,
      Surcharge: surcharge,
    }),
    envelope: { revision: 'automatic' },
  };
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern).test(value);
  } catch {
    return false;
  }
}

/** `cb_rates`: the system ratedeck (super-duper admins write it), and rating a number (any login). */
export const ratesModule = defineModule({
  name: 'rates',
  routes: [
    route('rates', ['GET', 'PUT'], ({ engine, req }) => {
      requireSuperDuperAdmin(engine, req.auth);
      if (req.method === 'PUT') return createDoc(engine, req, RATEDECK, RATES);
      const prefix = req.query.prefix;
      return prefix ? byPrefix(engine, prefix) : listDocs(engine, req, RATEDECK, RATES);
    }),
    route('rates/ratedecks', ['GET'], ({ engine, req }) => {
      requireSuperDuperAdmin(engine, req.auth);
      return { data: { default_ratedeck: RATEDECK, ratedecks: [] }, envelope: { revision: 'automatic' } };
    }),
    route('rates/number/:number', ['GET'], ({ engine, req, params }) => forNumber(engine, req, params.number)),
    route('rates/:id', ['GET', 'POST', 'PATCH', 'DELETE'], ({ engine, req, params }) => {
      requireSuperDuperAdmin(engine, req.auth);
      return itemDoc(engine, req, RATEDECK, RATES, params.id);
    }),
  ],
});
