import { MmsSchema } from '@audian/resources/schemas';
import { GREGORIAN_OFFSET } from '../clock';
import type { Reply, SandboxRequest } from '../context';
import type { FieldErrors } from '../crossbar-error';
import type { Engine } from '../engine';
import { messageRoute, messageRoutes, senderErrors, storeQueuedMessage } from '../instant-messages';
import { compact, type JsonObject } from '../json';
import type { ResourceDef } from '../resource-def';
import { defineModule } from '../sandbox-module';

/** A listing row, as `sms/crossbar_listing` shapes text messages, plus the `date` `cb_mms:normalize_view_results/2` adds. */
function mmsRow(doc: JsonObject): JsonObject {
  const created = Number(doc.pvt_created);
  return compact({
    id: doc._id,
    from: doc.from,
    to: doc.to,
    created,
    direction: doc.pvt_authorization_type === 'resource' ? 'inbound' : 'outbound',
    status: doc.pvt_status,
    date: new Date((created - GREGORIAN_OFFSET) * 1000).toUTCString(),
  });
}

/** Multimedia messages, stored in the MODB (ids `YYYYMM-…`) and keyed by creation time. */
export const MMS: ResourceDef = {
  name: 'mms',
  type: 'mms',
  schema: MmsSchema,
  collectionVerbs: ['GET', 'PUT'],
  itemVerbs: ['GET', 'DELETE'],
  summary: mmsRow,
  sortKey: (doc) => Number(doc.pvt_created),
};

/** `mimemail:decode/1` succeeds on a message with a header block ended by an empty line. */
function isMime(body: string): boolean {
  return /^(?:[!-9;-~]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)+\r?\n/.test(body);
}

const NO_BODY = { body: { required: { message: 'add mime encoded body or upload one or more files' } } };

/**
 * `PUT …/mms` (`cb_mms:on_successful_validation/1`): the body must be MIME; the route type follows
 * the recipient and the sender defaults to the caller id for that route (`create_request/1`); an
 * offnet sender must be a number of the account with MMS enabled (`validate_from/1`). Nothing is
 * delivered: the message is stored `queued` with the routing fields, `Body` holding the MIME
 * document.
 */
function send(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const ownerId = req.auth?.ownerId;
  const def: ResourceDef = {
    ...MMS,
    prepare(doc): FieldErrors | undefined {
      const body = doc.body;
      if (typeof body !== 'string' || !isMime(body)) return NO_BODY;
      const route = messageRoute(engine, accountId, ownerId, doc);
      const errors = senderErrors(engine, accountId, route, 'mms');
      if (errors) return errors;
      Object.assign(doc, compact({ to: route.to, from: route.from, Body: body, route_type: route.routeType }));
      delete doc.body;
      return undefined;
    },
  };
  return storeQueuedMessage(engine, req, accountId, def);
}

/** `cb_mms`: multimedia messages sent through the API, listed by creation time. */
export const mmsModule = defineModule({
  name: 'mms',
  routes: messageRoutes(MMS, send),
});
