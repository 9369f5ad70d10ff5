import { createHash, randomBytes } from 'node:crypto';
import * as schemas from '@audian/resources/schemas';
import type { ZodMiniType } from 'zod/mini';
import { CrossbarError, type FieldErrors, mergeFieldErrors } from './crossbar-error';
import { toE164 } from './e164';
import { compact, isObject, type JsonObject } from './json';
import type { ClaimSpec, DocHookContext, ResourceDef, Verb } from './resource-def';
import type { StoredDoc } from './store';
import { validateAt } from './validation';

const ALL: readonly Verb[] = ['GET', 'POST', 'PATCH', 'DELETE'];
const NO_PATCH: readonly Verb[] = ['GET', 'POST', 'DELETE'];
const LIST_CREATE: readonly Verb[] = ['GET', 'PUT'];

const byId = (doc: JsonObject): string => String(doc._id);
const flags = (doc: JsonObject): unknown => doc.flags ?? [];

function simple(
  name: string,
  type: string,
  schema: ZodMiniType,
  summary: (doc: JsonObject) => JsonObject,
  extra: Partial<ResourceDef> = {},
): ResourceDef {
  return {
    name,
    type,
    schema,
    collectionVerbs: LIST_CREATE,
    itemVerbs: ALL,
    summary: (doc) => compact(summary(doc)),
    sortKey: byId,
    ...extra,
  };
}

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

