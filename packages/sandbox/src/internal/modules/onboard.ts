import { randomBytes } from 'node:crypto';
import { ACCOUNTS, DEFAULT_TIMEZONE, treeOf } from '../accounts-def';
import type { Reply, SandboxRequest } from '../context';
import { CrossbarError, type FieldErrors } from '../crossbar-error';
import type { Engine } from '../engine';
import { newApiKey, newId } from '../ids';
import { isObject, type JsonObject } from '../json';
import type { ResourceDef } from '../resource-def';
import { defineModule, route } from '../sandbox-module';
import type { StoredDoc } from '../store';
import { notImplemented } from '../unserved';
import { CALLFLOWS } from './callflows';
import { DEVICES } from './devices';
import { normalizeNumber, PHONE_NUMBERS } from './phone-numbers';
import { USERS } from './users';
import { VMBOXES } from './vmboxes';

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');
const objectAt = (value: unknown): JsonObject => (isObject(value) ? { ...value } : {});
const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** `cb_onboard:generate_username/3`. */
function username(email: unknown, first: unknown, last: unknown): string {
  if (nonEmpty(email)) return email;
  if (!nonEmpty(first) || last === undefined || last === null || last === '') return hex(3);
  return `${first.slice(0, 1)}${String(last)}`;
}

/** One document to create: its definition, id and body, and where its errors go in the answer. */
interface Planned {
  readonly def: ResourceDef;
  readonly id: string;
  readonly body: JsonObject;
  readonly iteration: number;
  readonly key: 'users' | 'devices' | 'vmboxes' | 'callflows';
}

/**
 * `cb_onboard:create_extensions/4`: per extension, in this order, the user (the first one an
 * administrator; default names `User <n>`; a username from the e-mail or names), the device
 * (owned by the user, `user_<hex>` SIP credentials), the voicemail box (mailbox 3000+n) and the
 * callflow (user then voicemail, number 2000+n unless given).
 */
function planExtension(extension: JsonObject, n: number): Planned[] {
  const rawUser = objectAt(extension.user);
  const user: JsonObject = { ...rawUser };
  if (!nonEmpty(rawUser.username)) user.username = username(rawUser.email, rawUser.first_name, rawUser.last_name);
  if (!nonEmpty(user.last_name)) user.last_name = String(n);
  if (!nonEmpty(user.first_name)) user.first_name = 'User';
  if (n === 1) user.priv_level = 'admin';
  const userId = newId();
  const device: JsonObject = { ...objectAt(extension.device), owner_id: userId };
  if (!nonEmpty(device.name)) device.name = `${user.first_name} ${user.last_name}'s Device`;
  const sip = objectAt(device.sip);
  if (!nonEmpty(sip.username)) sip.username = `user_${hex(3)}`;
  if (!nonEmpty(sip.password)) sip.password = hex(6);
  device.sip = sip;
  const vmbox: JsonObject = { ...objectAt(extension.vmbox), owner_id: userId };
  if (!nonEmpty(vmbox.mailbox)) vmbox.mailbox = String(3000 + n);
  if (!nonEmpty(vmbox.name)) vmbox.name = `${user.first_name} ${user.last_name}'s Voicemail`;
  const vmboxId = newId();
  const callflow = objectAt(extension.callflow);
  const numbers = Array.isArray(callflow.numbers) ? callflow.numbers.filter(nonEmpty) : [];
  callflow.numbers = numbers.length > 0 ? numbers : [String(2000 + n)];
  callflow.flow = { module: 'user', data: { id: userId }, children: { _: { module: 'voicemail', data: { id: vmboxId }, children: {} } } };
  return [
    { def: USERS, id: userId, body: user, iteration: n, key: 'users' },
    { def: DEVICES, id: newId(), body: device, iteration: n, key: 'devices' },
    { def: VMBOXES, id: vmboxId, body: vmbox, iteration: n, key: 'vmboxes' },
    { def: CALLFLOWS, id: newId(), body: callflow, iteration: n, key: 'callflows' },
  ];
}

