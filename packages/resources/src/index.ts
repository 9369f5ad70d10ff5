// @audian/resources — typed Crossbar resources and createAudian(). The table of contents: the
// client, then one line per resource (its class and its types), then helpers.
// Resources are exported as types: the client loads each class on its first call, and a value
// export here would pin every class into every bundle (a bundler keeps a module that is both
// re-exported and dynamically imported in the entry's static graph). The classes as values, and
// RESOURCES, are on `@audian/resources/classes`.

// Time-range splitting and E.164 checks live in core (every layer needs them); re-exported here
// under the names resource users look for.
export { assertE164, isE164, MAX_RANGE_SECONDS as CDR_MAX_RANGE_SECONDS, rangeWindows as cdrWindows } from '@audian/core';
export { APIPromise, type ApiResult, type WithResponse } from './api-promise.js';
export {
  type Audian,
  type AudianEvents,
  type AudianOptions,
  type AudianResources,
  createAudian,
  type ResourceName,
  type SessionInfo,
} from './client.js';
export * from './errors.js';
export { callflowNode, isCallflowModule } from './helpers/callflow-nodes.js';
export { phoneNumberErrors } from './helpers/phone-number-errors.js';
export { dateRule, secondsOfDay, type WeeklyRuleOptions, weeklyRule, yearlyRule } from './helpers/temporal-rule-builders.js';
export { type EventsUrlSources, resolveEventsUrl } from './internal/events.js';
export type { ResourceContext } from './internal/resource-base.js';
export type { ResourceMethods } from './resource-methods.js';
export type * from './resources/about.js';
export type * from './resources/access-lists.js';
export type * from './resources/accounts.js';
export type * from './resources/acdc-call-stats.js';
export type * from './resources/acls.js';
export type * from './resources/agents.js';
export type * from './resources/alerts.js';
export type * from './resources/allotments.js';
export type * from './resources/apps-link.js';
export type * from './resources/apps-store.js';
export type * from './resources/att-handlers-errors.js';
export type * from './resources/blacklists.js';
export type * from './resources/bulk.js';
export type * from './resources/call-inspector.js';
export type * from './resources/callflows.js';
export type * from './resources/cccps.js';
export type * from './resources/cdrs.js';
export type * from './resources/channels.js';
export type * from './resources/clicktocall.js';
export type * from './resources/comments.js';
export type * from './resources/conferences.js';
export type * from './resources/configs.js';
export type * from './resources/connectivity.js';
export type * from './resources/contact-list.js';
export type * from './resources/devices.js';
export type * from './resources/dialplans.js';
export type * from './resources/directories.js';
export type * from './resources/faxboxes.js';
export type * from './resources/faxes.js';
export type * from './resources/functions.js';
export type * from './resources/groups.js';
export type * from './resources/hotdesks.js';
export type * from './resources/ips.js';
export type * from './resources/ledgers.js';
export type * from './resources/limits.js';
export type * from './resources/lists.js';
export type * from './resources/local-provisioner-templates.js';
export type * from './resources/media.js';
export type * from './resources/menus.js';
export type * from './resources/metaflows.js';
export type * from './resources/mms.js';
export type * from './resources/multi-factor.js';
export type * from './resources/notifications.js';
export type * from './resources/onboard.js';
export type * from './resources/parked-calls.js';
export type * from './resources/phone-numbers.js';
export type * from './resources/pivot.js';
export type * from './resources/port-requests.js';
export type * from './resources/presence.js';
export type * from './resources/queues.js';
export type * from './resources/quickcall.js';
export type * from './resources/rate-limits.js';
export type * from './resources/rates.js';
export type * from './resources/recordings.js';
export type * from './resources/registrations.js';
export type * from './resources/resource-selectors.js';
export type * from './resources/resource-templates.js';
export type * from './resources/resources.js';
export type * from './resources/search.js';
export type * from './resources/security.js';
export type * from './resources/services.js';
export type * from './resources/sms.js';
export type * from './resources/storage.js';
export type * from './resources/tasks.js';
export type * from './resources/temporal-rules.js';
export type * from './resources/temporal-rules-sets.js';
export type * from './resources/token-restrictions.js';
export type * from './resources/transactions.js';
export type * from './resources/users.js';
export type * from './resources/vmboxes.js';
export type * from './resources/webhooks.js';
export type * from './resources/websockets.js';
export type * from './resources/whitelabel.js';