const users: ResourceDef = {
  name: 'users',
  type: 'user',
  schema: schemas.UsersSchema,
  collectionVerbs: LIST_CREATE,
  itemVerbs: ALL,
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
      flags: flags(doc),
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

/** `kzd_module_utils:maybe_normalize_emergency_caller_id_number/1` (users and devices). */
function normalizeEmergencyNumber(doc: JsonObject): void {
  const emergency = isObject(doc.caller_id) && isObject(doc.caller_id.emergency) ? doc.caller_id.emergency : undefined;
  if (emergency && typeof emergency.number === 'string' && emergency.number !== '') emergency.number = toE164(emergency.number);
}

const nonEmpty = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

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

const devices: ResourceDef = {
  name: 'devices',
  type: 'device',
  schema: schemas.DevicesSchema,
  collectionVerbs: LIST_CREATE,
  itemVerbs: ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'],
  summary: (doc) =>
    compact({
      id: doc._id,
      name: doc.name,
      username: isObject(doc.sip) ? doc.sip.username : undefined,
      mac_address: doc.mac_address || '',
      owner_id: doc.owner_id,
      enabled: doc.enabled,
      device_type: doc.device_type || 'sip_device',
      mobile: doc.mobile,
      call_recording: doc.call_recording,
      flags: flags(doc),
    }),
  sortKey: byId,
  claims(doc) {
    const out: ClaimSpec[] = [];
    const sip = isObject(doc.sip) ? doc.sip : {};
    if (typeof sip.username === 'string' && sip.username !== '' && sip.method !== 'ip') {
      out.push({
        kind: 'sip',
        value: sip.username.toLowerCase(),
        scope: 'account',
        error: () => ({ 'sip.username': { unique: { message: 'SIP credentials already in use', cause: sip.username } } }),
      });
    }
    if (typeof sip.ip === 'string' && sip.ip !== '') {
      out.push({
        kind: 'sip_ip',
        value: sip.ip,
        scope: 'global',
        error: () => ({ 'sip.ip': { unique: { message: 'SIP IP already in use', cause: sip.ip } } }),
      });
    }
    if (typeof doc.mac_address === 'string' && doc.mac_address !== '') {
      const mac = doc.mac_address.toLowerCase().replace(/[^0-9a-f]/g, '');
      out.push({
        kind: 'mac',
        value: mac,
        scope: 'global',
        error: () => ({ mac_address: { unique: { message: 'MAC address already in use', cause: doc.mac_address } } }),
      });
    }
    return out;
  },
  prepare: (doc, ctx) => prepareDevice(doc, ctx),
};

/** `provisioner_util:cleanse_mac_address/1`: lower-case hex digits only. */
function cleanseMac(value: string): string {
  return value.toLowerCase().replace(/[^0-9a-f]/g, '');
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * `cb_devices:validate_device/2`'s steps before the schema check: the MAC address cleansed, outbound
 * flags trimmed, a `sip.realm` equal to the account's dropped, the emergency caller id normalised;
 * a mobile device needs `mobile.mdn`, which cannot change; `sip.method` is `password` or `ip`, an
 * `ip` device needs an IPv4 `sip.ip`; and the device type cannot change (only the super-duper admin
 * may, which no sandbox login is).
 */
function prepareDevice(doc: JsonObject, ctx: DocHookContext): FieldErrors {
  const errors: FieldErrors = {};
  if (typeof doc.mac_address === 'string') {
    const mac = cleanseMac(doc.mac_address);
    if (mac === '') delete doc.mac_address;
    else doc.mac_address = mac;
  }
  if ('outbound_flags' in doc) {
    const flags = doc.outbound_flags;
    doc.outbound_flags = Array.isArray(flags) ? flags.map((f) => (typeof f === 'string' ? f.trim() : f)) : [];
  }
  const sip = isObject(doc.sip) ? doc.sip : undefined;
  const accountRealm = ctx.lookup(ctx.accountId, ctx.accountId)?.body.realm;
  if (sip && sip.realm === accountRealm) delete sip.realm;
  normalizeEmergencyNumber(doc);

  const existing = ctx.existing?.body;
  const deviceType = existing?.device_type ?? doc.device_type;
  if (deviceType === 'mobile') {
    const mdn = isObject(doc.mobile) ? nonEmpty(doc.mobile.mdn) : undefined;
    const storedMdn = isObject(existing?.mobile) ? nonEmpty((existing.mobile as JsonObject).mdn) : undefined;
    if (mdn === undefined) errors['mobile.mdn'] = { required: { message: 'Field is required but missing' } };
    else if (existing && (storedMdn === undefined ? undefined : toE164(storedMdn)) !== toE164(mdn)) {
      errors['mobile.mdn'] = { invalid: { message: 'Mobile Device Number cannot be changed', cause: mdn } };
    }
  }
  const method = sip?.method ?? 'password';
  if (method === 'ip') {
    const ip = sip?.ip;
    if (typeof ip !== 'string' || !IPV4.test(ip))
      errors['sip.ip'] = { type: { message: 'Must be a valid IPv4 RFC 791', cause: ip as never } };
  } else if (method !== 'password') {
    errors['sip.method'] = {
      enum: { message: 'SIP authentication method is invalid', target: ['password', 'ip'], cause: method as never },
    };
  }
  if (existing && doc.device_type !== existing.device_type) {
    errors.device_type = { invalid: { message: 'Not authorized to change type of device', cause: doc.device_type ?? '' } };
  }
  return errors;
}

/** The modules a callflow's flow uses (the listing's `modules`), each once, in walk order. */
function flowModules(flow: unknown, out: string[] = []): string[] {
  if (!isObject(flow)) return out;
  const data = flow.data;
  if (typeof flow.module === 'string' && isObject(data) && data.skip_module !== true && !out.includes(flow.module)) out.push(flow.module);
  if (isObject(flow.children)) for (const child of Object.values(flow.children)) flowModules(child, out);
  return out;
}

function pascal(module: string): string {
  return module
    .split(/[_.-]/)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
}

const moduleSchemas = schemas as unknown as Record<string, ZodMiniType | undefined>;

/** Validates each node's `data` against its module's schema (`callflows.<module>`), applying its defaults. */
function validateFlow(flow: unknown, path: (string | number)[], errors: FieldErrors): void {
  if (!isObject(flow)) return;
  if (typeof flow.module === 'string') {
    const schema = moduleSchemas[`Callflows${pascal(flow.module)}Schema`];
    if (schema) {
      const result = validateAt(schema, flow.data ?? {}, [...path, 'data']);
      mergeFieldErrors(errors, result.errors);
      if (Object.keys(result.errors).length === 0) flow.data = result.value;
    }
  }
  if (isObject(flow.children))
    for (const [key, child] of Object.entries(flow.children)) validateFlow(child, [...path, 'children', key], errors);
}

function callflowHolder(kind: 'Number' | 'Pattern', value: string, holder: StoredDoc | undefined): string {
  const id = holder?.id ?? '';
  const name = holder && typeof holder.body.name === 'string' && holder.body.name !== '' ? holder.body.name : id;
  return `${kind} ${value} exists in callflow ${id} ${name}`;
}

/** `cb_callflows:create_metadata/1`: a referenced document's `name` (a user's first and last name), `numbers` and `pvt_type`. */
function metadataOf(doc: JsonObject): JsonObject {
  const out: JsonObject = {};
  if (doc.pvt_type === 'user') {
    const name = `${typeof doc.first_name === 'string' ? doc.first_name : ''} ${typeof doc.last_name === 'string' ? doc.last_name : ''}`;
    if (name !== ' ') out.name = name;
  } else if (doc.name !== undefined) out.name = doc.name;
  if (doc.numbers !== undefined) out.numbers = doc.numbers;
  if (doc.pvt_type !== undefined) out.pvt_type = doc.pvt_type;
  return out;
}

/**
 * `cb_callflows:get_metadata/2`: for each id a node's `data` names (`id`, or a key containing `_id`)
 * and each child branch key (temporal rule ids), the referenced document's metadata, walking the
 * whole flow; ids that name no document are left out.
 */
function flowMetadata(flow: unknown, lookup: DocHookContext['lookup'], accountId: string, out: JsonObject = {}): JsonObject {
  if (!isObject(flow)) return out;
  const add = (id: unknown) => {
    if (typeof id !== 'string' || id.length < 2 || id === '_' || out[id] !== undefined) return;
    const doc = lookup(accountId, id);
    if (doc) out[id] = metadataOf(doc.body);
  };
  if (isObject(flow.data)) for (const [key, value] of Object.entries(flow.data)) if (key === 'id' || key.includes('_id')) add(value);
  if (isObject(flow.children)) {
    for (const [branch, child] of Object.entries(flow.children)) {
      add(branch);
      flowMetadata(child, lookup, accountId, out);
    }
  }
  return out;
}

const callflows: ResourceDef = {
  name: 'callflows',
  type: 'callflow',
  schema: schemas.CallflowsSchema,
  collectionVerbs: LIST_CREATE,
  itemVerbs: ALL,
  summary: (doc) =>
    compact({
      id: doc._id,
      name: doc.name,
      type: doc.type,
      numbers: doc.numbers,
      patterns: doc.patterns,
      featurecode: doc.featurecode ? doc.featurecode : false,
      owner_id: doc.owner_id,
      group_id: doc.group_id,
      modules: flowModules(doc.flow),
      flags: flags(doc),
    }),
  sortKey: byId,
  claims(doc) {
    const numbers = Array.isArray(doc.numbers) ? (doc.numbers as unknown[]).filter((n): n is string => typeof n === 'string') : [];
    const patterns = Array.isArray(doc.patterns) ? (doc.patterns as unknown[]).filter((n): n is string => typeof n === 'string') : [];
    return [
      ...[...new Set(numbers)].map(
        (n): ClaimSpec => ({
          kind: 'number',
          value: n,
          scope: 'account',
          error: (holder) => ({ numbers: { unique: { message: callflowHolder('Number', n, holder), cause: n } } }),
        }),
      ),
      ...[...new Set(patterns)].map(
        (p): ClaimSpec => ({
          kind: 'pattern',
          value: p,
          scope: 'account',
          error: (holder) => ({ patterns: { unique: { message: callflowHolder('Pattern', p, holder), cause: p } } }),
        }),
      ),
    ];
  },
  detail: (view, stored, lookup, accountId) => ({ ...view, metadata: flowMetadata(stored.flow, lookup, accountId) }),
  // `cb_modules_util:validate_number_ownership/2`: a number held by an account the token cannot reach
  // is not the caller's to route (numbers no account holds pass, as `not_found` does).
  authorizeSave(doc, ctx) {
    const numbers = Array.isArray(doc.numbers) ? doc.numbers.filter((n): n is string => typeof n === 'string') : [];
    const unauthorized = numbers.filter((n) => {
      const holder = ctx.numberHolder(n);
      return holder !== undefined && !ctx.reaches(holder);
    });
    if (unauthorized.length > 0) throw new CrossbarError(403, 'forbidden', { message: `unauthorized to use ${unauthorized.join(', ')}` });
  },
  prepare(doc) {
    const errors: FieldErrors = {};
    // `cb_callflows:normalize_numbers/2`: numbers are stored (and checked for uniqueness) in E.164
    // as KAZOO's converters make it (`4155559876` → `+14155559876`; extensions stay as they are).
    if (Array.isArray(doc.numbers)) doc.numbers = doc.numbers.map((n) => (typeof n === 'string' && n !== '' ? toE164(n) : n));
    const numbers = Array.isArray(doc.numbers) ? doc.numbers : [];
    const patterns = Array.isArray(doc.patterns) ? doc.patterns : [];
    if (numbers.length === 0 && patterns.length === 0) {
      errors.numbers = { required: { message: 'Callflows must be assigned at least one number or pattern' } };
    }
    validateFlow(doc.flow, ['flow'], errors);
    return errors;
  },
};

const MAILBOX_TAKEN = 'Invalid mailbox number or already exists';

/** A mailbox as `kz_term:to_integer/1` reads it (decimal, optional sign), or undefined. */
function mailboxNumber(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value !== 'string' || !/^[+-]?\d+$/.test(value)) return undefined;
  return BigInt(value).toString();
}

const vmboxes: ResourceDef = {
  name: 'vmboxes',
  type: 'vmbox',
  schema: schemas.VmboxesSchema,
  collectionVerbs: LIST_CREATE,
  itemVerbs: ALL,
  // `messages` is completed with the live counts by the handler.
  summary: (doc) => compact({ id: doc._id, name: doc.name, mailbox: doc.mailbox, owner_id: doc.owner_id, messages: 0, flags: flags(doc) }),
  sortKey: (doc) => String(doc.name ?? ''),
  // `cb_vmboxes:check_uniqueness/2`: mailboxes compare as integers (`vmboxes/listing_by_mailbox` emits
  // `parseInt(mailbox)`), so `0100` and `100` are the same box.
  claims: (doc) => {
    const mailbox = mailboxNumber(doc.mailbox);
    return mailbox === undefined
      ? []
      : [{ kind: 'mailbox', value: mailbox, scope: 'account', error: () => ({ mailbox: { unique: { message: MAILBOX_TAKEN } } }) }];
  },
  // A mailbox that is not an integer fails the same check (`kz_json:get_integer_value/2` throws).
  prepare: (doc) =>
    doc.mailbox !== undefined && mailboxNumber(doc.mailbox) === undefined ? { mailbox: { unique: { message: MAILBOX_TAKEN } } } : undefined,
  view: (doc) => {
    const { messages: _legacy, ...rest } = doc;
    return rest;
  },
};

const conferences = simple('conferences', 'conference', schemas.ConferencesSchema, (doc) => ({
  id: doc._id,
  name: doc.name,
  owner_id: doc.owner_id,
  member: doc.member,
  moderator: doc.moderator,
  ui_flags: doc.ui_flags,
  conference_numbers: doc.conference_numbers,
  flags: flags(doc),
}));
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];

