import { NotificationSchema } from '@audian/resources/schemas';
import * as z from 'zod/mini';
import { treeOf } from '../accounts-def';
import { isSuperDuperAdmin, requireSuperDuperAdmin } from '../billing-rights';
import { isBinaryUpload } from '../binary-body';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifier, CrossbarError, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { newModbId } from '../ids';
import { compact, getPath, isObject, type JsonObject, publicDoc, stripReserved } from '../json';
import { listFilter, rangedListing } from '../listing';
import { SYSTEM_NOTIFICATIONS, systemDocument, systemNotification, systemTemplate, TEMPLATE_FORMATS } from '../notification-catalog';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
import type { StoredDoc } from '../store';

/** KAZOO stores a notification as `notification.<id>` and answers with the bare id (`kz_notification:db_id/1`). */
const PREFIX = 'notification.';
const dbId = (id: string): string => (id.startsWith(PREFIX) ? id : `${PREFIX}${id}`);
const respId = (id: string): string => (id.startsWith(PREFIX) ? id.slice(PREFIX.length) : id);
/** The attachment a template of one format is kept under (`template.text/html`). */
const attachmentName = (format: string): string => `template.${format}`;

/** An account's notification documents (its customisations, or notifications of its own). */
export const NOTIFICATIONS: ResourceDef = {
  name: 'notifications',
  type: 'notification',
  schema: NotificationSchema,
  collectionVerbs: ['GET', 'PUT', 'DELETE'],
  itemVerbs: ['GET', 'POST', 'DELETE'],
  summary: (doc) => listingRow({ ...publicDoc(doc), id: respId(String(doc._id)) }),
  sortKey: (doc) => String(doc._id),
  view: (doc) => ({ ...doc, id: respId(String(doc.id)) }),
};

/** Sent notifications (`notify_smtp_log`, in the MODB): the sandbox writes one per preview. */
const SMTP_LOGS: ResourceDef = {
  name: 'smtplog',
  type: 'notify_smtp_log',
  schema: z.looseObject({}),
  collectionVerbs: ['GET'],
  itemVerbs: ['GET'],
  summary: (doc) =>
    compact({
      id: doc._id,
      template_id: doc.template_id,
      from: getPath(doc, 'emails.from'),
      to: first(getPath(doc, 'emails.to')),
      error: doc.error,
      subject: doc.subject,
      created: doc.pvt_created,
      receipt: doc.receipt,
    }),
  sortKey: (doc) => Number(doc.pvt_created),
};

/** `list[0]`, as the views emit it. */
function first(list: unknown): unknown {
  return Array.isArray(list) ? list[0] : undefined;
}

/** The `notifications/crossbar_listing` view's value. */
function listingRow(doc: JsonObject): JsonObject {
  return compact({ id: doc.id, category: doc.category, friendly_name: doc.friendly_name, macros: doc.macros, enabled: doc.enabled });
}

function own(engine: Engine, accountId: string, id: string): StoredDoc | undefined {
  const doc = engine.store.get(accountId, dbId(id));
  return doc && !doc.deleted && doc.type === NOTIFICATIONS.type ? doc : undefined;
}

/**
 * `?KZ_CONFIG_DB`, where KAZOO keeps the system's notifications (`cb_notifications:read_system/2`).
 * The catalogue stands in for what teletype writes there on a fresh install; a catalogue entry is
 * copied into this database the first time the super-duper admin changes it.
 */
const SYSTEM_DB = 'system_config';

/** A system notification's public document: the stored one, else the catalogue's. */
function systemDoc(engine: Engine, id: string): JsonObject | undefined {
  const stored = own(engine, SYSTEM_DB, id);
  if (stored) return { ...publicDoc(stored.body), id };
  const entry = systemNotification(id);
  return entry ? systemDocument(entry) : undefined;
}

/** Every system notification id: the catalogue's and those `PUT /v2/notifications` added. */
function systemIds(engine: Engine): string[] {
  const ids = new Set(SYSTEM_NOTIFICATIONS.map((s) => s.id));
  for (const doc of engine.store.children(SYSTEM_DB, NOTIFICATIONS.type, '')) ids.add(respId(doc.id));
  return [...ids].sort();
}

