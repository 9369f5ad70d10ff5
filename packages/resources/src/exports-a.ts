// Public exports of the provisioning resources (classes and types).

export { callflowNode, isCallflowModule } from './helpers/callflow-nodes.js';
export { dateRule, secondsOfDay, type WeeklyRuleOptions, weeklyRule, yearlyRule } from './helpers/temporal-rule-builders.js';
export type { AccountCreateOptions, Accounts } from './resources/accounts.js';
export type { Blacklists } from './resources/blacklists.js';
export type { Callflows } from './resources/callflows.js';
export type { ConferenceParticipants, Conferences } from './resources/conferences.js';
export type { Directories } from './resources/directories.js';
export type { Groups } from './resources/groups.js';
export type { ListEntries, Lists } from './resources/lists.js';
export type { Media, MediaBody, MediaLanguages, MediaPrompts } from './resources/media.js';
export type { Menus } from './resources/menus.js';
export type { TemporalRules } from './resources/temporal-rules.js';
export type { TemporalRulesSets } from './resources/temporal-rules-sets.js';
export type { Vmboxes, VoicemailMessages } from './resources/vmboxes.js';
export type {
  Account,
  AccountApiKey,
  AccountCreateParams,
  AccountPatchParams,
  AccountRef,
  AccountSummary,
} from './schemas/accounts.js';
export type { Blacklist, BlacklistCreateParams, BlacklistPatchParams, BlacklistSummary } from './schemas/blacklists.js';
export type {
  Callflow,
  CallflowChildren,
  CallflowCreateParams,
  CallflowGenericNode,
  CallflowModuleData,
  CallflowNode,
  CallflowPatchParams,
  CallflowSummary,
  CallflowTypedModule,
  CallflowTypedNode,
} from './schemas/callflows.js';
export type {
  Conference,
  ConferenceCreateParams,
  ConferenceDialParams,
  ConferenceParticipant,
  ConferenceParticipantFlag,
  ConferencePatchParams,
  ConferenceRealtime,
  ConferenceRelationship,
  ConferenceSummary,
} from './schemas/conferences.js';
export type { Directory, DirectoryCreateParams, DirectoryPatchParams, DirectorySummary, DirectoryUser } from './schemas/directories.js';
export type { Group, GroupCreateParams, GroupEndpoint, GroupPatchParams, GroupSummary } from './schemas/groups.js';
export type {
  List,
  ListCreateParams,
  ListEntry,
  ListEntryCreateParams,
  ListEntryPatchParams,
  ListEntrySummary,
  ListPatchParams,
  ListSummary,
} from './schemas/lists.js';
export type {
  MediaCreateParams,
  MediaFile,
  MediaLanguageCount,
  MediaPromptCount,
  MediaPromptTranslation,
  MediaSummary,
} from './schemas/media.js';
export type { Menu, MenuCreateParams, MenuPatchParams, MenuSummary } from './schemas/menus.js';
export type {
  TemporalRule,
  TemporalRuleCreateParams,
  TemporalRuleCycle,
  TemporalRulePatchParams,
  TemporalRuleSummary,
  Weekday,
} from './schemas/temporal-rules.js';
export type {
  TemporalRuleSet,
  TemporalRuleSetCreateParams,
  TemporalRuleSetPatchParams,
  TemporalRuleSetSummary,
} from './schemas/temporal-rules-sets.js';
export type {
  Vmbox,
  VmboxCreateParams,
  VmboxPatchParams,
  VmboxSummary,
  VoicemailAccountMessage,
  VoicemailBulkResult,
  VoicemailFolder,
  VoicemailMessage,
  VoicemailMessageChange,
  VoicemailMessageCreateParams,
  VoicemailMessageSummary,
} from './schemas/vmboxes.js';
