import { LimitsSchema } from '@audian/resources/schemas';
import * as z from 'zod/mini';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifier, CrossbarError, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { compact, isObject, type JsonObject, publicDoc } from '../json';
import { listFilter, pageParams, paginate, rowLimit } from '../listing';
import type { ResourceDef } from '../resource-def';
import { LIST_ENTRIES, RESOURCES } from '../resources';
import { createDoc, docReply, itemDoc } from './collection';

const DEVICES = RESOURCES.devices;
const USERS = RESOURCES.users;
const LISTS = RESOURCES.lists;
const CONFERENCES = RESOURCES.conferences;

/** Registrations the sandbox pretends its registrar holds (seeded; flushed by DELETE). */
export const REGISTRATIONS: ResourceDef = {
  name: 'registrations',
  type: 'registration',
  schema: z.looseObject({}),
  collectionVerbs: ['GET', 'DELETE'],
  itemVerbs: ['DELETE'],
  summary: (doc) => {
    const out = publicDoc(doc);
    delete out.id;
    return out;
  },
  sortKey: (doc) => String(doc.username ?? ''),
};

/** The `limits` document of an account (one per account, id `limits`). */
export const LIMITS: ResourceDef = {
  name: 'limits',
  type: 'limits',
  schema: LimitsSchema,
  collectionVerbs: ['GET', 'POST'],
  itemVerbs: [],
  summary: (doc) => doc,
  sortKey: () => 'limits',
};

/** 202 answers (`crossbar_util:response_202`). */
function accepted(message: string): Reply {
  return { status: 202, data: message, envelope: { revision: 'automatic' } };
}

/** `GET …/registrations` (all at once, as the registrar answers) and `DELETE` (flush). */
export function registrations(engine: Engine, req: SandboxRequest, accountId: string, username?: string): Reply {
  if (username === 'count') {
    return { data: { count: engine.store.count(accountId, REGISTRATIONS.type) }, envelope: { revision: 'automatic' } };
  }
  if (req.method === 'DELETE') {
    for (const reg of engine.store.children(accountId, REGISTRATIONS.type, '')) {
      if (username === undefined || String(reg.body.username).toLowerCase() === username.toLowerCase()) {
        engine.docs.remove(REGISTRATIONS, accountId, reg.id);
      }
    }
    return { data: 'ok', envelope: { revision: 'automatic' } };
  }
  const filter = listFilter(req);
  const data = engine.store
    .children(accountId, REGISTRATIONS.type, '')
    .filter((r) => !filter || filter(r.body))
    .map((r) => REGISTRATIONS.summary(r.body));
  return { data, envelope: { page_size: data.length, revision: 'automatic' } };
}

/** `GET …/devices/status`: `{device_id, registered: true}` for every device with a registration. */
export function deviceStatus(engine: Engine, accountId: string): Reply {
  const ids = new Set<string>();
  for (const reg of engine.store.children(accountId, REGISTRATIONS.type, '')) {
    if (typeof reg.body.authorizing_id === 'string') ids.add(reg.body.authorizing_id);
  }
  return { data: [...ids].map((device_id) => ({ device_id, registered: true })), envelope: { revision: 'automatic' } };
}

/** `POST …/devices/{id}/sync` and `PUT …/devices/{id}` with `{"action":"notify"}`. */
export function deviceAction(engine: Engine, req: SandboxRequest, accountId: string, id: string, sync: boolean): Reply {
  engine.docs.load(accountId, DEVICES, id);
  if (sync) return accepted('sync request sent');
  const action = req.envelope.action;
  if (action === undefined) throw new CrossbarError(400, 'action required', {});
  if (action !== 'notify') throw new CrossbarError(400, 'invalid action', {});
  const data = isObject(req.data) ? req.data : {};
  if (typeof data.event !== 'string' || data.event === '') {
    throw validationError({ event: { required: { message: 'Field is required but missing', value: data } } });
  }
  return accepted('NOTIFY sent');
}