/**
 * The system notifications a login sees listed (`cb_notifications:select_normalize_fun/1`): the
 * `system` category is the super-duper admin's only.
 */
function available(engine: Engine, req: SandboxRequest): JsonObject[] {
  const admin = req.auth ? isSuperDuperAdmin(engine, req.auth.accountId) : false;
  return systemIds(engine)
    .map((id) => systemDoc(engine, id) as JsonObject)
    .filter((doc) => admin || doc.category !== 'system');
}

/** The system's templates of a notification: the stored document's attachments, else the catalogue's. */
function systemTemplates(engine: Engine, id: string): Map<string, Template> {
  const out = new Map<string, Template>();
  const stored = own(engine, SYSTEM_DB, id);
  if (stored) {
    for (const format of TEMPLATE_FORMATS) {
      const att = engine.store.attachment(SYSTEM_DB, stored.id, attachmentName(format));
      if (att) out.set(format, att);
    }
    return out;
  }
  const entry = systemNotification(id);
  if (entry)
    for (const format of TEMPLATE_FORMATS) out.set(format, { contentType: format, data: Buffer.from(systemTemplate(entry, format)) });
  return out;
}

/** Where a notification is read from: the account, then its parents up to its reseller (`cb_notifications:read/3`). */
function lookupChain(engine: Engine, accountId: string): string[] {
  const account = engine.account(accountId);
  if (!account) return [accountId];
  const reseller = engine.resellerOf(account);
  const chain = [accountId];
  if (reseller === accountId) return chain;
  for (const parent of treeOf(account.body).reverse()) {
    chain.push(parent);
    if (parent === reseller) break;
  }
  return chain;
}

interface Template {
  readonly contentType: string;
  readonly data: Buffer;
}

/** The templates a notification has: its own, else the nearest ancestor's, else the system's (`merge_ancestor_attachments`). */
function templatesOf(engine: Engine, chain: readonly string[], id: string): Map<string, Template> {
  for (const accountId of chain) {
    const doc = own(engine, accountId, id);
    if (!doc) continue;
    const found = new Map<string, Template>();
    for (const format of TEMPLATE_FORMATS) {
      const att = engine.store.attachment(accountId, doc.id, attachmentName(format));
      if (att) found.set(format, att);
    }
    if (found.size > 0) return found;
  }
  return systemTemplates(engine, id);
}

/** The `templates` key of an answer: each format's length. */
function templateLengths(templates: Map<string, Template>): JsonObject {
  const out: JsonObject = {};
  for (const [format, t] of templates) out[format] = { length: t.data.length };
  return out;
}

/** Which format the client asked for (`Accept`, or `?accept=`), if it is a template's rather than JSON. */
function templateFormat(req: SandboxRequest): string | undefined {
  const accept = String(req.query.accept ?? req.headers.accept ?? '').toLowerCase();
  for (const part of accept.split(',')) {
    const type = (part.split(';')[0] ?? '').trim();
    if (type === 'application/json' || type === 'application/x-json' || type === '*/*') return undefined;
    if (TEMPLATE_FORMATS.includes(type)) return type;
  }
  return undefined;
}

/**
 * A notification as the account sees it: its own document (`account_overridden` when it
 * customises a system notification, `account_defined` otherwise), a parent's, or the system's.
 */
function read(
  engine: Engine,
  accountId: string,
  id: string,
): { data: JsonObject; rev: string | undefined; templates: Map<string, Template> } {
  const chain = lookupChain(engine, accountId);
  for (const holder of chain) {
    const doc = own(engine, holder, id);
    if (!doc) continue;
    const flag = systemDoc(engine, id) ? { account_overridden: true } : { account_defined: true };
    return { data: { ...publicDoc(doc.body), id, ...flag }, rev: String(doc.body._rev), templates: templatesOf(engine, chain, id) };
  }
  const system = systemDoc(engine, id);
  if (!system) throw badIdentifier(dbId(id));
  return { data: system, rev: undefined, templates: systemTemplates(engine, id) };
}

