// Public exports of the numbers, records and operations resources (classes and types).

export { CDR_MAX_RANGE_SECONDS, type CdrExportParams, type CdrListParams, Cdrs, cdrWindows } from './resources/cdrs';
export { Channels } from './resources/channels';
export { ClickToCall } from './resources/clicktocall';
export { Connectivity } from './resources/connectivity';
export { Faxboxes } from './resources/faxboxes';
export { Faxes, FaxInbox, FaxJobs, FaxOutbox, FaxSmtpLogs, StoredFaxes } from './resources/faxes';
export { Limits } from './resources/limits';
export { Metaflows } from './resources/metaflows';
export { Notifications } from './resources/notifications';
export { assertE164, isE164, PhoneNumbers, phoneNumberErrors } from './resources/phone-numbers';
export { Queues } from './resources/queues';
export { Recordings } from './resources/recordings';
export { Registrations } from './resources/registrations';
export { Search } from './resources/search';
export { Security } from './resources/security';
export { SmsMessages } from './resources/sms';
export { TokenRestrictions } from './resources/token-restrictions';
export { Webhooks } from './resources/webhooks';
export type { Cdr, CdrSummary } from './schemas/cdrs';
export type { Channel, ChannelCommand, ChannelMetaflow } from './schemas/channels';
export type {
  Clicktocall,
  ClicktocallConnectParams,
  ClicktocallCreateParams,
  ClicktocallPatchParams,
  ClicktocallSummary,
} from './schemas/clicktocall';
export type { ConnectivityCreateParams, ConnectivityPatchParams, ConnectivitySettings } from './schemas/connectivity';
export type { Faxbox, FaxboxCreateParams, FaxboxPatchParams, FaxboxSummary } from './schemas/faxboxes';
export type { Fax, FaxCreateParams, FaxDocumentParams, FaxDocumentType, FaxSmtpLog, FaxSummary } from './schemas/faxes';
export type { AccountLimits, LimitsUpdateParams } from './schemas/limits';
export type { AccountMetaflows, MetaflowsUpdateParams } from './schemas/metaflows';
export type {
  CustomerUpdateParams,
  Notification,
  NotificationCreateParams,
  NotificationPreviewParams,
  NotificationSmtpLog,
  NotificationSummary,
  NotificationTemplateFormat,
} from './schemas/notifications';
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
} from './schemas/phone-numbers';
export type { EavesdropParams, Queue, QueueCreateParams, QueuePatchParams, QueueSummary } from './schemas/queues';
export type { Recording } from './schemas/recordings';
export type { Registration } from './schemas/registrations';
export type { MultiSearchParams, SearchParams, SearchResult } from './schemas/search';
export type { LoginAttempt, SecurityOverview, SecurityPatchParams, SecuritySettings, SecurityUpdateParams } from './schemas/security';
export type { Sms, SmsCreateParams, SmsSummary } from './schemas/sms';
export type { TokenRestrictionSettings, TokenRestrictionsUpdateParams } from './schemas/token-restrictions';
export type {
  Webhook,
  WebhookAttempt,
  WebhookCreateParams,
  WebhookDefinition,
  WebhookPatchParams,
  WebhookSummary,
} from './schemas/webhooks';
