import { callsOf } from '../calls';
import type { Leg } from '../calls-events';
import { GREGORIAN_OFFSET } from '../clock';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifier, CrossbarError, invalidMethod } from '../crossbar-error';
import type { Engine } from '../engine';
import type { JsonObject } from '../json';
import { defineModule, route } from '../sandbox-module';

/** `cb_presence`'s report ids: `report-<id>` (`?MATCH_REPORT_PREFIX`). */
const REPORT = /^report-(.+)$/;

/**
 * The dialogs presence knows of, per presence user (the extension part of a leg's `presence_id`):
 * every live leg of the simulated calls, `early` while ringing and `confirmed` once answered —
 * what a phone watching the extension's BLF would be told.
 */
function subscriptions(legs: readonly Leg[], only?: string): JsonObject {
  const out: Record<string, { dialog: JsonObject }> = {};
  for (const leg of legs) {
    const user = leg.presenceId.split('@')[0] ?? '';
    if (only !== undefined && user !== only) continue;
    out[user] ??= { dialog: {} };
    out[user].dialog[leg.callId] = {
      direction: leg.direction === 'inbound' ? 'initiator' : 'recipient',
      state: leg.answeredMs === undefined ? 'early' : 'confirmed',
      from: `${leg.callerIdNumber}@${leg.realm}`,
      to: leg.presenceId,
      timestamp: Math.floor(leg.createdMs / 1000) + GREGORIAN_OFFSET,
      version: 1,
    };
  }
  return out;
}

/** `GET …/presence[/{EXTENSION}]` (`cb_presence:search_req/3`, summary or detail), `timeout: null` as when every presence server answered. */
function search(engine: Engine, accountId: string, extension?: string): Reply {
  const data = { subscriptions: subscriptions(callsOf(engine).legs(accountId), extension), timeout: null };
  return { data, envelope: { revision: 'automatic' } };
}

/** `…/presence/{EXTENSION}`: a report (GET only, never found: no report is collected), or the extension's presence (GET, POST resets). */
function extension(engine: Engine, req: SandboxRequest, accountId: string, ext: string): Reply {
  const report = REPORT.exec(ext);
  if (report) {
    if (req.method !== 'GET') throw invalidMethod(['GET']);
    throw badIdentifier(report[1] as string);
  }
  if (req.method === 'POST') return { status: 202, data: `reset command sent for extension ${ext}`, envelope: { revision: 'automatic' } };
  return search(engine, accountId, ext);
}

/**
 * `cb_presence`: the presence (BLF dialog) state of the account's extensions, from the simulated
 * calls; resets are accepted. `POST …/presence` without a user or device is a faulty request, as in KAZOO.
 */
export const presenceModule = defineModule({
  name: 'presence',
  routes: [
    route('accounts/:account/presence', ['GET', 'POST'], ({ engine, req, accountId }) => {
      if (req.method === 'POST') throw new CrossbarError(404, 'faulty request', {});
      return search(engine, accountId);
    }),
    route('accounts/:account/presence/:extension', ['GET', 'POST'], ({ engine, req, accountId, params }) =>
      extension(engine, req, accountId, params.extension),
    ),
  ],
});
