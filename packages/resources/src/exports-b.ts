// Public exports of the numbers, records and operations resources (classes and types).

// Time-range splitting and E.164 checks live in core (every layer needs them); re-exported here
// under the names resource users look for.
export { assertE164, isE164, MAX_RANGE_SECONDS as CDR_MAX_RANGE_SECONDS, rangeWindows as cdrWindows } from '@audian/core';
export { phoneNumberErrors } from './helpers/phone-number-errors.js';
export type { CdrExportParams, CdrListParams, Cdrs } from './resources/cdrs.js';
export type { Channels } from './resources/channels.js';
export type { ClickToCall } from './resources/clicktocall.js';
export type { Connectivity } from './resources/connectivity.js';
export type { Faxboxes } from './resources/faxboxes.js';
export type { Faxes, FaxInbox, FaxJobs, FaxOutbox, FaxSmtpLogs, StoredFaxes } from './resources/faxes.js';
export type { Limits } from './resources/limits.js';
export type { Metaflows } from './resources/metaflows.js';
export type { Notifications } from './resources/notifications.js';
export type { PhoneNumbers } from './resources/phone-numbers.js';
export type { Queues } from './resources/queues.js';
export type { Recordings } from './resources/recordings.js';
export type { Registrations } from './resources/registrations.js';
export type { Search } from './resources/search.js';
export type { Security } from './resources/security.js';
export type { SmsMessages } from './resources/sms.js';
export type { TokenRestrictions } from './resources/token-restrictions.js';
export type { Webhooks } from './resources/webhooks.js';
export type { Cdr, CdrSummary } from './schemas/cdrs.js';
export type { Channel, ChannelCommand, ChannelMetaflow } from './schemas/channels.js';
export type {
  Clicktocall,
  ClicktocallConnectParams,
  ClicktocallCreateParams,
  ClicktocallPatchParams,
  ClicktocallSummary,
} from './schemas/clicktocall.js';
export type { ConnectivityCreateParams, ConnectivityPatchParams, ConnectivitySettings } from './schemas/connectivity.js';
export type { Faxbox, FaxboxCreateParams, FaxboxPatchParams, FaxboxSummary } from './schemas/faxboxes.js';
export type { Fax, FaxCreateParams, FaxDocumentParams, FaxDocumentType, FaxSmtpLog, FaxSummary } from './schemas/faxes.js';
export type { AccountLimits, LimitsUpdateParams } from './schemas/limits.js';
export type { AccountMetaflows, MetaflowsUpdateParams } from './schemas/metaflows.js';
export type {
  CustomerUpdateParams,
  Notification,
  NotificationCreateParams,
  NotificationPreviewParams,
  NotificationSmtpLog,
  NotificationSummary,
  NotificationTemplateFormat,
} from './schemas/notifications.js';
export type {
  AvailableNumber,
  NumberClassification,
  NumberClassifier,
  NumberSearchParams,
  PhoneNumber,
  PhoneNumberCollectionResult,
  PhoneNumberCreateParams,
  PhoneNumberError,
  PhoneNumberOwner,
  PhoneNumberPatchParams,
  PhoneNumberSummary,
} from './schemas/phone-numbers.js';
export type { EavesdropParams, Queue, QueueCreateParams, QueuePatchParams, QueueSummary } from './schemas/queues.js';
export type { Recording } from './schemas/recordings.js';
export type { Registration } from './schemas/registrations.js';
export type { MultiSearchParams, SearchParams, SearchResult } from './schemas/search.js';
export type { LoginAttempt, SecurityOverview, SecurityPatchParams, SecuritySettings, SecurityUpdateParams } from './schemas/security.js';
export type { Sms, SmsCreateParams, SmsSummary } from './schemas/sms.js';
export type { TokenRestrictionSettings, TokenRestrictionsUpdateParams } from './schemas/token-restrictions.js';
export type {
  Webhook,
  WebhookAttempt,
  WebhookCreateParams,
  WebhookDefinition,
  WebhookPatchParams,
  WebhookSummary,
} from './schemas/webhooks.js';
