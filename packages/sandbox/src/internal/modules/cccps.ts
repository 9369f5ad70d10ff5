import { CccpSchema } from '@audian/resources/schemas';
import { createDoc, itemDoc, listDocs } from '../collection';
import { COLLECTION_VERBS, simpleCollection } from '../collection-def';
import type { Reply } from '../context';
import { badIdentifier, CrossbarError, validationError } from '../crossbar-error';
import { toE164 } from '../e164';
import { isObject, type JsonObject } from '../json';
import type { ResourceDef } from '../resource-def';
import type { RouteContext } from '../sandbox-module';
import { defineModule, NO_TELEPHONY, route } from '../sandbox-module';
import { notImplemented } from '../unserved';

/** `knm_converters:is_reconcilable/1`: a number the default converters turn into E.164. */
function reconcilable(number: string): boolean {
  return /^\+\d{8,}$/.test(toE164(number));
}

/**
 * The key under which the `cccps` database's `cid_listing` / `pin_listing` view lists a document:
 * only an active entry with a value (`if (… || !doc.active || !doc.cid || doc.pvt_deleted) return;`).
 */
function listed(doc: JsonObject, field: 'cid' | 'pin'): string | undefined {
  const value = doc[field];
  return doc.active && typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Calling-card callback entries: an active entry's `cid` and `pin` are what the system-wide
 * `cid_listing` and `pin_listing` views list. Only `PUT` looks them up ({@link create}); the
 * generic engine never does (`uniqueChecked: 'byRoute'`): `cb_cccps:update/2` on `POST`
 * runs the schema alone.
 */
export const CCCPS: ResourceDef = simpleCollection(
  'cccps',
  'cccp',
  CccpSchema,
  // The `cccps/crossbar_listing` view's value.
  (doc) => ({
    id: doc._id,
    account_id: doc.pvt_account_id,
    active: doc.active,
    user_id: doc.user_id,
    cid: doc.cid,
    pin: doc.pin,
    retain_cid: doc.retain_cid,
    comment: doc.comment,
  }),
  {
    itemVerbs: ['GET', 'POST', 'DELETE'],
    // `cb_cccps:check_cid/1` or `check_pin/1` on `PUT` only, before `create/1` runs the schema;
    // `update/2` on `POST` checks none.
    uniqueChecked: 'byRoute',
    claims: (doc: JsonObject) => {
      const cid = listed(doc, 'cid');
      const pin = listed(doc, 'pin');
      return [
        ...(cid === undefined
          ? []
          : [{ kind: 'cccp_cid', value: cid, scope: 'global' as const, error: () => cccpError('CID already exists', cid) }]),
        ...(pin === undefined
          ? []
          : [{ kind: 'cccp_pin', value: pin, scope: 'global' as const, error: () => cccpError('Pin already exists') }]),
      ];
    },
  },
);

function cccpError(message: string, cause?: unknown): Record<string, Record<string, Record<string, unknown>>> {
  return { cccp: { unique: cause === undefined ? { message } : { message, cause } } };
}

/** Whether `authorize_listing/2` finds a row: a live entry lists `value` under `kind`. */
function isListed(ctx: RouteContext<{ account: string }>, kind: 'cccp_cid' | 'cccp_pin', value: unknown): boolean {
  if (typeof value !== 'string' || value === '') return false;
  const holder = ctx.engine.store.claimant({ scope: '', kind, value });
  const doc = holder ? ctx.engine.store.get(holder.accountId, holder.docId) : undefined;
  return doc !== undefined && !doc.deleted;
}

/**
 * `knm_converters:normalize/1` as `cb_cccps:check_cid/1` meets it: a non-empty string, or a list
 * of them (Erlang's `re:run/2` reads a list of binaries as one iolist). It has no clause for
 * anything else (`null`, a number, `""`): the crash is swallowed by
 * `kazoo_bindings:fold_bind_results/5` and Crossbar answers 500 `generic_error` without data.
 */
function normalizedCid(cid: unknown): { joined: string; value: unknown } {
  if (typeof cid === 'string' && cid !== '') return { joined: toE164(cid), value: toE164(cid) };
  if (Array.isArray(cid) && cid.every((n) => typeof n === 'string' && n !== '')) {
    const value = (cid as string[]).map(toE164);
    return { joined: value.join(''), value };
  }
  throw new CrossbarError(500, 'generic_error', undefined);
}

/**
 * `PUT …/cccps` (`cb_cccps:validate_cccps/2`): the unique value is looked up before the schema,
 * and a clash stops there, alone. With a `cid` (any value but a missing one) only the `cid` is
 * checked (`check_cid/1`): it must be reconcilable (`Number is non reconcilable`), is stored in
 * E.164, and must not be listed already (`error_cid_exists/2`, whose `cause` is the `cid` as sent);
 * the `pin` is never looked at. Without one, `check_pin/1` looks the `pin` up
 * (`error_pin_exists/1`). Only then `create/1` runs the schema.
 */
function create(ctx: RouteContext<{ account: string }>): Reply {
  const data = ctx.req.data;
  if (!isObject(data)) return createDoc(ctx.engine, ctx.req, ctx.accountId, CCCPS);
  if (data.cid === undefined) {
    if (isListed(ctx, 'cccp_pin', data.pin)) throw validationError(cccpError('Pin already exists'));
    return createDoc(ctx.engine, ctx.req, ctx.accountId, CCCPS);
  }
  const cid = normalizedCid(data.cid);
  if (!reconcilable(cid.joined)) throw validationError(cccpError('Number is non reconcilable', data.cid));
  if (isListed(ctx, 'cccp_cid', cid.value)) throw validationError(cccpError('CID already exists', data.cid));
  return createDoc(ctx.engine, { ...ctx.req, data: { ...data, cid: cid.value } }, ctx.accountId, CCCPS);
}

/**
 * `PUT …/cccps/autodial` (`cb_cccps:validate_cccp/3`): only the login's own account may ask; the
 * camping request then needs the telephony engine. KAZOO has no clause for PUT on any other id
 * (a crash there); the sandbox answers 404 `bad_identifier` naming the id: nothing is served there.
 */
function autodial(ctx: RouteContext<{ account: string; id: string }>): Reply {
  if (ctx.params.id !== 'autodial') throw badIdentifier(ctx.params.id);
  if (ctx.req.auth?.accountId !== ctx.accountId) {
    throw validationError({ account: { forbidden: { message: 'For direct use by account holder only' } } });
  }
  throw notImplemented('cccps/autodial', NO_TELEPHONY);
}

/** `cb_cccps`: calling-card callback caller ids and PINs. */
export const cccpsModule = defineModule({
  name: 'cccps',
  routes: [
    route('accounts/:account/cccps', COLLECTION_VERBS, (ctx) =>
      ctx.req.method === 'PUT' ? create(ctx) : listDocs(ctx.engine, ctx.req, ctx.accountId, CCCPS),
    ),
    route('accounts/:account/cccps/:id', ['GET', 'PUT', 'POST', 'DELETE'], (ctx) =>
      ctx.req.method === 'PUT' ? autodial(ctx) : itemDoc(ctx.engine, ctx.req, ctx.accountId, CCCPS, ctx.params.id),
    ),
  ],
});
