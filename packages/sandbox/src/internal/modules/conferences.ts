import * as schemas from '@audian/resources/schemas';
import { flagsOf, simpleCollection } from '../collection-def';
import type { Reply, SandboxRequest } from '../context';
import { CrossbarError, type FieldErrors } from '../crossbar-error';
import type { Engine } from '../engine';
import { isObject, type JsonObject } from '../json';
import type { DocHookContext, ResourceDef } from '../resource-def';
import { defineModule, NO_TELEPHONY, route, unservedRoute } from '../sandbox-module';

const CONFERENCE_COLLECTION = simpleCollection('conferences', 'conference', schemas.ConferencesSchema, (doc) => ({
  id: doc._id,
  name: doc.name,
  owner_id: doc.owner_id,
  member: doc.member,
  moderator: doc.moderator,
  ui_flags: doc.ui_flags,
  conference_numbers: doc.conference_numbers,
  flags: flagsOf(doc),
}));

/** The numbers `conference/listing_by_number` emits for a conference, in the view's order. */
function emittedNumbers(doc: JsonObject): unknown[] {
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  return [
    ...list(isObject(doc.moderator) ? doc.moderator.numbers : undefined),
    ...list(isObject(doc.member) ? doc.member.numbers : undefined),
    ...list(doc.conference_numbers),
  ];
}

/**
 * `cb_conferences:validate_numbers/2`, run only once the schema passed: the document's
 * `conference_numbers`, `member.numbers` and `moderator.numbers` are looked up (`keys`, in that
 * order) in the account's other conferences; every hit is named in one `numbers.unique` error,
 * joined with `, ` (`invalid_numbers/2`).
 */
function validateNumbers(doc: JsonObject, ctx: DocHookContext): FieldErrors | undefined {
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const keys = [
    ...list(doc.conference_numbers),
    ...list(isObject(doc.member) ? doc.member.numbers : undefined),
    ...list(isObject(doc.moderator) ? doc.moderator.numbers : undefined),
  ];
  if (keys.length === 0) return undefined;
  const others = ctx.live(CONFERENCE_COLLECTION.type).filter((c) => c.id !== ctx.existing?.id);
  const hits: string[] = [];
  for (const key of keys) {
    for (const other of others) for (const n of emittedNumbers(other.body)) if (n === key) hits.push(String(key));
  }
  return hits.length === 0 ? undefined : { numbers: { unique: { message: 'Numbers already in use', cause: hits.join(', ') } } };
}

// Conferences also take `PUT …/conferences/{id}` actions.
export const CONFERENCES: ResourceDef = {
  ...CONFERENCE_COLLECTION,
  itemVerbs: ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'],
  prepare: validateNumbers,
  // `cb_conferences:update_conference/2` validates before `validate_numbers/2` →
  // `on_successful_validation/2` loads; `patch_conference/2` goes through
  // `crossbar_doc:patch_and_validate/3`.
  validatesBeforeLoad: ['POST', 'PATCH'],
};

/** 202 answers (`crossbar_util:response_202`). */
function accepted(message: string): Reply {
  return { status: 202, data: message, envelope: { revision: 'automatic' } };
}

/** `PUT …/conferences/{id}` with `{"action": …}` (live control: accepted, nothing to act on here). */
function conferenceAction(engine: Engine, req: SandboxRequest, accountId: string, id: string): Reply {
  engine.docs.load(accountId, CONFERENCES, id);
  const action = req.envelope.action;
  if (action === undefined) throw new CrossbarError(400, 'action required', {});
  return accepted(`${String(action)} sent`);
}

/**
 * `GET …/conferences/{CONFERENCE_ID}/participants` (`cb_conferences`): the participants of the
 * running conference. No conference runs in a sandbox: an existing conference has none.
 */
function conferenceParticipants(engine: Engine, accountId: string, conferenceId: string): Reply {
  engine.docs.load(accountId, CONFERENCES, conferenceId);
  return { data: [], envelope: { revision: 'automatic' } };
}

/** `cb_conferences`: conference rooms, their live actions and participants. */
export const conferencesModule = defineModule({
  name: 'conferences',
  documents: [CONFERENCES],
  routes: [
    route('accounts/:account/conferences/:id', ['PUT'], ({ engine, req, accountId, params }) =>
      conferenceAction(engine, req, accountId, params.id),
    ),
    route('accounts/:account/conferences/:id/participants', ['GET'], ({ engine, accountId, params }) =>
      conferenceParticipants(engine, accountId, params.id),
    ),
    // Muting, kicking or moving a participant acts on a live conference.
    // Muting or kicking every participant at once acts on a live conference too.
    unservedRoute('accounts/:account/conferences/:id/participants', ['PUT'], 'conferences participants', NO_TELEPHONY),
    unservedRoute('accounts/:account/conferences/:id/participants/:participant', ['GET', 'PUT'], 'conferences participants', NO_TELEPHONY),
  ],
});
