// The numbers, records and operations resource classes (see classes.ts).
export { type CdrExportParams, type CdrListParams, Cdrs } from './resources/cdrs.js';
export { Channels } from './resources/channels.js';
export { ClickToCall } from './resources/clicktocall.js';
export { Connectivity } from './resources/connectivity.js';
export { Faxboxes } from './resources/faxboxes.js';
export { Faxes, FaxInbox, FaxJobs, FaxOutbox, FaxSmtpLogs, StoredFaxes } from './resources/faxes.js';
export { Limits } from './resources/limits.js';
export { Metaflows } from './resources/metaflows.js';
export { Notifications } from './resources/notifications.js';
export { PhoneNumbers } from './resources/phone-numbers.js';
export { Queues } from './resources/queues.js';
export { Recordings } from './resources/recordings.js';
export { Registrations } from './resources/registrations.js';
export { Search } from './resources/search.js';
export { Security } from './resources/security.js';
export { SmsMessages } from './resources/sms.js';
export { TokenRestrictions } from './resources/token-restrictions.js';
export { Webhooks } from './resources/webhooks.js';
