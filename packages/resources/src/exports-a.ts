// Public exports of the provisioning resources (classes and types).

export { type AccountCreateOptions, Accounts } from './resources/accounts';
export { Blacklists } from './resources/blacklists';
export { Callflows, callflowNode, isCallflowModule } from './resources/callflows';
export { ConferenceParticipants, Conferences } from './resources/conferences';
export { Directories } from './resources/directories';
export { Groups } from './resources/groups';
export { ListEntries, Lists } from './resources/lists';
export { Media, type MediaBody, type MediaLanguages, type MediaPrompts } from './resources/media';
export { Menus } from './resources/menus';
export { dateRule, secondsOfDay, TemporalRules, type WeeklyRuleOptions, weeklyRule, yearlyRule } from './resources/temporal-rules';
export { TemporalRulesSets } from './resources/temporal-rules-sets';
export { Vmboxes, VoicemailMessages } from './resources/vmboxes';
export type {
  Account,
  AccountApiKey,
  AccountCreateParams,
  AccountPatchParams,
  AccountRef,
  AccountSummary,
} from './schemas/accounts';
export type { Blacklist, BlacklistCreateParams, BlacklistPatchParams, BlacklistSummary } from './schemas/blacklists';
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
} from './schemas/callflows';
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
} from './schemas/conferences';
export type { Directory, DirectoryCreateParams, DirectoryPatchParams, DirectorySummary, DirectoryUser } from './schemas/directories';
export type { Group, GroupCreateParams, GroupEndpoint, GroupPatchParams, GroupSummary } from './schemas/groups';
export type {
  List,
  ListCreateParams,
  ListEntry,
  ListEntryCreateParams,
  ListEntryPatchParams,
  ListEntrySummary,
  ListPatchParams,
  ListSummary,
} from './schemas/lists';
export type {
  MediaCreateParams,
  MediaFile,
  MediaLanguageCount,
  MediaPromptCount,
  MediaPromptTranslation,
  MediaSummary,
} from './schemas/media';
export type { Menu, MenuCreateParams, MenuPatchParams, MenuSummary } from './schemas/menus';
export type {
  TemporalRule,
  TemporalRuleCreateParams,
  TemporalRuleCycle,
  TemporalRulePatchParams,
  TemporalRuleSummary,
  Weekday,
} from './schemas/temporal-rules';
export type {
  TemporalRuleSet,
  TemporalRuleSetCreateParams,
  TemporalRuleSetPatchParams,
  TemporalRuleSetSummary,
} from './schemas/temporal-rules-sets';
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
} from './schemas/vmboxes';
