// The blackhole wire protocol (KAZOO 4.3 / 5.x), as the server's source defines it:
// - commands: `blackhole_socket_handler:websocket_handle/2` reads `action` and hands the rest to
//   `blackhole_socket_callback:recv/2`; `bh_context:from_json/2` takes `auth_token` and
//   `request_id` from the top level; `bh_events:validate/2` requires `data.account_id` and
//   `data.binding` (one binding: the plural `bindings` of the 4.0 docs is refused with
//   "missing required keys : binding").
// - replies: `blackhole_data_emitter:reply/4` → {"action":"reply","request_id","status","data"};
//   errors are {"status":"error","data":{"errors":[…]}} (`blackhole_socket_callback:send_error/1`).
// - events: `blackhole_data_emitter:event/4`.
import type { EventMessage } from '../kazoo-event';

/** A command the client sends. */
export interface CommandMessage {
  readonly action: 'subscribe' | 'unsubscribe' | 'ping';
  readonly auth_token: string;
  readonly request_id: string;
  readonly data?: { readonly account_id: string; readonly binding: string };
}

/** A reply to a command. */
export interface ReplyMessage {
  readonly action: 'reply';
  readonly request_id: string;
  readonly status: string;
  readonly data: Record<string, unknown>;
}

/** Reads one text frame: a reply, an event, or `undefined` for anything else. */
export function parseServerMessage(text: string): ReplyMessage | EventMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const message = value as Record<string, unknown>;
  const data = typeof message.data === 'object' && message.data !== null && !Array.isArray(message.data) ? message.data : {};
  if (message.action === 'reply' && typeof message.request_id === 'string') {
    return { ...message, data } as unknown as ReplyMessage;
  }
  if (message.action === 'event' && typeof message.name === 'string' && typeof message.subscribed_key === 'string') {
    return {
      ...message,
      subscription_key: typeof message.subscription_key === 'string' ? message.subscription_key : '',
      routing_key: typeof message.routing_key === 'string' ? message.routing_key : '',
      data,
    } as unknown as EventMessage;
  }
  return undefined;
}

/** The `data.errors` of an error reply, as strings. */
export function replyErrors(reply: ReplyMessage): string[] {
  const errors = reply.data.errors;
  if (Array.isArray(errors)) return errors.map((e) => (typeof e === 'string' ? e : JSON.stringify(e)));
  return typeof errors === 'string' ? [errors] : [];
}

/** Why a command was refused, from the texts the server's modules add with `bh_context:add_error/2`. */
export type RefusalKind = 'token' | 'account' | 'binding' | 'rate_limit';

export function refusalKind(errors: readonly string[]): RefusalKind {
  const text = errors.join('\n');
  // blackhole_socket_callback:rate/3
  if (text.includes('rate limiting threshold hit')) return 'rate_limit';
  // bh_token_auth:authenticate/3
  if (/authentication token|failed to authenticate token/.test(text)) return 'token';
  // bh_authz_subscribe:authorize_account/2, maybe_authorize_account/3
  if (/unauthorized (wildcard )?account id|auth_account_id not set/.test(text)) return 'account';
  return 'binding';
}
