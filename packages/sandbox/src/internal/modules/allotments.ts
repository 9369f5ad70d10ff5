import { AllotmentsSchema } from '@audian/resources/schemas';
import { isSuperDuperAdmin, masterAccountId, resellerIdOf } from '../billing-rights';
import type { Reply, SandboxRequest } from '../context';
import { CrossbarError, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { isObject, type JsonObject, stripReserved } from '../json';
import { defineModule, route } from '../sandbox-module';
import { validateDocument } from '../validation';
import { LIMITS } from './limits';

const LIMITS_ID = 'limits';

/** `crossbar_util:response_400/3`: a 400 whose message is the reason. */
function badRequest(message: string): CrossbarError {
  return new CrossbarError(400, message, {});
}

/** The allotments kept in the limits document (`kzd_limits:pvt_allotments/2`). */
function stored(engine: Engine, accountId: string): JsonObject | undefined {
  const limits = engine.store.get(accountId, LIMITS_ID);
  if (!limits || limits.deleted || !isObject(limits.body.pvt_allotments)) return undefined;
  const allotments = limits.body.pvt_allotments;
  return Object.keys(allotments).length > 0 ? allotments : undefined;
}

/** `cb_allotments:load_allotments/1`: 400 until some are configured. */
function current(engine: Engine, accountId: string): JsonObject {
  const allotments = stored(engine, accountId);
  if (!allotments) throw badRequest('allotments are not configured for this account yet');
  return allotments;
}

/**
 * `cb_allotments:is_allowed/1`: the account's reseller, a direct account of the master account
 * (its reseller is the master), or a super-duper admin.
 */
function allowed(engine: Engine, req: SandboxRequest, accountId: string): boolean {
  const auth = req.auth;
  if (!auth) return false;
  const reseller = resellerIdOf(engine, accountId);
  return reseller === auth.accountId || reseller === masterAccountId(engine) || isSuperDuperAdmin(engine, auth.accountId);
}

/** `POST …/allotments`: checked, then saved into the limits document (created when missing). */
function update(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const data = isObject(req.data) ? stripReserved(req.data) : {};
  const checked = validateDocument(AllotmentsSchema, data);
  if (!checked.ok) throw validationError(checked.errors);
  if (!allowed(engine, req, accountId)) {
    throw badRequest('sub-accounts of non-master resellers must contact the reseller to change their allotments');
  }
  const existing = engine.store.get(accountId, LIMITS_ID);
  if (existing && !existing.deleted) engine.docs.save(LIMITS, existing, { ...existing.body, pvt_allotments: data });
  else engine.docs.create(LIMITS, accountId, {}, { id: LIMITS_ID, private: { pvt_allotments: data } });
  return { data, envelope: { revision: 'automatic' } };
}

/**
 * `GET …/allotments/consumed` (`cb_allotments:load_consumed/2`): seconds consumed per
 * classification from the `allotments/consumed` view of the MODB. The sandbox rates no calls
 * against allotments, so the view has no rows and nothing is listed.
 */
function consumed(engine: Engine, accountId: string): Reply {
  current(engine, accountId);
  return { data: {}, envelope: { revision: 'automatic' } };
}

/** `cb_allotments`: the account's free minutes per call classification, in its limits document. */
export const allotmentsModule = defineModule({
  name: 'allotments',
  routes: [
    route('accounts/:account/allotments', ['GET', 'POST'], ({ engine, req, accountId }) =>
      req.method === 'GET' ? { data: current(engine, accountId), envelope: { revision: 'automatic' } } : update(engine, req, accountId),
    ),
    route('accounts/:account/allotments/consumed', ['GET'], ({ engine, accountId }) => consumed(engine, accountId)),
  ],
});
