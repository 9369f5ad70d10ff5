import { type CallOptions, InvalidArgumentError, type ListParams, type PagePromise } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { listCheck } from '../internal/list-check.js';
import { checkBody, collection, ResourceBase } from '../internal/resource-base.js';
import type {
  CustomerUpdateParams,
  Notification,
  NotificationCreateParams,
  NotificationPreviewParams,
  NotificationSmtpLog,
  NotificationSummary,
  NotificationTemplateFormat,
} from '../schemas/notifications.js';

const NOTIFICATIONS = 'accounts/{account_id}/notifications';
const FORMATS: readonly string[] = ['text/html', 'text/plain'];
const schemas = lazy(async () => {
  const m = await import('../schemas/notifications.js');
  return { document: m.NotificationSchema, summary: m.NotificationSummarySchema };
});

const SPEC = collection(NOTIFICATIONS, 'notification', schemas);

/**
 * What `Notifications.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { NotificationListParams } from '@audian/resources';
 *
 * const params: NotificationListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface NotificationListParams extends ListParams {}

/**
 * E-mail notification templates: the account's overrides (`/v2/accounts/{ACCOUNT_ID}/notifications`)
 * and the system defaults (`/v2/notifications`). Each notification has a JSON configuration and
 * `text/html` / `text/plain` templates, read and written with those content types.
 *
 * @example
 * ```ts
 * const base = await audian.notifications.getSystem('voicemail_to_email');
 * await audian.notifications.create({ ...base, subject: 'New voicemail from {{caller_id.name}}' });
 * await audian.notifications.updateTemplate('voicemail_to_email', 'text/plain', 'You have a new message.');
 * ```
 */
export class Notifications extends ResourceBase {
  /** Lists the notifications as the account sees them (`account_overridden` marks its own). `GET /v2/accounts/{ACCOUNT_ID}/notifications` */
  list(params?: NotificationListParams, options?: CallOptions): PagePromise<NotificationSummary> {
    return this._list(SPEC, params, options);
  }

  /**
   * Fetches a notification's configuration (the account's copy, or the system's).
   * `GET /v2/accounts/{ACCOUNT_ID}/notifications/{NOTIFICATION_ID}`
   *
   * @throws NotFoundError when there is no such notification
   */
  get(notificationId: string, options?: CallOptions): APIPromise<Notification> {
    return this._get(SPEC, notificationId, options);
  }

  /**
   * Creates an account override of a system notification (`id` names it).
   * `PUT /v2/accounts/{ACCOUNT_ID}/notifications`
   *
   * @throws InvalidArgumentError (before any request) when `from`, `subject` or `to` is missing or a field has the wrong type
   */
  create(notification: NotificationCreateParams, options?: CallOptions): APIPromise<Notification> {
    return this._create(SPEC, notification, options);
  }

  /**
   * Replaces the account's configuration of a notification.
   * `POST /v2/accounts/{ACCOUNT_ID}/notifications/{NOTIFICATION_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  update(notificationId: string, notification: NotificationCreateParams, options?: CallOptions): APIPromise<Notification> {
    return this._update(SPEC, notificationId, notification, options);
  }

  /** Deletes the account's override (the system default applies again). `DELETE /v2/accounts/{ACCOUNT_ID}/notifications/{NOTIFICATION_ID}` */
  delete(notificationId: string, options?: CallOptions): APIPromise<Notification> {
    return this._delete(SPEC, notificationId, options);
  }

  /**
   * Reads one template of a notification (`Accept: text/html` or `text/plain`).
   * `GET /v2/accounts/{ACCOUNT_ID}/notifications/{NOTIFICATION_ID}`
   *
   * @throws InvalidArgumentError (before any request) when `format` is not `text/html` or `text/plain`
   * @throws ApiError (406) when the notification has no template of that format
   */
  async template(notificationId: string, format: NotificationTemplateFormat, options?: CallOptions): Promise<string> {
    checkFormat(format);
    const body = await this.fetchBinary(`${NOTIFICATIONS}/{id}`, { pathParams: { id: notificationId }, accept: format, options });
    return body.text();
  }

