import { fromGregorianSeconds } from '@audian/core';
import { clock, text } from './dom';

/** The part of a blackhole event the panels read (KAZOO's fields, normalized: `Call-ID` → `call_id`). */
export interface LiveEvent {
  readonly name: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** One channel (call leg) as the events and `GET …/channels` describe it. */
interface Leg {
  readonly id: string;
  peer?: string;
  /**
   * What the legs of one call share: the A-leg's id in `bridge_id`, else the interaction id. The
   * route answer exports `Bridge-ID=${UUID}` on the A-leg when it has none
   * (`ecallmgr_fs_xml:route_resp_bridge_id/0`), so every leg placed from it, ringing or not,
   * carries the A-leg's id.
   */
  group?: string;
  direction?: string;
  callerName?: string;
  callerNumber?: string;
  calleeName?: string;
  calleeNumber?: string;
  createdAt: number;
  answeredAt?: number;
  /** When an event or a channel listing last showed the leg (ms since the epoch). */
  seenAt: number;
}

/** One conversation: the legs bridged together, shown as one row. */
export interface Conversation {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly answered: boolean;
  /** Ringing since, or talking since (ms since the epoch). */
  readonly since: number;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const party = (name: string | undefined, number: string | undefined): string =>
  name && number && name !== number ? `${name} (${number})` : (name ?? number ?? 'unknown');

/**
 * The calls in progress, folded from `call.*.*` events: a leg appears on CHANNEL_CREATE, is
 * answered on CHANNEL_ANSWER, joined to its other leg on CHANNEL_BRIDGE and gone on
 * CHANNEL_DESTROY. Bridged legs (KAZOO's A-leg from the caller and B-leg to the phone) are one
 * conversation.
 */
export class LiveCalls {
  readonly #legs = new Map<string, Leg>();

  /** Applies one call event; returns whether the calls changed. */
  apply(event: LiveEvent, now = Date.now()): boolean {
    const d = event.data;
    const id = str(d.call_id);
    if (!id) return false;
    if (event.name === 'CHANNEL_DESTROY') return this.#legs.delete(id);
    let leg = this.#legs.get(id);
    if (!leg) {
      // An ANSWER or BRIDGE of a leg created before the page subscribed still shows the call.
      leg = { id, createdAt: now, seenAt: now };
      this.#legs.set(id, leg);
    }
    leg.seenAt = now;
    leg.direction = str(d.call_direction) ?? leg.direction;
    leg.callerName = str(d.caller_id_name) ?? leg.callerName;
    leg.callerNumber = str(d.caller_id_number) ?? leg.callerNumber;
    leg.calleeName = str(d.callee_id_name) ?? leg.calleeName;
    leg.calleeNumber = str(d.callee_id_number) ?? str(d.to)?.split('@')[0] ?? leg.calleeNumber;
    leg.peer = str(d.other_leg_call_id) ?? leg.peer;
    const vars = (d.custom_channel_vars ?? {}) as Readonly<Record<string, unknown>>;
    leg.group = str(vars.bridge_id) ?? str(vars.call_interaction_id) ?? leg.group;
    if (event.name === 'CHANNEL_ANSWER' || event.name === 'CHANNEL_BRIDGE') leg.answeredAt ??= now;
    if (leg.peer) {
      const other = this.#legs.get(leg.peer);
      if (other) other.peer ??= id;
    }
    return true;
  }

  /** Starts from `GET …/channels`: the calls already up when the page opened. */
  seed(channels: readonly Readonly<Record<string, unknown>>[], now = Date.now()): void {
    for (const c of channels) {
      const id = str(c.uuid);
      if (!id || this.#legs.has(id)) continue;
      const started = typeof c.timestamp === 'number' ? fromGregorianSeconds(c.timestamp).getTime() : now;
      this.#legs.set(id, {
        id,
        ...(str(c.other_leg) ? { peer: str(c.other_leg) } : {}),
        ...(str(c.bridge_id) ? { group: str(c.bridge_id) } : {}),
        direction: str(c.direction),
        callerName: str(c.caller_id_name),
        callerNumber: str(c.caller_id_number),
        calleeName: str(c.callee_id_name),
        calleeNumber: str(c.callee_id_number) ?? str(c.destination),
        createdAt: started,
        seenAt: now,
        ...(c.answered === true ? { answeredAt: started } : {}),
      });
    }
  }

