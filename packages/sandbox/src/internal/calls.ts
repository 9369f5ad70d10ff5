import type { PlaceCallParams } from '../sandbox-options';
import { type CallEventMessage, type CallEventName, callEventData, type Leg } from './calls-events';
import {
  deviceTarget,
  type FlowNode,
  findCallflow,
  liveDoc,
  menuBranch,
  type RingTarget,
  ringTargets,
  temporalBranch,
  toNode,
} from './calls-routing';
import { GREGORIAN_OFFSET } from './clock';
import type { Engine } from './engine';
import { newId, newModbId } from './ids';
import { compact, type JsonObject } from './json';
import { nextRevision } from './store';

/** How long simulated calls ring and talk unless a call says otherwise. */
export interface CallTiming {
  readonly answerAfterMs: number;
  readonly durationMs: number;
}

/** The defaults of `startSandbox({ calls })`. */
export const DEFAULT_CALL_TIMING: CallTiming = { answerAfterMs: 2000, durationMs: 20_000 };

/** Longest ring or talk time a call may ask for (one hour). */
export const MAX_CALL_MS = 3_600_000;

/** The caller of a simulated inbound call that names none. */
export const DEFAULT_CALLER = '+14155550199';

/** Where a simulated call came from. */
export type CallOrigin = 'sandbox' | 'quickcall' | 'clicktocall';

/** A simulated call as `GET …/sandbox/calls` lists it. */
export interface CallInfo {
  readonly call_id: string;
  readonly to: string;
  readonly from: string;
  readonly caller_id_name: string;
  readonly status: 'ringing' | 'answered' | 'ended';
  readonly origin: CallOrigin;
  /** Gregorian seconds. */
  readonly created: number;
  readonly answered?: number;
  readonly ended?: number;
  readonly hangup_cause?: string;
  /** What answered the call: a device (`id`), a voicemail box, a menu, a parking slot, an outside number, or another callflow module. */
  readonly answered_by?: { readonly type: string; readonly id?: string };
}

/** A request for an inbound call (`PUT …/sandbox/calls`, `sandbox.placeCall`): the public parameters, the account settled. */
export type PlaceCallRequest = PlaceCallParams & { readonly accountId: string };

/** A call placed from an endpoint (`quickcall`, click-to-call `connect`): ring `first`, then take the answered leg to `destination`. */
export interface OriginateRequest {
  readonly accountId: string;
  readonly origin: CallOrigin;
  /** The devices rung first (quickcall), or a number routed through the account's callflows first (click-to-call). */
  readonly first: { readonly targets: readonly RingTarget[] } | { readonly number: string };
  readonly destination: string;
  readonly callerIdName: string;
  readonly callerIdNumber: string;
  readonly callId?: string;
  readonly answerAfterMs?: number;
  readonly durationMs?: number;
  readonly answer?: boolean;
}

/** A bad call request: the field and what is wrong with it. */
export class CallRequestError extends Error {
  readonly field: string;
  readonly key: string;
  constructor(field: string, key: string, message: string) {
    super(message);
    this.field = field;
    this.key = key;
  }
}

/** A parked call (`cf_park`), by slot. */
export interface ParkedSlot {
  readonly slot: string;
  readonly callId: string;
  readonly parkedMs: number;
  readonly leg: Leg;
}

const HUNG_UP = Symbol('hung up');

class SimulatedCall {
  readonly id: string;
  readonly accountId: string;
  readonly realm: string;
  readonly to: string;
  readonly from: string;
  readonly callerIdName: string;
  readonly origin: CallOrigin;
  readonly answerAfterMs: number;
  readonly durationMs: number;
  readonly answer: boolean;
  readonly createdMs: number;
  readonly interactionId: string;
  readonly legs: Leg[] = [];
  readonly controller = new AbortController();
  /** The leg the callflow serves: the inbound caller, or an originated call's answered first leg. */
  caller: Leg | undefined;
  answeredMs: number | undefined;
  endedMs: number | undefined;
  hangupCause: string | undefined;
  answeredBy: { type: string; id?: string } | undefined;
  voicemail: { boxId: string; mailbox: string; startMs: number } | undefined;
  parked: ParkedSlot | undefined;
  hungUpByApi = false;
  finished!: Promise<CallInfo>;