  /**
   * Writes one template of a notification (`Content-Type: text/html` or `text/plain`).
   * `POST /v2/accounts/{ACCOUNT_ID}/notifications/{NOTIFICATION_ID}`
   *
   * @throws InvalidArgumentError (before any request) when `format` is not `text/html` or `text/plain`
   */
  updateTemplate(notificationId: string, format: NotificationTemplateFormat, template: string, options?: CallOptions): APIPromise<unknown> {
    checkFormat(format);
    if (typeof template !== 'string') throw new InvalidArgumentError('template', 'template must be a string');
    return this.call('POST', `${NOTIFICATIONS}/{id}`, { pathParams: { id: notificationId }, body: template, contentType: format, options });
  }

  /**
   * Renders a notification with a trial configuration and sends it to `to` without saving it.
   * `POST /v2/accounts/{ACCOUNT_ID}/notifications/{NOTIFICATION_ID}/preview`
   */
  preview(notificationId: string, preview: NotificationPreviewParams, options?: CallOptions): APIPromise<unknown> {
    return this.call('POST', `${NOTIFICATIONS}/{id}/preview`, { pathParams: { id: notificationId }, data: preview, options });
  }

  /** Lists the notifications sent (time-ranged). `GET /v2/accounts/{ACCOUNT_ID}/notifications/smtplog` */
  smtpLogs(params?: ListParams, options?: CallOptions): PagePromise<NotificationSmtpLog> {
    return this.pages(`${NOTIFICATIONS}/smtplog`, params, { options, schema: listCheck() });
  }

  /**
   * Fetches one sent notification's log. `GET /v2/accounts/{ACCOUNT_ID}/notifications/smtplog/{SMTP_LOG_ID}`
   *
   * @throws NotFoundError when there is no such log
   */
  smtpLog(logId: string, options?: CallOptions): APIPromise<NotificationSmtpLog> {
    return this.call('GET', `${NOTIFICATIONS}/smtplog/{id}`, { pathParams: { id: logId }, options });
  }

  /**
   * Sends the "customer update" message to the users of the reseller's accounts (or of one
   * account: `recipient_id`). `POST /v2/accounts/{ACCOUNT_ID}/notifications/customer_update/message`
   */
  customerUpdate(message: CustomerUpdateParams, options?: CallOptions): APIPromise<unknown> {
    return this.call('POST', `${NOTIFICATIONS}/customer_update/message`, { data: message, options });
  }

  /**
   * Deletes every notification override of the account.
   * `DELETE /v2/accounts/{ACCOUNT_ID}/notifications` with `{"action":"remove_customizations"}`
   */
  deleteCustomizations(options?: CallOptions): APIPromise<unknown> {
    return this.call('DELETE', NOTIFICATIONS, { envelope: { action: 'remove_customizations' }, data: {}, options });
  }

  /**
   * Replaces every notification of the account with the system's.
   * `PUT /v2/accounts/{ACCOUNT_ID}/notifications` with `{"action":"force_system"}`
   */
  forceSystem(options?: CallOptions): APIPromise<unknown> {
    return this.call('PUT', NOTIFICATIONS, { envelope: { action: 'force_system' }, data: {}, options });
  }

  /** Lists the system's notifications (the defaults accounts may override). `GET /v2/notifications` */
  listSystem(params?: ListParams, options?: CallOptions): PagePromise<NotificationSummary> {
    return this.pages('notifications', params, { options, schema: listCheck() });
  }

  /**
   * Fetches a system notification. `GET /v2/notifications/{NOTIFICATION_ID}`
   *
   * @throws NotFoundError when there is no such notification
   */
  getSystem(notificationId: string, options?: CallOptions): APIPromise<Notification> {
    return this.call('GET', 'notifications/{id}', { pathParams: { id: notificationId }, options });
  }

  /**
   * Creates a system notification (super-admins only). `PUT /v2/notifications`
   *
   * @throws InvalidArgumentError (before any request) when `from`, `subject` or `to` is missing or a field has the wrong type
   */
  createSystem(notification: NotificationCreateParams, options?: CallOptions): APIPromise<Notification> {
    return APIPromise.after(checkBody(schemas, notification, 'full', 'notification'), () =>
      this.call('PUT', 'notifications', { data: notification, options }),
    );
  }
}

function checkFormat(format: string): void {
  if (!FORMATS.includes(format)) {
    throw new InvalidArgumentError('format', `format must be text/html or text/plain, got ${JSON.stringify(format)}`);
  }
}

export type {
  CustomerUpdateParams,
  Notification,
  NotificationCreateParams,
  NotificationPreviewParams,
  NotificationSmtpLog,
  NotificationSummary,
  NotificationTemplateFormat,
} from '../schemas/notifications.js';
