import { FaxSchema } from '@audian/resources/schemas';
import * as z from 'zod/mini';
import { DEFAULT_TIMEZONE, treeOf } from '../accounts-def';
import { isBinaryUpload } from '../binary-body';
import { GREGORIAN_OFFSET } from '../clock';
import { docReply, listDocs } from '../collection';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifier, CrossbarError, type FieldErrors, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { newModbId } from '../ids';
import { compact, getPath, isObject, type JsonObject, parseJson, publicDoc, stripReserved } from '../json';
import { listFilter, pageParams, paginate, rangedListing } from '../listing';
import { isMultipart, parseMultipart } from '../multipart';
import type { ResourceDef } from '../resource-def';
import { defineModule, type RouteSpec, route } from '../sandbox-module';
import type { StoredDoc } from '../store';
import { normalizeNumber } from './phone-numbers';
import { USERS } from './users';

/** The attachment a fax's document is kept under. */
const FAX_DOCUMENT = 'document';

/** The two stored-fax folders and the two job views Crossbar serves. */
export type FaxFolder = 'inbox' | 'outbox' | 'incoming' | 'outgoing';

/** The stored-fax listings' row (`faxes/list_by_folder`), merged with the document as `cb_faxes` does. */
function folderRow(doc: JsonObject): JsonObject {
  return {
    ...publicDoc(doc),
    ...compact({ status: doc.pvt_job_status, to: doc.to_number, from: doc.from_number, created: doc.pvt_created }),
  };
}

/** Fax documents: jobs and stored faxes alike (`pvt_type: fax`), keyed by creation time. */
export const FAXES: ResourceDef = {
  name: 'faxes',
  type: 'fax',
  schema: FaxSchema,
  collectionVerbs: ['PUT'],
  itemVerbs: ['GET', 'PUT', 'DELETE'],
  summary: folderRow,
  sortKey: (doc) => Number(doc.pvt_created),
};

/** The outgoing-jobs listing's row (the faxes database's `faxes/list_by_account` view). */
function jobRow(doc: JsonObject): JsonObject {
  return compact({
    id: doc._id,
    faxbox_id: doc.faxbox_id,
    status: doc.pvt_job_status,
    to: doc.to_number,
    from: doc.from_number,
    attempts: doc.attempts,
    created: doc.pvt_created,
  });
}

/** E-mail-to-fax attempts (`fax_smtp_log`): the sandbox receives no e-mail, so there are none. */
const SMTP_LOGS: ResourceDef = {
  name: 'smtplog',
  type: 'fax_smtp_log',
  schema: z.looseObject({}),
  collectionVerbs: ['GET'],
  itemVerbs: ['GET'],
  summary: (doc) =>
    compact({
      id: doc._id,
      from: doc.from,
      to: doc.to,
      error: Array.isArray(doc.errors) ? doc.errors[0] : undefined,
      created: doc.pvt_created,
    }),
  sortKey: (doc) => Number(doc.pvt_created),
};

/** The fax request and its document: a JSON envelope, or `multipart/*` with the JSON part and a file part. */
function faxRequest(req: SandboxRequest): { data: unknown; file: { contentType: string; data: Buffer } | undefined } {
  if (!isMultipart(req.contentType)) return { data: req.data, file: undefined };
  let data: unknown = {};
  let file: { contentType: string; data: Buffer } | undefined;
  for (const part of parseMultipart(req)) {
    if (part.contentType === 'application/json' || part.contentType === 'application/x-json') {
      const envelope = parseJson(part.body.toString('utf8').trim());
      if (!isObject(envelope)) throw validationError({ json: { invalid: { message: 'All JSON must be valid', target: 'body' } } });
      data = envelope.data ?? {};
    } else if (!file && part.body.length > 0) {
      // Crossbar keeps every file part, but `cb_faxes` only reads the first.
      file = { contentType: part.contentType, data: Buffer.from(part.body) };
    }
  }
  return { data, file };
}