  constructor(init: {
    id: string;
    accountId: string;
    realm: string;
    to: string;
    from: string;
    callerIdName: string;
    origin: CallOrigin;
    answerAfterMs: number;
    durationMs: number;
    answer: boolean;
    createdMs: number;
  }) {
    this.id = init.id;
    this.accountId = init.accountId;
    this.realm = init.realm;
    this.to = init.to;
    this.from = init.from;
    this.callerIdName = init.callerIdName;
    this.origin = init.origin;
    this.answerAfterMs = init.answerAfterMs;
    this.durationMs = init.durationMs;
    this.answer = init.answer;
    this.createdMs = init.createdMs;
    this.interactionId = `${Math.floor(init.createdMs / 1000) + GREGORIAN_OFFSET}-${newId().slice(0, 8)}`;
  }

  /** Waits, or rejects as soon as the call is hung up. */
  sleep(ms: number): Promise<void> {
    const signal = this.controller.signal;
    return new Promise((resolve, reject) => {
      if (signal.aborted) {
        reject(HUNG_UP);
        return;
      }
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(HUNG_UP);
      };
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  info(): CallInfo {
    const g = (ms: number | undefined): number | undefined => (ms === undefined ? undefined : Math.floor(ms / 1000) + GREGORIAN_OFFSET);
    return compact({
      call_id: this.id,
      to: this.to,
      from: this.from,
      caller_id_name: this.callerIdName,
      status: this.endedMs !== undefined ? 'ended' : this.answeredMs !== undefined ? 'answered' : 'ringing',
      origin: this.origin,
      created: g(this.createdMs),
      answered: g(this.answeredMs),
      ended: g(this.endedMs),
      hangup_cause: this.hangupCause,
      answered_by: this.answeredBy,
    }) as unknown as CallInfo;
  }
}

/** Ended calls kept for `GET …/sandbox/calls`, per sandbox. */
const ENDED_KEPT = 200;

/** A tiny WAV file (0.1 s of silence, 8 kHz, 16-bit mono): the audio of a simulated voicemail message. */
function silentWav(): Buffer {
  const samples = Buffer.alloc(1600);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + samples.length, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16_000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]);
}

const registry = new WeakMap<Engine, CallEngine>();

/** The call engine of a sandbox (made with the default timing on first use). */
export function callsOf(engine: Engine): CallEngine {
  let calls = registry.get(engine);
  if (!calls) {
    calls = new CallEngine(engine, DEFAULT_CALL_TIMING);
    registry.set(engine, calls);
  }
  return calls;
}

/**
 * Simulated calls: each one is routed through the account's callflows like `cf_exe` would (a
 * number's callflow; `user`, `device` and `ring_group` ring devices; `voicemail` takes a
 * message; `menu` takes its first option; `temporal_route` follows the rule that holds on the
 * account's clock; `callflow` jumps; `park` parks), playing out ecallmgr's channel events, showing
 * its legs as channels while it lasts, and leaving a CDR (and a voicemail message) when it ends.
 */
export class CallEngine {
  readonly #engine: Engine;
  #timing: CallTiming;
  readonly #calls = new Map<string, SimulatedCall>();
  readonly #ended: string[] = [];
  readonly #listeners = new Set<(event: CallEventMessage) => void>();
  #closed = false;

  constructor(engine: Engine, timing: CallTiming) {
    this.#engine = engine;
    this.#timing = timing;
  }

  /** Installs the call engine of a sandbox with its timing. */
  static attach(engine: Engine, timing: CallTiming): CallEngine {
    const calls = new CallEngine(engine, timing);
    registry.set(engine, calls);
    return calls;
  }

