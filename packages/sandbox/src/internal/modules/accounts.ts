import { ACCOUNTS, DEFAULT_TIMEZONE, treeOf } from '../accounts-def';
import { isSuperDuperAdmin, masterAccountId, requireSuperDuperAdmin } from '../billing-rights';
import { createdReply, deletedReply, docReply } from '../collection';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifier, CrossbarError, forbidden, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { newApiKey, newId } from '../ids';
import { deepMerge, isObject, type JsonObject } from '../json';
import { listFilter, pageParams, paginateDocs } from '../listing';
import { defineModule, route } from '../sandbox-module';
import type { StoredDoc } from '../store';

/**
 * `cb_accounts:leak_pvt_fields/2`: what `GET` adds from the private fields — `wnm_allow_additions`,
 * `superduper_admin`, `created`, `enabled`, `reseller_id`, `is_reseller`, `billing_mode` (as seen by
 * the caller: `limits_only` for its own reseller, `normal` under the root, else `manual`),
 * `notification_preference` when set, and `api_key` with `include_api_key=true`.
 */
function withLeakedFields(engine: Engine, req: SandboxRequest, account: StoredDoc, data: JsonObject): JsonObject {
  const body = account.body;
  const reseller = engine.resellerOf(account);
  const authAccountId = req.auth?.accountId;
  const root = reseller === undefined ? undefined : engine.store.get(reseller, reseller);
  const out: JsonObject = {
    ...data,
    wnm_allow_additions: body.pvt_wnm_allow_additions === true,
    // `kzd_accounts:is_superduper_admin/1`: the master account carries the flag from its creation.
    superduper_admin: isSuperDuperAdmin(engine, account.id),
    created: body.pvt_created,
    enabled: body.pvt_enabled !== false,
    reseller_id: reseller,
    is_reseller: body.pvt_reseller === true,
    billing_mode: reseller === authAccountId ? 'limits_only' : root && treeOf(root.body).length === 0 ? 'normal' : 'manual',
  };
  // `kzd_accounts:notification_preference/1`: the first set of these, `teletype` or else `notify`.
  const notifications = isObject(body.notifications) ? body.notifications : {};
  const preference = [body.pvt_notification_preference, notifications.voicemail_to_email, notifications.fax_to_email].find(
    (p) => p !== undefined && p !== null,
  );
  if (preference !== undefined) out.notification_preference = preference === 'teletype' ? 'teletype' : 'notify';
  if (req.query.include_api_key === 'true' || (isObject(req.data) && req.data.include_api_key === true)) out.api_key = body.pvt_api_key;
  return out;
}

function withTimezone(data: JsonObject): JsonObject {
  return typeof data.timezone === 'string' && data.timezone !== '' && data.timezone !== 'inherit'
    ? data
    : { ...data, timezone: DEFAULT_TIMEZONE };
}

function liveAccounts(engine: Engine): StoredDoc[] {
  return engine.store.allOfType(ACCOUNTS.type);
}

/** `PUT /v2/accounts/{PARENT_ID}` (or `/v2/accounts`): a new child account with its own API key. */
function createAccount(engine: Engine, req: SandboxRequest, parent: StoredDoc): Reply {
  const id = newId();
  const doc = engine.docs.create(ACCOUNTS, id, req.data, {
    id,
    private: { pvt_tree: [...treeOf(parent.body), parent.id], pvt_api_key: newApiKey(), pvt_reseller: false, pvt_enabled: true },
  });
  return createdReply(ACCOUNTS, { ...req, path: '/v2/accounts' }, doc);
}

/** `GET|POST|PATCH|DELETE /v2/accounts/{ACCOUNT_ID}`. */
function accountItem(engine: Engine, req: SandboxRequest, account: StoredDoc): Reply {
  switch (req.method) {
    case 'PUT':
      return createAccount(engine, req, account);
    case 'GET':
      return accountReply(engine, req, account);
    case 'POST':
      // `kzd_accounts:validate/3` saves a POST with `update/2`: the request's values are set on the
      // stored account and keys it leaves out are kept; `ensure_account_has_timezone/2` looks at the
      // request alone, so a POST without `timezone` sets the default one.
      return docReply(
        ACCOUNTS,
        engine.docs.patch(ACCOUNTS, account.id, account.id, req.data, (base, data) => deepMerge(base, withTimezone(data))),
      );
    case 'PATCH':
      return docReply(ACCOUNTS, engine.docs.patch(ACCOUNTS, account.id, account.id, req.data, deepMerge));
    default: {
      if (liveAccounts(engine).some((a) => treeOf(a.body).includes(account.id))) {
        throw new CrossbarError(500, 'account_has_descendants', { message: 'account has descendants' });
      }
      return deletedReply(ACCOUNTS, engine.docs.remove(ACCOUNTS, account.id, account.id));
    }
  }
}