function fieldErrors(error: unknown): FieldErrors {
  if (error instanceof CrossbarError && error.status === 400 && isObject(error.data)) return error.data as FieldErrors;
  throw error;
}

/**
 * `PUT …/onboard` (`cb_onboard:validate/2`, then `put/1`): every part is validated first and the
 * failures answered together (400 `invalid data`: `account`, `extensions.<n>.<users|devices|…>`);
 * then the account is created below the URL's account and its extensions in it, all or nothing,
 * and the answer carries a token of the new account's administrator.
 */
function onboard(engine: Engine, req: SandboxRequest, parent: StoredDoc): Reply {
  const data = objectAt(req.data);
  if (data.braintree !== undefined)
    throw notImplemented('onboard', 'a braintree customer needs a billing provider, which the sandbox does not have');
  const accountId = newId();
  const account = objectAt(data.account);
  if (!nonEmpty(account.timezone)) account.timezone = DEFAULT_TIMEZONE;
  const planned = (Array.isArray(data.extensions) ? data.extensions : []).flatMap((ext, i) => planExtension(objectAt(ext), i + 1));
  const failures: JsonObject = {};
  try {
    engine.docs.validate(ACCOUNTS, accountId, account, undefined);
  } catch (error) {
    failures.account = fieldErrors(error);
  }
  for (const item of planned) {
    try {
      engine.docs.validate(item.def, accountId, item.body, undefined);
    } catch (error) {
      const ext = objectAt(failures.extensions);
      ext[String(item.iteration)] = { ...objectAt(ext[String(item.iteration)]), [item.key]: fieldErrors(error) };
      failures.extensions = ext;
    }
  }
  // `cb_onboard:create_phone_numbers/3`: each number is activated for the new account; a failure
  // is reported on `phone_numbers` (the last one, as KAZOO overwrites the key).
  const numbers: [string, JsonObject][] = [];
  for (const [raw, properties] of Object.entries(objectAt(data.phone_numbers))) {
    const number = normalizeNumber(raw);
    const holder = number ? engine.store.claimant({ scope: '', kind: 'phone_number', value: number }) : undefined;
    if (!number) {
      failures.phone_numbers = { cause: raw, code: 404, error: 'not_reconcilable', message: `number ${raw} is not reconcilable` };
    } else if (holder && engine.store.get(holder.accountId, number)?.deleted === false) {
      failures.phone_numbers = { cause: raw, code: 409, error: 'number_exists', message: `number ${raw} already exists` };
    } else {
      numbers.push([number, objectAt(properties)]);
    }
  }
  if (Object.keys(failures).length > 0) throw new CrossbarError(400, 'invalid data', failures);
  let ownerId: string | undefined;
  engine.store.transaction(() => {
    engine.docs.create(ACCOUNTS, accountId, account, {
      id: accountId,
      private: { pvt_tree: [...treeOf(parent.body), parent.id], pvt_api_key: newApiKey(), pvt_reseller: false, pvt_enabled: true },
    });
    for (const [number, properties] of numbers) {
      engine.docs.create(PHONE_NUMBERS, accountId, properties, {
        id: number,
        private: { pvt_state: 'in_service', pvt_assigned_to: accountId, pvt_features: ['local'], pvt_module_name: 'knm_local' },
      });
    }
    for (const item of planned) {
      const doc = engine.docs.create(item.def, accountId, item.body, { id: item.id });
      if (item.key === 'users' && doc.body.priv_level === 'admin') ownerId ??= doc.id;
    }
  });
  const { token } = engine.issueToken(accountId, ownerId, 'cb_user_auth');
  const result: JsonObject = { account_id: accountId, auth_token: token };
  if (ownerId) result.owner_id = ownerId;
  return { data: result, envelope: { auth_token: token } };
}

/** `cb_onboard`: a new sub-account with its users, devices, voicemail boxes and callflows in one request. */
export const onboardModule = defineModule({
  name: 'onboard',
  routes: [route('accounts/:account/onboard', ['PUT'], ({ engine, req, account }) => onboard(engine, req, account()))],
});
