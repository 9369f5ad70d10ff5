import * as schemas from '@audian/resources/schemas';
import { docReply } from '../collection';
import type { Reply, SandboxRequest } from '../context';
import { CrossbarError, forbidden } from '../crossbar-error';
import type { Engine } from '../engine';
import { deepMerge, isObject, type JsonObject, publicDoc, stripReserved } from '../json';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
import type { StoredDoc } from '../store';
import { DEVICES } from './devices';

/** An account's limits document (`pvt_type` `rate_limits`, owned by the account). */
const ACCOUNT_RATE_LIMITS: ResourceDef = {
  name: 'rate_limits',
  type: 'rate_limits',
  schema: schemas.AccountRateLimitsDocumentSchema,
  collectionVerbs: ['GET', 'POST', 'DELETE'],
  itemVerbs: [],
  summary: (doc) => doc,
  sortKey: (doc) => String(doc.pvt_owner_id),
};
/** A device's limits document: the same type, owned by the device. */
const DEVICE_RATE_LIMITS: ResourceDef = { ...ACCOUNT_RATE_LIMITS, schema: schemas.DeviceRateLimitsDocumentSchema };

/** `cb_rate_limits:authorize/1`: only the system's admin or a reseller's login may touch rate limits. */
function authorize(engine: Engine, req: SandboxRequest): void {
  const auth = req.auth ?? engine.authenticate(req);
  if (engine.account(auth.accountId)?.body.pvt_reseller !== true) throw forbidden();
}

/** The limits document of a thing (`rate_limits/list_by_owner`), if any. */
function limitsOf(engine: Engine, accountId: string, ownerId: string): StoredDoc | undefined {
  return engine.store.children(accountId, ACCOUNT_RATE_LIMITS.type, '').find((d) => !d.deleted && d.body.pvt_owner_id === ownerId);
}

/**
 * `GET|POST|DELETE …/rate_limits` of an account or a device (`cb_rate_limits`): `{}` when none
 * are set; a POST is validated (`account_rate_limits` or `device_rate_limits`), merged over the
 * stored document and saved with the owner's type and query name; a DELETE answers the removed
 * document (`{}` when there was none).
 */
function rateLimits(engine: Engine, req: SandboxRequest, accountId: string, deviceId?: string): Reply {
  authorize(engine, req);
  const ownerId = deviceId ?? accountId;
  const def = deviceId === undefined ? ACCOUNT_RATE_LIMITS : DEVICE_RATE_LIMITS;
  const owner = engine.store.get(accountId, ownerId);
  const stored = limitsOf(engine, accountId, ownerId);
  if (req.method === 'GET') return stored ? docReply(def, stored) : { data: {}, envelope: { revision: 'undefined' } };
  if (req.method === 'DELETE') {
    if (!stored) return { data: {}, envelope: { revision: 'undefined' } };
    const removed = engine.docs.remove(def, accountId, stored.id);
    return { data: { ...publicDoc(removed.body), _read_only: { deleted: true } }, envelope: { revision: String(removed.body._rev) } };
  }
  // KAZOO reads the owner with a bare match (`set_pvt_fields/1`); a missing device crashes there.
  if (!owner || owner.deleted || (deviceId !== undefined && owner.type !== DEVICES.type)) {
    throw new CrossbarError(404, 'bad_identifier', { cause: ownerId, message: 'bad identifier' });
  }
  const ownerType = deviceId === undefined ? 'account' : 'device';
  const sip = isObject(owner.body.sip) ? owner.body.sip : {};
  const queryName = ownerType === 'account' ? owner.body.realm : sip.username;
  const priv: JsonObject = { pvt_owner_id: ownerId, pvt_owner_type: ownerType, pvt_queryname: queryName };
  if (!stored) return docReply(def, engine.docs.create(def, accountId, req.data, { private: priv }), 200);
  const base = publicDoc(stored.body);
  delete base.id;
  const merged = isObject(req.data) ? deepMerge(base, stripReserved(req.data)) : req.data;
  return docReply(def, engine.docs.replace(def, accountId, stored.id, merged));
}

/** `cb_rate_limits`: SIP packet limits of an account and of its devices, for resellers. */
export const rateLimitsModule = defineModule({
  name: 'rate_limits',
  routes: [
    route('accounts/:account/rate_limits', ['GET', 'POST', 'DELETE'], ({ engine, req, accountId }) => rateLimits(engine, req, accountId)),
    route('accounts/:account/devices/:device/rate_limits', ['GET', 'POST', 'DELETE'], ({ engine, req, accountId, params }) =>
      rateLimits(engine, req, accountId, params.device),
    ),
  ],
});
