import { ACCOUNTS, DEFAULT_TIMEZONE, treeOf } from '../accounts-def';
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
    superduper_admin: body.pvt_superduper_admin === true,
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
    case 'GET': {
      const reply = docReply(ACCOUNTS, account);
      return { ...reply, data: withLeakedFields(engine, req, account, reply.data as JsonObject) };
    }
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

/**
 * `POST /v2/accounts/{ACCOUNT_ID}/move` (`cb_accounts:validate_account_path/4`): `to` is required;
 * moving is allowed to the super-duper admin only (`accounts.allow_move` defaults to
 * `superduper_admin`), which no sandbox login is, so a valid request answers 403.
 */
function moveAccount(req: SandboxRequest): Reply {
  const to = isObject(req.data) ? req.data.to : undefined;
  if (typeof to !== 'string' || to === '') throw validationError({ to: { required: { message: "Field 'to' is required" } } });
  throw forbidden();
}

/** `PUT|DELETE /v2/accounts/{ACCOUNT_ID}/reseller`: promoting or demoting a reseller is the super-duper admin's (403 here). */
function resellerStatus(): Reply {
  throw forbidden();
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
    route('accounts/:account/move', ['POST'], ({ req, account }) => {
      account();
      return moveAccount(req);
    }),
    route('accounts/:account/reseller', ['PUT', 'DELETE'], ({ account }) => {
      account();
      return resellerStatus();
    }),
  ],
});
