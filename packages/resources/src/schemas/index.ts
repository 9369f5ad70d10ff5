// @audian/resources/schemas — the zod (zod/mini) schemas of every resource, for validation in
// apps and in @audian/sandbox, without the client. One line per resource, then the schemas
// generated from KAZOO's.

export { describeIssue, type SchemaIssue, validateBody } from '../validation.js';
export * from './accounts.js';
export * from './blacklists.js';
export * from './callflows.js';
export * from './cdrs.js';
export * from './channels.js';
export * from './clicktocall.js';
export * from './conferences.js';
export * from './connectivity.js';
export * from './devices.js';
export * from './directories.js';
export * from './faxboxes.js';
export * from './faxes.js';
export * from './generated/index.js';
export * from './groups.js';
export * from './limits.js';
export * from './lists.js';
export * from './media.js';
export * from './menus.js';
export * from './metaflows.js';
export * from './notifications.js';
export * from './phone-numbers.js';
export * from './queues.js';
export * from './recordings.js';
export * from './registrations.js';
export * from './search.js';
export * from './security.js';
export * from './sms.js';
export * from './temporal-rules.js';
export * from './temporal-rules-sets.js';
export * from './token-restrictions.js';
export * from './users.js';
export * from './vmboxes.js';
export * from './webhooks.js';
