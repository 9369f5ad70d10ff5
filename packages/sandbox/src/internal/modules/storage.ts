import { createHash } from 'node:crypto';
import { StorageSchema } from '@audian/resources/schemas';
import { isSuperDuperAdmin, requireSuperDuperAdmin } from '../billing-rights';
import { createdReply, deletedReply, docReply, listDocs } from '../collection';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifier, CrossbarError, forbidden } from '../crossbar-error';
import type { Engine } from '../engine';
import { deepMerge, isObject, type JsonObject, publicDoc } from '../json';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
import type { StoredDoc } from '../store';
import { USERS } from './users';

/** The account's storage document lives under this id in the account (KAZOO keys it by the account id in `system_data`). */
const ACCOUNT_STORAGE_ID = 'storage';
/** A user's storage document lives under this id in the account (KAZOO keys it by the user id in `system_data`). */
const userStorageId = (userId: string): string => `storage:${userId}`;

/**
 * `?KZ_DATA_DB`, where KAZOO keeps the system's storage document (id `system`,
 * `cb_storage:doc_id/1`) and the system's storage plans (`pvt_system_plan: true`).
 */
const SYSTEM_DATA = 'system_data';
const SYSTEM_STORAGE_ID = 'system';

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
 * `cb_storage:do_authorize/2` for `{account, Id}` and `{user, UserId, Id}`: the account itself or
 * its reseller (within the account KAZOO also wants an admin or that user, and every sandbox login
 * acts as an admin); for plans, only a reseller account (`kzd_accounts:is_reseller/1`).
 */
