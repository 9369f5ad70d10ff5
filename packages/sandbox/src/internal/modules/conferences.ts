import * as schemas from '@audian/resources/schemas';
import { flagsOf, simpleCollection } from '../collection-def';
import type { Reply, SandboxRequest } from '../context';
import { CrossbarError } from '../crossbar-error';
import type { Engine } from '../engine';
import { isObject } from '../json';
import type { ResourceDef } from '../resource-def';
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

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];

// Conferences also take `PUT …/conferences/{id}` actions.
export const CONFERENCES: ResourceDef = {
  ...CONFERENCE_COLLECTION,
  itemVerbs: ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'],
  // `cb_conferences:validate_numbers/2`: conference, member and moderator numbers are unique among the
  // account's conferences ("Numbers already in use").
  claims: (doc) => {
    const numbers = [
      ...strings(doc.conference_numbers),
      ...strings(isObject(doc.member) ? doc.member.numbers : undefined),
      ...strings(isObject(doc.moderator) ? doc.moderator.numbers : undefined),
    ];
    return [...new Set(numbers)].map((number) => ({
      kind: 'conference_number',
      value: number,
      scope: 'account',
      error: () => ({ numbers: { unique: { message: 'Numbers already in use', cause: number } } }),
    }));
  },
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
