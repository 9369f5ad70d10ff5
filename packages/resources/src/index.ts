// @audian/resources — typed Crossbar resources and createAudian(). The table of contents: the
// client, then one line per resource (its class and its types), then helpers.
// Value exports cost nothing in a bundle that does not use them (the package has no side
// effects): the client itself loads each resource class on first use.

// Time-range splitting and E.164 checks live in core (every layer needs them); re-exported here
// under the names resource users look for.
export { assertE164, isE164, MAX_RANGE_SECONDS as CDR_MAX_RANGE_SECONDS, rangeWindows as cdrWindows } from '@audian/core';
export { APIPromise, type ApiResult, type WithResponse } from './api-promise.js';
export { type Audian, type AudianOptions, type AudianResources, createAudian, type SessionInfo } from './client.js';
export * from './errors.js';
export { callflowNode, isCallflowModule } from './helpers/callflow-nodes.js';
export { phoneNumberErrors } from './helpers/phone-number-errors.js';
export { dateRule, secondsOfDay, type WeeklyRuleOptions, weeklyRule, yearlyRule } from './helpers/temporal-rule-builders.js';
export type { ResourceContext } from './internal/resource-base.js';
export { RESOURCES, type ResourceClass } from './registry.js';
export type { ResourceMethods } from './resource-methods.js';
export * from './resources/accounts.js';
export * from './resources/blacklists.js';
export * from './resources/callflows.js';
export * from './resources/cdrs.js';
export * from './resources/channels.js';
export * from './resources/clicktocall.js';
export * from './resources/conferences.js';
export * from './resources/connectivity.js';
export * from './resources/devices.js';
export * from './resources/directories.js';
export * from './resources/faxboxes.js';
export * from './resources/faxes.js';
export * from './resources/groups.js';
export * from './resources/limits.js';
export * from './resources/lists.js';
export * from './resources/media.js';
export * from './resources/menus.js';
export * from './resources/metaflows.js';
export * from './resources/notifications.js';
export * from './resources/phone-numbers.js';
export * from './resources/queues.js';
export * from './resources/recordings.js';
export * from './resources/registrations.js';
export * from './resources/search.js';
export * from './resources/security.js';
export * from './resources/sms.js';
export * from './resources/temporal-rules.js';
export * from './resources/temporal-rules-sets.js';
export * from './resources/token-restrictions.js';
export * from './resources/users.js';
export * from './resources/vmboxes.js';
export * from './resources/webhooks.js';
