import type { AuthStrategy } from '@audian/core';

export const ACCOUNT = '4b31dd1d32ce6d249897c06332375d65';
export const TOKEN = 'tok-0123456789abcdef-secret';

/** A strategy holding one token (like createTokenAuth), counting the sessions asked for. */
export function staticAuth(token = TOKEN, accountId = ACCOUNT): AuthStrategy & { calls: number } {
  const strategy = {
    type: 'static',
    calls: 0,
    async getSession() {
      strategy.calls++;
      return { token, accountId };
    },
    async refresh() {
      return undefined;
    },
  };
  return strategy;
}

/** A call event's data as KAZOO normalizes it (kz_json:normalize_jobj/1 of a CHANNEL_* event). */
export function callData(callId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    app_name: 'ecallmgr',
    app_version: '5.4.0',
    event_category: 'call_event',
    event_name: 'CHANNEL_CREATE',
    msg_id: `msg-${callId}`,
    call_id: callId,
    call_direction: 'inbound',
    caller_id_name: 'Ann',
    caller_id_number: '+15555550100',
    custom_channel_vars: { account_id: ACCOUNT, owner_id: 'owner-1', authorizing_type: 'device' },
    timestamp: 63_610_891_956,
    ...extra,
  };
}
