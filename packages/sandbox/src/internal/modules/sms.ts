import { SmsSchema } from '@audian/resources/schemas';
import { GREGORIAN_OFFSET } from '../clock';
import type { Reply, SandboxRequest } from '../context';
import type { FieldErrors } from '../crossbar-error';
import type { Engine } from '../engine';
import { messageRoute, messageRoutes, senderErrors, storeQueuedMessage } from '../instant-messages';
import { compact, type JsonObject } from '../json';
import type { ResourceDef } from '../resource-def';
import { defineModule } from '../sandbox-module';

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

/** `cb_sms`: text messages sent through the API, listed by creation time. */
export const smsModule = defineModule({
  name: 'sms',
  routes: messageRoutes(SMS, send),
});