function listing(req: SandboxRequest, accounts: StoredDoc[], map: (doc: JsonObject) => JsonObject): Reply {
  const params = pageParams(req);
  const page = paginateDocs(
    accounts.map((a) => ({ sortKey: String(a.body.name ?? ''), id: a.id, doc: a.body })),
    params,
    listFilter(req),
    map,
  );
  return { data: page.items, envelope: { ...page.envelope, revision: 'automatic' } };
}

function childSummary(all: StoredDoc[]): (doc: JsonObject) => JsonObject {
  return (doc) => ({
    id: doc._id,
    name: doc.name,
    realm: doc.realm,
    descendants_count: all.filter((a) => treeOf(a.body).includes(String(doc._id))).length,
    flags: doc.flags ?? [],
  });
}

/** `GET /v2/accounts/{ACCOUNT_ID}/{children|descendants|siblings|parents|tree}`. */
function accountRelatives(engine: Engine, req: SandboxRequest, account: StoredDoc, relation: string): Reply {
  const all = liveAccounts(engine);
  const authId = req.auth?.accountId ?? '';
  switch (relation) {
    case 'children':
      return listing(
        req,
        all.filter((a) => treeOf(a.body).at(-1) === account.id),
        childSummary(all),
      );
    case 'descendants':
      return listing(
        req,
        all.filter((a) => treeOf(a.body).includes(account.id)),
        (doc) => ({ id: doc._id, name: doc.name, realm: doc.realm, tree: doc.pvt_tree, flags: doc.flags ?? [] }),
      );
    case 'siblings': {
      if (account.id === authId) throw forbidden();
      const parent = treeOf(account.body).at(-1);
      if (!parent) throw badIdentifier(account.id);
      return listing(
        req,
        all.filter((a) => treeOf(a.body).at(-1) === parent),
        childSummary(all),
      );
    }
    default: {
      const tree = treeOf(account.body);
      const start = tree.indexOf(authId);
      const ids = start >= 0 ? tree.slice(start) : tree;
      const data = ids.map((id) => {
        const doc = engine.store.get(id, id);
        return { id, name: doc?.body.name };
      });
      return { data, envelope: { page_size: data.length, revision: 'automatic' } };
    }
  }
}

/** `GET|PUT /v2/accounts/{ACCOUNT_ID}/api_key`: read or regenerate (the old key stops working). */
function apiKey(engine: Engine, req: SandboxRequest, account: StoredDoc): Reply {
  if (req.method === 'GET') return { data: { api_key: account.body.pvt_api_key }, envelope: { revision: String(account.body._rev) } };
  const saved = engine.docs.save(ACCOUNTS, account, { ...account.body, pvt_api_key: newApiKey() });
  return { status: 201, data: { api_key: saved.body.pvt_api_key }, envelope: { revision: String(saved.body._rev) } };
}

/** `cb_accounts:load_account/2`: the account as `GET` shows it, private fields leaked. */
function accountReply(engine: Engine, req: SandboxRequest, account: StoredDoc, status = 200): Reply {
  const reply = docReply(ACCOUNTS, account, status);
  return { ...reply, data: withLeakedFields(engine, req, account, reply.data as JsonObject) };
}

/** The live accounts below `accountId` (`accounts/listing_by_descendants`: the account itself excluded). */
function descendantsOf(engine: Engine, accountId: string): StoredDoc[] {
  return liveAccounts(engine).filter((a) => treeOf(a.body).includes(accountId));
}

