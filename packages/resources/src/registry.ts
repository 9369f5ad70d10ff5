import type { ResourceContext } from './internal/resource-base.js';
import { About } from './resources/about.js';
import { AccessLists } from './resources/access-lists.js';
import { Accounts } from './resources/accounts.js';
import { AcdcCallStats } from './resources/acdc-call-stats.js';
import { Acls } from './resources/acls.js';
import { Agents } from './resources/agents.js';
import { Alerts } from './resources/alerts.js';
import { AccountAllotments } from './resources/allotments.js';
import { AppsLink } from './resources/apps-link.js';
import { AppsStore } from './resources/apps-store.js';
import { AttachmentHandlerErrors } from './resources/att-handlers-errors.js';
import { Blacklists } from './resources/blacklists.js';
import { Bulk } from './resources/bulk.js';
import { CallInspector } from './resources/call-inspector.js';
import { Callflows } from './resources/callflows.js';
import { Cccps } from './resources/cccps.js';
import { Cdrs } from './resources/cdrs.js';
import { Channels } from './resources/channels.js';
import { ClickToCall } from './resources/clicktocall.js';
import { Comments } from './resources/comments.js';
import { Conferences } from './resources/conferences.js';
import { Configs } from './resources/configs.js';
import { Connectivity } from './resources/connectivity.js';
import { ContactList } from './resources/contact-list.js';
import { Devices } from './resources/devices.js';
import { Dialplans } from './resources/dialplans.js';
import { Directories } from './resources/directories.js';
import { Faxboxes } from './resources/faxboxes.js';
import { Faxes } from './resources/faxes.js';
import { Functions } from './resources/functions.js';
import { Groups } from './resources/groups.js';
import { Hotdesks } from './resources/hotdesks.js';
import { Ips } from './resources/ips.js';
import { Ledgers } from './resources/ledgers.js';
import { Limits } from './resources/limits.js';
import { Lists } from './resources/lists.js';
import { LocalProvisionerTemplates } from './resources/local-provisioner-templates.js';
import { Media } from './resources/media.js';
import { Menus } from './resources/menus.js';
import { Metaflows } from './resources/metaflows.js';
import { MmsMessages } from './resources/mms.js';
import { MultiFactor } from './resources/multi-factor.js';
import { Notifications } from './resources/notifications.js';
import { Onboard } from './resources/onboard.js';
import { ParkedCalls } from './resources/parked-calls.js';
import { PhoneNumbers } from './resources/phone-numbers.js';
import { Pivot } from './resources/pivot.js';
import { PortRequests } from './resources/port-requests.js';
import { Presence } from './resources/presence.js';
import { Queues } from './resources/queues.js';
import { Quickcall } from './resources/quickcall.js';
import { RateLimits } from './resources/rate-limits.js';
import { Rates } from './resources/rates.js';
import { Recordings } from './resources/recordings.js';
import { Registrations } from './resources/registrations.js';
import { ResourceSelectors } from './resources/resource-selectors.js';
import { ResourceTemplates } from './resources/resource-templates.js';
import { Resources } from './resources/resources.js';
import { Search } from './resources/search.js';
import { Security } from './resources/security.js';
import { Services } from './resources/services.js';
import { SmsMessages } from './resources/sms.js';
import { StorageSettings } from './resources/storage.js';
import { Tasks } from './resources/tasks.js';
import { TemporalRules } from './resources/temporal-rules.js';
import { TemporalRulesSets } from './resources/temporal-rules-sets.js';
import { TokenRestrictions } from './resources/token-restrictions.js';
import { Transactions } from './resources/transactions.js';
import { Users } from './resources/users.js';
import { Vmboxes } from './resources/vmboxes.js';
import { Webhooks } from './resources/webhooks.js';
import { Websockets } from './resources/websockets.js';
import { WhitelabelSettings } from './resources/whitelabel.js';

/** A resource class: constructed with the client's transport and account. */
export type ResourceClass = new (ctx: ResourceContext) => object;

/**
 * Every resource class of the client, by its wire name: each is a property of `createAudian()`'s
 * client (`audian.users`, `audian.phone_numbers`, …). The client itself loads them lazily through
 * shapes.generated.ts; this map is for tools that want the classes (the CLI, the shapes
 * generator). A plain literal, so a bundle that does not use it drops it.
 */
export const RESOURCES = {
  users: Users,
  devices: Devices,
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
  phone_numbers: PhoneNumbers,
  cdrs: Cdrs,
  faxboxes: Faxboxes,
  faxes: Faxes,
  webhooks: Webhooks,
  notifications: Notifications,
  registrations: Registrations,
  channels: Channels,
  connectivity: Connectivity,
  queues: Queues,
  recordings: Recordings,
  sms: SmsMessages,
  limits: Limits,
  metaflows: Metaflows,
  clicktocall: ClickToCall,
  search: Search,
  token_restrictions: TokenRestrictions,
  security: Security,
  tasks: Tasks,
  storage: StorageSettings,
  contact_list: ContactList,
  configs: Configs,
  websockets: Websockets,
  mms: MmsMessages,
  cccps: Cccps,
  bulk: Bulk,
  att_handlers_errors: AttachmentHandlerErrors,
  onboard: Onboard,
  apps_link: AppsLink,
  // call routing
  resources: Resources,
  resource_selectors: ResourceSelectors,
  resource_templates: ResourceTemplates,
  dialplans: Dialplans,
  local_provisioner_templates: LocalProvisionerTemplates,
  access_lists: AccessLists,
  rate_limits: RateLimits,
  ips: Ips,
  functions: Functions,
  // reseller onboarding: number ports, branding, apps, notes and alerts
  port_requests: PortRequests,
  whitelabel: WhitelabelSettings,
  apps_store: AppsStore,
  comments: Comments,
  alerts: Alerts,
  // money and platform information
  services: Services,
  transactions: Transactions,
  ledgers: Ledgers,
  allotments: AccountAllotments,
  rates: Rates,
  multi_factor: MultiFactor,
  about: About,
  agents: Agents,
  presence: Presence,
  hotdesks: Hotdesks,
  parked_calls: ParkedCalls,
  call_inspector: CallInspector,
  pivot: Pivot,
  acdc_call_stats: AcdcCallStats,
  quickcall: Quickcall,
  acls: Acls,
} as const satisfies Record<string, ResourceClass>;
