import { toE164 } from '../e164';
import type { Engine } from '../engine';
import { isObject, type JsonObject } from '../json';
import { defineModule, route } from '../sandbox-module';

/** A contact being built (`provisioner_contact_list`'s `#contact{}`). */
interface Contact {
  id?: string;
  name?: string;
  firstModule?: string;
  external: string[];
  internal: string[];
}

const REQUIRE_ID = ['menu', 'conference', 'directory', 'receive_fax', 'voicemail'];
const FEATURE_CODES = [
  'call_forward',
  'do_not_disturb',
  'intercom',
  'privacy',
  'record_call',
  'disa',
  'dynamic_cid',
  'hotdesk',
  'manual_presence',
  'park',
  'voicemail',
];
const NAMED_TYPES = ['menu', 'conference', 'directory', 'device', 'vmbox'];

function live(engine: Engine, accountId: string, type: string): JsonObject[] {
  return engine.store
    .rows(accountId, type, '', 'ascending')
    .map((row) => row.doc())
    .filter((doc) => doc.pvt_deleted !== true);
}

const excluded = (doc: JsonObject): boolean => isObject(doc.contact_list) && Boolean(doc.contact_list.exclude);

/** The `contact_list/extensions` view: [key, value] for each callflow worth listing. */
function extensionRows(callflow: JsonObject): [string, JsonObject] | undefined {
  if (excluded(callflow) || !Array.isArray(callflow.numbers)) return undefined;
  const flow = isObject(callflow.flow) ? callflow.flow : {};
  const data = isObject(flow.data) ? flow.data : {};
  const children = isObject(flow.children) ? flow.children : {};
  const next = isObject(children._) ? children._ : {};
  const first = typeof flow.module === 'string' ? flow.module : undefined;
  const second = typeof next.module === 'string' ? next.module : undefined;
  const name = (callflow.name as string | undefined) || (data.name as string | undefined);
  const id = (data.id as string | undefined) || (data.owner_id as string | undefined);
  const key = callflow.featurecode ? 'featurecode' : 'custom';
  const numbers = callflow.numbers;
  if ((first === 'user' || first === 'device') && (second === 'voicemail' || !second) && id) return ['extension', { id, numbers }];
  if (name) return [key, { name, first_module: first?.replace('_', ' '), numbers }];
  if (first && REQUIRE_ID.includes(first) && id) return [key, { id, name, first_module: first, numbers }];
  if (first && FEATURE_CODES.includes(first)) {
    const action = typeof data.action === 'string' ? data.action : '';
    if (!action) return undefined;
    const suffix = action === first ? '' : ` (${action})`;
    return [key, { name: first.replaceAll('_', ' ') + suffix.replaceAll('_', ' '), numbers }];
  }
  return undefined;
}

/** `provisioner_contact_list:split_contact_numbers/2`: reconcilable numbers are external. */
function toContact(value: JsonObject): Contact {
  const external: string[] = [];
  const internal: string[] = [];
  for (const n of Array.isArray(value.numbers) ? value.numbers : []) {
    if (typeof n !== 'string') continue;
    (/^\+\d{8,}$/.test(toE164(n)) ? external : internal).unshift(n);
  }
  return {
    id: value.id as string | undefined,
    name: (value.name as string | undefined) || undefined,
    firstModule: (value.first_module as string | undefined) || undefined,
    external,
    internal,
  };
}

/** `provisioner_contact_list:build/1` over the account's documents. */
function build(engine: Engine, accountId: string): JsonObject[] {
  const account = engine.account(accountId)?.body ?? {};
  const includes = isObject(account.contact_list) && Array.isArray(account.contact_list.includes) ? account.contact_list.includes : [];
  const rows = live(engine, accountId, 'callflow')
    .map((cf) => [extensionRows(cf), String(cf._id)] as const)
    .filter((r): r is readonly [[string, JsonObject], string] => r[0] !== undefined)
    .sort((a, b) => (a[0][0] === b[0][0] ? a[1].localeCompare(b[1]) : a[0][0].localeCompare(b[0][0])));
  let contacts = rows.filter(([[key]]) => includes.length === 0 || includes.includes(key)).map(([[, value]]) => toContact(value));
  // filter_excluded: any document flagged `contact_list.exclude` removes the contact naming it.
  const excludedIds = new Set<string>();
  const names = new Map<string, string>();
  for (const type of ['user', ...NAMED_TYPES]) {
    for (const doc of live(engine, accountId, type)) {
      if (excluded(doc)) {
        excludedIds.add(String(doc._id));
        continue;
      }
      // The `contact_list/names` view.
      const name = type === 'user' ? `${doc.first_name} ${doc.last_name}` : doc.name;
      if (typeof name === 'string' && name !== '') names.set(String(doc._id), name);
    }
  }
  contacts = contacts.filter((c) => !c.id || !excludedIds.has(c.id));
  for (const c of contacts) if (c.name === undefined && c.id && names.has(c.id)) c.name = names.get(c.id);
  return contacts
    .map((c) => (c.firstModule && c.name ? { ...c, name: `${c.name} (${c.firstModule})` } : c))
    .filter((c) => c.name !== undefined && (c.external.length > 0 || c.internal.length > 0))
    .map((c) => {
      const out: JsonObject = { name: c.name };
      if (c.external[0] !== undefined) out.external_number = c.external[0];
      if (c.internal[0] !== undefined) out.internal_number = c.internal[0];
      return out;
    });
}

/** `cb_contact_list`: the phone book provisioned to desk phones, built from the account's callflows. */
export const contactListModule = defineModule({
  name: 'contact_list',
  routes: [route('accounts/:account/contact_list', ['GET'], ({ engine, accountId }) => ({ data: build(engine, accountId) }))],
});