/**
 * `kzd_accounts:timezone/1`: the account's own, else (missing or `inherit`) its parent's by the same
 * rule (`parent_timezone/2`), else `accounts.default_timezone`, which the sandbox leaves at KAZOO's
 * default (`default_timezone/0`). Only a missing or `inherit` value passes on: an empty one is kept.
 */
function accountTimezone(engine: Engine, accountId: string | undefined): string {
  const seen = new Set<string>();
  let id = accountId;
  while (id !== undefined && !seen.has(id)) {
    seen.add(id);
    const account = engine.account(id);
    if (!account) break;
    const timezone = account.body.timezone;
    if (typeof timezone === 'string' && timezone !== 'inherit') return timezone;
    id = treeOf(account.body).at(-1);
  }
  return DEFAULT_TIMEZONE;
}

/**
 * The fax's `fax_timezone` as `cb_faxes:maybe_add_timezone/2` sets it on every new fax, over any
 * `fax_timezone` the request or the box gave: the request's `timezone` when it has one; else
 * `crossbar_util:get_user_timezone/2` for the login's owner, opened in the fax's account, whose own
 * non-empty `timezone` counts unless it is `inherit` (`kzd_users:timezone/2`); else, with no such
 * user (an API-key login), `kzd_accounts:timezone/1` of the account.
 */
function faxTimezone(engine: Engine, accountId: string, ownerId: string | undefined, data: JsonObject): unknown {
  if (data.timezone !== undefined && data.timezone !== null) return data.timezone;
  // `kzd_users:fetch/2` is a plain open of the id: neither its type nor a soft delete is checked.
  const user = ownerId ? engine.store.get(accountId, ownerId) : undefined;
  if (!user) return accountTimezone(engine, accountId);
  const own = user.body.timezone;
  if (typeof own === 'string' && own !== '' && own !== 'inherit') return own;
  const home = typeof user.body.pvt_account_id === 'string' ? user.body.pvt_account_id : accountId;
  return accountTimezone(engine, home);
}

/** `kz_json:get_integer_value/3` on the box's `retries`, 3 when it has none (`kzd_fax_box:retries/2`). */
function boxRetries(value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number.parseInt(value, 10);
  return 3;
}

/**
 * `cb_faxes:maybe_add_faxbox_data/2`: the box's caller name and number, header, identity, retries
 * and id fill in what the request leaves out. The box's `fax_timezone` is not taken, as
 * `on_success/1` always sets its own.
 */
function withBoxData(data: unknown, box: StoredDoc | undefined): unknown {
  if (!box || !isObject(data)) return data;
  const body = box.body;
  const filled: JsonObject = { ...data };
  const defaults = compact({
    from_name: body.caller_name,
    fax_identity_name: body.fax_header,
    from_number: body.caller_id,
    fax_identity_number: body.fax_identity,
    retries: boxRetries(body.retries),
    faxbox_id: box.id,
  });
  for (const [key, value] of Object.entries(defaults)) if (filled[key] === undefined) filled[key] = value;
  return filled;
}

/**
 * `PUT …/faxes` and `PUT …/faxes/outgoing`: validates the job (`document.url`, or a document sent
 * along), normalises `to_number` to E.164, stores it `pending` with its document, and answers 202.
 * Nothing is transmitted: the sandbox files the fax in the outbox at once, under one MODB id that
 * both `outgoing/{id}` and `outbox/{id}` serve. `box` is the document a fax-box path opened.
 */
