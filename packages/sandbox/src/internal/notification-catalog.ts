import type { JsonObject } from './json';

/** The template formats a notification may have, as Crossbar names its attachments (`template.<type>`). */
export const TEMPLATE_FORMATS: readonly string[] = ['text/html', 'text/plain'];

/** One system notification: what an account may customise. */
export interface SystemNotification {
  readonly id: string;
  readonly category: string;
  readonly friendlyName: string;
  readonly subject: string;
  /** Who receives it by default: the user concerned (`original`) or the account's admins. */
  readonly to: 'original' | 'admins';
  /** Macro names beyond the account and user ones every template has. */
  readonly macros: readonly string[];
}

const CALLER = ['caller_id.name', 'caller_id.number', 'call_id'];
const FAX = ['fax.id', 'fax.remote_station_id', 'fax.total_pages', 'caller_id.name', 'caller_id.number'];
const PORT = ['port_request.id', 'port_request.name', 'port_request.numbers'];
const BILLING = ['transaction.amount', 'transaction.id'];

function n(
  id: string,
  category: string,
  friendlyName: string,
  subject: string,
  to: SystemNotification['to'],
  macros: readonly string[] = [],
): SystemNotification {
  return { id, category, friendlyName, subject, to, macros };
}

/**
 * The system's notifications (teletype's templates, minus `skel`), by id. Categories follow
 * teletype's; subjects and macros are the sandbox's own short versions.
 */
export const SYSTEM_NOTIFICATIONS: readonly SystemNotification[] = [
  n('account_zone_change', 'account', 'Account Zone Change', 'Account {{account.name}} changed zone', 'admins', ['zones']),
  n('cnam_request', 'account', 'CNAM Request', 'CNAM request for {{number.number}}', 'admins', ['number.number', 'cnam.display_name']),
  n('customer_update', 'user', 'Customer update', 'News for {{account.name}}', 'original'),
  n('denied_emergency_bridge', 'account', 'Denied Emergency Bridge', 'Emergency call denied in {{account.name}}', 'admins', CALLER),
  n('deregister', 'sip', 'Deregister Notice', 'Lost registration of {{last_registration.username}}', 'admins', [
    'last_registration.username',
    'last_registration.user_agent',
  ]),
  n('emergency_bridge', 'account', 'Emergency Bridge', 'Emergency call from {{caller_id.number}}', 'admins', CALLER),
  n('fax_inbound_error_to_email', 'fax', 'Inbound Fax Negotiation Error to Email', 'Fax from {{caller_id.number}} failed', 'original', FAX),
  n(
    'fax_inbound_error_to_email_filtered',
    'fax',
    'Inbound Fax Receive Error to Email',
    'Fax from {{caller_id.number}} was not received',
    'original',
    FAX,
  ),
  n('fax_inbound_to_email', 'fax', 'Inbound Fax to Email', 'New fax from {{caller_id.number}}', 'original', FAX),
  n('fax_outbound_error_to_email', 'fax', 'Outbound Fax Error to Email', 'Fax to {{fax.to_number}} failed', 'original', FAX),
  n('fax_outbound_smtp_error_to_email', 'fax', 'Unable Processing Email-To-Fax', 'Your e-mail could not be faxed', 'original', FAX),
  n('fax_outbound_to_email', 'fax', 'Outbound Fax to Email', 'Fax to {{fax.to_number}} sent', 'original', FAX),
  n('first_occurrence', 'sip', 'First Occurrence', 'First {{occurrence}} in {{account.name}}', 'admins', ['occurrence']),
  n('low_balance', 'account', 'Low Balance', 'Low balance in {{account.name}}', 'admins', ['current_balance', 'threshold']),
  n('missed_call', 'sip', 'Missed Call', 'Missed call from {{caller_id.number}}', 'original', CALLER),
  n('new_account', 'account', 'New Account', 'Welcome to {{account.name}}', 'admins'),
  n('new_user', 'user', 'New User', 'Your new account on {{account.name}}', 'original', ['user.password']),
  n('number_feature_manual_action', 'account', 'Number Feature Manual Action Required', 'Action needed on {{number.number}}', 'admins', [
    'number.number',
    'feature',
  ]),
  n('password_recovery', 'user', 'Password Recovery', 'Reset your password', 'original', ['link']),
  n('port_cancel', 'port_request', 'Port Cancel', 'Port request {{port_request.name}} cancelled', 'original', PORT),
  n('port_comment', 'port_request', 'Port Comment', 'New comment on port request {{port_request.name}}', 'original', PORT),
  n('port_pending', 'port_request', 'Port Pending', 'Port request {{port_request.name}} is pending', 'original', PORT),
  n('port_rejected', 'port_request', 'Port Rejected', 'Port request {{port_request.name}} rejected', 'original', PORT),
  n('port_request', 'port_request', 'Port Request', 'Port request {{port_request.name}} submitted', 'original', PORT),
  n('port_request_admin', 'system', 'Admin Port Request', 'Port request {{port_request.name}} to review', 'admins', PORT),
  n('port_scheduled', 'port_request', 'Port Scheduled', 'Port request {{port_request.name}} scheduled', 'original', PORT),
  n('port_unconfirmed', 'port_request', 'Port Unconfirmed', 'Port request {{port_request.name}} needs you', 'original', PORT),
  n('ported', 'port_request', 'Port Successful', 'Port request {{port_request.name}} completed', 'original', PORT),
  n('service_added', 'account', 'Service Added', 'Services changed in {{account.name}}', 'admins'),
  n('system_alert', 'system', 'System Notification', 'System alert: {{message}}', 'admins', ['message']),
  n('topup', 'account', 'Top Up', 'Account {{account.name}} topped up', 'admins', BILLING),
  n('transaction', 'account', 'Transaction Success', 'Payment received for {{account.name}}', 'admins', BILLING),
  n('transaction_failed', 'account', 'Transaction Problem', 'Payment failed for {{account.name}}', 'admins', BILLING),
  n('voicemail_full', 'voicemail', 'Full Voicemail Box', 'Voicemail box {{voicemail.vmbox_name}} is full', 'original', [
    'voicemail.vmbox_name',
    'voicemail.max_messages',
  ]),
  n('voicemail_to_email', 'voicemail', 'Voicemail To Email', 'New voicemail from {{caller_id.name}} ({{caller_id.number}})', 'original', [
    ...CALLER,
    'voicemail.vmbox_id',
    'voicemail.length',
  ]),
  n('webhook_disabled', 'webhook', 'Webhook Auto-Disabled', 'Webhook {{hook.name}} was disabled', 'admins', ['hook.name', 'hook.uri']),
];

