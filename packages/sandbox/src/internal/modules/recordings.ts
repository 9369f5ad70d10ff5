import * as z from 'zod/mini';
import { deletedReply, docReply } from '../collection';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifierList, CrossbarError } from '../crossbar-error';
import type { Engine } from '../engine';
import { type JsonObject, publicDoc } from '../json';
import { rangedListing } from '../listing';
import { USERS } from '../modules/users';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
import type { StoredDoc } from '../store';

/** The attachment a recording's audio is stored under. */
export const RECORDING_AUDIO = 'content';

/** Call recordings: written by calls (the demo data has a few), read and deleted through the API. */
export const RECORDINGS: ResourceDef = {
  name: 'recordings',
  type: 'call_recording',
  schema: z.looseObject({}),
  collectionVerbs: ['GET'],
  itemVerbs: ['GET', 'DELETE'],
  summary: (doc) => publicDoc(doc),
  sortKey: (doc) => Number(doc.pvt_created),
};

/** The audio types `cb_recordings` serves (`?MEDIA_MIME_TYPES`). */
const AUDIO_TYPES = ['audio/mpeg', 'audio/mp3'];

/** Listing items are the whole documents, with `_read_only.content_types` naming the stored audio. */
function listed(engine: Engine, doc: JsonObject): JsonObject {
  const audio = engine.store.attachment(String(doc.pvt_account_id), String(doc._id), RECORDING_AUDIO);
  return { ...publicDoc(doc), _read_only: { content_types: audio ? [audio.contentType] : [] } };
}

/** `GET …/recordings` and `GET …/users/{USER_ID}/recordings` (time-ranged, newest first). */
function listRecordings(engine: Engine, req: SandboxRequest, accountId: string, ownerId?: string): Reply {
  if (ownerId !== undefined) engine.docs.load(accountId, USERS, ownerId);
  const def: ResourceDef = { ...RECORDINGS, summary: (doc) => listed(engine, doc) };
  return rangedListing(engine, req, accountId, def, (doc) => ownerId === undefined || doc.owner_id === ownerId);
}

/** Whether the client asked for the audio (`Accept` or `?accept=`), as `cb_recordings:action_lookup/1` decides. */
function wantsAudio(req: SandboxRequest): boolean {
  const accept = String(req.query.accept ?? req.headers.accept ?? '').toLowerCase();
  for (const part of accept.split(',')) {
    const type = (part.split(';')[0] ?? '').trim();
    if (type === 'application/json' || type === 'application/x-json' || type === '*/*') return false;
    if (AUDIO_TYPES.includes(type)) return true;
  }
  return false;
}

function load(engine: Engine, accountId: string, id: string): StoredDoc {
  // Recording ids are MODB ids; anything else is refused before any lookup.
  if (!/^\d{6}-/.test(id)) throw badIdentifierList(id);
  return engine.docs.load(accountId, RECORDINGS, id);
}

/** `GET|DELETE …/recordings/{RECORDING_ID}`: the document, or its audio. */
function recording(engine: Engine, req: SandboxRequest, accountId: string, id: string): Reply {
  const doc = load(engine, accountId, id);
  if (req.method === 'DELETE') {
    engine.store.deleteAttachment(accountId, id, RECORDING_AUDIO);
    return deletedReply(RECORDINGS, engine.docs.remove(RECORDINGS, accountId, id));
  }
  if (!wantsAudio(req)) return docReply(RECORDINGS, doc);
  const audio = engine.store.attachment(accountId, id, RECORDING_AUDIO);
  if (!audio) throw new CrossbarError(404, 'bad_identifier', { details: id });
  const name = typeof doc.body.name === 'string' && doc.body.name !== '' ? doc.body.name : `${id}.mp3`;
  const inline = String(req.query.inline ?? '').toLowerCase() === 'true';
  return {
    raw: { body: audio.data, contentType: audio.contentType },
    headers: { 'content-disposition': `${inline ? 'inline' : 'attachment'}; filename=${name}` },
  };
}

/** A recording as a call would leave it: the document and its audio. */
export function storeRecording(engine: Engine, accountId: string, id: string, fields: JsonObject, audio: Buffer): StoredDoc {
  const doc = engine.docs.create(RECORDINGS, accountId, fields, { id });
  engine.store.putAttachment(accountId, id, RECORDING_AUDIO, 'audio/mpeg', audio);
  return doc;
}

/** `cb_recordings`: call recordings of the account and of a user, with their audio. */
export const recordingsModule = defineModule({
  name: 'recordings',
  routes: [
    route('accounts/:account/recordings', ['GET'], ({ engine, req, accountId }) => listRecordings(engine, req, accountId)),
    route('accounts/:account/users/:id/recordings', ['GET'], ({ engine, req, accountId, params }) =>
      listRecordings(engine, req, accountId, params.id),
    ),
    route('accounts/:account/recordings/:id', ['GET', 'DELETE'], ({ engine, req, accountId, params }) =>
      recording(engine, req, accountId, params.id),
    ),
  ],
});
