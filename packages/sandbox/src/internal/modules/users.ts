import { createHash, randomBytes } from 'node:crypto';
import * as schemas from '@audian/resources/schemas';
import { decodeUpload, isBinaryUpload } from '../binary-body';
import { docReply } from '../collection';
import { COLLECTION_VERBS, flagsOf, ITEM_VERBS } from '../collection-def';
import type { Reply, SandboxRequest } from '../context';
import { badIdentifier, CrossbarError, type FieldErrors } from '../crossbar-error';
import { normalizeEmergencyNumber } from '../emergency-number';
import type { Engine } from '../engine';
import { compact, isObject, type JsonObject, nonEmpty } from '../json';
import { listFilter, pageParams, paginate } from '../listing';
import type { ClaimSpec, ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
import type { StoredDoc } from '../store';
import { DEVICES } from './devices';

/** Hex digests of `lower(username):password`, what `user_auth` compares (md5 and sha1 methods). */
export function credentialHashes(username: string, password: string): { md5: string; sha1: string } {
  const input = `${username.toLowerCase()}:${password}`;
  return {
    md5: createHash('md5').update(input).digest('hex'),
    sha1: createHash('sha1').update(input).digest('hex'),
  };
}

function userFeatures(doc: JsonObject): string[] {
  const features = Array.isArray(doc.features) ? [...(doc.features as string[])] : [];
  const on = (v: unknown, key = 'enabled'): boolean => isObject(v) && Boolean(v[key]);
  if (isObject(doc.smartpbx)) for (const [feature, cfg] of Object.entries(doc.smartpbx)) if (on(cfg)) features.push(feature);
  if (on(doc.hotdesk)) features.push('hotdesk');
  if (on(doc.call_forward)) features.push('call_forward');
  if (on(doc.call_forward, 'failover') && !on(doc.call_forward)) features.push('call_forward_failover');
  const external = isObject(doc.caller_id) ? doc.caller_id.external : undefined;
  if (isObject(external) && external.number) features.push('caller_id');
  if (doc.vm_to_email_enabled) features.push('vm_to_email');
  if (isObject(doc.music_on_hold) && doc.music_on_hold.media_id) features.push('music_on_hold');
  if (on(doc.do_not_disturb)) features.push('do_not_disturb');
  if (on(doc.ctu)) features.push('ctu');
  if (on(doc.desktop)) features.push('desktop');
  return features;
}

export const USERS: ResourceDef = {
  name: 'users',
  type: 'user',
  schema: schemas.UsersSchema,
  collectionVerbs: COLLECTION_VERBS,
  itemVerbs: ITEM_VERBS,
  summary: (doc) =>
    compact({
      id: doc._id,
      features: userFeatures(doc),
      username: doc.username,
      email: doc.email,
      first_name: doc.first_name,
      last_name: doc.last_name,
      priv_level: doc.priv_level,
      feature_level: doc.feature_level,
      presence_id: doc.presence_id,
      timezone: doc.timezone,
      call_recording: doc.call_recording,
      service: doc.service,
      flags: flagsOf(doc),
    }),
  sortKey: (doc) => `${doc.last_name} ${doc.first_name}`,
  claims(doc) {
    const out: ClaimSpec[] = [];
    if (typeof doc.username === 'string' && doc.username !== '') {
      // Usernames are stored lower-cased; compare the same way even before `prepare` ran.
      const username = doc.username.toLowerCase();
      out.push({
        kind: 'username',
        value: username,
        scope: 'account',
        error: () => ({ username: { unique: { message: 'Username must be unique within account', cause: username } } }),
      });
    }
    // `kzd_users:maybe_validate_hotdesk_id_is_unique/3`
    const hotdeskId = isObject(doc.hotdesk) ? doc.hotdesk.id : undefined;
    if (typeof hotdeskId === 'string' && hotdeskId !== '') {
      out.push({
        kind: 'hotdesk_id',
        value: hotdeskId,
        scope: 'account',
        error: () => ({ 'hotdesk.id': { unique: { message: 'Hotdesk ID must be unique within account', cause: hotdeskId } } }),
      });
    }
    return out;
  },
  prepare(doc) {
    // `kzd_users:maybe_normalize_username/3`, `maybe_normalize_emergency_caller_id_number/3`
    if (typeof doc.username === 'string') doc.username = doc.username.toLowerCase();
    normalizeEmergencyNumber(doc);
    // `kzd_users:maybe_import_credentials/3`: a `credentials` hash replaces the stored ones.
    if (typeof doc.credentials === 'string' && doc.credentials !== '') {
      doc.pvt_md5_auth = doc.credentials;
      delete doc.pvt_sha1_auth;
      delete doc.credentials;
    }
    return undefined;
  },
  finish: (doc, ctx) => rehashCredentials(doc, ctx.existing),
};

/**
 * `kzd_users:maybe_rehash_creds/3` with KAZOO's defaults (`generate_username_if_empty` on,
 * `generate_password_if_empty` off): a new or changed username needs a password
 * (`password.required`); a password without a username gets a generated `user_<16 hex>` username;
 * neither removes the hashes; the same username without a password keeps them. The plain-text
 * password is never stored (`cb_modules_util:remove_plaintext_password/1`).
 */
function rehashCredentials(doc: JsonObject, existing: StoredDoc | undefined): FieldErrors | undefined {
  const username = nonEmpty(doc.username);
  const password = nonEmpty(doc.password);
  const current = existing ? nonEmpty(existing.body.username) : undefined;
  delete doc.password;
  delete doc.confirm_password;
  if (username !== undefined && password !== undefined) return setHashes(doc, username, password);
  if (username !== undefined) {
    if (username === current) return undefined;
    return { password: { required: { message: 'The password must be provided when creating / updating the user name', cause: username } } };
  }
  if (password !== undefined) {
    const generated = `user_${randomBytes(8).toString('hex')}`;
    doc.username = generated;
    return setHashes(doc, generated, password);
  }
  delete doc.pvt_md5_auth;
  delete doc.pvt_sha1_auth;
  return undefined;
}

function setHashes(doc: JsonObject, username: string, password: string): undefined {
  const { md5, sha1 } = credentialHashes(username, password);
  doc.pvt_md5_auth = md5;
  doc.pvt_sha1_auth = sha1;
  return undefined;
}

/** `GET …/users/{USER_ID}/devices` (the `devices/listing_by_owner` view). */
function userDevices(engine: Engine, req: SandboxRequest, accountId: string, userId: string): Reply {
  engine.docs.load(accountId, USERS, userId);
  const params = pageParams(req);
  const filter = listFilter(req);
  const page = paginate(
    engine.store.rows(accountId, DEVICES.type, '', params.direction, params.from),
    params,
    (doc) => doc.owner_id === userId && (!filter || filter(doc)),
    (doc) =>
      compact({
        id: doc._id,
        name: doc.name,
        mac_address: doc.mac_address || '',
        owner_id: doc.owner_id,
        enabled: doc.enabled,
        device_type: doc.device_type || 'sip_device',
        hotdesked: false,
        call_recording: doc.call_recording,
      }),
  );
  return { data: page.items, envelope: { ...page.envelope, revision: 'automatic' } };
}

/** `kzd_users:vcard_escape_chars/1`: `:`, `;` and `,` escaped, newlines as `\n`. */
function vcardEscape(value: string): string {
  return value.replace(/[:;,]/g, (c) => `\\${c}`).replaceAll('\n', '\\n');
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * `GET …/users/{USER_ID}/vcard` (`cb_users:convert_to_vcard/1`, `kzd_users:to_vcard/1`): the user
 * with its `profile` merged in, the account's `org`, as vCard 3.0 lines in KAZOO's order, empty
 * fields left out, lines cut every 75 bytes. `TEL` reads `caller_id.internal`/`external` as strings,
 * as KAZOO does, so caller-id objects give no `TEL` line. A stored photo becomes the `PHOTO` line
 * (`cb_users:set_photo/2`).
 */
function vcard(engine: Engine, accountId: string, userId: string): Reply {
  const user = engine.docs.load(accountId, USERS, userId);
  const photo = engine.store.attachment(accountId, userId, 'photo');
  return vcardReply(user.body, engine.account(accountId)?.body ?? {}, photo);
}

/**
 * A person's vCard (`kzd_users:to_vcard/1`): a user, or a list entry with its fields renamed (`cb_lists`).
 * `photo` gives `PHOTO;ENCODING=B;TYPE=JPEG:<base64>`; `kzd_users:content_type_to_type/1` knows only
 * `image/jpeg` and crashes on any other type, which Crossbar answers 500 `generic_error` without data.
 */
export function vcardReply(
  stored: JsonObject,
  account: JsonObject,
  photo?: { readonly contentType: string; readonly data: Buffer },
): Reply {
  if (photo && photo.contentType.split(';')[0]?.trim().toLowerCase() !== 'image/jpeg')
    throw new CrossbarError(500, 'generic_error', undefined);
  const user: JsonObject = { ...stored, ...(isObject(stored.profile) ? stored.profile : {}) };
  const first = text(user.first_name);
  const last = text(user.last_name);
  const middle = text(user.middle_name);
  const joined = (separator: string, values: unknown[]) =>
    values
      .filter((v): v is string => typeof v === 'string' && v !== '')
      .map(vcardEscape)
      .join(separator);
  const callerId = isObject(user.caller_id) ? user.caller_id : {};
  const timezone = text(user.timezone) !== undefined && user.timezone !== 'inherit' ? user.timezone : account.timezone;
  const fields: [string, string | undefined][] = [
    ['BEGIN', 'VCARD'],
    ['VERSION', '3.0'],
    ['FN', [first, middle, last].filter(Boolean).join(' ')],
    ['N', joined(';', [last, first, middle])],
    ['ORG', text(account.org) && vcardEscape(account.org as string)],
    ['PHOTO;ENCODING=B;TYPE=JPEG', photo && photo.data.length > 0 ? photo.data.toString('base64') : undefined],
    ['EMAIL', text(user.email) && vcardEscape(user.email as string)],
    ['BDAY', text(user.birthday) && vcardEscape(user.birthday as string)],
    ['NOTE', text(user.note) && vcardEscape(user.note as string)],
    ['TITLE', text(user.title) && vcardEscape(user.title as string)],
    ['ROLE', text(user.role) && vcardEscape(user.role as string)],
    ['TZ', text(timezone) && vcardEscape(timezone as string)],
    ['NICKNAME', Array.isArray(user.nicknames) ? joined(',', user.nicknames) : undefined],
    ['TEL', text(callerId.internal) && vcardEscape(callerId.internal as string)],
    ['TEL', text(callerId.external) && vcardEscape(callerId.external as string)],
  ];
  for (const address of Array.isArray(user.addresses) ? user.addresses : []) {
    if (!isObject(address) || !text(address.address)) continue;
    const types = Array.isArray(address.types) ? address.types.join(',') : 'intl,postal,parcel,work';
    fields.push([`ADR;TYPE=${types}`, vcardEscape(address.address as string)]);
  }
  fields.push(['END', 'VCARD']);
  const lines: string[] = [];
  for (const [key, value] of fields) {
    if (value === undefined || value === '') continue;
    const line = Buffer.from(`${key}:${value}`);
    for (let at = 0; at < line.length; at += 75) lines.push(line.subarray(at, at + 75).toString());
  }
  return { raw: { body: `${lines.join('\n')}\n`, contentType: 'text/x-vcard' } };
}

/** `GET|POST|DELETE …/users/{USER_ID}/photo`. */
function userPhoto(engine: Engine, req: SandboxRequest, accountId: string, id: string): Reply {
  const user = engine.docs.load(accountId, USERS, id);
  if (req.method === 'GET') {
    const photo = engine.store.attachment(accountId, id, 'photo');
    if (!photo) throw badIdentifier(id);
    return { raw: { body: photo.data, contentType: photo.contentType } };
  }
  if (req.method === 'DELETE') engine.store.deleteAttachment(accountId, id, 'photo');
  else {
    const upload = decodeUpload(req);
    engine.store.putAttachment(accountId, id, 'photo', upload.contentType, upload.data);
  }
  return docReply(USERS, user);
}

/** `cb_users`: the account's users, their devices, vCards and photos. */
export const usersModule = defineModule({
  name: 'users',
  documents: [USERS],
  routes: [
    route('accounts/:account/users/:id/devices', ['GET'], ({ engine, req, accountId, params }) =>
      userDevices(engine, req, accountId, params.id),
    ),
    route('accounts/:account/users/:id/vcard', ['GET'], ({ engine, accountId, params }) => vcard(engine, accountId, params.id)),
    route(
      'accounts/:account/users/:id/photo',
      ['GET', 'POST', 'DELETE'],
      ({ engine, req, accountId, params }) => userPhoto(engine, req, accountId, params.id),
      { binary: isBinaryUpload },
    ),
  ],
});
