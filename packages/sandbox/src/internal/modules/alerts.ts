import { treeOf } from '../accounts-def';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifier, forbidden } from '../crossbar-error';
import type { Engine } from '../engine';
import { isObject, type JsonObject } from '../json';
import { defineModule, route } from '../sandbox-module';
import type { StoredDoc } from '../store';
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
 * `cb_alerts`: the account's alerts — those its port requests raise. Financial alerts need a
 * billing provider and system alerts a super admin to create them, so neither appears here.
 */
export const alertsModule = defineModule({
  name: 'alerts',
  routes: [
    route('accounts/:account/alerts', ['GET', 'PUT'], ({ engine, req, accountId }): Reply => {
      // `cb_alerts:validate_alerts/2`: only a super admin creates alerts, which no sandbox login is.
      if (req.method === 'PUT') throw forbidden();
      return { data: portsToCheck(engine, req, accountId).flatMap((port) => portAlerts(engine, req, port)) };
    }),
    // `cb_alerts:read/2` loads from the system's alerts database, where nothing can be created here.
    route('accounts/:account/alerts/:id', ['GET', 'DELETE'], ({ params }) => {
      throw badIdentifier(params.id);
    }),
  ],
});