/** `macros` are the system document's (`set_system_macros`; `customer_update`'s for a notification the system lacks). */
function macrosFor(engine: Engine, id: string): JsonObject {
  const system = systemDoc(engine, id) ?? systemDoc(engine, 'customer_update');
  return isObject(system?.macros) ? system.macros : {};
}

/** The request's configuration without what the system owns (`clean_req_doc`). */
function cleaned(data: unknown): unknown {
  if (!isObject(data)) return data;
  const { macros: _macros, templates: _templates, ...rest } = stripReserved(data);
  return rest;
}

function withMacros(engine: Engine, id: string): ResourceDef {
  return {
    ...NOTIFICATIONS,
    prepare(doc) {
      doc.macros = macrosFor(engine, id);
      return undefined;
    },
  };
}

function notificationReply(doc: StoredDoc, status = 200, headers: Record<string, string> = {}): Reply {
  const rev = String(doc.body._rev);
  return {
    status,
    data: { ...publicDoc(doc.body), id: respId(doc.id) },
    envelope: { revision: rev },
    headers: { etag: `"${rev}"`, ...headers },
  };
}

/**
 * Copies a system notification and its templates into a database (`migrate_template_to_account`;
 * into `system_config` itself when a catalogue entry is first changed).
 */
function migrate(engine: Engine, accountId: string, id: string): StoredDoc {
  const { id: _id, ...body } = systemDoc(engine, id) as JsonObject;
  const templates = systemTemplates(engine, id);
  const doc = engine.docs.create(withMacros(engine, id), accountId, body, { id: dbId(id) });
  for (const [format, t] of templates) engine.store.putAttachment(accountId, doc.id, attachmentName(format), t.contentType, t.data);
  return doc;
}

/** Hard-deletes an account's notification and its templates. */
function erase(engine: Engine, accountId: string, doc: StoredDoc): StoredDoc {
  for (const format of TEMPLATE_FORMATS) engine.store.deleteAttachment(accountId, doc.id, attachmentName(format));
  return engine.docs.remove(NOTIFICATIONS, accountId, doc.id);
}

/** A request value as `cb_context:req_value/2` reads it: the data, then the query string, then the envelope. */
function reqValue(req: SandboxRequest, key: string): unknown {
  if (isObject(req.data) && req.data[key] !== undefined) return req.data[key];
  return req.query[key] ?? req.envelope[key];
}

function unknownAction(action: unknown): CrossbarError {
  const key = typeof action === 'string' ? action : 'action';
  return validationError({ [key]: { forbidden: compact({ cause: action, message: 'Unknown mutation action' }) } });
}

/** `GET …/notifications`: the system's notifications merged with the account's own documents. */
function listAccount(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const rows = new Map<string, JsonObject>();
  for (const doc of available(engine, req)) rows.set(String(doc.id), listingRow(doc));
  for (const doc of engine.store.children(accountId, NOTIFICATIONS.type, '')) {
    const row = NOTIFICATIONS.summary(doc.body) as JsonObject;
    const id = String(row.id);
    const master = systemDoc(engine, id);
    rows.set(
      id,
      master
        ? { ...row, friendly_name: master.friendly_name, macros: master.macros, account_overridden: true }
        : { ...row, account_defined: true },
    );
  }
  const filter = listFilter(req);
  const data = [...rows.values()].filter((r) => !filter || filter(r)).sort((a, b) => String(a.id).localeCompare(String(b.id)));
  return { data, envelope: { revision: 'automatic' } };
}

/**
 * The id a `PUT` names, without its `notification.` prefix. Without one,
 * `cb_notifications:on_successful_validation/2` looks the template up in the system config under
 * `kz_notification:db_id/1` = `undefined`, which the datastore refuses (`kz_couch_doc:do_fetch_doc/3`:
 * `empty_doc_id`): once the request passed the schema, KAZOO answers
 * `crossbar_util:response_db_fatal/1`, 503 `datastore fatal error`. An id that is not a usable
 * string stays the sandbox's 400 `id.required`.
 */
