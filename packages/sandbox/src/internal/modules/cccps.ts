import { CccpSchema } from '@audian/resources/schemas';
import { createDoc, itemDoc, listDocs } from '../collection';
import { COLLECTION_VERBS, simpleCollection } from '../collection-def';
import type { Reply } from '../context';
import { badIdentifier, validationError } from '../crossbar-error';
import { toE164 } from '../e164';
import type { JsonObject } from '../json';
import type { ResourceDef } from '../resource-def';
import type { RouteContext } from '../sandbox-module';
import { defineModule, NO_TELEPHONY, route } from '../sandbox-module';
import { notImplemented } from '../unserved';

/** `knm_converters:is_reconcilable/1`: a number the default converters turn into E.164. */
function reconcilable(number: string): boolean {
  return /^\+\d{8,}$/.test(toE164(number));
}

/**
 * Calling-card callback entries: a `cid` or a `pin` is unique in the whole system (the `cccps`
 * database's `cid_listing` / `pin_listing`), reported on the `cccp` key as `cb_cccps` does.
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
    claims: (doc: JsonObject) => [
      ...(typeof doc.cid === 'string'
        ? [{ kind: 'cccp_cid', value: doc.cid, scope: 'global' as const, error: () => cccpError('CID already exists', doc.cid) }]
        : []),
      ...(typeof doc.pin === 'string'
        ? [{ kind: 'cccp_pin', value: doc.pin, scope: 'global' as const, error: () => cccpError('Pin already exists') }]
        : []),
    ],
  },
);

function cccpError(message: string, cause?: unknown): Record<string, Record<string, Record<string, unknown>>> {
  return { cccp: { unique: cause === undefined ? { message } : { message, cause } } };
}

/** `cb_cccps:validate_cccps/2` on PUT: a `cid` must be a phone number, and is stored in E.164. */
function create(ctx: RouteContext<{ account: string }>): Reply {
  const data = ctx.req.data;
  if (typeof data === 'object' && data !== null && !Array.isArray(data) && typeof (data as JsonObject).cid === 'string') {
    const cid = (data as JsonObject).cid as string;
    if (!reconcilable(cid)) throw validationError({ cccp: { unique: { message: 'Number is non reconcilable', cause: cid } } });
    return createDoc(ctx.engine, { ...ctx.req, data: { ...(data as JsonObject), cid: toE164(cid) } }, ctx.accountId, CCCPS);
  }
  return createDoc(ctx.engine, ctx.req, ctx.accountId, CCCPS);
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
