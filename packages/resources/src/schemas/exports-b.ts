// Schemas of the numbers, records and operations resources.

export * from './cdrs.js';
export * from './channels.js';
export * from './clicktocall.js';
export * from './connectivity.js';
export * from './faxboxes.js';
export * from './faxes.js';
export * from './limits.js';
export * from './metaflows.js';
export * from './notifications.js';
export * from './phone-numbers.js';
export * from './queues.js';
export * from './recordings.js';
export * from './registrations.js';
export * from './search.js';
export * from './security.js';
export * from './sms.js';
export * from './token-restrictions.js';
export * from './webhooks.js';