/** `PUT …/conferences/{id}` with `{"action": …}` (live control: accepted, nothing to act on here). */
export function conferenceAction(engine: Engine, req: SandboxRequest, accountId: string, id: string): Reply {
  engine.docs.load(accountId, CONFERENCES, id);
  const action = req.envelope.action;
  if (action === undefined) throw new CrossbarError(400, 'action required', {});
  return accepted(`${String(action)} sent`);
}

/** `GET …/users/{USER_ID}/devices` (the `devices/listing_by_owner` view). */
export function userDevices(engine: Engine, req: SandboxRequest, accountId: string, userId: string): Reply {
  engine.docs.load(accountId, USERS, userId);
  const params = pageParams(req);
  const filter = listFilter(req);
  const page = paginate(
    engine.store.rows(accountId, DEVICES.type, '', params.direction, params.from),
    params,
    (doc) => doc.owner_id === userId && (!filter || filter(doc)),
    (doc) =>
      compact({
        id: doc._id,
        name: doc.name,
        mac_address: doc.mac_address || '',
        owner_id: doc.owner_id,
        enabled: doc.enabled,
        device_type: doc.device_type || 'sip_device',
        hotdesked: false,
        call_recording: doc.call_recording,
      }),
  );
  return { data: page.items, envelope: { ...page.envelope, revision: 'automatic' } };
}

/** `GET|POST …/limits`. */
export function limits(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const existing = engine.store.get(accountId, 'limits');
  if (req.method === 'GET') {
    if (existing && !existing.deleted) return docReply(LIMITS, existing);
    const defaults = LimitsSchema.parse({}) as JsonObject;
    return { data: { ...defaults, id: 'limits' }, envelope: { revision: 'undefined' } };
  }
  if (existing && !existing.deleted) return docReply(LIMITS, engine.docs.replace(LIMITS, accountId, 'limits', req.data));
  return docReply(LIMITS, engine.docs.create(LIMITS, accountId, req.data, { id: 'limits' }));
}

/** `GET …/channels` (no live calls in a sandbox) and `…/channels/{UUID}` (never found). */
export function channels(uuid?: string): Reply {
  if (uuid !== undefined) throw badIdentifier(uuid);
  return { data: [], envelope: { revision: 'automatic' } };
}

/**
 * `GET …/conferences/{CONFERENCE_ID}/participants` (`cb_conferences`): the participants of the
 * running conference. No conference runs in a sandbox: an existing conference has none.
 */
export function conferenceParticipants(engine: Engine, accountId: string, conferenceId: string): Reply {
  engine.docs.load(accountId, CONFERENCES, conferenceId);
  return { data: [], envelope: { revision: 'automatic' } };
}

/** `/lists/{LIST_ID}/entries[/{ENTRY_ID}]`. */
export function listEntries(engine: Engine, req: SandboxRequest, accountId: string, listId: string, entryId?: string): Reply {
  engine.docs.load(accountId, LISTS, listId);
  if (entryId !== undefined) {
    if (req.method === 'POST' || req.method === 'PATCH') {
      const data = isObject(req.data) ? { ...req.data, list_id: listId } : req.data;
      return itemDoc(engine, { ...req, data }, accountId, LIST_ENTRIES, entryId, listId);
    }
    return itemDoc(engine, req, accountId, LIST_ENTRIES, entryId, listId);
  }
  if (req.method === 'PUT') return createDoc(engine, req, accountId, LIST_ENTRIES, listId, { list_id: listId });
  if (req.method === 'DELETE') {
    const removed = engine.store
      .children(accountId, LIST_ENTRIES.type, listId)
      .map((e) => engine.docs.remove(LIST_ENTRIES, accountId, e.id, listId));
    return { data: removed.map((e) => LIST_ENTRIES.summary(e.body)), envelope: { revision: 'automatic' } };
  }
  const params = pageParams(req);
  const filter = listFilter(req);
  const rows = engine.store.rows(accountId, LIST_ENTRIES.type, listId, params.direction, params.from, rowLimit(params, filter));
  const page = paginate(rows, params, filter, (doc) => LIST_ENTRIES.summary(doc));
  return { data: page.items, envelope: { ...page.envelope, revision: 'automatic' } };
}