function newName(engine: Engine, req: SandboxRequest, db: string): string {
  const id = isObject(req.data) ? req.data.id : undefined;
  if (id === undefined) {
    engine.docs.validate(NOTIFICATIONS, db, cleaned(req.data), undefined);
    throw new CrossbarError(503, 'datastore fatal error', {});
  }
  if (typeof id !== 'string' || respId(id) === '') {
    throw validationError({ id: { required: { message: 'Field is required but missing' } } });
  }
  return respId(id);
}

/** `PUT …/notifications`: a customisation of a system notification (or one of the account's own), with the system's macros. */
function create(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  const name = newName(engine, req, accountId);
  // Crossbar saves without a revision: a second PUT of the same id conflicts.
  if (own(engine, accountId, name)) throw new CrossbarError(409, 'datastore_conflict', { message: 'conflicting documents' });
  const doc = engine.docs.create(withMacros(engine, name), accountId, cleaned(req.data), { id: dbId(name) });
  const base = req.path.endsWith('/') ? req.path.slice(0, -1) : req.path;
  return notificationReply(doc, 201, { location: `${base}/${encodeURIComponent(name)}` });
}

/** `DELETE …/notifications` with `remove_customizations`: every document of the account goes. */
function removeCustomizations(engine: Engine, accountId: string): JsonObject {
  const docs = engine.store.children(accountId, NOTIFICATIONS.type, '');
  if (docs.length === 0) return { message: 'no template customization(s) found' };
  const out: JsonObject = {};
  for (const doc of docs) {
    erase(engine, accountId, doc);
    out[respId(doc.id)] = 'deleted';
  }
  return out;
}

/** `PUT …/notifications` with `force_system`: the account's documents replaced by copies of the system's. */
function forceSystem(engine: Engine, accountId: string): JsonObject {
  removeCustomizations(engine, accountId);
  const out: JsonObject = {};
  for (const id of systemIds(engine)) {
    migrate(engine, accountId, id);
    out[id] = 'replaced';
  }
  return out;
}

/** `GET|PUT|DELETE …/notifications`. */
function notifications(engine: Engine, req: SandboxRequest, accountId: string): Reply {
  if (req.method === 'GET') return listAccount(engine, req, accountId);
  const action = reqValue(req, 'action');
  if (req.method === 'PUT' && action === undefined) return create(engine, req, accountId);
  if (req.method === 'PUT' && action === 'force_system') return { data: forceSystem(engine, accountId) };
  if (req.method === 'DELETE' && action === 'remove_customizations') return { data: removeCustomizations(engine, accountId) };
  throw unknownAction(action);
}

/** `GET …/notifications/{ID}`: the configuration, or with `Accept: text/html|text/plain` that template (406 when it has none). */
function get(engine: Engine, req: SandboxRequest, accountId: string, id: string): Reply {
  const found = read(engine, accountId, id);
  const format = templateFormat(req);
  if (format === undefined) {
    const data = { ...found.data, templates: templateLengths(found.templates) };
    return { data, envelope: { revision: found.rev ?? 'undefined' }, headers: found.rev ? { etag: `"${found.rev}"` } : {} };
  }
  const template = found.templates.get(format);
  // Crossbar offers only the formats the notification has: anything else is not acceptable.
  if (!template) throw new CrossbarError(406, 'not_acceptable', { message: 'not acceptable' });
  const ext = format === 'text/html' ? 'html' : 'txt';
  return {
    raw: { body: template.data, contentType: template.contentType },
    headers: { 'content-disposition': `attachment; filename=${id}.${ext}` },
  };
}

/** `POST …/notifications/{ID}`: replaces the configuration (JSON) or one template (`text/html`, `text/plain`). */
function update(engine: Engine, req: SandboxRequest, accountId: string, id: string): Reply {
  const existing = own(engine, accountId, id);
  const system = systemDoc(engine, id) !== undefined;
  if (TEMPLATE_FORMATS.includes(req.contentType)) {
    // A template upload copies the system's notification into the account first (`system_migrate`).
    const doc = existing ?? (system ? migrate(engine, accountId, id) : undefined);
    if (!doc) throw badIdentifier(dbId(id));
    engine.store.putAttachment(accountId, doc.id, attachmentName(req.contentType), req.contentType, Buffer.from(req.body));
    // Storing an attachment gives the document a new revision in CouchDB.
    const saved = engine.docs.save(NOTIFICATIONS, doc, { ...doc.body });
    return { data: {}, envelope: { revision: String(saved.body._rev) } };
  }
  read(engine, accountId, id);
  const def = withMacros(engine, id);
  if (existing) return notificationReply(engine.docs.replace(def, accountId, existing.id, cleaned(req.data)));
  if (!system) throw badIdentifier(dbId(id));
  // Validate before the system copy is made, so a bad request leaves the account untouched.
  engine.docs.validate(def, accountId, cleaned(req.data), undefined);
  const migrated = migrate(engine, accountId, id);
  return notificationReply(engine.docs.replace(def, accountId, migrated.id, cleaned(req.data)));
}

