import * as schemas from '@audian/resources/schemas';
import { isSuperDuperAdmin } from '../billing-rights';
import { createDoc, itemDoc } from '../collection';
import { byId, COLLECTION_VERBS, flagsOf } from '../collection-def';
import type { Reply, SandboxRequest } from '../context';
import { CrossbarError, type FieldErrors, validationError } from '../crossbar-error';
import { toE164 } from '../e164';
import { normalizeEmergencyNumber } from '../emergency-number';
import type { Engine } from '../engine';
import { compact, deepMerge, isObject, type JsonObject, nonEmpty, publicDoc, stripReserved } from '../json';
import type { ClaimSpec, DocHookContext, ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
import type { StoredDoc } from '../store';
import { validateDocument } from '../validation';
import { REGISTRATIONS } from './registrations';

export const DEVICES: ResourceDef = {
  name: 'devices',
  type: 'device',
  schema: schemas.DevicesSchema,
  // `cb_devices:validate_device/2` checks the credentials before `check_device_schema/2`.
  uniqueChecked: 'beforeSchema',
  collectionVerbs: COLLECTION_VERBS,
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
      flags: flagsOf(doc),
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
    // `cb_devices:maybe_aggregate_device/2`: a device given a realm other than its account's is
    // copied to `sip_auth`, whose `credentials/lookup` view keys it by realm and username
    // (lower-cased); `is_creds_global_unique/3` refuses any other device the same pair there.
    const credentials = sipRealmKeys(sip);
    for (const value of credentials) {
      out.push({
        kind: SIP_REALM_CLAIM,
        value,
        scope: 'global',
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
    // `cb_devices:unique_mac_address/2` reads the account's own `devices/listing_by_macaddress`
    // (the provisioner is asked too only when one is configured): another account's desk phone may
    // carry the same MAC.
    if (typeof doc.mac_address === 'string' && doc.mac_address !== '') {
      const mac = doc.mac_address.toLowerCase().replace(/[^0-9a-f]/g, '');
      out.push({
        kind: 'mac',
        value: mac,
        scope: 'account',
        error: () => ({ mac_address: { unique: { message: 'MAC address already in use', cause: doc.mac_address } } }),
      });
    }
    // `cb_devices:check_mdn_taken/3`: a mobile device's MDN becomes a number of the system
    // (`add_mdn/2`), so a second device cannot take it, in any account.
    const mdn = doc.device_type === 'mobile' && isObject(doc.mobile) ? nonEmpty(doc.mobile.mdn) : undefined;
    if (mdn !== undefined) {
      const normalized = toE164(mdn);
      out.push({
        kind: 'mdn',
        value: normalized,
        scope: 'global',
        error: () => ({ 'mobile.mdn': { unique: { message: 'Mobile Device Number already exists in the system', cause: normalized } } }),
      });
    }
    return out;
  },
  prepare: (doc, ctx) => prepareDevice(doc, ctx, false),
};

/** The claim of an aggregated device's realm and username (`sip_auth`'s `credentials/lookup` key). */
const SIP_REALM_CLAIM = 'sip_realm';

function credentialsKey(realm: string, username: string): string {
  return JSON.stringify([realm.toLowerCase(), username.toLowerCase()]);
}

/**
 * `kz_term:to_binary/1` of a `sip.realm` that is not a string, as `is_creds_global_unique/3` reads
 * it through `kz_term:to_lower_binary/1`: a list is `iolist_to_binary/1`'d (`["a.com", "b.com"]`
 * is `a.comb.com`), a number is written out, `true`/`false` are atom names, an object is encoded.
 * Undefined where Erlang raises `badarg` (a list holding anything but strings, bytes or lists).
 */
function realmBinary(realm: unknown): string | undefined {
  if (typeof realm === 'string') return realm;
  if (typeof realm === 'number') return String(realm);
  if (typeof realm === 'boolean') return String(realm);
  if (isObject(realm)) return JSON.stringify(realm);
  if (!Array.isArray(realm)) return undefined;
  let out = '';
  for (const part of realm) {
    if (typeof part === 'string') out += part;
    else if (typeof part === 'number' && Number.isInteger(part) && part >= 0 && part <= 255) out += String.fromCharCode(part);
    else if (Array.isArray(part)) {
      const inner = realmBinary(part);
      if (inner === undefined) return undefined;
      out += inner;
    } else return undefined;
  }
  return out;
}

/**
 * The `credentials/lookup` key a password device with its own realm holds and is looked up by
 * (`is_creds_global_unique/3`: one key, `[to_lower_binary(Realm), to_lower_binary(Username)]`). A
 * stored device's realm is a string (the schema allows nothing else); a request's may be anything,
 * and a list is one joined realm, not one key per element. A device in its account's realm is not
 * aggregated: its `sip.realm` was dropped (`prepare_device_realm/2`), so it has none.
 */
function sipRealmKeys(sip: JsonObject): string[] {
  const username = sip.username;
  if (typeof username !== 'string' || username === '' || (sip.method ?? 'password') !== 'password') return [];
  if (sip.realm === undefined || sip.realm === null || sip.realm === '') return [];
  const realm = realmBinary(sip.realm);
  return realm === undefined ? [] : [credentialsKey(realm, username)];
}

/**
 * `cb_devices:is_creds_global_unique/3` for a device in its account's realm: it is not aggregated
 * itself, but its username is still looked up in `sip_auth` under the account's realm, where
 * another account's device that named this realm may hold it.
 */
function globalCredentialErrors(sip: JsonObject, accountRealm: unknown, ctx: DocHookContext): FieldErrors {
  const username = sip.username;
  if (typeof username !== 'string' || username === '' || typeof accountRealm !== 'string' || accountRealm === '') return {};
  if ((sip.method ?? 'password') !== 'password' || sip.realm !== undefined) return {};
  const holder = ctx.globalHolder(SIP_REALM_CLAIM, credentialsKey(accountRealm, username));
  if (!holder || (holder.accountId === ctx.accountId && holder.id === ctx.existing?.id)) return {};
  return { 'sip.username': { unique: { message: 'SIP credentials already in use', cause: username } } };
}

/**
 * The `credentials/lookup` keys of a stored `ip` device. `cb_devices:check_device_ip_unique/3`
 * aggregates every `ip` device to `sip_auth`, and the view emits `[realm, username]` for each one
 * that kept a `sip.realm` (one other than its account's) and has a string username
 * (`username.toLowerCase()` throws on anything else, and the device is left out).
 */
function ipDeviceKeys(sip: JsonObject): string[] {
  const username = sip.username;
  if (sip.method !== 'ip' || typeof username !== 'string') return [];
  const realms = Array.isArray(sip.realm) ? sip.realm : [sip.realm];
  return realms.filter((r): r is string => typeof r === 'string').map((r) => credentialsKey(r, username));
}

/**
 * The part of `cb_devices:is_creds_global_unique/3` the claims cannot hold: `ip` devices in
 * `sip_auth` under the realm and username a password device is looked up by. Such devices are not
 * checked themselves (`check_device_password/3` runs for `password` only), so several may share a
 * key; any one other than the device being saved makes the look-up answer someone else (or more
 * than one row), which is a clash.
 */
function ipCredentialErrors(
  engine: Engine,
  sip: JsonObject,
  accountRealm: unknown,
  accountId: string,
  selfId: string | undefined,
): FieldErrors {
  const username = sip.username;
  if (typeof username !== 'string' || username === '' || (sip.method ?? 'password') !== 'password') return {};
  const realm = realmBinary(sip.realm ?? accountRealm);
  if (realm === undefined) return {};
  const wanted = credentialsKey(realm, username);
  const taken = engine.store.allOfType(DEVICES.type).some((device) => {
    if (device.accountId === accountId && device.id === selfId) return false;
    const other = isObject(device.body.sip) ? device.body.sip : {};
    return ipDeviceKeys(other).includes(wanted);
  });
  return taken ? { 'sip.username': { unique: { message: 'SIP credentials already in use', cause: username } } } : {};
}

/**
 * The device definition a request saves with (its own routes, and `…/bulk`, which runs the devices
 * module's validation): the checks that read every account's devices need the engine, and a
 * super-duper admin's update may change the type and MDN.
 */
export function devicesFor(engine: Engine, superDuperAdmin: boolean): ResourceDef {
  return {
    ...DEVICES,
    prepare: (doc, ctx) => {
      const errors = prepareDevice(doc, ctx, superDuperAdmin);
      const sip = isObject(doc.sip) ? doc.sip : undefined;
      const accountRealm = ctx.lookup(ctx.accountId, ctx.accountId)?.body.realm;
      if (sip) Object.assign(errors, ipCredentialErrors(engine, sip, accountRealm, ctx.accountId, ctx.existing?.id));
      // The `sip` claim leaves `ip` devices out; `is_creds_locally_unique/3` reads them too.
      const username = (sip?.method ?? 'password') === 'password' ? usernameKey(sip?.username) : undefined;
      if (username !== undefined && !credsLocallyUnique(engine, ctx.accountId, username, ctx.existing?.id)) {
        Object.assign(errors, credentialsInUse(sip?.username));
      }
      return errors;
    },
  };
}

/**
 * The document `cb_devices:validate_device/2` reads (`cb_context:req_data/1`): the request's, or for
 * a `PATCH` the stored document with the request merged in (`crossbar_doc:patch_and_validate/3`).
 */
function requestDoc(req: SandboxRequest, existing: StoredDoc | undefined): JsonObject | undefined {
  if (!isObject(req.data)) return undefined;
  if (req.method !== 'PATCH' || !existing) return stripReserved(req.data);
  const base = publicDoc(existing.body);
  delete base.id;
  return deepMerge(base, stripReserved(req.data));
}

/** The answer of a `devices/sip_credentials` or `credentials/lookup` look-up: no row, or one that is the device itself. */
function onlySelf(rows: readonly StoredDoc[], selfId: string | undefined): boolean {
  return rows.length === 0 || (rows.length === 1 && rows[0]?.id === selfId);
}

/** `kz_term:to_lower_binary/1` of a username, for the strings and numbers a look-up can take. */
function usernameKey(username: unknown): string | undefined {
  if (typeof username === 'string' && username !== '') return username.toLowerCase();
  if (typeof username === 'number') return String(username);
  return undefined;
}

/**
 * `cb_devices:is_creds_locally_unique/3`: the account's `devices/sip_credentials` view emits every
 * live document with a `sip` object under its lower-cased username, `ip` devices included (the view
 * cannot emit one whose username is not a string). No row, or one that is the device itself, is
 * unique.
 */
function credsLocallyUnique(engine: Engine, accountId: string, username: string, selfId: string | undefined): boolean {
  const rows = engine.store.children(accountId, DEVICES.type, '').filter((device) => {
    const sip = isObject(device.body.sip) ? device.body.sip : undefined;
    return typeof sip?.username === 'string' && sip.username.toLowerCase() === username;
  });
  return onlySelf(rows, selfId);
}

/**
 * The `credentials/lookup` keys a stored device holds in `sip_auth`: a password device that kept a
 * realm (one other than its account's: `maybe_aggregate_device/2`) under that realm, and every
 * `ip` device ({@link ipDeviceKeys}).
 */
function sipAuthKeys(sip: JsonObject): string[] {
  if (sip.method === 'ip') return ipDeviceKeys(sip);
  if (typeof sip.username !== 'string' || typeof sip.realm !== 'string') return [];
  return [credentialsKey(sip.realm, sip.username)];
}

/** `cb_devices:is_creds_global_unique/3`: the `sip_auth` rows under `[realm, username]`, lower-cased. */
function credsGloballyUnique(engine: Engine, realm: string, username: string, selfId: string | undefined): boolean {
  const key = credentialsKey(realm, username);
  const rows = engine.store.allOfType(DEVICES.type).filter((device) => {
    const sip = isObject(device.body.sip) ? device.body.sip : undefined;
    return sip !== undefined && sipAuthKeys(sip).includes(key);
  });
  return onlySelf(rows, selfId);
}

/** The live holder of a system-wide claim (MDNs, `ip` device addresses), other than the device itself. */
function takenBy(engine: Engine, kind: string, value: string, selfId: string | undefined): boolean {
  const holder = engine.store.claimant({ scope: '', kind, value });
  if (!holder || holder.docId === selfId) return false;
  const other = engine.store.get(holder.accountId, holder.docId);
  return other !== undefined && other.deleted !== true;
}

const credentialsInUse = (username: unknown): FieldErrors => ({
  'sip.username': { unique: { message: 'SIP credentials already in use', cause: username as never } },
});

/**
 * `cb_devices:validate_device/2`'s checks before `check_device_schema/2`, in its order, on the
 * prepared request: `validate_mdn/2` (`check_mdn_taken/3` looks the MDN up among the system's
 * numbers), `validate_mac_address/2` (a changed MAC must not be in the account's
 * `devices/listing_by_macaddress`), `validate_device_creds/2` (a password device's username through
 * `check_sip_creds_unique/4`: `is_creds_locally_unique/3` and then `is_creds_global_unique/3`; an
 * `ip` device's address through `check_device_ip/3`) and `check_device_type_change/2`. Each records
 * its error with `cb_context:add_validation_error/4`, which sets the field's entry whole.
 *
 * `is_creds_global_unique/3` reads the realm with `kz_term:to_lower_binary/1`: a realm Erlang
 * cannot turn into a binary crashes there; `kazoo_bindings` swallows the crash and the context is
 * left `fatal` without a code, which Crossbar answers 500 `generic_error` without data.
 */
function deviceChecks(
  engine: Engine,
  doc: JsonObject,
  accountId: string,
  accountRealm: unknown,
  existing: StoredDoc | undefined,
  superDuperAdmin: boolean,
): FieldErrors {
  const selfId = existing?.id;
  const errors: FieldErrors = {};
  const set = (fields: FieldErrors) => Object.assign(errors, fields);

  const mdn = mdnErrors(doc, existing?.body, superDuperAdmin);
  set(mdn.errors);
  if (mdn.lookUp !== undefined && takenBy(engine, 'mdn', mdn.lookUp, selfId)) {
    set({ 'mobile.mdn': { unique: { message: 'Mobile Device Number already exists in the system', cause: mdn.lookUp } } });
  }

  const mac = typeof doc.mac_address === 'string' && doc.mac_address !== '' ? doc.mac_address : undefined;
  if (mac !== undefined && mac !== existing?.body.mac_address) {
    const macs = engine.store.children(accountId, DEVICES.type, '').map((device) => device.body.mac_address);
    if (macs.some((other) => typeof other === 'string' && other !== '' && cleanseMac(other) === mac)) {
      set({ mac_address: { unique: { message: 'MAC address already in use', cause: mac } } });
    }
  }

  const sip = isObject(doc.sip) ? doc.sip : undefined;
  const method = sip?.method ?? 'password';
  if (method === 'password') {
    const username = usernameKey(sip?.username);
    if (username !== undefined) {
      if (!credsLocallyUnique(engine, accountId, username, selfId)) set(credentialsInUse(sip?.username));
      else {
        const realm = realmBinary(sip?.realm ?? accountRealm);
        if (realm === undefined) throw new CrossbarError(500, 'generic_error', undefined);
        if (!credsGloballyUnique(engine, realm, username, selfId)) set(credentialsInUse(sip?.username));
      }
    }
  } else {
    set(sipMethodErrors(sip));
    if (method === 'ip' && typeof sip?.ip === 'string' && IPV4.test(sip.ip) && takenBy(engine, 'sip_ip', sip.ip, selfId)) {
      set({ 'sip.ip': { unique: { message: 'SIP IP already in use', cause: sip.ip } } });
    }
  }

  set(typeChangeErrors(doc, existing?.body, superDuperAdmin));
  return errors;
}

/**
 * A device write (`PUT`, `POST`, `PATCH`) in `cb_devices:validate_device/2`'s order: the request is
 * prepared and checked ({@link deviceChecks}) before the schema, which runs regardless
 * (`check_device_schema/2`); `cb_context:failed_error/2` folds each schema error in with
 * `kz_json:merge_jobjs/2`, so a schema error on a field replaces that field's entry whole and every
 * other field's errors sit next to it in the one 400. With nothing failed the generic engine saves.
 */
function writeDevice(engine: Engine, req: SandboxRequest, accountId: string, superDuperAdmin: boolean, id?: string): Reply {
  const def = devicesFor(engine, superDuperAdmin);
  const write = () => (id === undefined ? createDoc(engine, req, accountId, def) : itemDoc(engine, req, accountId, def, id));
  const existing = id === undefined ? undefined : engine.docs.load(accountId, DEVICES, id);
  const input = requestDoc(req, existing);
  if (!input) return write();
  const doc = structuredClone(input);
  const accountRealm = engine.store.get(accountId, accountId)?.body.realm;
  normalizeDevice(doc, accountRealm);
  const errors = deviceChecks(engine, doc, accountId, accountRealm, existing, superDuperAdmin);
  const schema = validateDocument(DEVICES.schema, doc);
  if (!schema.ok) Object.assign(errors, schema.errors);
  if (Object.keys(errors).length > 0) throw validationError(errors);
  return write();
}

/** `provisioner_util:cleanse_mac_address/1`: lower-case hex digits only. */
function cleanseMac(value: string): string {
  return value.toLowerCase().replace(/[^0-9a-f]/g, '');
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * `cb_devices:validate_device/2`'s preparation of the request: `prepare_mac_address/2` (cleansed),
 * `prepare_outbound_flags/2` (trimmed), `prepare_device_realm/2` (a `sip.realm` equal to the
 * account's dropped), `prepare_emergency_caller_id/2` (normalised).
 */
function normalizeDevice(doc: JsonObject, accountRealm: unknown): void {
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
  if (sip && sip.realm === accountRealm) delete sip.realm;
  normalizeEmergencyNumber(doc);
}

/**
 * `cb_devices:validate_mdn/2` without the look-up: a mobile device (by its stored type, else the
 * request's: `get_device_type/1`) needs `mobile.mdn` (`check_mdn_undefined/2`), which cannot change
 * unless the login is a super-duper admin's (`check_mdn_changed/3`). The normalised MDN is
 * returned when `check_mdn_taken/3` is to look it up.
 */
function mdnErrors(doc: JsonObject, existing: JsonObject | undefined, superDuperAdmin: boolean): { errors: FieldErrors; lookUp?: string } {
  const deviceType = existing?.device_type ?? doc.device_type;
  if (deviceType !== 'mobile') return { errors: {} };
  const mdn = isObject(doc.mobile) ? nonEmpty(doc.mobile.mdn) : undefined;
  if (mdn === undefined) return { errors: { 'mobile.mdn': { required: { message: 'Field is required but missing' } } } };
  const normalized = toE164(mdn);
  if (!existing) return { errors: {}, lookUp: normalized };
  const storedMdn = isObject(existing.mobile) ? nonEmpty((existing.mobile as JsonObject).mdn) : undefined;
  if ((storedMdn === undefined ? undefined : toE164(storedMdn)) === normalized) return { errors: {} };
  if (superDuperAdmin) return { errors: {}, lookUp: normalized };
  return { errors: { 'mobile.mdn': { invalid: { message: 'Mobile Device Number cannot be changed', cause: mdn } } } };
}

/** `cb_devices:validate_device_creds/2` without the look-ups: an `ip` device's `sip.ip` is IPv4 (`check_device_ip/3`), the method is `password` or `ip`. */
function sipMethodErrors(sip: JsonObject | undefined): FieldErrors {
  const method = sip?.method ?? 'password';
  if (method === 'ip') {
    const ip = sip?.ip;
    if (typeof ip !== 'string' || !IPV4.test(ip))
      return { 'sip.ip': { type: { message: 'Must be a valid IPv4 RFC 791', cause: ip as never } } };
    return {};
  }
  if (method === 'password') return {};
  return {
    'sip.method': { enum: { message: 'SIP authentication method is invalid', target: ['password', 'ip'], cause: method as never } },
  };
}

/** `cb_devices:check_device_type_change/2`: only a super-duper admin changes a device's type. */
function typeChangeErrors(doc: JsonObject, existing: JsonObject | undefined, superDuperAdmin: boolean): FieldErrors {
  if (!existing || superDuperAdmin || doc.device_type === existing.device_type) return {};
  return { device_type: { invalid: { message: 'Not authorized to change type of device', cause: doc.device_type ?? '' } } };
}

/**
 * The engine's hook after the schema (`…/bulk` saves through it): the preparation and the checks
 * that need no look-up; the unique values are the claims' and {@link devicesFor}'s.
 */
function prepareDevice(doc: JsonObject, ctx: DocHookContext, superDuperAdmin: boolean): FieldErrors {
  const accountRealm = ctx.lookup(ctx.accountId, ctx.accountId)?.body.realm;
  normalizeDevice(doc, accountRealm);
  const sip = isObject(doc.sip) ? doc.sip : undefined;
  const errors: FieldErrors = {};
  if (sip) Object.assign(errors, globalCredentialErrors(sip, accountRealm, ctx));
  const existing = ctx.existing?.body;
  Object.assign(errors, mdnErrors(doc, existing, superDuperAdmin).errors);
  Object.assign(errors, sipMethodErrors(sip));
  Object.assign(errors, typeChangeErrors(doc, existing, superDuperAdmin));
  return errors;
}

/** 202 answers (`crossbar_util:response_202`). */
function accepted(message: string): Reply {
  return { status: 202, data: message, envelope: { revision: 'automatic' } };
}

/** `GET …/devices/status`: `{device_id, registered: true}` for every device with a registration. */
function deviceStatus(engine: Engine, accountId: string): Reply {
  const ids = new Set<string>();
  for (const reg of engine.store.children(accountId, REGISTRATIONS.type, '')) {
    if (typeof reg.body.authorizing_id === 'string') ids.add(reg.body.authorizing_id);
  }
  return { data: [...ids].map((device_id) => ({ device_id, registered: true })), envelope: { revision: 'automatic' } };
}

/** `POST …/devices/{id}/sync` and `PUT …/devices/{id}` with `{"action":"notify"}`. */
function deviceAction(engine: Engine, req: SandboxRequest, accountId: string, id: string, sync: boolean): Reply {
  engine.docs.load(accountId, DEVICES, id);
  if (sync) return accepted('sync request sent');
  const action = req.envelope.action;
  if (action === undefined) throw new CrossbarError(400, 'action required', {});
  if (action !== 'notify') throw new CrossbarError(400, 'invalid action', {});
  const data = isObject(req.data) ? req.data : {};
  if (typeof data.event !== 'string' || data.event === '') {
    throw validationError({ event: { required: { message: 'Field is required but missing', value: data } } });
  }
  return accepted('NOTIFY sent');
}

/** `cb_devices`: the account's devices, their registration status, sync and NOTIFY actions. */
export const devicesModule = defineModule({
  name: 'devices',
  documents: [DEVICES],
  routes: [
    route('accounts/:account/devices/status', ['GET'], ({ engine, accountId }) => deviceStatus(engine, accountId)),
    route('accounts/:account/devices', ['PUT'], ({ engine, req, accountId }) => writeDevice(engine, req, accountId, false)),
    route('accounts/:account/devices/:id/sync', ['POST'], ({ engine, req, accountId, params }) =>
      deviceAction(engine, req, accountId, params.id, true),
    ),
    route('accounts/:account/devices/:id', ['PUT'], ({ engine, req, accountId, params }) =>
      deviceAction(engine, req, accountId, params.id, false),
    ),
    // The generic writes with the system-wide checks; a super-duper admin's update may change the type and MDN.
    route('accounts/:account/devices/:id', ['POST', 'PATCH'], ({ engine, req, accountId, params }) => {
      const superDuperAdmin = req.auth !== undefined && isSuperDuperAdmin(engine, req.auth.accountId);
      return writeDevice(engine, req, accountId, superDuperAdmin, params.id);
    }),
  ],
});
