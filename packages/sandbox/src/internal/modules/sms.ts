import { SmsSchema } from '@audian/resources/schemas';
import { GREGORIAN_OFFSET } from '../clock';
import type { Reply, SandboxRequest } from '../context';
import type { FieldErrors } from '../crossbar-error';
import type { Engine } from '../engine';
import { messageRoute, messageRoutes, senderErrors, storeQueuedMessage } from '../instant-messages';
import { compact, type JsonObject } from '../json';
import { rangedListing } from '../listing';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
import { DEVICES } from './devices';
import { USERS } from './users';

/** `kz_privacy:anonymous_caller_id_number/1`'s default, the sender when nobody has a caller id. */
const ANONYMOUS_NUMBER = '0000000000';

/** A row of `sms/crossbar_listing`, plus the `date` Crossbar adds. */
function smsRow(doc: JsonObject): JsonObject {
  const created = Number(doc.pvt_created);
  return compact({
    id: doc._id,
    from: doc.from_user,
    to: doc.to_user,
    created,
    direction: doc.pvt_authorization_type === 'resource' ? 'inbound' : 'outbound',
    status: doc.pvt_status,
    // The view reads `Body` (what inbound messages carry); API-sent ones have `body`, shown too.
    body: doc.Body ?? doc.body,
    date: new Date((created - GREGORIAN_OFFSET) * 1000).toUTCString(),
  });
}

/** Text messages, stored in the MODB (ids `YYYYMM-…`) and keyed by creation time. */
export const SMS: ResourceDef = {
  name: 'sms',
  type: 'sms',
  schema: SmsSchema,
  collectionVerbs: ['GET', 'PUT'],
  itemVerbs: ['GET', 'DELETE'],
  summary: smsRow,
  sortKey: (doc) => Number(doc.pvt_created),
};

/**
 * `PUT …/sms` (`cb_sms:on_successful_validation/1`): the route type follows the recipient
 * (`create_request/1`), the sender defaults to the caller id for that route, and an offnet sender
 * must be a number of the account with SMS enabled (`validate_from/1`). Nothing is delivered: a
 * sent message is stored `queued`, with the addressing fields (`to`/`from` become `user@realm`).
 */
function send(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const ownerId = req.auth?.ownerId;
  const realm = String(engine.account(accountId)?.body.realm ?? '');
  const def: ResourceDef = {
    ...SMS,
    prepare(doc): FieldErrors | undefined {
      const route = messageRoute(engine, accountId, ownerId, doc);
      const toUser = route.to;
      const fromUser = route.from ?? ANONYMOUS_NUMBER;
      const errors = senderErrors(engine, accountId, { ...route, from: fromUser }, 'sms');
      if (errors) return errors;
      Object.assign(doc, {
        request: `${toUser}@${realm}`,
        request_user: toUser,
        request_realm: realm,
        to: `${toUser}@${realm}`,
        to_user: toUser,
        to_realm: realm,
        from: `${fromUser}@${realm}`,
        from_user: fromUser,
        from_realm: realm,
        route_type: route.routeType,
      });
      return undefined;
    },
  };
  return storeQueuedMessage(engine, req, accountId, def);
}

/**
 * `GET …/users/{USER_ID}/sms` and `…/devices/{DEVICE_ID}/sms` (`cb_sms:summary/1`): the
 * `sms/listing_by_owner` or `sms/listing_by_device` rows for that id, time-ranged like the account's.
 * A message is `inbound` when it was delivered to the user or device (`pvt_target_owner_id`,
 * `pvt_target_device_id`) and `outbound` when it was sent by them (`pvt_owner_id`, or a device's
 * `pvt_authorization_id`).
 */
function scopedListing(engine: Engine, req: SandboxRequest, accountId: string, kind: 'user' | 'device', id: string): Reply {
  const inbound = (doc: JsonObject) => (kind === 'user' ? doc.pvt_target_owner_id : doc.pvt_target_device_id) === id;
  const outbound = (doc: JsonObject) =>
    kind === 'user'
      ? doc.pvt_owner_id === id
      : (doc.pvt_authorization_type === 'device' || doc.pvt_authorization_type === 'mobile') && doc.pvt_authorization_id === id;
  const def: ResourceDef = { ...SMS, summary: (doc) => ({ ...smsRow(doc), direction: inbound(doc) ? 'inbound' : 'outbound' }) };
  return rangedListing(engine, req, accountId, def, (doc) => inbound(doc) || outbound(doc));
}

/** `cb_sms`: text messages sent through the API, listed by creation time. */
export const smsModule = defineModule({
  name: 'sms',
  routes: [
    ...messageRoutes(SMS, send),
    // `cb_users:validate_resource/2` sets the user: a message sent here is sent as that user
    // (`cb_sms:create_request/1`), and the listing is the user's.
    route('accounts/:account/users/:id/sms', ['GET', 'PUT'], ({ engine, req, accountId, params }) => {
      engine.docs.load(accountId, USERS, params.id);
      if (req.method === 'GET') return scopedListing(engine, req, accountId, 'user', params.id);
      return send(engine, { ...req, auth: req.auth && { ...req.auth, ownerId: params.id } }, accountId);
    }),
    route('accounts/:account/devices/:id/sms', ['GET', 'PUT'], ({ engine, req, accountId, params }) => {
      engine.docs.load(accountId, DEVICES, params.id);
      return req.method === 'GET' ? scopedListing(engine, req, accountId, 'device', params.id) : send(engine, req, accountId);
    }),
  ],
});