/** `DELETE …/notifications/{ID}`: the account's document (JSON), or one of its templates (`Content-Type: text/…`). */
function remove(engine: Engine, req: SandboxRequest, accountId: string, id: string): Reply {
  const doc = own(engine, accountId, id);
  if (!doc) throw badIdentifier(dbId(id));
  if (TEMPLATE_FORMATS.includes(req.contentType)) {
    const name = attachmentName(req.contentType);
    if (!engine.store.attachment(accountId, doc.id, name))
      throw new CrossbarError(404, 'bad_identifier', { cause: req.contentType, message: 'bad identifier' });
    engine.store.deleteAttachment(accountId, doc.id, name);
    return { data: {}, envelope: { revision: String(doc.body._rev) } };
  }
  const removed = erase(engine, accountId, doc);
  return { data: { ...publicDoc(removed.body), id }, envelope: { revision: String(removed.body._rev) } };
}

/** `GET|POST|DELETE …/notifications/{ID}`. */
function notification(engine: Engine, req: SandboxRequest, accountId: string, id: string): Reply {
  if (req.method === 'GET') return get(engine, req, accountId, id);
  if (req.method === 'POST') return update(engine, req, accountId, id);
  return remove(engine, req, accountId, id);
}

/** `{{ name }}` replaced by its value, or by nothing (as mustache renders an unknown macro). */
function render(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_m, name: string) => values[name] ?? '');
}

/** The values a preview renders with: the account's and the caller's own. */
function previewValues(engine: Engine, req: SandboxRequest, accountId: string): Record<string, string> {
  const account = engine.account(accountId)?.body ?? {};
  const ownerId = req.auth?.ownerId;
  const user = ownerId ? (engine.store.get(req.auth?.accountId ?? accountId, ownerId)?.body ?? {}) : {};
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  return {
    'account.name': str(account.name),
    'account.id': accountId,
    'account.realm': str(account.realm),
    'user.first_name': str(user.first_name),
    'user.last_name': str(user.last_name),
    'user.email': str(user.email),
  };
}

/**
 * `POST …/notifications/{ID}/preview`: validates the trial configuration, "sends" it (nothing
 * leaves the sandbox) and answers 202 as Crossbar does; the rendered message is kept in the SMTP log.
 */
function preview(engine: Engine, req: SandboxRequest, accountId: string, id: string): Reply {
  const config = engine.docs.validate(NOTIFICATIONS, accountId, cleaned(req.data), undefined);
  const chain = lookupChain(engine, accountId);
  const stored = templatesOf(engine, chain, id);
  const values = previewValues(engine, req, accountId);
  const html =
    typeof config.html === 'string' ? Buffer.from(config.html, 'base64').toString('utf8') : stored.get('text/html')?.data.toString('utf8');
  const plain = typeof config.plain === 'string' ? config.plain : stored.get('text/plain')?.data.toString('utf8');
  const addresses = (field: unknown): string[] => {
    const list = isObject(field) ? field.email_addresses : undefined;
    return Array.isArray(list) ? list.filter((a): a is string => typeof a === 'string') : [];
  };
  engine.docs.create(
    SMTP_LOGS,
    accountId,
    compact({
      template_id: id,
      template_account_id: accountId,
      account_id: accountId,
      subject: render(String(config.subject), values),
      emails: compact({ from: config.from, to: addresses(config.to), cc: addresses(config.cc), bcc: addresses(config.bcc) }),
      rendered_templates: compact({
        'text/html': html === undefined ? undefined : render(html, values),
        'text/plain': plain === undefined ? undefined : render(plain, values),
      }),
      receipt: 'sandbox: not sent',
    }),
    { id: newModbId(engine.clock.unix()) },
  );
  return { status: 202, data: 'Notification processing', envelope: { revision: 'automatic' } };
}

