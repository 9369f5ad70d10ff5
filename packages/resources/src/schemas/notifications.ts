import * as z from 'zod/mini';
import { NotificationsSchema } from './generated/notifications.js';

/**
 * A notification (e-mail template) configuration. Required: `from`, `subject`, `to` (`{ type:
 * 'original' | 'specified' | 'admins', email_addresses? }`); `cc`/`bcc` have the same shape.
 * Defaults: `enabled: true`, `template_charset: 'utf-8'`. `macros` are set by the system. An
 * account override is created with the `id` of a system notification (`voicemail_to_email`, …).
 */
export const NotificationSchema = NotificationsSchema;

/** One item of `GET /v2/accounts/{ACCOUNT_ID}/notifications`: `account_overridden` marks account copies. */
export const NotificationSummarySchema = z.looseObject({
  id: z.string(),
  category: z.optional(z.string()),
  friendly_name: z.optional(z.string()),
  enabled: z.optional(z.boolean()),
  account_overridden: z.optional(z.boolean()),
  macros: z.optional(z.record(z.string(), z.unknown())),
});

/** One sent notification (`…/notifications/smtplog`): template, sender, first recipient, error. */
export const NotificationSmtpLogSchema = z.looseObject({
  id: z.string(),
  template_id: z.optional(z.string()),
  from: z.optional(z.string()),
  to: z.optional(z.string()),
  subject: z.optional(z.string()),
  error: z.optional(z.string()),
  created: z.optional(z.number()),
  receipt: z.optional(z.string()),
});

/** What `notifications.create()` and `update()` take: `from`, `subject` and `to` are required. */
export type NotificationCreateParams = z.input<typeof NotificationSchema> & { readonly id?: string };
/** A notification as the API returns it. */
export type Notification = z.input<typeof NotificationSchema> & { readonly id: string; readonly account_overridden?: boolean };
/** One item of the notifications listing. */
export type NotificationSummary = z.output<typeof NotificationSummarySchema>;
/** One sent notification. */
export type NotificationSmtpLog = z.output<typeof NotificationSmtpLogSchema>;
/** The template formats Crossbar stores beside a notification. */
export type NotificationTemplateFormat = 'text/html' | 'text/plain';

/**
 * What `notifications.preview()` takes: the configuration to render with, plus the templates
 * (`html` base64-encoded, `plain` as text).
 */
export type NotificationPreviewParams = Partial<NotificationCreateParams> & {
  readonly html?: string;
  readonly plain?: string;
  readonly [key: string]: unknown;
};

/**
 * What `notifications.customerUpdate()` takes: whom to send to (`recipient_id`: an account;
 * `user_type`: `all_users`, `admins_only` (the default) or a user id) and the message
 * (`subject`, `html` base64-encoded, `plain`).
 */
export interface CustomerUpdateParams {
  readonly recipient_id?: string;
  readonly user_type?: string;
  readonly subject?: string;
  readonly from?: string;
  readonly html?: string;
  readonly plain?: string;
  readonly [key: string]: unknown;
}
