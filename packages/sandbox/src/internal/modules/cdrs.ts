import { CdrsSchema } from '@audian/resources/schemas';
import { GREGORIAN_OFFSET } from '../clock';
import type { Reply, SandboxRequest } from '../context';
import { CrossbarError } from '../crossbar-error';
import type { Engine } from '../engine';
import { compileFilter } from '../filters';
import { isObject, type JsonObject, publicDoc } from '../json';
import { pageParams, paginate, timeRange } from '../listing';
import type { ResourceDef } from '../resource-def';
import { defineModule, route, unservedRoute } from '../sandbox-module';

const pad = (n: number): string => String(n).padStart(2, '0');

function ccv(doc: JsonObject, key: string): unknown {
  return isObject(doc.custom_channel_vars) ? doc.custom_channel_vars[key] : undefined;
}

function userPart(uri: unknown): string {
  return typeof uri === 'string' ? (uri.split('@')[0] ?? '') : '';
}

/** One CDR as `GET …/cdrs` shows it (the columns of `kzd_cdrs`'s CSV/JSON rows). */
function cdrRow(doc: JsonObject): JsonObject {
  const duration = typeof doc.duration_seconds === 'number' ? doc.duration_seconds : 0;
  const start = (typeof doc.timestamp === 'number' ? doc.timestamp : 0) - duration;
  const unix = start - GREGORIAN_OFFSET;
  const d = new Date(unix * 1000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const authorizing = ccv(doc, 'authorizing_id');
  return {
    id: doc._id,
    call_id: doc.call_id ?? '',
    caller_id_number: doc.caller_id_number ?? '',
    caller_id_name: doc.caller_id_name ?? '',
    callee_id_number: doc.callee_id_number ?? '',
    callee_id_name: doc.callee_id_name ?? '',
    duration_seconds: doc.duration_seconds ?? '',
    billing_seconds: doc.billing_seconds ?? '',
    timestamp: String(start),
    hangup_cause: doc.hangup_cause ?? '',
    other_leg_call_id: doc.other_leg_call_id ?? '',
    owner_id: ccv(doc, 'owner_id') ?? '',
    to: doc.to_uri ?? '',
    from: doc.from_uri ?? '',
    direction: doc.call_direction ?? '',
    request: doc.request ?? '',
    authorizing_id: authorizing === ccv(doc, 'account_id') ? '' : (authorizing ?? ''),
    cost: '0',
    dialed_number: userPart(doc.request),
    calling_from: doc.caller_id_number ?? userPart(doc.from_uri),
    datetime: `${date} ${time}`,
    unix_timestamp: String(unix),
    unix_timestamp_micro: String(unix),
    rfc_1036: d.toUTCString(),
    iso_8601: date,
    iso_8601_combined: `${date}T${time}Z`,
    call_type: ccv(doc, 'account_billing') ?? '',
    rate: '0.0',
    rate_name: ccv(doc, 'rate_name') ?? '',
    bridge_id: ccv(doc, 'bridge_id') ?? '',
    recording_url: doc.recording_url ?? '',
    media_recordings: ccv(doc, 'media_recordings') ?? [],
    media_server: doc.media_server ?? '',
    call_priority: ccv(doc, 'call_priority') ?? '',
    interaction_id: doc.interaction_id ?? '',
  };
}

/** CDRs: read-only documents keyed by `[pvt_created, id]`, ids in the MODB form `YYYYMM-…`. */
export const CDRS: ResourceDef = {
  name: 'cdrs',
  type: 'cdr',
  schema: CdrsSchema,
  collectionVerbs: ['GET'],
  itemVerbs: ['GET'],
  summary: cdrRow,
  sortKey: (doc) => Number(doc.pvt_created),
};

/** `GET …/cdrs` (optionally one user's): ranged, filtered, paged; chunked unless `is_chunked=false`. */
function listCdrs(engine: Engine, req: SandboxRequest, accountId: string, ownerId?: string): Reply {
  const { from, to } = timeRange(req, engine.clock.gregorian());
  const params = pageParams(req);
  const filter = compileFilter(req.query, false);
  const start: readonly [number, string] = params.direction === 'descending' ? [to, '\uffff'] : [from, ''];
  const page = paginate(
    engine.store.rows(accountId, CDRS.type, '', params.direction, params.from ?? start),
    params,
    (doc) => {
      const created = Number(doc.pvt_created);
      if (created < from || created > to) return false;
      if (ownerId !== undefined && ccv(doc, 'owner_id') !== ownerId) return false;
      return filter ? filter(doc) : true;
    },
    cdrRow,
  );
  const chunked = req.query.is_chunked !== 'false';
  return { data: page.items, envelope: { ...page.envelope, revision: 'automatic' }, chunked };
}

/** `GET …/cdrs/{CDR_ID}`: the full CDR document. */
function getCdr(engine: Engine, accountId: string, id: string): Reply {
  const doc = engine.store.get(accountId, id);
  if (!/^\d{6}-/.test(id) || !doc || doc.deleted || doc.type !== CDRS.type) {
    throw new CrossbarError(404, 'could not find cdr with supplied id', {});
  }
  return { data: publicDoc(doc.body), envelope: { revision: String(doc.body._rev ?? 'undefined') } };
}

/** Interactions group a call's legs by `interaction_id`, which the sandbox's CDRs do not model. */
const NO_INTERACTIONS = 'CDR interactions are not modelled';

/** `cb_cdrs`: call records of the account and of a user, one by one and in time-ranged listings. */
export const cdrsModule = defineModule({
  name: 'cdrs',
  documents: [],
  routes: [
    route('accounts/:account/cdrs', ['GET'], ({ engine, req, accountId }) => listCdrs(engine, req, accountId)),
    route('accounts/:account/users/:id/cdrs', ['GET'], ({ engine, req, accountId, params }) => listCdrs(engine, req, accountId, params.id)),
    unservedRoute('accounts/:account/cdrs/interaction', ['GET'], 'cdrs/interaction', NO_INTERACTIONS),
    unservedRoute('accounts/:account/cdrs/summary', ['GET'], 'cdrs/summary', NO_INTERACTIONS),
    unservedRoute('accounts/:account/cdrs/legs/:interaction', ['GET'], 'cdrs/legs', NO_INTERACTIONS),
    route('accounts/:account/cdrs/:id', ['GET'], ({ engine, accountId, params }) => getCdr(engine, accountId, params.id)),
  ],
});
