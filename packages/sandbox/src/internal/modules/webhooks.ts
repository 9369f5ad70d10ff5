import { WebhooksSchema } from '@audian/resources/schemas';
import { simpleCollection } from '../collection-def';
import type { Reply } from '../context';
import { defineModule, route } from '../sandbox-module';
import { webhookAttemptsReply } from '../webhook-delivery';

/** Webhooks (`kzd_webhooks`): the listing shows whether each is enabled and why it was disabled. */
export const WEBHOOKS = simpleCollection('webhooks', 'webhook', WebhooksSchema, (doc) => ({
  id: doc._id,
  hook: doc.hook,
  name: doc.name,
  uri: doc.uri,
  group: doc.group,
  enabled: doc.enabled === undefined ? true : doc.enabled,
  disable_reason: doc.pvt_disabled_message,
}));

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

/** `cb_webhooks`: the account's webhooks, the hook types available, and the delivery attempts. */
export const webhooksModule = defineModule({
  name: 'webhooks',
  documents: [WEBHOOKS],
  routes: [
    route('webhooks', ['GET'], () => availableWebhooks()),
    route('accounts/:account/webhooks/attempts', ['GET'], ({ engine, accountId }) => webhookAttemptsReply(engine, accountId)),
    route('accounts/:account/webhooks/:id/attempts', ['GET'], ({ engine, accountId, params }) =>
      webhookAttemptsReply(engine, accountId, params.id),
    ),
  ],
});