function sendFax(engine: Engine, req: SandboxRequest, accountId: string, box?: StoredDoc): Reply {
  const request = faxRequest(req);
  const file = request.file;
  const data = withBoxData(request.data, box);
  const def: ResourceDef = {
    ...FAXES,
    prepare(doc) {
      const errors: FieldErrors = {};
      if (!file && getPath(doc, 'document.url') === undefined) {
        errors['document.url'] = { required: { message: 'add document url or upload a document' } };
        return errors;
      }
      const number = normalizeNumber(String(doc.to_number));
      // Crossbar reports an unreconcilable number under this odd path.
      if (!number) errors['document.to_number'] = { required: { message: 'add a valid number to send the fax to' } };
      else doc.to_number = number;
      const timezone = faxTimezone(engine, accountId, req.auth?.ownerId, doc);
      Object.assign(doc, { attempts: 0, folder: 'outbox', fax_timezone: timezone });
      return errors;
    },
  };
  // The schema's `tx_result` defaults show on a new job, as KAZOO fills them in.
  const input = isObject(data) ? { tx_result: {}, ...stripReserved(data) } : data;
  const doc = engine.docs.create(def, accountId, input, {
    id: newModbId(engine.clock.unix()),
    private: { pvt_job_status: 'pending', pvt_reseller_id: engine.resellerOf(engine.account(accountId) as StoredDoc) },
  });
  if (file) engine.store.putAttachment(accountId, doc.id, FAX_DOCUMENT, file.contentType, file.data);
  return { status: 202, data: publicDoc(doc.body), envelope: { revision: String(doc.body._rev) } };
}

/** A fax of a folder; one in another folder is a 500 with `cb_faxes`'s message. */
function folderFax(engine: Engine, accountId: string, id: string, folder: FaxFolder): StoredDoc {
  const doc = engine.docs.load(accountId, FAXES, id);
  const actual = typeof doc.body.folder === 'string' ? doc.body.folder : 'inbox';
  if (actual !== folder) {
    const message = `document is not in folder ${folder}`;
    throw new CrossbarError(500, message, { message });
  }
  return doc;
}

/**
 * `GET …/faxes/{inbox,outbox,incoming}`: the folder's faxes, time-ranged; `outgoing`: every job.
 * `scope` narrows them to a fax box's or a user's (`cb_faxes:get_view_and_filter/3`).
 */
function listFaxes(engine: Engine, req: SandboxRequest, accountId: string, folder: FaxFolder, scope?: (doc: JsonObject) => boolean): Reply {
  if (folder === 'outgoing') {
    if (!scope) return listDocs(engine, req, accountId, FAXES, '', jobRow);
    const params = pageParams(req);
    const filter = listFilter(req);
    const keep = (doc: JsonObject) => scope(doc) && (!filter || filter(doc));
    const page = paginate(engine.store.rows(accountId, FAXES.type, '', params.direction, params.from, -1), params, keep, jobRow);
    return { data: page.items, envelope: { ...page.envelope, revision: 'automatic' } };
  }
  // `cb_faxes` serves `incoming` with the inbox listing.
  const wanted = folder === 'outbox' ? 'outbox' : 'inbox';
  return rangedListing(
    engine,
    req,
    accountId,
    FAXES,
    (doc) => (typeof doc.folder === 'string' ? doc.folder : 'inbox') === wanted && (!scope || scope(doc)),
  );
}

/**
 * `…/faxboxes/{FAXBOX_ID}/faxes/{folder}`: `cb_faxboxes:validate_resource/2` keeps whatever document
 * the id opens (a deleted one too), and `cb_faxes:get_view_and_filter/3` narrows by its type: a fax
 * box to its `faxbox_id`, a user to its `owner_id` in a stored folder (`faxes/list_by_ownerid`; the
 * `outgoing` jobs have no user view). Any other id, or one that opens nothing, lists the account.
 */
function faxboxScope(engine: Engine, accountId: string, id: string, folder: FaxFolder): ((doc: JsonObject) => boolean) | undefined {
  const opened = engine.store.get(accountId, id);
  if (opened?.type === 'faxbox') return (doc) => doc.faxbox_id === id;
  if (opened?.type === 'user' && folder !== 'outgoing') return (doc) => doc.owner_id === id;
  return undefined;
}

/**
 * `…/users/{USER_ID}/faxes/{folder}`: the user's stored faxes (`faxes/list_by_ownerid`, on
 * `owner_id`); `outgoing` has no user view and lists every job (`faxes/list_by_account`).
 */
