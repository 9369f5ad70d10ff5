import * as schemas from '@audian/resources/schemas';
import { isSuperDuperAdmin } from '../billing-rights';
import { createDoc, itemDoc } from '../collection';
import { byId, COLLECTION_VERBS, flagsOf } from '../collection-def';
import type { Reply, SandboxRequest } from '../context';
import { CrossbarError, type FieldErrors, mergeFieldErrors, validationError } from '../crossbar-error';
import { toE164 } from '../e164';
import { normalizeEmergencyNumber } from '../emergency-number';
import type { Engine } from '../engine';
import { compact, deepMerge, isObject, type JsonObject, nonEmpty, publicDoc, stripReserved } from '../json';
import type { ClaimSpec, DocHookContext, ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
import { REGISTRATIONS } from './registrations';

export const DEVICES: ResourceDef = {
  name: 'devices',
  type: 'device',
  schema: schemas.DevicesSchema,
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
      return errors;
    },
  };
}

/** The `sip` object `validate_device/2` reads: the request's, or for a `PATCH` the stored document with the request merged in. */
function requestSip(engine: Engine, req: SandboxRequest, accountId: string, id: string | undefined): JsonObject | undefined {
  if (!isObject(req.data)) return undefined;
  let doc: JsonObject = req.data;
  if (req.method === 'PATCH' && id !== undefined) {
    const base = publicDoc(engine.docs.load(accountId, DEVICES, id).body);
    delete base.id;
    doc = deepMerge(base, stripReserved(req.data));
  }
  return isObject(doc.sip) ? doc.sip : undefined;
}

/** `cb_devices:is_creds_locally_unique/3`: no other device of the account holds the username. */
function locallyUnique(engine: Engine, accountId: string, username: unknown, selfId: string | undefined): boolean {
  if (typeof username !== 'string' || username === '') return true;
  const holder = engine.store.claimant({ scope: accountId, kind: 'sip', value: username.toLowerCase() });
  if (!holder || (holder.accountId === accountId && holder.docId === selfId)) return true;
  const other = engine.store.get(holder.accountId, holder.docId);
  return !other || other.deleted === true;
}

/**
 * A device write (`PUT`, `POST`, `PATCH`) naming a `sip.realm` that is not a string. `cb_devices:validate_device/2` runs `validate_device_creds/2` before
 * `check_device_schema/2`, so such a realm is looked up before the schema refuses it:
 * `check_sip_creds_unique/4` asks `is_creds_locally_unique/3` and then
 * `is_creds_global_unique/3`, which reads it with `kz_term:to_lower_binary/1`. A realm Erlang cannot
 * turn into a binary crashes there; `kazoo_bindings` swallows the crash and the context is left
 * `fatal` without a code, which Crossbar answers 500 `generic_error` without data. Otherwise the
 * joined realm's clashes with `ip` devices (`sip_auth`) are reported next to the schema's errors,
 * as the claims report those with password devices.
 */
function writeDevice(engine: Engine, req: SandboxRequest, accountId: string, def: ResourceDef, id?: string): Reply {
  const write = () => (id === undefined ? createDoc(engine, req, accountId, def) : itemDoc(engine, req, accountId, def, id));
  const sip = requestSip(engine, req, accountId, id);
  const realm = sip?.realm;
  if (!sip || realm === undefined || realm === null || typeof realm === 'string') return write();
  // `validate_device_creds/2` looks the realm up for a password device only.
  const unique = (sip.method ?? 'password') === 'password' && locallyUnique(engine, accountId, sip.username, id);
  if (unique && realmBinary(realm) === undefined) throw new CrossbarError(500, 'generic_error', undefined);
  try {
    return write();
  } catch (error) {
    if (!(error instanceof CrossbarError) || error.status !== 400 || error.message !== 'validation error' || !isObject(error.data)) {
      throw error;
    }
    const fields = { ...(error.data as FieldErrors) };
    // jesse applies `minLength`, `maxLength` and `pattern` to strings only: a realm of another type
    // fails on `type` alone.
    const typeError = fields['sip.realm']?.type;
    if (typeError !== undefined) fields['sip.realm'] = { type: typeError };
    if (unique) mergeFieldErrors(fields, ipCredentialErrors(engine, sip, undefined, accountId, id));
    throw validationError(fields);
  }
}

/** `provisioner_util:cleanse_mac_address/1`: lower-case hex digits only. */
function cleanseMac(value: string): string {
  return value.toLowerCase().replace(/[^0-9a-f]/g, '');
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * `cb_devices:validate_device/2`'s steps before the schema check: the MAC address cleansed, outbound
 * flags trimmed, a `sip.realm` equal to the account's dropped, the emergency caller id normalised;
 * a mobile device needs `mobile.mdn`; `sip.method` is `password` or `ip`, an `ip` device needs an
 * IPv4 `sip.ip`. The MDN (`check_mdn_changed/3`) and the device type
 * (`check_device_type_change/2`) cannot change unless the login is a super-duper admin's.
 */
function prepareDevice(doc: JsonObject, ctx: DocHookContext, superDuperAdmin: boolean): FieldErrors {
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
  if (sip) Object.assign(errors, globalCredentialErrors(sip, accountRealm, ctx));
  normalizeEmergencyNumber(doc);

  const existing = ctx.existing?.body;
  const deviceType = existing?.device_type ?? doc.device_type;
  if (deviceType === 'mobile') {
    const mdn = isObject(doc.mobile) ? nonEmpty(doc.mobile.mdn) : undefined;
    const storedMdn = isObject(existing?.mobile) ? nonEmpty((existing.mobile as JsonObject).mdn) : undefined;
    if (mdn === undefined) errors['mobile.mdn'] = { required: { message: 'Field is required but missing' } };
    else if (existing && !superDuperAdmin && (storedMdn === undefined ? undefined : toE164(storedMdn)) !== toE164(mdn)) {
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
  if (existing && !superDuperAdmin && doc.device_type !== existing.device_type) {
    errors.device_type = { invalid: { message: 'Not authorized to change type of device', cause: doc.device_type ?? '' } };
  }
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
    route('accounts/:account/devices', ['PUT'], ({ engine, req, accountId }) =>
      writeDevice(engine, req, accountId, devicesFor(engine, false)),
    ),
    route('accounts/:account/devices/:id/sync', ['POST'], ({ engine, req, accountId, params }) =>
      deviceAction(engine, req, accountId, params.id, true),
    ),
    route('accounts/:account/devices/:id', ['PUT'], ({ engine, req, accountId, params }) =>
      deviceAction(engine, req, accountId, params.id, false),
    ),
    // The generic writes with the system-wide checks; a super-duper admin's update may change the type and MDN.
    route('accounts/:account/devices/:id', ['POST', 'PATCH'], ({ engine, req, accountId, params }) => {
      const superDuperAdmin = req.auth !== undefined && isSuperDuperAdmin(engine, req.auth.accountId);
      return writeDevice(engine, req, accountId, devicesFor(engine, superDuperAdmin), params.id);
    }),
  ],
});
