// The provisioning resource classes (see classes.ts).
export { type AccountCreateOptions, Accounts } from './resources/accounts.js';
export { Blacklists } from './resources/blacklists.js';
export { Callflows } from './resources/callflows.js';
export { ConferenceParticipants, Conferences } from './resources/conferences.js';
export { Directories } from './resources/directories.js';
export { Groups } from './resources/groups.js';
export { ListEntries, Lists } from './resources/lists.js';
export { Media, type MediaBody, type MediaLanguages, type MediaPrompts } from './resources/media.js';
export { Menus } from './resources/menus.js';
export { TemporalRules } from './resources/temporal-rules.js';
export { TemporalRulesSets } from './resources/temporal-rules-sets.js';
export { Vmboxes, VoicemailMessages } from './resources/vmboxes.js';
