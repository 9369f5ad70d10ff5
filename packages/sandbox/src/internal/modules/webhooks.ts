import { WebhooksSchema } from '@audian/resources/schemas';
import { treeOf } from '../accounts-def';
import { simpleCollection } from '../collection-def';
import type { Reply, SandboxRequest } from '../context';
import { CrossbarError, type FieldErrors, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { isObject, type JsonObject } from '../json';
import { defineModule, route } from '../sandbox-module';
import { webhookAttemptsReply } from '../webhook-delivery';

/** The document types `object` hooks report (`doc_types.hrl`'s `DOC_TYPES`) and the actions (`kapi_conf.hrl`). */
const OBJECT_TYPES = ['account', 'callflow', 'device', 'faxbox', 'media', 'user', 'vmbox', 'fax', 'mailbox_message', 'call_recording'];
const DOC_ACTIONS = ['doc_created', 'doc_edited', 'doc_deleted'];

/**
 * The `custom_data` a hook type requires (`webhooks_object`'s and `webhooks_notifications`' modifiers):
 * each named key must be present, and where the values are listed, one of them.
 */
const MODIFIERS: Readonly<Record<string, Readonly<Record<string, readonly string[] | undefined>>>> = {
  object: { type: ['all', ...OBJECT_TYPES], action: ['all', ...DOC_ACTIONS] },
  notifications: { type: undefined },
};

/**
 * `cb_webhooks:maybe_check_modifiers/3`: a hook other than `all` needs its definition
 * (`webhooks_<hook>` in the master account, one per hook module the webhooks application ships);
 * without one the save fails with 503 `datastore_fault`. Then `check_modifiers/4`:
 * `custom_data.<modifier>` required, and one of its items.
 */
function modifierErrors(doc: JsonObject): FieldErrors | undefined {
  if (doc.hook !== 'all' && !AVAILABLE.some((hook) => hook.id === doc.hook)) {
    throw new CrossbarError(503, 'datastore_fault', { message: 'datastore fatal error' });
  }
  const modifiers = typeof doc.hook === 'string' ? MODIFIERS[doc.hook] : undefined;
  if (!modifiers) return undefined;
  const custom = isObject(doc.custom_data) ? doc.custom_data : {};
  const errors: FieldErrors = {};
  for (const [key, items] of Object.entries(modifiers)) {
    const value = custom[key];
    if (value === undefined) errors[`custom_data.${key}`] = { required: { message: 'missing required modifier' } };
    else if (items && !(typeof value === 'string' && items.includes(value))) {
      errors[`custom_data.${key}`] = {
        enum: { message: 'value not found in enumerated list of values', cause: value, target: [...items] },
      };
    }
  }
  return errors;
}

/** Webhooks (`kzd_webhooks`): the listing shows whether each is enabled and why it was disabled. */
export const WEBHOOKS = simpleCollection(
  'webhooks',
  'webhook',
  WebhooksSchema,
  (doc) => ({
    id: doc._id,
    hook: doc.hook,
    name: doc.name,
    uri: doc.uri,
    group: doc.group,
    enabled: doc.enabled === undefined ? true : doc.enabled,
    disable_reason: doc.pvt_disabled_message,
  }),
  {
    prepare: modifierErrors,
    // `cb_webhooks:update/2` validates before `on_successful_validation/2` loads; a PATCH reads
    // the hook first (`validate_webhook/3` → `validate_patch(read(…))`), so it stays 404.
    validatesBeforeLoad: ['POST'],
  },
);

/** The hooks KAZOO's webhooks application ships (`applications/webhooks/src/modules/webhooks_*.erl`, less the skeleton). */
const AVAILABLE: readonly { id: string; name: string; description: string }[] = [
  { id: 'channel_answer', name: 'Channel Answer', description: 'A call leg was answered' },
  { id: 'channel_bridge', name: 'Channel Bridge', description: 'Two call legs were bridged' },
  { id: 'channel_create', name: 'Channel Create', description: 'A call leg was created' },
  { id: 'channel_destroy', name: 'Channel Destroy', description: 'A call leg ended' },
  { id: 'mms', name: 'MMS', description: 'An MMS was sent or received' },
  { id: 'notifications', name: 'Notifications', description: 'A notification event was published' },
  { id: 'object', name: 'Object', description: 'A document was created, edited or deleted' },
  { id: 'parking', name: 'Parking', description: 'A call was parked or retrieved' },
  { id: 'sms', name: 'SMS', description: 'An SMS was sent or received' },
];

/** `GET /v2/webhooks` (`cb_webhooks:summary_available/1`): the hook types a webhook can subscribe to. */
function availableWebhooks(): Reply {
  return { data: AVAILABLE.map((hook) => ({ ...hook })), envelope: { revision: 'automatic' } };
}

/**
 * `PATCH …/webhooks` and `PATCH …/descendants/webhooks` (`cb_webhooks:validate_collection_patch/2`,
 * `reenable_hooks/2`): with `re-enable: true`, every auto-disabled hook of the account (or of its
 * descendants too) is enabled again and its disable reason cleared (`kzd_webhooks:enable/1`).
 */
function reenableHooks(engine: Engine, req: SandboxRequest, accountId: string, descendants: boolean): Reply {
  const given = isObject(req.data) && req.data['re-enable'] !== undefined ? req.data['re-enable'] : req.query['re-enable'];
  if (given === undefined) {
    throw validationError({ 're-enable': { required: { message: 're-enable is required to patch collections' } } });
  }
  if (given !== true && String(given).toLowerCase() !== 'true') {
    throw validationError({ 're-enable': { enum: { message: 'value not found in enumerated list of values', target: [true] } } });
  }
  const accounts = new Set([accountId]);
  if (descendants) for (const a of engine.store.allOfType('account')) if (treeOf(a.body).includes(accountId)) accounts.add(a.id);
  for (const id of accounts) {
    for (const hook of engine.store.children(id, WEBHOOKS.type, '')) {
      if (hook.deleted || hook.body.enabled !== false) continue;
      const { pvt_disabled_message: _reason, ...rest } = hook.body;
      engine.docs.save(WEBHOOKS, hook, { ...rest, enabled: true });
    }
  }
  return { data: 'hooks updated', envelope: { revision: 'automatic' } };
}

/** `cb_webhooks`: the account's webhooks, the hook types available, and the delivery attempts. */
export const webhooksModule = defineModule({
  name: 'webhooks',
  documents: [WEBHOOKS],
  routes: [
    route('webhooks', ['GET'], () => availableWebhooks()),
    route('accounts/:account/webhooks', ['PATCH'], ({ engine, req, accountId }) => reenableHooks(engine, req, accountId, false)),
    route('accounts/:account/descendants/webhooks', ['PATCH'], ({ engine, req, accountId }) => reenableHooks(engine, req, accountId, true)),
    route('accounts/:account/webhooks/attempts', ['GET'], ({ engine, accountId }) => webhookAttemptsReply(engine, accountId)),
    route('accounts/:account/webhooks/:id/attempts', ['GET'], ({ engine, accountId, params }) =>
      webhookAttemptsReply(engine, accountId, params.id),
    ),
  ],
});
