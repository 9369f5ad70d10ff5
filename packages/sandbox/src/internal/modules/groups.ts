import { GroupsSchema } from '@audian/resources/schemas';
import { flagsOf, simpleCollection } from '../collection-def';
import type { Reply } from '../context';
import type { Engine } from '../engine';
import { isObject, type JsonObject } from '../json';
import { defineModule, route } from '../sandbox-module';

/** The features the group listing reports: enabled SmartPBX features, then music on hold. */
function groupFeatures(doc: JsonObject): string[] {
  const features: string[] = [];
  if (isObject(doc.smartpbx)) for (const [f, cfg] of Object.entries(doc.smartpbx)) if (isObject(cfg) && cfg.enabled) features.push(f);
  if (isObject(doc.music_on_hold) && doc.music_on_hold.media_id) features.push('music_on_hold');
  return features;
}

/** Groups of users and devices (`kzd_groups`); the listing counts their endpoints. */
export const GROUPS = simpleCollection(
  'groups',
  'group',
  GroupsSchema,
  (doc) => ({
    id: doc._id,
    name: doc.name,
    features: groupFeatures(doc),
    endpoints: isObject(doc.endpoints) ? Object.keys(doc.endpoints).length : 0,
    flags: flagsOf(doc),
  }),
  {
    // `cb_groups:update/2` validates before `on_successful_validation/2` loads; `validate_patch/2`
    // goes through `crossbar_doc:patch_and_validate/3`.
    validatesBeforeLoad: ['POST', 'PATCH'],
  },
);

/** `GET …/users/{USER_ID}/groups` (`cb_groups:summary/1`, `groups/crossbar_listing_by_user`): the groups naming the user. */
function userGroups(engine: Engine, accountId: string, userId: string): Reply {
  const data = engine.store
    .children(accountId, GROUPS.type, '')
    .filter((g) => !g.deleted && isObject(g.body.endpoints) && Object.hasOwn(g.body.endpoints, userId))
    .map((g) => GROUPS.summary(g.body));
  return { data, envelope: { revision: 'automatic' } };
}

/** `cb_groups`: the account's groups, and the groups a user is in. */
export const groupsModule = defineModule({
  name: 'groups',
  documents: [GROUPS],
  routes: [
    route('accounts/:account/users/:id/groups', ['GET'], ({ engine, accountId, params }) => userGroups(engine, accountId, params.id)),
  ],
});
