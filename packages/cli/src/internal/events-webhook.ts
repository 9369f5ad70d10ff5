import type { KazooEvent } from '@audian/events';

/**
 * The body KAZOO's webhooks would POST for an event, as far as the websocket event carries it.
 * Documents: `webhooks_object:format_event/2` — `id`, `account_id`, `action`, `type`. Calls:
 * `webhooks_channel_util:base_hook_event/3` — the call's fields (already snake_case on the
 * socket) plus `hook_event` (`channel_create`, …). Other events are sent as their `data`.
 */
export function webhookPayload(event: KazooEvent): Record<string, unknown> {
  const data = event.data as Record<string, unknown>;
  if (event.subscribed_key.startsWith('object.')) {
    return { id: data.id, account_id: data.account_id, action: event.name, type: data.type };
  }
  if (event.subscribed_key.startsWith('call.')) {
    // The socket adds AMQP envelope fields that KAZOO's hook body leaves out.
    const { event_category: _c, event_name: _n, app_name: _a, app_version: _v, msg_id: _m, node: _node, ...call } = data;
    return { ...call, hook_event: event.name.toLowerCase() };
  }
  return { ...data };
}

/** The account an event belongs to, for display. */
export function eventAccount(event: KazooEvent): string {
  const data = event.data as Record<string, unknown>;
  const ccvs = data.custom_channel_vars as Record<string, unknown> | undefined;
  const account = data.account_id ?? ccvs?.account_id;
  return typeof account === 'string' ? account : '-';
}

/** A short description of what an event is about: the document's type and id, or the call. */
export function eventSummary(event: KazooEvent): string {
  const data = event.data as Record<string, unknown>;
  if (event.subscribed_key.startsWith('object.')) return `${String(data.type ?? '?')} ${String(data.id ?? '?')}`;
  if (event.subscribed_key.startsWith('call.')) {
    const from = data.caller_id_number ?? '?';
    const to = data.callee_id_number ?? data.request ?? '?';
    return `call ${String(data.call_id ?? '?')} ${String(from)} -> ${String(to)}`;
  }
  return typeof data.id === 'string' ? data.id : '';
}
