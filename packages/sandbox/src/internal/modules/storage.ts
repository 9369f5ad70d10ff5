import { createHash } from 'node:crypto';
import { StorageSchema } from '@audian/resources/schemas';
import { createdReply, deletedReply, docReply, listDocs } from '../collection';
import type { Reply, SandboxRequest } from '../context';
import { CrossbarError, forbidden } from '../crossbar-error';
import type { Engine } from '../engine';
import { deepMerge, isObject, type JsonObject, publicDoc } from '../json';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
import type { StoredDoc } from '../store';

/** The account's storage document lives under this id in the account (KAZOO keys it by the account id in `system_data`). */
const ACCOUNT_STORAGE_ID = 'storage';

/** `kz_binary:md5(kz_json:encode(kz_doc:public_fields(Att)))`, as `cb_storage:attachment_setting_signature/1` signs a probed backend. */
function signature(attachment: JsonObject): string {
  const { _sig: _, ...fields } = publicDoc(attachment);
  return createHash('md5').update(JSON.stringify(fields)).digest('hex');
}

/**
 * `cb_storage:maybe_check_storage_settings/2`: every backend not yet signed is probed (a test file
 * written, then read back) and signed. The sandbox has no backend to reach, so the probe is taken
 * as passed and the backend signed; `validate_settings=false` skips it as KAZOO does when the
 * system allows overrides (the sandbox does).
 */
function signAttachments(doc: JsonObject, req: SandboxRequest): void {
  const raw = req.query.validate_settings ?? (isObject(req.envelope) ? req.envelope.validate_settings : undefined);
  if (raw !== undefined && String(raw).toLowerCase() === 'false') return;
  if (!isObject(doc.attachments)) return;
  for (const attachment of Object.values(doc.attachments)) {
    if (isObject(attachment) && attachment._sig !== signature(attachment)) attachment._sig = signature(attachment);
  }
}

function storageDef(req: SandboxRequest, type: 'storage' | 'storage_plan'): ResourceDef {
  return {
    name: type === 'storage' ? 'storage' : 'storage/plans',
    type,
    schema: StorageSchema,
    collectionVerbs: ['GET', 'PUT'],
    itemVerbs: ['GET', 'POST', 'PATCH', 'DELETE'],
    // `storage/plans_by_account` is read with include_docs: a listing row is the whole document.
    summary: (doc) => publicDoc(doc),
    sortKey: (doc) => String(doc._id),
    prepare(doc) {
      signAttachments(doc, req);
      return undefined;
    },
  };
}

/**
 * `cb_storage:do_authorize/2` for `{account, Id}`: the account itself or its reseller; for plans,
 * only a reseller account (`kzd_accounts:is_reseller/1`).
 */
function authorizeAccount(engine: Engine, req: SandboxRequest, account: StoredDoc): void {
  const auth = req.auth?.accountId;
  if (auth === account.id || engine.resellerOf(account) === auth) return;
  throw forbidden();
}

function authorizePlans(account: StoredDoc): void {
  if (account.body.pvt_reseller !== true) throw forbidden();
}

function load(engine: Engine, accountId: string, def: ResourceDef, id: string): StoredDoc {
  return engine.docs.load(accountId, def, id);
}

/** `crossbar_doc:save/1` of a new document whose id is taken: `handle_datamgr_errors('conflict', …)`, 409 `datastore_conflict`. */
function conflict(): CrossbarError {
  return new CrossbarError(409, 'datastore_conflict', { message: 'conflicting documents' });
}

function accountStorage(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const def = storageDef(req, 'storage');
  // The account document's id is the account's (`cb_storage:doc_id/1`).
  const withAccountId = (doc: StoredDoc): Reply => {
    const reply = req.method === 'DELETE' ? deletedReply(def, doc) : docReply(def, doc, req.method === 'PUT' ? 201 : 200);
    return { ...reply, data: { ...(reply.data as JsonObject), id: accountId } };
  };
  switch (req.method) {
    case 'GET':
      return withAccountId(load(engine, accountId, def, ACCOUNT_STORAGE_ID));
    case 'PUT': {
      const existing = engine.store.get(accountId, ACCOUNT_STORAGE_ID);
      if (existing && !existing.deleted) throw conflict();
      return withAccountId(engine.docs.create(def, accountId, req.data, { id: ACCOUNT_STORAGE_ID }));
    }
    case 'POST':
      return withAccountId(engine.docs.replace(def, accountId, ACCOUNT_STORAGE_ID, req.data));
    case 'PATCH':
      return withAccountId(engine.docs.patch(def, accountId, ACCOUNT_STORAGE_ID, req.data, deepMerge));
    default:
      return withAccountId(engine.docs.remove(def, accountId, ACCOUNT_STORAGE_ID));
  }
}

function plans(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const def = storageDef(req, 'storage_plan');
  if (req.method === 'GET') return listDocs(engine, req, accountId, def);
  // `cb_storage:on_successful_validation/3`: a new plan is a `storage_plan`, not a system plan.
  const doc = engine.docs.create(def, accountId, req.data, { private: { pvt_system_plan: false } });
  return createdReply(def, req, doc);
}

function plan(engine: Engine, req: SandboxRequest, accountId: string, id: string): Reply {
  const def = storageDef(req, 'storage_plan');
  switch (req.method) {
    case 'GET':
      return docReply(def, load(engine, accountId, def, id));
    case 'POST':
      return docReply(def, engine.docs.replace(def, accountId, id, req.data));
    case 'PATCH':
      return docReply(def, engine.docs.patch(def, accountId, id, req.data, deepMerge));
    default:
      return deletedReply(def, engine.docs.remove(def, accountId, id));
  }
}

/** `cb_storage`: the account's storage document and its reseller's storage plans. */
export const storageModule = defineModule({
  name: 'storage',
  routes: [
    route('accounts/:account/storage', ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'], (ctx) => {
      authorizeAccount(ctx.engine, ctx.req, ctx.account());
      return accountStorage(ctx.engine, ctx.req, ctx.accountId);
    }),
    route('accounts/:account/storage/plans', ['GET', 'PUT'], (ctx) => {
      authorizePlans(ctx.account());
      return plans(ctx.engine, ctx.req, ctx.accountId);
    }),
    route('accounts/:account/storage/plans/:id', ['GET', 'POST', 'PATCH', 'DELETE'], (ctx) => {
      authorizePlans(ctx.account());
      return plan(ctx.engine, ctx.req, ctx.accountId, ctx.params.id);
    }),
  ],
});