/** `GET …/notifications/smtplog` (time-ranged) and `…/smtplog/{ID}` (a MODB id). */
function notificationSmtpLogs(engine: Engine, req: SandboxRequest, accountId: string, id?: string): Reply {
  if (id === undefined) return rangedListing(engine, req, accountId, SMTP_LOGS);
  if (!/^\d{6}-/.test(id)) throw badIdentifier(id);
  const doc = engine.docs.load(accountId, SMTP_LOGS, id);
  return { data: publicDoc(doc.body), envelope: { revision: String(doc.body._rev) } };
}

/** `POST …/notifications/customer_update/message`: accepted; the sandbox sends no e-mail and logs none. */
function customerUpdate(): Reply {
  return { data: {} };
}

/**
 * `GET /v2/notifications` (`cb_notifications:summary_account/1` run on `system_config`): the
 * system's notifications the login may see. KAZOO merges that listing with itself
 * (`merge_available/2`), so every row comes back marked `account_overridden`.
 */
function listSystem(engine: Engine, req: SandboxRequest): Reply {
  const filter = listFilter(req);
  const data = available(engine, req)
    .map((doc) => ({ ...listingRow(doc), account_overridden: true }))
    .filter((r) => !filter || filter(r));
  return { data, envelope: { revision: 'automatic' } };
}

/** `GET /v2/notifications/{ID}` (`cb_notifications:read_system/2`): any login may read a system notification. */
function getSystem(engine: Engine, req: SandboxRequest, id: string): Reply {
  const doc = systemDoc(engine, id);
  if (!doc) throw badIdentifier(dbId(id));
  const templates = systemTemplates(engine, id);
  const format = templateFormat(req);
  if (format !== undefined) {
    const template = templates.get(format);
    if (!template) throw new CrossbarError(406, 'not_acceptable', { message: 'not acceptable' });
    const ext = format === 'text/html' ? 'html' : 'txt';
    return {
      raw: { body: template.data, contentType: template.contentType },
      headers: { 'content-disposition': `attachment; filename=${id}.${ext}` },
    };
  }
  const stored = own(engine, SYSTEM_DB, id);
  const rev = stored ? String(stored.body._rev) : undefined;
  return {
    data: { ...doc, templates: templateLengths(templates) },
    envelope: { revision: rev ?? 'undefined' },
    headers: rev ? { etag: `"${rev}"` } : {},
  };
}

/** `cb_notifications:validate_action/4` without an account: no mutation action applies to the system's notifications. */
function topLevelAction(action: unknown): CrossbarError {
  const key = typeof action === 'string' ? action : 'action';
  return validationError({ [key]: { forbidden: { message: 'Can not perform mutation action on top-level notification templates' } } });
}

/**
 * `PUT /v2/notifications` (`cb_notifications:create/1`, `on_successful_validation/2`,
 * `handle_missing_system_config_notification/3`): a new system notification, checked against the
 * notifications schema, with `customer_update`'s macros. Its id is saved without a revision, so an
 * id the system already has conflicts (409).
 */
function createSystem(engine: Engine, req: SandboxRequest): Reply {
  const action = reqValue(req, 'action');
  if (action !== undefined) throw topLevelAction(action);
  const name = newName(engine, req, SYSTEM_DB);
  const def = withMacros(engine, name);
  engine.docs.validate(def, SYSTEM_DB, cleaned(req.data), undefined);
  if (systemDoc(engine, name)) throw new CrossbarError(409, 'datastore_conflict', { message: 'conflicting documents' });
  const doc = engine.docs.create(def, SYSTEM_DB, cleaned(req.data), { id: dbId(name) });
  const base = req.path.endsWith('/') ? req.path.slice(0, -1) : req.path;
  return notificationReply(doc, 201, { location: `${base}/${encodeURIComponent(name)}` });
}

