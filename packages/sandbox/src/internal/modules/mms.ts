import { MmsSchema } from '@audian/resources/schemas';
import { GREGORIAN_OFFSET } from '../clock';
import type { Reply, SandboxRequest } from '../context';
import { CrossbarError, type FieldErrors } from '../crossbar-error';
import { toE164 } from '../e164';
import type { Engine } from '../engine';
import { callerIdNumber, messageRoutes, storeQueuedMessage } from '../instant-messages';
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
 * `PUT …/mms` (`cb_mms:on_successful_validation/1`): the body must be MIME; the account must be
 * enabled; an offnet sender (`from`) must be a number of the account. Nothing is delivered: the
 * message is stored `queued` with the routing fields `create_request/1` adds, `Body` holding the
 * MIME document.
 */
function send(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const ownerId = req.auth?.ownerId;
  const def: ResourceDef = {
    ...MMS,
    prepare(doc): FieldErrors | undefined {
      const body = doc.body;
      if (typeof body !== 'string' || !isMime(body)) return NO_BODY;
      if (engine.account(accountId)?.body.pvt_enabled === false) throw new CrossbarError(400, 'disabled', { message: 'entity disabled' });
      const to = String(doc.to);
      const e164 = toE164(to);
      const offnet = /^\+\d{8,}$/.test(e164);
      const from =
        typeof doc.from === 'string'
          ? doc.from
          : callerIdNumber(engine, accountId, ownerId, [offnet ? 'caller_id.external.number' : 'caller_id.internal.number']);
      if (offnet) {
        // number_exists/2 then number_belongs_to_account/1 (`knm_phone_number:fetch/1`, `assigned_to/1`).
        const holder = from ? engine.store.claimant({ scope: '', kind: 'phone_number', value: toE164(from) }) : undefined;
        if (!holder) return { from: { invalid: { message: 'number is invalid' } } };
        if (holder.accountId !== accountId) return { from: { forbidden: { message: 'number does not belong to account' } } };
      }
      Object.assign(doc, compact({ to: offnet ? e164 : to, from, Body: body, route_type: offnet ? 'offnet' : 'onnet' }));
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