function authorizeAccount(engine: Engine, req: SandboxRequest, account: StoredDoc): void {
  const auth = req.auth?.accountId;
  if (auth === account.id || engine.resellerOf(account) === auth) return;
  if (auth !== undefined && isSuperDuperAdmin(engine, auth)) return;
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

/**
 * The answer to a `POST` or `PATCH` of a storage document or plan that is missing. `cb_storage:update/1,2`
 * validates the body against the `storage` schema first and loads the document only once it passed
 * (`on_successful_validation/3` → `crossbar_doc:load_merge/3`); a `PATCH` goes through
 * `crossbar_doc:patch_and_validate/4`, which runs that validation on the request alone when its load
 * failed. So an invalid body is 400 `validation error`, and only a valid one meets the 404.
 */
function missingOnWrite(engine: Engine, req: SandboxRequest, def: ResourceDef, db: string, shownId: string): CrossbarError {
  if (req.method === 'POST' || req.method === 'PATCH') engine.docs.validate(def, db, req.data, undefined);
  return badIdentifier(shownId);
}

/**
 * One storage document (`cb_storage:validate_storage/2`): the account's (kept in the account under
 * `storage`, answered with the account's id), a user's (kept in the account, answered with the
 * user's id) or the system's (`system` in `system_data`).
 *
 * DELETE is `crossbar_doc:delete(Context, ?HARD_DELETE)` (`cb_storage:delete/1,3`): the answer is
 * the document as it was read, `_read_only.deleted: true`, its revision as the ETag; afterwards the
 * id is simply missing, so any read, change or second DELETE is 404 `bad_identifier` naming the id
 * KAZOO opens (`cb_storage:doc_id/1`, or the plan id), and a PUT creates it again where a
 * soft-deleted document would still hold the id (409). The sandbox's deleted row only stands in
 * for CouchDB's tombstone.
 */
function storageDocument(engine: Engine, req: SandboxRequest, db: string, storedId: string, shownId: string): Reply {
  const def = storageDef(req, 'storage');
  const withId = (doc: StoredDoc): Reply => {
    const reply = req.method === 'DELETE' ? deletedReply(def, doc) : docReply(def, doc, req.method === 'PUT' ? 201 : 200);
    return { ...reply, data: { ...(reply.data as JsonObject), id: shownId } };
  };
  const existing = engine.store.get(db, storedId);
  const present = existing !== undefined && !existing.deleted && existing.type === def.type;
  if (req.method !== 'PUT' && !present) throw missingOnWrite(engine, req, def, db, shownId);
  switch (req.method) {
    case 'GET':
      return withId(load(engine, db, def, storedId));
    case 'PUT':
      if (existing && !existing.deleted) throw conflict();
      return withId(engine.docs.create(def, db, req.data, { id: storedId }));
    case 'POST':
      return withId(engine.docs.replace(def, db, storedId, req.data));
    case 'PATCH':
      return withId(engine.docs.patch(def, db, storedId, req.data, deepMerge));
    default:
      return withId(engine.docs.remove(def, db, storedId));
  }
}

/**
 * `…/storage/plans`: a reseller's plans, or with `db` = `system_data` the system's
 * (`cb_storage:summary/2` reads `storage/system_plans`; `on_successful_validation/3` sets
 * `pvt_system_plan` for those).
 */
function plans(engine: Engine, req: SandboxRequest, db: string): Reply {
  const def = storageDef(req, 'storage_plan');
  if (req.method === 'GET') return listDocs(engine, req, db, def);
  const doc = engine.docs.create(def, db, req.data, { private: { pvt_system_plan: db === SYSTEM_DATA } });
  return createdReply(def, req, doc);
}

/**
 * Where the sandbox keeps the `storage` document that KAZOO keys by `id` in `system_data`: the
 * system's (`system`), an account's (the account id) or a user's (the user id). Anything else has
 * no such document: a storage plan is a `storage_plan`, and an unknown id is missing.
 */
function storageLocation(engine: Engine, id: string): { db: string; storedId: string } | undefined {
  if (id === SYSTEM_STORAGE_ID) return { db: SYSTEM_DATA, storedId: SYSTEM_STORAGE_ID };
  if (engine.account(id)) return { db: id, storedId: ACCOUNT_STORAGE_ID };
  const user = engine.store.allOfType('storage').find((doc) => doc.id === userStorageId(id));
  return user ? { db: user.accountId, storedId: user.id } : undefined;
}

/**
 * `GET`/`DELETE …/storage/plans/{id}`: `cb_storage:read/2` loads the id from `system_data` (the db
 * `set_scope/1` picks for every scope, a reseller's too) and wants a `storage` document
 * (`?TYPE_CHECK_OPTION(<<"storage">>)`). So the id reaches the system's, an account's or a user's
 * storage document, and `delete/3` removes what was read; a plan fails
 * `crossbar_doc:check_document_type/3` and, like an unknown id, is 404 `bad_identifier`.
 */
function storageById(engine: Engine, req: SandboxRequest, id: string): Reply {
  const where = storageLocation(engine, id);
  if (!where) throw badIdentifier(id);
  return storageDocument(engine, req, where.db, where.storedId, id);
}

/**
 * A plan by id, a reseller's or the system's. POST and PATCH load it as `storage` or `storage_plan`
 * (`?STORAGE_CHECK_OPTIONS`, `crossbar_doc:patch_and_validate/3`); GET and DELETE go through
 * `cb_storage:read/2` ({@link storageById}).
 */
function plan(engine: Engine, req: SandboxRequest, db: string, id: string): Reply {
  const def = storageDef(req, 'storage_plan');
  if (req.method === 'POST' || req.method === 'PATCH') {
    const stored = engine.store.get(db, id);
    if (!stored || stored.deleted || stored.type !== def.type) throw missingOnWrite(engine, req, def, db, id);
  }
  switch (req.method) {
    case 'POST':
      return docReply(def, engine.docs.replace(def, db, id, req.data));
    case 'PATCH':
      return docReply(def, engine.docs.patch(def, db, id, req.data, deepMerge));
    default:
      return storageById(engine, req, id);
  }
}

/** `cb_storage`: the system's, an account's and a user's storage document, and storage plans. */
export const storageModule = defineModule({
  name: 'storage',
  routes: [
    route('accounts/:account/storage', ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'], (ctx) => {
      authorizeAccount(ctx.engine, ctx.req, ctx.account());
      return storageDocument(ctx.engine, ctx.req, ctx.accountId, ACCOUNT_STORAGE_ID, ctx.accountId);
    }),
    // `cb_storage:set_scope/2` for `{user, UserId, AccountId}`: the user's own storage document
    // (`doc_id/1` is the user id); `cb_users:validate_resource/3` first 404s an unknown user.
    route('accounts/:account/users/:id/storage', ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'], (ctx) => {
      authorizeAccount(ctx.engine, ctx.req, ctx.account());
      ctx.engine.docs.load(ctx.accountId, USERS, ctx.params.id);
      return storageDocument(ctx.engine, ctx.req, ctx.accountId, userStorageId(ctx.params.id), ctx.params.id);
    }),
    route('accounts/:account/storage/plans', ['GET', 'PUT'], (ctx) => {
      authorizePlans(ctx.account());
      return plans(ctx.engine, ctx.req, ctx.accountId);
    }),
    route('accounts/:account/storage/plans/:id', ['GET', 'POST', 'PATCH', 'DELETE'], (ctx) => {
      authorizePlans(ctx.account());
      return plan(ctx.engine, ctx.req, ctx.accountId, ctx.params.id);
    }),
    // `cb_storage:do_authorize/2` for `system`, `system_plans` and `{system_plan, Id}`: the super-duper admin only.
    route('storage', ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'], ({ engine, req }) => {
      requireSuperDuperAdmin(engine, req.auth);
      return storageDocument(engine, req, SYSTEM_DATA, SYSTEM_STORAGE_ID, SYSTEM_STORAGE_ID);
    }),
    route('storage/plans', ['GET', 'PUT'], ({ engine, req }) => {
      requireSuperDuperAdmin(engine, req.auth);
      return plans(engine, req, SYSTEM_DATA);
    }),
    route('storage/plans/:id', ['GET', 'POST', 'PATCH', 'DELETE'], ({ engine, req, params }) => {
      requireSuperDuperAdmin(engine, req.auth);
      return plan(engine, req, SYSTEM_DATA, params.id);
    }),
  ],
});
