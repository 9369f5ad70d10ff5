import { compact, type JsonObject } from './json';

/** The call events a simulated call plays out (a subset of `bh_call`'s `?LISTEN_TO`). */
export type CallEventName = 'CHANNEL_CREATE' | 'CHANNEL_ANSWER' | 'CHANNEL_BRIDGE' | 'CHANNEL_DESTROY' | 'PARK_PARKED';

/** One channel (call leg) of a simulated call, as ecallmgr tracks it. */
export interface Leg {
  readonly callId: string;
  /** FreeSWITCH's view: the caller's leg is `inbound`, the legs it places to devices are `outbound`. */
  readonly direction: 'inbound' | 'outbound';
  readonly accountId: string;
  readonly realm: string;
  readonly callerIdName: string;
  readonly callerIdNumber: string;
  readonly calleeIdName: string;
  readonly calleeIdNumber: string;
  readonly ownerId?: string;
  readonly authorizingId?: string;
  readonly authorizingType?: string;
  /** The SIP username of a device leg. */
  readonly username?: string;
  /** The dialled user part (`request` is `<destination>@<realm>`). */
  readonly destination: string;
  readonly presenceId: string;
  readonly interactionId: string;
  readonly bridgeId: string;
  /** Unix milliseconds. */
  readonly createdMs: number;
  answeredMs?: number;
  endedMs?: number;
  otherLeg?: string;
  hangupCause?: string;
}

/** One call event as the sandbox publishes it: the account, KAZOO's event name, and the normalised fields. */
export interface CallEventMessage {
  readonly accountId: string;
  readonly name: CallEventName;
  readonly callId: string;
  /** The AMQP headers with keys normalised as blackhole sends them (`Call-ID` → `call_id`). */
  readonly data: JsonObject;
}

const GREGORIAN_OFFSET_S = 62_167_219_200;

/** `sip:` hangup codes FreeSWITCH reports with each cause. */
const HANGUP_CODES: Readonly<Record<string, string>> = {
  NORMAL_CLEARING: 'sip:200',
  NO_ANSWER: 'sip:480',
  ORIGINATOR_CANCEL: 'sip:487',
  LOSE_RACE: 'sip:487',
  USER_BUSY: 'sip:486',
};

const STATES: Readonly<Record<CallEventName, readonly [string, string]>> = {
  CHANNEL_CREATE: ['CS_INIT', 'DOWN'],
  CHANNEL_ANSWER: ['CS_EXECUTE', 'ACTIVE'],
  CHANNEL_BRIDGE: ['CS_EXCHANGE_MEDIA', 'ACTIVE'],
  CHANNEL_DESTROY: ['CS_DESTROY', 'HANGUP'],
  PARK_PARKED: ['CS_EXECUTE', 'ACTIVE'],
};

const seconds = (ms: number): string => String(Math.max(0, Math.round(ms / 1000)));

/**
 * The fields of a call event for one leg, as `ecallmgr_call_events:generic_call_event_props/1`
 * and `specific_call_event_props/3` publish them, normalised the way `bh_events:event/3` sends
 * them (`kz_json:normalize_jobj/1`): `call_id`, `caller_id_number`, `other_leg_call_id`, …;
 * `CHANNEL_DESTROY` adds `hangup_cause`, `hangup_code` and the `*_seconds` (strings, as
 * FreeSWITCH's variables are).
 */
export function callEventData(name: CallEventName, leg: Leg, nowMs: number, extra: JsonObject = {}): JsonObject {
  const [channelState, callState] = STATES[name];
  const host = 'sandbox.sip.local';
  const destroy =
    name === 'CHANNEL_DESTROY'
      ? {
          hangup_cause: leg.hangupCause ?? 'NORMAL_CLEARING',
          hangup_code: HANGUP_CODES[leg.hangupCause ?? 'NORMAL_CLEARING'] ?? 'sip:500',
          disposition: leg.answeredMs !== undefined ? 'ANSWER' : 'CANCEL',
          duration_seconds: seconds(nowMs - leg.createdMs),
          billing_seconds: seconds(leg.answeredMs === undefined ? 0 : nowMs - leg.answeredMs),
          ringing_seconds: seconds((leg.answeredMs ?? nowMs) - leg.createdMs),
          user_agent: 'Audian sandbox',
        }
      : {};
  return compact({
    event_category: 'call_event',
    event_name: name,
    app_name: 'ecallmgr',
    app_version: '4.3.0',
    msg_id: String(nowMs * 1000),
    call_id: leg.callId,
    call_direction: leg.direction,
    caller_id_name: leg.callerIdName,
    caller_id_number: leg.callerIdNumber,
    callee_id_name: leg.calleeIdName,
    callee_id_number: leg.calleeIdNumber,
    channel_state: channelState,
    channel_call_state: callState,
    channel_created_time: leg.createdMs * 1000,
    channel_name: `sofia/sipinterface_1/${leg.destination}@${leg.realm}`,
    channel_is_loopback: false,
    request: `${leg.destination}@${leg.realm}`,
    to: `${leg.destination}@${leg.realm}`,
    from: `${leg.callerIdNumber}@${leg.realm}`,
    presence_id: leg.presenceId,
    other_leg_call_id: leg.otherLeg,
    media_server: host,
    switch_hostname: host,
    timestamp: Math.floor(nowMs / 1000) + GREGORIAN_OFFSET_S,
    custom_channel_vars: compact({
      account_id: leg.accountId,
      owner_id: leg.ownerId,
      authorizing_id: leg.authorizingId,
      authorizing_type: leg.authorizingType,
      username: leg.username,
      realm: leg.realm,
      bridge_id: leg.bridgeId,
      call_interaction_id: leg.interactionId,
    }),
    ...destroy,
    ...extra,
  });
}