const BY_ID = new Map(SYSTEM_NOTIFICATIONS.map((s) => [s.id, s]));

/** A system notification by id (without the `notification.` prefix). */
export function systemNotification(id: string): SystemNotification | undefined {
  return BY_ID.get(id);
}

const COMMON_MACROS = ['account.name', 'account.id', 'user.first_name', 'user.last_name', 'user.email'];

function macroLabel(name: string): string {
  return name
    .split(/[._]/)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join(' ');
}

/** The `macros` object of a system notification: `{ "<name>": { i18n_label, friendly_name, description } }`. */
export function systemMacros(s: SystemNotification): JsonObject {
  const out: JsonObject = {};
  for (const name of [...COMMON_MACROS, ...s.macros]) {
    const label = macroLabel(name);
    out[name] = { i18n_label: name.replaceAll('.', '_'), friendly_name: label, description: label };
  }
  return out;
}

/** The public system document, as `GET /v2/notifications/{ID}` shows it (no `templates`). */
export function systemDocument(s: SystemNotification): JsonObject {
  return {
    id: s.id,
    category: s.category,
    friendly_name: s.friendlyName,
    enabled: true,
    from: 'no_reply@sandbox.local',
    subject: s.subject,
    to: { type: s.to, email_addresses: [] },
    cc: { type: 'specified', email_addresses: [] },
    bcc: { type: 'specified', email_addresses: [] },
    template_charset: 'utf-8',
    macros: systemMacros(s),
  };
}

/** The system's default body of one format: a title and one line per macro. */
export function systemTemplate(s: SystemNotification, format: string): string {
  const macros = [...COMMON_MACROS, ...s.macros];
  if (format === 'text/plain') return `${s.friendlyName}\n\n${macros.map((m) => `${macroLabel(m)}: {{${m}}}`).join('\n')}\n`;
  const rows = macros.map((m) => `<tr><td>${macroLabel(m)}</td><td>{{${m}}}</td></tr>`).join('');
  return `<html><body><h2>${s.friendlyName}</h2><table>${rows}</table></body></html>\n`;
}