function userScope(engine: Engine, accountId: string, id: string, folder: FaxFolder): ((doc: JsonObject) => boolean) | undefined {
  engine.docs.load(accountId, USERS, id);
  return folder === 'outgoing' ? undefined : (doc) => doc.owner_id === id;
}

/** `GET …/faxes/outgoing/{id}`: the job with `created`, `status` and, once delivered, `delivered`. */
function job(doc: StoredDoc): Reply {
  const body = doc.body;
  const delivered = body.pvt_delivered_date ?? (body.pvt_job_status === 'completed' ? body.pvt_modified : undefined);
  const data = { ...publicDoc(body), ...compact({ created: body.pvt_created, delivered, status: body.pvt_job_status }) };
  return { data, envelope: { revision: String(body._rev) }, headers: { etag: `"${String(body._rev)}"` } };
}

/** A stored fax's PUT needs `action`: `resubmit` in the outbox, `forward` in the inbox (500 otherwise, as in KAZOO). */
function checkAction(req: SandboxRequest, folder: FaxFolder): void {
  const action = req.envelope.action;
  if (action === undefined) throw new CrossbarError(500, 'action required', { message: 'action required' });
  if (action !== (folder === 'outbox' ? 'resubmit' : 'forward'))
    throw new CrossbarError(500, 'invalid action', { message: 'invalid action' });
}

/** `PUT …/faxes/outbox/{id}` (`resubmit`) and `…/inbox/{id}` (`forward`): a new pending job from the stored fax. */
function copyAsJob(engine: Engine, req: SandboxRequest, accountId: string, source: StoredDoc): Reply {
  const changes = isObject(req.data) ? stripReserved(req.data) : {};
  const { tx_result: _tx, rx_result: _rx, retry_after: _retry, ...kept } = { ...publicDoc(source.body), ...changes };
  delete kept.id;
  const id = newModbId(engine.clock.unix());
  const created = engine.docs.create(
    { ...FAXES, schema: z.looseObject({}) },
    accountId,
    { ...kept, attempts: 0 },
    {
      id,
      private: { pvt_job_status: 'pending', pvt_reseller_id: source.body.pvt_reseller_id },
    },
  );
  const file = engine.store.attachment(accountId, source.id, FAX_DOCUMENT);
  if (file) engine.store.putAttachment(accountId, id, FAX_DOCUMENT, file.contentType, file.data);
  return docReply(FAXES, created);
}

/** `fax_document_<local time>.<ext>`, as `cb_faxes` names a downloaded document (UTC here). */
function documentName(doc: StoredDoc, contentType: string): string {
  const created = new Date((Number(doc.body.pvt_created) - GREGORIAN_OFFSET) * 1000).toISOString();
  const stamp = `${created.slice(0, 10)}_${created.slice(11, 19).replaceAll(':', '-')}`;
  const ext = contentType === 'application/pdf' ? 'pdf' : contentType === 'image/tiff' ? 'tiff' : (contentType.split('/')[1] ?? 'bin');
  return `fax_document_${stamp}.${ext}`;
}

/** `GET|DELETE …/faxes/{inbox,outbox}/{id}/attachment`: the document as stored, or its removal. */
function attachment(engine: Engine, req: SandboxRequest, doc: StoredDoc): Reply {
  const file = engine.store.attachment(doc.accountId, doc.id, FAX_DOCUMENT);
  if (req.method === 'DELETE') {
    if (!file) return docReply(FAXES, doc);
    engine.store.deleteAttachment(doc.accountId, doc.id, FAX_DOCUMENT);
    return { data: {}, envelope: { revision: String(doc.body._rev) } };
  }
  if (!file) throw badIdentifier(doc.id);
  const disposition = req.query.disposition ?? 'attachment';
  return {
    raw: { body: file.data, contentType: file.contentType },
    headers: {
      'content-disposition': `${disposition}; filename=${documentName(doc, file.contentType)}`,
      etag: `"${String(doc.body._rev)}"`,
    },
  };
}

