import type { Reply, SandboxRequest } from '../context';
import { badIdentifier } from '../crossbar-error';
import type { JsonObject } from '../json';
import { listFilter } from '../listing';
import { defineModule, route } from '../sandbox-module';

const ACCOUNT = '{ACCOUNT_ID}';
const CALL = {
  call_id: 'sample-call-id@sandbox',
  caller_id_name: 'Sample Caller',
  caller_id_number: '+14155550199',
  callee_id_number: '+14155550100',
};

/**
 * Sample payloads of each hook, one list per hook (KAZOO ships them as
 * `priv/webhooks_*-samples.json`): what a webhook's receiver is sent, with placeholder ids.
 */
const SAMPLES: Readonly<Record<string, readonly JsonObject[]>> = {
  webhooks_channel_create: [
    {
      ...CALL,
      account_id: ACCOUNT,
      hook_event: 'channel_create',
      call_direction: 'inbound',
      to: '+14155550100@sandbox',
      from: '+14155550199@sandbox',
    },
  ],
  webhooks_channel_answer: [{ ...CALL, account_id: ACCOUNT, hook_event: 'channel_answer', call_direction: 'inbound' }],
  webhooks_channel_bridge: [
    { ...CALL, account_id: ACCOUNT, hook_event: 'channel_bridge', call_direction: 'outbound', other_leg_call_id: 'sample-b-leg@sandbox' },
  ],
  webhooks_channel_destroy: [
    {
      ...CALL,
      account_id: ACCOUNT,
      hook_event: 'channel_destroy',
      call_direction: 'inbound',
      hangup_cause: 'NORMAL_CLEARING',
      duration_seconds: 42,
      billing_seconds: 38,
    },
  ],
  webhooks_notifications: [
    { account_id: ACCOUNT, event_name: 'missed_call', caller_id_number: CALL.caller_id_number, notify: true },
    { account_id: ACCOUNT, event_name: 'voicemail_new', voicemail_box: '{VMBOX_ID}', voicemail_length: 12 },
  ],
  webhooks_object: [
    { account_id: ACCOUNT, action: 'doc_created', type: 'user', id: '{USER_ID}' },
    { account_id: ACCOUNT, action: 'doc_edited', type: 'device', id: '{DEVICE_ID}' },
  ],
  webhooks_parking: [{ ...CALL, account_id: ACCOUNT, event_name: 'PARK_PARKED', parking_slot: 1 }],
};

/** `cb_webhooks:get_available_hook_samples/0`: the hooks that have samples. */
function names(): Reply {
  return { data: Object.keys(SAMPLES).sort(), envelope: { revision: 'automatic' } };
}

/** `cb_webhooks:fetch_webhook_samples/2`: the hook's samples, filtered like a listing (`filter_event_name=…`). */
function samples(req: SandboxRequest, name: string): Reply {
  const list = SAMPLES[name];
  if (!list) throw badIdentifier(name);
  const filter = listFilter(req);
  return { data: list.filter((sample) => !filter || filter(sample)), envelope: { revision: 'automatic' } };
}

/** `cb_webhooks` samples: open to anyone (`authenticate_webhook/3`), with or without an account. */
export const webhookSamplesModule = defineModule({
  name: 'webhooks/samples',
  routes: [
    route('webhooks/samples', ['GET'], names, { public: true }),
    route('webhooks/samples/:id', ['GET'], ({ req, params }) => samples(req, params.id), { public: true }),
    route('accounts/:account/webhooks/samples', ['GET'], names, { public: true }),
    route('accounts/:account/webhooks/samples/:id', ['GET'], ({ req, params }) => samples(req, params.id), { public: true }),
  ],
});
