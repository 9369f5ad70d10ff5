// @audian/resources/schemas — the zod (zod/mini) schemas of every resource, for validation in
// apps and in @audian/sandbox, without the client. One line per resource, then the schemas
// generated from KAZOO's.

export {
  formatCombinator,
  isKazooFormat,
  KAZOO_FORMATS,
  type KazooFormat,
  kazooFormat,
  matchesKazooFormat,
} from '../internal/kazoo-formats.js';
export type { IssueCombinator } from '../internal/kazoo-keywords.js';
export { describeIssue, type SchemaIssue, validateBody } from '../validation.js';
export * from './access-lists.js';
export * from './accounts.js';
export * from './acdc-call-stats.js';
export * from './agents.js';
export * from './alerts.js';
export * from './allotments.js';
export * from './apps-link.js';
export * from './apps-store.js';
export * from './att-handlers-errors.js';
export * from './blacklists.js';
export * from './bulk.js';
export * from './call-inspector.js';
export * from './callflows.js';
export * from './cccps.js';
export * from './cdrs.js';
export * from './channels.js';
export * from './clicktocall.js';
export * from './comments.js';
export * from './conferences.js';
export * from './configs.js';
export * from './connectivity.js';
export * from './contact-list.js';
export * from './devices.js';
export * from './dialplans.js';
export * from './directories.js';
export * from './faxboxes.js';
export * from './faxes.js';
export * from './functions.js';
export * from './generated/index.js';
export * from './groups.js';
export * from './hotdesks.js';
export * from './ips.js';
export * from './ledgers.js';
export * from './limits.js';
export * from './lists.js';
export * from './local-provisioner-templates.js';
export * from './media.js';
export * from './menus.js';
export * from './metaflows.js';
export * from './mms.js';
export * from './multi-factor.js';
export * from './notifications.js';
export * from './onboard.js';
export * from './parked-calls.js';
export * from './phone-numbers.js';
export * from './pivot.js';
export * from './port-requests.js';
export * from './presence.js';
export * from './queues.js';
export * from './quickcall.js';
export * from './rate-limits.js';
export * from './rates.js';
export * from './recordings.js';
export * from './registrations.js';
export * from './resource-selectors.js';
export * from './resource-templates.js';
export * from './resources.js';
export * from './search.js';
export * from './security.js';
export * from './services.js';
export * from './sms.js';
export * from './storage.js';
export * from './tasks.js';
export * from './temporal-rules.js';
export * from './temporal-rules-sets.js';
export * from './token-restrictions.js';
export * from './transactions.js';
export * from './users.js';
export * from './vmboxes.js';
export * from './webhooks.js';
export * from './websockets.js';
export * from './whitelabel.js';