/**
 * One fax path below a folder: `{folder}/{id}` (GET; DELETE and the PUT actions on the stored
 * folders) and `{folder}/{id}/attachment`.
 */
function faxItem(engine: Engine, req: SandboxRequest, accountId: string, folder: FaxFolder, id: string, sub?: string): Reply {
  if (folder === 'outgoing') return job(engine.docs.load(accountId, FAXES, id));
  // The action is checked before the fax is looked up, as `cb_faxes` validates.
  if (req.method === 'PUT' && sub === undefined) checkAction(req, folder);
  const doc = folderFax(engine, accountId, id, folder);
  if (folder === 'incoming') return docReply(FAXES, doc);
  if (sub === 'attachment') return attachment(engine, req, doc);
  if (req.method === 'PUT') return copyAsJob(engine, req, accountId, doc);
  if (req.method === 'DELETE') {
    engine.store.deleteAttachment(accountId, id, FAX_DOCUMENT);
    const removed = engine.docs.remove(FAXES, accountId, id);
    return { data: { ...publicDoc(removed.body), _read_only: { deleted: true } }, envelope: { revision: String(removed.body._rev) } };
  }
  return docReply(FAXES, doc);
}

/** `GET …/faxes/smtplog` (time-ranged, always empty here) and `…/smtplog/{id}`. */
function faxSmtpLogs(engine: Engine, req: SandboxRequest, accountId: string, id?: string): Reply {
  if (id !== undefined) return docReply(undefined, engine.docs.load(accountId, SMTP_LOGS, id));
  return rangedListing(engine, req, accountId, SMTP_LOGS);
}

/** The folders whose faxes are stored documents (the others are the job queue's views). */
const STORED_FOLDERS = ['inbox', 'outbox'] as const;

/**
 * `cb_faxboxes:validate_resource/2`: whatever document the id opens in the account — of any type,
 * soft-deleted or not, as `kz_datamgr:open_cache_doc/2` does — is kept as the fax box; an id that
 * opens nothing leaves the request as if sent to `…/faxes`.
 */
function boxDocument(engine: Engine, accountId: string, id: string): StoredDoc | undefined {
  return engine.store.get(accountId, id);
}

/**
 * `cb_faxes` below `…/faxboxes/{id}` and `…/users/{id}`: the same paths as below the account.
 * `resolve` runs first, as the parent's `validate_resource` does (`cb_users:validate_user_id/2`
 * 404s a missing user; `cb_faxboxes:validate_resource/2` never fails). Sending takes the box's
 * data; single faxes are read by id alone, as `cb_faxes:load_modb_fax_doc/3` does — a fax of another
 * box or user is served all the same. The other folders' listings are routed in the module.
 */
function scopedRoutes(
  parent: 'faxboxes' | 'users',
  resolve: (engine: Engine, accountId: string, id: string) => StoredDoc | undefined,
): RouteSpec[] {
  const base = `accounts/:account/${parent}/:id/faxes` as const;
  return [
    route(base, ['PUT'], ({ engine, req, accountId, params }) => sendFax(engine, req, accountId, resolve(engine, accountId, params.id)), {
      binary: isBinaryUpload,
    }),
    route(
      `${base}/outgoing`,
      ['GET', 'PUT'],
      ({ engine, req, accountId, params }) => {
        if (req.method === 'PUT') return sendFax(engine, req, accountId, resolve(engine, accountId, params.id));
        resolve(engine, accountId, params.id);
        const scope = parent === 'faxboxes' ? faxboxScope(engine, accountId, params.id, 'outgoing') : undefined;
        return listFaxes(engine, req, accountId, 'outgoing', scope);
      },
      { binary: isBinaryUpload },
    ),
    route(`${base}/smtplog`, ['GET'], ({ engine, req, accountId, params }) => {
      resolve(engine, accountId, params.id);
      return faxSmtpLogs(engine, req, accountId);
    }),
    route(`${base}/smtplog/:fax`, ['GET'], ({ engine, req, accountId, params }) => {
      resolve(engine, accountId, params.id);
      return faxSmtpLogs(engine, req, accountId, params.fax);
    }),
    ...(['incoming', 'outgoing'] as const).map((folder) =>
      route(`${base}/${folder}/:fax`, ['GET'], ({ engine, req, accountId, params }) => {
        resolve(engine, accountId, params.id);
        return faxItem(engine, req, accountId, folder, params.fax);
      }),
    ),
    ...STORED_FOLDERS.flatMap((folder) => [
      route(`${base}/${folder}/:fax`, ['GET', 'PUT', 'DELETE'], ({ engine, req, accountId, params }) => {
        resolve(engine, accountId, params.id);
        return faxItem(engine, req, accountId, folder, params.fax);
      }),
      route(`${base}/${folder}/:fax/attachment`, ['GET', 'DELETE'], ({ engine, req, accountId, params }) => {
        resolve(engine, accountId, params.id);
        return faxItem(engine, req, accountId, folder, params.fax, 'attachment');
      }),
    ]),
  ];
}

