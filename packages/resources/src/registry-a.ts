import type { ResourceClass } from './registry-types';
import { Accounts } from './resources/accounts';
import { Blacklists } from './resources/blacklists';
import { Callflows } from './resources/callflows';
import { Conferences } from './resources/conferences';
import { Directories } from './resources/directories';
import { Groups } from './resources/groups';
import { Lists } from './resources/lists';
import { Media } from './resources/media';
import { Menus } from './resources/menus';
import { TemporalRules } from './resources/temporal-rules';
import { TemporalRulesSets } from './resources/temporal-rules-sets';
import { Vmboxes } from './resources/vmboxes';

/** Provisioning resources (accounts, callflows, voicemail, media, menus, groups, schedules, directories, lists, blacklists, conferences). */
export const RESOURCES_A = {
  accounts: Accounts,
  callflows: Callflows,
  vmboxes: Vmboxes,
  conferences: Conferences,
  media: Media,
  menus: Menus,
  groups: Groups,
  temporal_rules: TemporalRules,
  temporal_rules_sets: TemporalRulesSets,
  directories: Directories,
  lists: Lists,
  blacklists: Blacklists,
} as const satisfies Record<string, ResourceClass>;
