import { treeOf } from '../accounts-def';
import { requireSuperDuperAdmin } from '../billing-rights';
import { createdReply, deletedReply, docReply } from '../collection';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifier, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { newId } from '../ids';
import { compact, isObject, type JsonObject } from '../json';
import { defineModule, route } from '../sandbox-module';
import { nextRevision, type StoredDoc } from '../store';
import { portAuthorityOf } from './port-requests';

const ACTIVE = ['unconfirmed', 'submitted', 'pending', 'scheduled', 'rejected'];
/** `cb_alerts:check_port_suspended_message/1`. */
const SUSPENDED: Readonly<Record<string, string>> = {
  rejected: 'The port request has been rejected, please update the port or cancel.',
  unconfirmed: 'The port request has not been submitted, until it is submitted it will not be processed.',
};

const activePorts = (engine: Engine, match: (doc: StoredDoc) => boolean): StoredDoc[] =>
  engine.store.allOfType('port_request').filter((d) => ACTIVE.includes(String(d.body.pvt_port_state)) && match(d));

/**
 * `cb_alerts:maybe_check_port_requests/2`: the top account and a reseller that is its own port
 * authority see the URL account's ports; another reseller sees its own ports and its
 * sub-accounts'; any other account its own, unless its reseller's whitelabel hides porting.
 */
function portsToCheck(engine: Engine, req: SandboxRequest, accountId: string): StoredDoc[] {
  const auth = req.auth?.accountId ?? '';
  const authDoc = engine.account(auth);
  const isTop = authDoc !== undefined && treeOf(authDoc.body).length === 0;
  const isReseller = authDoc?.body.pvt_reseller === true;
  if (isTop || (isReseller && portAuthorityOf(engine, auth) === auth)) return activePorts(engine, (d) => d.accountId === accountId);
  if (isReseller) return activePorts(engine, (d) => d.accountId === auth || treeOf(d.body).includes(auth));
  const account = engine.account(accountId);
  const reseller = account ? engine.resellerOf(account) : undefined;
  if (reseller && engine.store.get(reseller, 'whitelabel')?.body.hide_port === true) return [];
  return activePorts(engine, (d) => d.accountId === accountId);
}

function visibleComments(engine: Engine, req: SandboxRequest, port: StoredDoc): JsonObject[] {
  const comments = Array.isArray(port.body.comments) ? (port.body.comments as unknown[]).filter(isObject) : [];
  const authority = req.auth?.accountId === (port.body.pvt_port_authority ?? portAuthorityOf(engine, port.accountId));
  return authority ? comments : comments.filter((c) => c.is_private !== true);
}

/** `cb_alerts:check_port_action_required/2` and `check_port_suspended/2` for one port request. */
function portAlerts(engine: Engine, req: SandboxRequest, port: StoredDoc): JsonObject[] {
  const state = String(port.body.pvt_port_state);
  const base = {
    id: port.id,
    title: 'Port request requires action',
    from: [{ type: 'account', value: port.accountId }],
    clearable: false,
  };
  const out: JsonObject[] = [];
  const last = visibleComments(engine, req, port).at(-1);
  if (last?.action_required === true) {
    out.push({ ...base, message: last, metadata: { name: port.body.name, state }, category: 'port_action_required' });
  }
  const transitions = (Array.isArray(port.body.pvt_transitions) ? (port.body.pvt_transitions as unknown[]) : []).filter(
    (t) => isObject(t) && isObject(t.transition) && t.transition.new === state,
  );
  const message = SUSPENDED[state];
  if (message && transitions.length > 0) {
    out.push({ ...base, message, metadata: { name: port.body.name, state, transition: transitions[0] }, category: 'port_suspended' });
  }
  return out;
}

/**
 * Where system alerts live: the `alerts` database of KAZOO, kept in the store apart from every
 * account (`kapps_alert:save/1` writes to `?KZ_ALERTS_DB`).
 */
const ALERTS_DB = 'alerts';
const ALERT = { type: 'alert', sortKey: (doc: JsonObject) => String(doc._id) };

/** A live alert of the alerts database, or undefined. */
function storedAlert(engine: Engine, id: string): StoredDoc | undefined {
  const doc = engine.store.get(ALERTS_DB, id);
  return doc && !doc.deleted && doc.type === ALERT.type ? doc : undefined;
}

/**
 * `PUT …/alerts` (`cb_alerts:validate_alerts/2`, `create/1`, `put/1`): a super-duper admin's only
 * (403 otherwise). `kapps_alert:create/5` requires `title`, `message`, `from` and `to`, in that
 * order (the first one missing is the error), and keeps them with `category`, `metadata`, `level`
 * and `expiration_date`; nothing else of the request is stored. No schema checks the values.
 */