/** `cb_faxes`: sending, the job views, the stored folders and their documents, the SMTP log. */
export const faxesModule = defineModule({
  name: 'faxes',
  routes: [
    route('accounts/:account/faxes', ['PUT'], ({ engine, req, accountId }) => sendFax(engine, req, accountId), { binary: isBinaryUpload }),
    route('accounts/:account/faxes/smtplog', ['GET'], ({ engine, req, accountId }) => faxSmtpLogs(engine, req, accountId)),
    route('accounts/:account/faxes/smtplog/:id', ['GET'], ({ engine, req, accountId, params }) =>
      faxSmtpLogs(engine, req, accountId, params.id),
    ),
    route(
      'accounts/:account/faxes/outgoing',
      ['GET', 'PUT'],
      ({ engine, req, accountId }) =>
        req.method === 'GET' ? listFaxes(engine, req, accountId, 'outgoing') : sendFax(engine, req, accountId),
      { binary: isBinaryUpload },
    ),
    ...(['inbox', 'outbox', 'incoming'] as const).map((folder) =>
      route(`accounts/:account/faxes/${folder}`, ['GET'], ({ engine, req, accountId }) => listFaxes(engine, req, accountId, folder)),
    ),
    ...(['inbox', 'outbox', 'incoming'] as const).flatMap((folder) => [
      route(`accounts/:account/faxboxes/:id/faxes/${folder}`, ['GET'], ({ engine, req, accountId, params }) =>
        listFaxes(engine, req, accountId, folder, faxboxScope(engine, accountId, params.id, folder)),
      ),
      route(`accounts/:account/users/:id/faxes/${folder}`, ['GET'], ({ engine, req, accountId, params }) =>
        listFaxes(engine, req, accountId, folder, userScope(engine, accountId, params.id, folder)),
      ),
    ]),
    ...scopedRoutes('faxboxes', (engine, accountId, id) => boxDocument(engine, accountId, id)),
    ...scopedRoutes('users', (engine, accountId, id) => {
      engine.docs.load(accountId, USERS, id);
      return undefined;
    }),
    ...(['incoming', 'outgoing'] as const).map((folder) =>
      route(`accounts/:account/faxes/${folder}/:id`, ['GET'], ({ engine, req, accountId, params }) =>
        faxItem(engine, req, accountId, folder, params.id),
      ),
    ),
    ...STORED_FOLDERS.flatMap((folder) => [
      route(`accounts/:account/faxes/${folder}/:id`, ['GET', 'PUT', 'DELETE'], ({ engine, req, accountId, params }) =>
        faxItem(engine, req, accountId, folder, params.id),
      ),
      route(`accounts/:account/faxes/${folder}/:id/attachment`, ['GET', 'DELETE'], ({ engine, req, accountId, params }) =>
        faxItem(engine, req, accountId, folder, params.id, 'attachment'),
      ),
    ]),
  ],
});
