import { createdReply, deletedReply, docReply } from './collection';
import type { Reply, SandboxRequest } from './context';
import { CrossbarError, type FieldErrors } from './crossbar-error';
import { toE164 } from './e164';
import type { Engine } from './engine';
import { newModbId } from './ids';
import { compact, getPath, isObject, type JsonObject } from './json';
import { rangedListing } from './listing';
import type { ResourceDef } from './resource-def';
import { type RouteSpec, route } from './sandbox-module';

/**
 * The first caller id number at one of `paths` on the sending user, then on the account
 * (`kzd_caller_id`'s lookup order), or undefined.
 */
export function callerIdNumber(
  engine: Engine,
  accountId: string,
  ownerId: string | undefined,
  paths: readonly string[],
): string | undefined {
  const sources: unknown[] = [];
  if (ownerId) sources.push(engine.store.get(accountId, ownerId)?.body);
  sources.push(engine.account(accountId)?.body);
  for (const path of paths) {
    for (const doc of sources) {
      const number = getPath(doc, path);
      if (typeof number === 'string' && number !== '') return number;
    }
  }
  return undefined;
}

/** KAZOO's default `reconcile_regex` (`knm_converters`), matched against the normalised number. */
const RECONCILE_REGEX = /^(\+?1)?\d{10}$|^\+[2-9]\d{7,}$|^011\d*$|^00\d*$/;

/**
 * `knm_converters:is_reconcilable/1` with the default converters and `reconcile_regex`: the number
 * is normalised first, so `4155550199`, `+442071234567` and `011442071234567` are reconcilable,
 * extensions such as `1001` are not.
 */
export function isReconcilable(number: string): boolean {
  return RECONCILE_REGEX.test(toE164(number));
}

/** Where `create_request/1` of `cb_sms` and `cb_mms` sends a message, and from which number. */
export interface MessageRoute {
  /** `offnet` when the recipient is reconcilable, else `onnet` (an extension of the account). */
  readonly routeType: 'onnet' | 'offnet';
  /** The recipient: normalised to E.164 offnet, as given onnet. */
  readonly to: string;
  /** The request's `from`, else the sender's caller id for the route (external offnet, internal onnet). */
  readonly from: string | undefined;
}

/**
 * `create_request/1` and `get_default_caller_id/3` (the same in `cb_sms` and `cb_mms`): the route
 * type from the recipient, and the sender's caller id when the request names none.
 */
export function messageRoute(engine: Engine, accountId: string, ownerId: string | undefined, doc: JsonObject): MessageRoute {
  const to = String(doc.to);
  const offnet = isReconcilable(to);
  const from =
    typeof doc.from === 'string'
      ? doc.from
      : callerIdNumber(engine, accountId, ownerId, [offnet ? 'caller_id.external.number' : 'caller_id.internal.number']);
  return { routeType: offnet ? 'offnet' : 'onnet', to: offnet ? toE164(to) : to, from };
}

/**
 * `knm_im:enabled/2`: the number's activated feature (`pvt_features.<type>.enabled`). The sandbox's
 * number documents keep `pvt_features` as a list and no feature provider runs when they are saved,
 * so there the feature counts as activated as `knm_im:save/2` would activate it: the number is
 * `in_service` and its own `<type>.enabled` is true.
 */
function featureEnabled(number: JsonObject, type: 'sms' | 'mms'): boolean {
  const features = number.pvt_features;
  const feature = isObject(features) ? features[type] : number.pvt_state === 'in_service' ? number[type] : undefined;
  return isObject(feature) && (feature.enabled === true || feature.enabled === 'true');
}

/**
 * `account_is_enabled/1` then `validate_from/1` of `cb_sms` and `cb_mms` (they differ only in the
 * feature): an onnet message may come from anything; an offnet one must come from a number that
 * exists (`number_exists/2`), is assigned to the account (`number_belongs_to_account/1`) and has
 * the feature (`number_has_sms_enabled/1`, `number_has_mms_enabled/1`). The first failure is the
 * only one reported, as `cb_context:validators/2` stops there.
 *
 * @throws CrossbarError 400 `disabled` when the account is disabled.
 */
export function senderErrors(engine: Engine, accountId: string, route: MessageRoute, type: 'sms' | 'mms'): FieldErrors | undefined {
  if (engine.account(accountId)?.body.pvt_enabled === false) throw new CrossbarError(400, 'disabled', { message: 'entity disabled' });
  if (route.routeType === 'onnet') return undefined;
  const holder = route.from ? engine.store.claimant({ scope: '', kind: 'phone_number', value: toE164(route.from) }) : undefined;
  const number = holder ? engine.store.get(holder.accountId, holder.docId) : undefined;
  if (!holder || !number) return { from: { invalid: { message: 'number is invalid' } } };
  if (number.deleted || (number.body.pvt_assigned_to ?? number.accountId) !== accountId) {
    return { from: { forbidden: { message: 'number does not belong to account' } } };
  }
  if (!featureEnabled(number.body, type)) return { from: { forbidden: { message: `number does not have ${type} enabled` } } };
  return undefined;
}

/**
 * Stores a message sent through the API (`kz_im`, shared by `cb_sms` and `cb_mms`): in the MODB
 * under a `YYYYMM-` id, `queued`, authorised by the sending user or the account. Nothing is
 * delivered. `def` carries the module's own checks and addressing (`prepare`).
 */
export function storeQueuedMessage(engine: Engine, req: SandboxRequest, accountId: string, def: ResourceDef): Reply {
  const ownerId = req.auth?.ownerId;
  const doc = engine.docs.create(def, accountId, req.data, {
    id: newModbId(engine.clock.unix()),
    private: compact({
      pvt_status: 'queued',
      pvt_origin: 'api',
      pvt_authorization_type: ownerId ? 'user' : 'account',
      pvt_authorization: ownerId ?? accountId,
      pvt_owner_id: ownerId,
    }),
  });
  return createdReply(def, req, doc);
}

/** A messaging module's endpoints: list by creation time and send; read and delete one. */
export function messageRoutes(def: ResourceDef, send: (engine: Engine, req: SandboxRequest, accountId: string) => Reply): RouteSpec[] {
  return [
    route(`accounts/:account/${def.name}`, ['GET', 'PUT'], ({ engine, req, accountId }) =>
      req.method === 'PUT' ? send(engine, req, accountId) : rangedListing(engine, req, accountId, def),
    ),
    route(`accounts/:account/${def.name}/:id`, ['GET', 'DELETE'], ({ engine, req, accountId, params }) =>
      req.method === 'GET'
        ? docReply(def, engine.docs.load(accountId, def, params.id))
        : deletedReply(def, engine.docs.remove(def, accountId, params.id)),
    ),
  ];
}
