import { GroupsSchema } from '@audian/resources/schemas';
import { flagsOf, simpleCollection } from '../collection-def';
import { isObject, type JsonObject } from '../json';
import { defineModule } from '../sandbox-module';

/** The features the group listing reports: enabled SmartPBX features, then music on hold. */
function groupFeatures(doc: JsonObject): string[] {
  const features: string[] = [];
  if (isObject(doc.smartpbx)) for (const [f, cfg] of Object.entries(doc.smartpbx)) if (isObject(cfg) && cfg.enabled) features.push(f);
  if (isObject(doc.music_on_hold) && doc.music_on_hold.media_id) features.push('music_on_hold');
  return features;
}

/** Groups of users and devices (`kzd_groups`); the listing counts their endpoints. */
export const GROUPS = simpleCollection('groups', 'group', GroupsSchema, (doc) => ({
  id: doc._id,
  name: doc.name,
  features: groupFeatures(doc),
  endpoints: isObject(doc.endpoints) ? Object.keys(doc.endpoints).length : 0,
  flags: flagsOf(doc),
}));

/** `cb_groups`: the account's groups. */
export const groupsModule = defineModule({ name: 'groups', documents: [GROUPS] });