  /**
   * After the events socket reconnected: KAZOO does not replay what was published while it was
   * down, so `GET …/channels`, asked for at `since`, is the truth. A leg it does not list ended
   * meanwhile and goes — unless an event showed it after `since` (it started while the listing
   * was on its way); a leg it lists that is not known yet is added. Returns whether the calls changed.
   */
  reconcile(channels: readonly Readonly<Record<string, unknown>>[], since: number, now = Date.now()): boolean {
    const listed = new Set(channels.map((c) => str(c.uuid)));
    let changed = false;
    for (const [id, leg] of this.#legs) {
      if (!listed.has(id) && leg.seenAt < since) changed = this.#legs.delete(id) || changed;
    }
    const before = this.#legs.size;
    this.seed(channels, now);
    return changed || this.#legs.size !== before;
  }

  /**
   * The conversations, oldest first: legs of one call (same `bridge_id` — KAZOO stamps the
   * caller's call id on the legs it places — or bridged to each other) make one row, named by
   * the caller's leg, so the phones still ringing for a call do not each get a row.
   */
  conversations(): Conversation[] {
    const seen = new Set<string>();
    const out: Conversation[] = [];
    for (const leg of this.#legs.values()) {
      if (seen.has(leg.id)) continue;
      const group: Leg[] = [];
      const queue = [leg];
      while (queue.length > 0) {
        const next = queue.pop() as Leg;
        if (seen.has(next.id)) continue;
        seen.add(next.id);
        group.push(next);
        for (const other of this.#legs.values()) {
          const linked = other.peer === next.id || next.peer === other.id || (next.group !== undefined && other.group === next.group);
          if (!seen.has(other.id) && linked) queue.push(other);
        }
      }
      // The caller is on the leg that came in (else the first one); the callee is the last leg's
      // named party (the phone that rang), else the number dialled.
      const caller = group.find((l) => l.direction === 'inbound') ?? leg;
      const callee = [...group].reverse().find((l) => l.calleeName) ?? caller;
      const answered = group.filter((l) => l.answeredAt !== undefined).map((l) => l.answeredAt as number);
      out.push({
        id: caller.id,
        from: party(caller.callerName, caller.callerNumber),
        to: party(callee.calleeName, callee.calleeNumber ?? caller.calleeNumber),
        answered: answered.length > 0,
        since: answered.length > 0 ? Math.min(...answered) : Math.min(...group.map((l) => l.createdAt)),
      });
    }
    return out;
  }
}

/** Draws the conversations into `table[data-testid="live-calls"]`; each row carries `data-call-id`. */
export function renderLiveCalls(body: HTMLTableSectionElement, calls: readonly Conversation[], now = Date.now()): void {
  body.replaceChildren();
  if (calls.length === 0) {
    const td = body.insertRow().insertCell();
    td.colSpan = 4;
    td.className = 'offline';
    td.textContent = 'No calls right now.';
    return;
  }
  for (const call of calls) {
    const tr = body.insertRow();
    tr.dataset.callId = call.id;
    tr.dataset.state = call.answered ? 'answered' : 'ringing';
    for (const value of [call.from, call.to]) tr.insertCell().textContent = text(value);
    const state = tr.insertCell();
    state.textContent = call.answered ? 'answered' : 'ringing';
    state.className = call.answered ? 'registered' : 'ringing';
    tr.insertCell().textContent = clock((now - call.since) / 1000);
  }
}