  /** Called with every call event, in order. */
  onEvent(listener: (event: CallEventMessage) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Ends every call without writing anything (the sandbox is stopping). */
  close(): void {
    this.#closed = true;
    for (const call of this.#calls.values()) call.controller.abort();
  }

  #check(field: string, value: number | undefined): number | undefined {
    if (value === undefined) return undefined;
    if (!Number.isInteger(value) || value < 0 || value > MAX_CALL_MS) {
      throw new CallRequestError(field, 'maximum', `${field} must be an integer from 0 to ${MAX_CALL_MS}`);
    }
    return value;
  }

  #newCall(
    accountId: string,
    init: { id?: string; to: string; from: string; callerIdName: string; origin: CallOrigin } & Timing,
  ): SimulatedCall {
    const call = new SimulatedCall({
      id: init.id ?? `${newId()}@sandbox`,
      accountId,
      realm: String(this.#engine.account(accountId)?.body.realm ?? 'sandbox.sip.local'),
      to: init.to,
      from: init.from,
      callerIdName: init.callerIdName,
      origin: init.origin,
      answerAfterMs: this.#check('answer_after_ms', init.answerAfterMs) ?? this.#timing.answerAfterMs,
      durationMs: this.#check('duration_ms', init.durationMs) ?? this.#timing.durationMs,
      answer: init.answer !== false,
      createdMs: this.#engine.clock.nowMs(),
    });
    this.#calls.set(call.id, call);
    return call;
  }

  /**
   * Places an inbound call to a number of the account and starts playing it out.
   * @throws CallRequestError when `to` is missing or no callflow routes it, or a time is out of range
   */
  place(request: PlaceCallRequest): CallInfo & { readonly finished: Promise<CallInfo> } {
    if (typeof request.to !== 'string' || request.to.trim() === '') throw new CallRequestError('to', 'required', 'to is required');
    const to = request.to.trim();
    const callflow = findCallflow(this.#engine, request.accountId, to);
    if (!callflow) throw new CallRequestError('to', 'not_found', `no callflow of the account routes ${to}`);
    const from = typeof request.from === 'string' && request.from.trim() !== '' ? request.from.trim() : DEFAULT_CALLER;
    const call = this.#newCall(request.accountId, {
      to,
      from,
      callerIdName: request.callerIdName ?? from,
      origin: 'sandbox',
      answerAfterMs: request.answerAfterMs,
      durationMs: request.durationMs,
      answer: request.answer,
    });
    call.caller = this.#leg(call, {
      callId: call.id,
      direction: 'inbound',
      callerIdName: call.callerIdName,
      callerIdNumber: from,
      calleeIdName: String(callflow.body.name ?? ''),
      calleeIdNumber: to,
      destination: to,
      presenceId: `${to}@${call.realm}`,
    });
    call.finished = this.#run(call, () => this.#walk(call, toNode(callflow.body.flow), 0));
    return Object.assign(call.info(), { finished: call.finished });
  }

  /** Places a call from endpoints (`cb_quickcall`, `cb_clicktocall`): the first leg rings, and once answered goes on to `destination`. */
  originate(request: OriginateRequest): CallInfo & { readonly finished: Promise<CallInfo> } {
    const call = this.#newCall(request.accountId, {
      id: request.callId,
      to: request.destination,
      from: request.callerIdNumber,
      callerIdName: request.callerIdName,
      origin: request.origin,
      answerAfterMs: request.answerAfterMs,
      durationMs: request.durationMs,
      answer: request.answer,
    });
    const { first } = request;
    call.finished = this.#run(call, async () => {
      let leg: Leg | undefined;
      if ('targets' in first) leg = await this.#ring(call, first.targets, { first: true });
      else {
        const flow = findCallflow(this.#engine, call.accountId, first.number);
        const node = flow && toNode(flow.body.flow);
        leg =
          node && ['user', 'device', 'ring_group'].includes(node.module)
            ? await this.#ring(call, ringTargets(this.#engine, call.accountId, node), { first: true })
            : await this.#offnet(call, first.number, { first: true });
      }
      if (!leg) return;
      call.caller = leg;
      const flow = findCallflow(this.#engine, call.accountId, request.destination);
      if (flow) await this.#walk(call, toNode(flow.body.flow), 0);
      else if (await this.#offnet(call, request.destination, {})) await call.sleep(call.durationMs);
    });
    return Object.assign(call.info(), { finished: call.finished });
  }

  /** The calls of an account, newest first (live ones and the last ended ones). */
  list(accountId: string): CallInfo[] {
    return [...this.#calls.values()]
      .filter((c) => c.accountId === accountId)
      .sort((a, b) => b.createdMs - a.createdMs)
      .map((c) => c.info());
  }

  /** One call of an account. */
  get(accountId: string, callId: string): CallInfo | undefined {
    const call = this.#calls.get(callId);
    return call && call.accountId === accountId ? call.info() : undefined;
  }

  /** Hangs up a live call (or the call a leg belongs to) at once; the ended call, or undefined when unknown. */
  hangup(accountId: string, callId: string): CallInfo | undefined {
    const call = this.#calls.get(callId) ?? this.#byLeg(callId);
    if (!call || call.accountId !== accountId) return undefined;
    if (call.endedMs === undefined) {
      call.hungUpByApi = true;
      call.controller.abort();
      this.#finish(call);
    }
    return call.info();
  }

  #byLeg(legId: string): SimulatedCall | undefined {
    for (const call of this.#calls.values()) if (call.legs.some((l) => l.callId === legId)) return call;
    return undefined;
  }

  /** The live legs of an account (channels), optionally only a user's or a device's. */
  legs(accountId: string, filter: { ownerId?: string; deviceId?: string } = {}): Leg[] {
    const out: Leg[] = [];
    for (const call of this.#calls.values()) {
      if (call.accountId !== accountId || call.endedMs !== undefined) continue;
      for (const leg of call.legs) {
        if (leg.endedMs !== undefined) continue;
        if (filter.ownerId !== undefined && leg.ownerId !== filter.ownerId) continue;
        if (filter.deviceId !== undefined && leg.authorizingId !== filter.deviceId) continue;
        out.push(leg);
      }
    }
    return out;
  }

  /** The account's parked calls, by slot. */
  parked(accountId: string): ParkedSlot[] {
    return [...this.#calls.values()]
      .filter((c) => c.accountId === accountId && c.endedMs === undefined && c.parked)
      .map((c) => c.parked as ParkedSlot);
  }

  #emit(call: SimulatedCall, name: CallEventName, leg: Leg, extra?: JsonObject): void {
    const event: CallEventMessage = {
      accountId: call.accountId,
      name,
      callId: leg.callId,
      data: callEventData(name, leg, this.#engine.clock.nowMs(), extra),
    };
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        // a listener's failure must not stop the call
      }
    }
  }

  #leg(
    call: SimulatedCall,
    spec: Omit<Leg, 'accountId' | 'realm' | 'interactionId' | 'bridgeId' | 'createdMs' | 'callId'> & { callId?: string },
  ): Leg {
    const leg: Leg = {
      ...spec,
      callId: spec.callId ?? `${newId()}@sandbox`,
      accountId: call.accountId,
      realm: call.realm,
      interactionId: call.interactionId,
      bridgeId: call.id,
      createdMs: this.#engine.clock.nowMs(),
    };
    call.legs.push(leg);
    this.#emit(call, 'CHANNEL_CREATE', leg);
    return leg;
  }

  #answerLeg(call: SimulatedCall, leg: Leg): void {
    if (leg.answeredMs !== undefined) return;
    leg.answeredMs = this.#engine.clock.nowMs();
    call.answeredMs ??= leg.answeredMs;
    this.#emit(call, 'CHANNEL_ANSWER', leg);
  }

  #destroy(call: SimulatedCall, leg: Leg, cause: string): void {
    if (leg.endedMs !== undefined) return;
    leg.endedMs = this.#engine.clock.nowMs();
    leg.hangupCause = cause;
    this.#emit(call, 'CHANNEL_DESTROY', leg);
  }

  #bridge(call: SimulatedCall, a: Leg, b: Leg): void {
    a.otherLeg = b.callId;
    b.otherLeg = a.callId;
    this.#emit(call, 'CHANNEL_BRIDGE', a, { other_leg_destination_number: b.destination });
    this.#emit(call, 'CHANNEL_BRIDGE', b, { other_leg_destination_number: a.destination });
  }

  /**
   * Rings devices at once (`dial_strategy` simultaneous); after the ring time the first one
   * answers (the others lose the race) and is bridged to the caller. Undefined when nobody answers.
   */
  async #ring(call: SimulatedCall, targets: readonly RingTarget[], options: { first?: boolean }): Promise<Leg | undefined> {
    if (targets.length === 0) return undefined;
    const caller = call.caller;
    const legs = targets.map((t) =>
      this.#leg(call, {
        direction: 'outbound',
        callerIdName: caller?.callerIdName ?? call.callerIdName,
        callerIdNumber: caller?.callerIdNumber ?? call.from,
        calleeIdName: t.name,
        calleeIdNumber: t.number,
        ownerId: t.ownerId,
        authorizingId: t.deviceId,
        authorizingType: 'device',
        username: t.username,
        destination: t.username,
        presenceId: t.presenceId,
        callId: options.first && call.legs.length === 0 ? call.id : undefined,
      }),
    );
    await call.sleep(call.answerAfterMs);
    if (!call.answer) {
      for (const leg of legs) this.#destroy(call, leg, 'NO_ANSWER');
      return undefined;
    }
    const [winner, ...losers] = legs as [Leg, ...Leg[]];
    this.#answerLeg(call, winner);
    for (const leg of losers) this.#destroy(call, leg, 'LOSE_RACE');
    call.answeredBy = { type: 'device', id: winner.authorizingId };
    if (caller) {
      this.#answerLeg(call, caller);
      this.#bridge(call, caller, winner);
    }
    return winner;
  }

  /** A leg to an outside number (the carrier answers after the ring time). */
  async #offnet(call: SimulatedCall, number: string, options: { first?: boolean }): Promise<Leg | undefined> {
    const caller = call.caller;
    const leg = this.#leg(call, {
      direction: 'outbound',
      callerIdName: caller?.calleeIdName ?? call.callerIdName,
      callerIdNumber: caller?.calleeIdNumber ?? call.from,
      calleeIdName: number,
      calleeIdNumber: number,
      destination: number,
      presenceId: `${number}@${call.realm}`,
      callId: options.first && call.legs.length === 0 ? call.id : undefined,
    });
    await call.sleep(call.answerAfterMs);
    if (!call.answer) {
      this.#destroy(call, leg, 'NO_ANSWER');
      return undefined;
    }
    this.#answerLeg(call, leg);
    if (!options.first || !call.answeredBy) call.answeredBy = { type: 'offnet', id: number };
    if (caller) {
      this.#answerLeg(call, caller);
      this.#bridge(call, caller, leg);
    }
    return leg;
  }

  /** Runs a callflow node (`cf_exe`), following children until one ends the call. */
  async #walk(call: SimulatedCall, node: FlowNode | undefined, depth: number): Promise<void> {
    const caller = call.caller;
    if (!node || !caller || depth > 32) return;
    const engine = this.#engine;
    switch (node.module) {
      case 'callflow': {
        const target = liveDoc(engine, call.accountId, node.data.id, 'callflow');
        return this.#walk(call, target ? toNode(target.body.flow) : node.children._, depth + 1);
      }
      case 'user':
      case 'device':
      case 'ring_group': {
        const answered = await this.#ring(call, ringTargets(engine, call.accountId, node), {});
        if (answered) {
          await call.sleep(call.durationMs);
          return;
        }
        return this.#walk(call, node.children._, depth + 1);
      }
      case 'voicemail': {
        const box = liveDoc(engine, call.accountId, node.data.id, 'vmbox');
        if (!box) return this.#walk(call, node.children._, depth + 1);
        this.#answerLeg(call, caller);
        call.answeredBy = { type: 'voicemail', id: box.id };
        call.voicemail = { boxId: box.id, mailbox: String(box.body.mailbox ?? ''), startMs: this.#engine.clock.nowMs() };
        await call.sleep(call.durationMs);
        return;
      }
      case 'menu':
        this.#answerLeg(call, caller);
        call.answeredBy = { type: 'menu', id: typeof node.data.id === 'string' ? node.data.id : undefined };
        return this.#walkOrHold(call, menuBranch(node), depth);
      case 'temporal_route':
        return this.#walk(call, temporalBranch(engine, call.accountId, node, this.#engine.clock.nowMs()), depth + 1);
      case 'park':
        return this.#park(call, caller, node);
      default:
        // Pass-through modules (set_cid, prepend_cid, record_call, …) continue with `_`; others (play, conference, …) hold the call.
        if (node.children._) return this.#walk(call, node.children._, depth + 1);
        this.#answerLeg(call, caller);
        call.answeredBy ??= { type: node.module };
        await call.sleep(call.durationMs);
    }
  }

  async #walkOrHold(call: SimulatedCall, next: FlowNode | undefined, depth: number): Promise<void> {
    if (next) return this.#walk(call, next, depth + 1);
    await call.sleep(call.durationMs);
  }

  /** `cf_park`: the caller waits in a slot (the node's `slot`, else the first free one after 100, `get_slot_number/2`) until hung up. */
  async #park(call: SimulatedCall, caller: Leg, node: FlowNode): Promise<void> {
    const taken = new Set(this.parked(call.accountId).map((p) => p.slot));
    let slot = typeof node.data.slot === 'string' && node.data.slot !== '' ? node.data.slot : undefined;
    for (let n = 101; slot === undefined; n++) if (!taken.has(String(n))) slot = String(n);
    this.#answerLeg(call, caller);
    call.answeredBy = { type: 'park', id: slot };
    call.parked = { slot, callId: caller.callId, parkedMs: this.#engine.clock.nowMs(), leg: caller };
    this.#emit(call, 'PARK_PARKED', caller, { parking_slot: slot });
    await call.sleep(call.durationMs);
  }

  async #run(call: SimulatedCall, program: () => Promise<void>): Promise<CallInfo> {
    try {
      await program();
    } catch {
      // HUNG_UP ends the program early; nothing else in it throws (writes happen in #finish)
    } finally {
      if (call.endedMs === undefined) this.#finish(call);
    }
    return call.info();
  }

  #finish(call: SimulatedCall): void {
    call.endedMs = this.#engine.clock.nowMs();
    const live = call.legs.filter((l) => l.endedMs === undefined);
    // The legs the callflow placed end before the caller's.
    live.sort((a, b) => (a === call.caller ? 1 : 0) - (b === call.caller ? 1 : 0));
    for (const leg of live) {
      const cause = leg.answeredMs !== undefined ? 'NORMAL_CLEARING' : call.hungUpByApi ? 'ORIGINATOR_CANCEL' : 'NO_ANSWER';
      this.#destroy(call, leg, cause);
    }
    const primary = call.caller ?? call.legs[0];
    call.hangupCause = primary?.hangupCause ?? 'NO_ANSWER';
    this.#ended.push(call.id);
    while (this.#ended.length > ENDED_KEPT) this.#calls.delete(this.#ended.shift() as string);
    if (this.#closed || !primary) return;
    try {
      this.#engine.store.transaction(() => {
        this.#writeCdr(call, primary);
        if (call.voicemail) this.#writeVoicemail(call, call.voicemail);
      });
    } catch {
      // the database may be closing under a stopping sandbox
    }
  }

  /** One CDR per call, the caller's leg (KAZOO writes one per leg), shaped like the demo CDRs so listings and charts see it. */
  #writeCdr(call: SimulatedCall, leg: Leg): void {
    const end = Math.floor((leg.endedMs ?? this.#engine.clock.nowMs()) / 1000) + GREGORIAN_OFFSET;
    const other = call.legs.find((l) => l.callId === leg.otherLeg);
    const id = newModbId(end - GREGORIAN_OFFSET);
    const duration = Math.round(((leg.endedMs ?? this.#engine.clock.nowMs()) - leg.createdMs) / 1000);
    const billing = leg.answeredMs === undefined ? 0 : Math.round(((leg.endedMs ?? this.#engine.clock.nowMs()) - leg.answeredMs) / 1000);
    const ownerId = other?.ownerId ?? leg.ownerId;
    const body: JsonObject = compact({
      _id: id,
      call_id: leg.callId,
      caller_id_name: leg.callerIdName,
      caller_id_number: leg.callerIdNumber,
      callee_id_name: other?.calleeIdName ?? leg.calleeIdName,
      callee_id_number: other?.calleeIdNumber ?? leg.calleeIdNumber,
      duration_seconds: duration,
      billing_seconds: billing,
      ringing_seconds: Math.round(((leg.answeredMs ?? leg.endedMs ?? this.#engine.clock.nowMs()) - leg.createdMs) / 1000),
      timestamp: end,
      hangup_cause: leg.hangupCause,
      call_direction: leg.direction,
      request: `${leg.destination}@${leg.realm}`,
      to_uri: `${leg.destination}@${leg.realm}`,
      from_uri: `${leg.callerIdNumber}@${leg.realm}`,
      other_leg_call_id: leg.otherLeg,
      interaction_id: call.interactionId,
      custom_channel_vars: compact({
        account_id: call.accountId,
        owner_id: ownerId,
        authorizing_id: other?.authorizingId ?? leg.authorizingId,
        authorizing_type: other?.authorizingType ?? leg.authorizingType,
        bridge_id: call.id,
        inception: call.origin === 'sandbox' ? 'offnet' : 'onnet',
      }),
      pvt_type: 'cdr',
      pvt_account_id: call.accountId,
      pvt_created: end,
      pvt_modified: end,
    });
    body._rev = nextRevision(undefined, body);
    this.#engine.store.insert({ accountId: call.accountId, id, type: 'cdr', sortKey: end, body });
  }

  /** The message a caller left (`cf_voicemail`): in the box's `new` folder, with a short WAV as its audio. */
  #writeVoicemail(call: SimulatedCall, voicemail: { boxId: string; mailbox: string; startMs: number }): void {
    const caller = call.caller;
    if (!caller || !liveDoc(this.#engine, call.accountId, voicemail.boxId, 'vmbox')) return;
    const now = this.#engine.clock.nowMs();
    const stamp = Math.floor(now / 1000) + GREGORIAN_OFFSET;
    const id = newModbId(Math.floor(now / 1000));
    const body: JsonObject = {
      _id: id,
      timestamp: stamp,
      from: `${caller.callerIdNumber}@${call.realm}`,
      to: `${voicemail.mailbox}@${call.realm}`,
      caller_id_number: caller.callerIdNumber,
      caller_id_name: caller.callerIdName,
      call_id: caller.callId,
      folder: 'new',
      length: Math.max(0, now - voicemail.startMs),
      media_type: 'wav',
      pvt_type: 'mailbox_message',
      pvt_parent_id: voicemail.boxId,
      pvt_account_id: call.accountId,
      pvt_created: stamp,
      pvt_modified: stamp,
    };
    body._rev = nextRevision(undefined, body);
    this.#engine.store.insert({ accountId: call.accountId, id, type: 'mailbox_message', parentId: voicemail.boxId, sortKey: stamp, body });
    this.#engine.store.putAttachment(call.accountId, id, 'audio', 'audio/wav', silentWav());
  }

  /** A device's target for quickcall (re-exported so endpoints need only this module). */
  deviceTarget(accountId: string, deviceId: string): RingTarget | undefined {
    return deviceTarget(this.#engine, accountId, deviceId);
  }
}

interface Timing {
  readonly answerAfterMs?: number;
  readonly durationMs?: number;
  readonly answer?: boolean;
}