/**
 * `POST /v2/accounts/{ACCOUNT_ID}/move` (`cb_accounts:validate_account_path/4`): `to` is required,
 * then `validate_move/4` under `accounts.allow_move`'s default, `superduper_admin` (403 for any
 * other login). `crossbar_util:move_account/2` refuses (403) a move under the account itself or
 * one of its descendants, sets the account's `pvt_tree` to the target's tree plus the target
 * (`get_tree/1` is empty for an id that is no account, as in KAZOO), keeps the old one as
 * `pvt_previous_tree`, and rewrites every descendant's tree from the moved account down
 * (`update_descendants_tree/4`). The answer is the moved account as `GET` shows it.
 */
function moveAccount(engine: Engine, req: SandboxRequest, account: StoredDoc): Reply {
  const to = isObject(req.data) ? req.data.to : undefined;
  if (typeof to !== 'string' || to === '') throw validationError({ to: { required: { message: "Field 'to' is required" } } });
  requireSuperDuperAdmin(engine, req.auth);
  const target = engine.account(to);
  const toTree = [...(target ? treeOf(target.body) : []), to];
  if (toTree.includes(account.id)) throw forbidden();
  const retree = (doc: StoredDoc, tree: string[]): StoredDoc =>
    engine.docs.save(ACCOUNTS, doc, { ...doc.body, pvt_tree: tree, pvt_previous_tree: treeOf(doc.body) });
  const descendants = descendantsOf(engine, account.id);
  let moved = account;
  engine.store.transaction(() => {
    moved = retree(account, toTree);
    for (const d of descendants) {
      const previous = treeOf(d.body);
      retree(d, [...toTree, ...previous.slice(previous.indexOf(account.id))]);
    }
  });
  return accountReply(engine, req, moved);
}

/**
 * `PUT|DELETE /v2/accounts/{ACCOUNT_ID}/reseller`: the super-duper admin's (403 otherwise).
 * `kz_services_reseller:promote/1` and `demote/1` refuse the master account (403) and an account
 * with a reseller below it (500 `account_has_descendants`); they set `pvt_reseller` and give every
 * descendant its new reseller in `pvt_reseller_id` (`cascade_reseller_id/2`: the account itself
 * when promoted, `find_id/1`'s nearest reseller above it when demoted, else the master account).
 * The answer is the account as `GET` shows it (`load_account/2`).
 */
function resellerStatus(engine: Engine, req: SandboxRequest, accountOf: () => StoredDoc): Reply {
  requireSuperDuperAdmin(engine, req.auth);
  const account = accountOf();
  if (account.id === masterAccountId(engine)) throw forbidden();
  const descendants = descendantsOf(engine, account.id);
  if (descendants.some((d) => d.body.pvt_reseller === true)) {
    throw new CrossbarError(500, 'account_has_descendants', { message: 'account has descendants' });
  }
  const promote = req.method === 'PUT';
  let saved = account;
  engine.store.transaction(() => {
    saved = engine.docs.save(ACCOUNTS, account, { ...account.body, pvt_reseller: promote });
    const resellerId = promote ? account.id : (engine.resellerOf(saved) ?? account.id);
    for (const d of descendants) engine.docs.save(ACCOUNTS, d, { ...d.body, pvt_reseller_id: resellerId });
  });
  return accountReply(engine, req, saved, promote ? 201 : 200);
}

/** `cb_accounts`: accounts and sub-accounts, their relatives, API key, moves and reseller status. */
export const accountsModule = defineModule({
  name: 'accounts',
  routes: [
    route('accounts', ['PUT'], ({ engine, req }) => {
      const auth = engine.authenticate(req);
      return createAccount(engine, req, engine.authorize(auth, auth.accountId));
    }),
    route('accounts/:account', ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'], ({ engine, req, account }) =>
      accountItem(engine, req, account()),
    ),
    ...(['children', 'descendants', 'siblings', 'parents', 'tree'] as const).map((relation) =>
      route(`accounts/:account/${relation}`, ['GET'], ({ engine, req, account }) => accountRelatives(engine, req, account(), relation)),
    ),
    route('accounts/:account/api_key', ['GET', 'PUT'], ({ engine, req, account }) => apiKey(engine, req, account())),
    route('accounts/:account/move', ['POST'], ({ engine, req, account }) => moveAccount(engine, req, account())),
    route('accounts/:account/reseller', ['PUT', 'DELETE'], ({ engine, req, account }) => resellerStatus(engine, req, account)),
  ],
});