// Conferences also take `PUT …/conferences/{id}` actions.
const conferencesDef: ResourceDef = {
  ...conferences,
  itemVerbs: ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'],
  // `cb_conferences:validate_numbers/2`: conference, member and moderator numbers are unique among the
  // account's conferences ("Numbers already in use").
  claims: (doc) => {
    const numbers = [
      ...strings(doc.conference_numbers),
      ...strings(isObject(doc.member) ? doc.member.numbers : undefined),
      ...strings(isObject(doc.moderator) ? doc.moderator.numbers : undefined),
    ];
    return [...new Set(numbers)].map((number) => ({
      kind: 'conference_number',
      value: number,
      scope: 'account',
      error: () => ({ numbers: { unique: { message: 'Numbers already in use', cause: number } } }),
    }));
  },
};

const media = simple(
  'media',
  'media',
  schemas.MediaSchema,
  (doc) => ({
    id: doc._id,
    name: doc.name,
    media_type: doc.media_type,
    media_source: doc.media_source,
    language: String(doc.language ?? '').toLowerCase(),
    is_prompt: Boolean(doc.prompt_id),
  }),
  { itemVerbs: NO_PATCH },
);

const listEntries: ResourceDef = simple('entries', 'list_entry', schemas.ListEntriesSchema, (doc) => ({
  id: doc._id,
  key: doc.list_id,
  value: compact({
    capture_group_key: doc.capture_group_key,
    capture_group_length: doc.capture_group_length,
    name: doc.name,
    number: doc.number,
    pattern: doc.pattern,
    prefix: doc.prefix,
    regexp: doc.regexp,
    type: doc.type,
  }),
}));

/** Document collections under `/v2/accounts/{ACCOUNT_ID}/…` served by the generic engine. */
export const RESOURCES = {
  users,
  devices,
  callflows,
  vmboxes,
  conferences: conferencesDef,
  media,
  lists: simple('lists', 'list', schemas.ListsSchema, (doc) => ({
    id: doc._id,
    name: doc.name,
    description: doc.description,
    list_type: doc.list_type,
  })),
} as const satisfies Readonly<Record<string, ResourceDef>>;

/** The collection served at a URL segment, if any (`Object.hasOwn`: `constructor` is no resource). */
export function resourceNamed(name: string): ResourceDef | undefined {
  return Object.hasOwn(RESOURCES, name) ? (RESOURCES as Readonly<Record<string, ResourceDef>>)[name] : undefined;
}

/** List entries (`/lists/{LIST_ID}/entries`): stored with the list as parent; listed as raw view rows. */
export const LIST_ENTRIES = listEntries;