function createAlert(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  requireSuperDuperAdmin(engine, req.auth);
  const data = isObject(req.data) ? req.data : {};
  for (const key of ['title', 'message', 'from', 'to']) {
    if (data[key] === undefined || data[key] === null) throw validationError({ [key]: { required: { message: 'missing property' } } });
  }
  const now = engine.clock.gregorian();
  const id = newId();
  const body: JsonObject = compact({
    title: data.title,
    message: data.message,
    from: data.from,
    to: data.to,
    category: data.category ?? undefined,
    metadata: data.metadata ?? undefined,
    level: data.level ?? undefined,
    expiration_date: data.expiration_date ?? undefined,
    _id: id,
    pvt_type: ALERT.type,
    pvt_account_id: accountId,
    pvt_created: now,
    pvt_modified: now,
    pvt_vsn: '1',
  });
  body._rev = nextRevision(undefined, body);
  engine.store.insert({ accountId: ALERTS_DB, id, type: ALERT.type, sortKey: ALERT.sortKey(body), body });
  return createdReply(undefined, req, storedAlert(engine, id) as StoredDoc);
}

/**
 * `cb_alerts:view_keys/1`: the `[type, value]` recipients the URL's account and the login's user
 * see: everyone, the account (all of it, its users, the user), resellers when the account is one,
 * admins when the user is an admin of the account, and each descendant of the account.
 */
function viewKeys(engine: Engine, req: SandboxRequest, accountId: string): Set<string> {
  const ownerId = req.auth?.ownerId;
  const owner = ownerId ? engine.store.get(accountId, ownerId) : undefined;
  const isAdmin = owner !== undefined && !owner.deleted && owner.type === 'user' && owner.body.priv_level === 'admin';
  const keys: unknown[] = [
    ['all', 'all'],
    ['all', 'users'],
    [accountId, 'all'],
    [accountId, 'users'],
  ];
  if (ownerId) keys.push([accountId, ownerId]);
  if (engine.account(accountId)?.body.pvt_reseller === true) keys.push(['resellers', 'all'], ['resellers', 'users']);
  if (isAdmin) keys.push(['all', 'admins'], [accountId, 'admins'], ['resellers', 'admins']);
  const descendants = engine.store
    .allOfType('account')
    .filter((a) => a.id !== accountId && treeOf(a.body).includes(accountId))
    .map((a) => a.id);
  for (const d of descendants) {
    keys.push(['descendants', [d, 'all']], ['descendants', [d, 'users']]);
    if (isAdmin) keys.push(['descendants', [d, 'admins']]);
  }
  return new Set(keys.map((k) => JSON.stringify(k)));
}

/**
 * `cb_alerts:check_system_alerts/1` over the `alerts/available` view: each alert one of whose `to`
 * entries (`{ type, value }`) is among the view keys, as the view's row with `clearable: true`.
 * `should_filter_alert/1` drops an alert whose `expiration_date` (gregorian seconds) has passed,
 * and deletes it (`kapps_alert:delete/1`).
 */
function systemAlerts(engine: Engine, req: SandboxRequest, accountId: string): JsonObject[] {
  const keys = viewKeys(engine, req, accountId);
  const now = engine.clock.gregorian();
  const out: JsonObject[] = [];
  for (const doc of engine.store.allOfType(ALERT.type).filter((d) => d.accountId === ALERTS_DB)) {
    const b = doc.body;
    const to = Array.isArray(b.to) ? (b.to as unknown[]).filter(isObject) : [];
    if (!to.some((t) => keys.has(JSON.stringify([t.type, t.value])))) continue;
    if (typeof b.expiration_date === 'number' && b.expiration_date < now) {
      engine.docs.remove(ALERT, ALERTS_DB, doc.id);
      continue;
    }
    out.push(
      compact({
        id: doc.id,
        title: b.title,
        message: b.message,
        category: b.category,
        level: b.level,
        metadata: b.metadata,
        from: b.from,
        expiration_date: b.expiration_date,
        created: b.pvt_created,
        clearable: true,
      }),
    );
  }
  return out;
}

/**
 * `cb_alerts`: the account's alerts — the system alerts addressed to it (which a super-duper admin
 * creates) and those its port requests raise, sorted by id (`filter_alerts/1` sorts them).
 * Financial alerts need a billing provider, so none appears here.
 */
export const alertsModule = defineModule({
  name: 'alerts',
  routes: [
    route('accounts/:account/alerts', ['GET', 'PUT'], ({ engine, req, accountId }): Reply => {
      if (req.method === 'PUT') return createAlert(engine, req, accountId);
      const alerts = [
        ...systemAlerts(engine, req, accountId),
        ...portsToCheck(engine, req, accountId).flatMap((port) => portAlerts(engine, req, port)),
      ];
      alerts.sort((a, b) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0));
      return { data: alerts, envelope: { page_size: alerts.length } };
    }),
    // `cb_alerts:read/2`: any alert of the alerts database, by id, to any login reaching the account.
    route('accounts/:account/alerts/:id', ['GET', 'DELETE'], ({ engine, req, params }) => {
      const doc = storedAlert(engine, params.id);
      if (!doc) throw badIdentifier(params.id);
      if (req.method === 'GET') return docReply(undefined, doc);
      return deletedReply(undefined, engine.docs.remove(ALERT, ALERTS_DB, params.id));
    }),
  ],
});