/**
 * `POST /v2/notifications/{ID}` (`cb_notifications:maybe_update/2`): JSON replaces the system
 * document's configuration (`crossbar_doc:load_merge/3`, its macros and templates kept); a
 * `text/html` or `text/plain` body replaces that template (`update_template/3`). 404 for an id the
 * system lacks.
 */
function updateSystem(engine: Engine, req: SandboxRequest, id: string): Reply {
  if (!systemDoc(engine, id)) throw badIdentifier(dbId(id));
  if (TEMPLATE_FORMATS.includes(req.contentType)) {
    const doc = own(engine, SYSTEM_DB, id) ?? migrate(engine, SYSTEM_DB, id);
    engine.store.putAttachment(SYSTEM_DB, doc.id, attachmentName(req.contentType), req.contentType, Buffer.from(req.body));
    const saved = engine.docs.save(NOTIFICATIONS, doc, { ...doc.body });
    return { data: {}, envelope: { revision: String(saved.body._rev) } };
  }
  const def = withMacros(engine, id);
  // Validate before a catalogue entry is copied, so a bad request changes nothing.
  engine.docs.validate(def, SYSTEM_DB, cleaned(req.data), undefined);
  const doc = own(engine, SYSTEM_DB, id) ?? migrate(engine, SYSTEM_DB, id);
  return notificationReply(engine.docs.replace(def, SYSTEM_DB, doc.id, cleaned(req.data)));
}

/** `cb_notifications:disallow_delete/2`: the system's notifications are never deleted. */
function deleteSystem(id: string): never {
  const name = respId(id);
  throw validationError({ [name]: { forbidden: { target: name, message: 'Top-level notification template cannot be deleted' } } });
}

/**
 * `/v2/notifications[/{ID}]`. `cb_notifications:authorize/3`: reads are open to every login, any
 * other verb is the super-duper admin's only (403 otherwise).
 */
function systemNotifications(engine: Engine, req: SandboxRequest, id?: string): Reply {
  if (req.method === 'GET') return id === undefined ? listSystem(engine, req) : getSystem(engine, req, respId(id));
  requireSuperDuperAdmin(engine, req.auth);
  if (id === undefined) {
    if (req.method === 'PUT') return createSystem(engine, req);
    throw topLevelAction(reqValue(req, 'action'));
  }
  if (req.method === 'POST') return updateSystem(engine, req, respId(id));
  return deleteSystem(id);
}

/** `cb_notifications`: the system templates, the account's copies, previews, the SMTP log, customer updates. */
export const notificationsModule = defineModule({
  name: 'notifications',
  routes: [
    route('notifications', ['GET', 'PUT', 'DELETE'], ({ engine, req }) => systemNotifications(engine, req)),
    // Templates are written with their own content type (`text/html`, `text/plain`).
    route('notifications/:id', ['GET', 'POST', 'DELETE'], ({ engine, req, params }) => systemNotifications(engine, req, params.id), {
      binary: isBinaryUpload,
    }),
    route('accounts/:account/notifications', ['GET', 'PUT', 'DELETE'], ({ engine, req, accountId }) =>
      notifications(engine, req, accountId),
    ),
    route('accounts/:account/notifications/smtplog', ['GET'], ({ engine, req, accountId }) => notificationSmtpLogs(engine, req, accountId)),
    route('accounts/:account/notifications/smtplog/:id', ['GET'], ({ engine, req, accountId, params }) =>
      notificationSmtpLogs(engine, req, accountId, params.id),
    ),
    // Templates are written with their own content type (`text/html`, `text/plain`).
    route(
      'accounts/:account/notifications/:id',
      ['GET', 'POST', 'DELETE'],
      ({ engine, req, accountId, params }) => notification(engine, req, accountId, params.id),
      { binary: isBinaryUpload },
    ),
    route('accounts/:account/notifications/customer_update/message', ['POST'], () => customerUpdate()),
    route('accounts/:account/notifications/:id/preview', ['POST'], ({ engine, req, accountId, params }) =>
      preview(engine, req, accountId, params.id),
    ),
  ],
});
