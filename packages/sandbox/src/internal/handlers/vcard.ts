import type { Reply } from '../context';
import type { Engine } from '../engine';
import { isObject, type JsonObject } from '../json';
import { RESOURCES } from '../resources';

const USERS = RESOURCES.users;

/** `kzd_users:vcard_escape_chars/1`: `:`, `;` and `,` escaped, newlines as `\n`. */
function vcardEscape(value: string): string {
  return value.replace(/[:;,]/g, (c) => `\\${c}`).replaceAll('\n', '\\n');
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * `GET …/users/{USER_ID}/vcard` (`cb_users:convert_to_vcard/1`, `kzd_users:to_vcard/1`): the user
 * with its `profile` merged in, the account's `org`, as vCard 3.0 lines in KAZOO's order, empty
 * fields left out, lines cut every 75 bytes. `TEL` reads `caller_id.internal`/`external` as strings,
 * as KAZOO does, so caller-id objects give no `TEL` line.
 */
export function vcard(engine: Engine, accountId: string, userId: string): Reply {
  const stored = engine.docs.load(accountId, USERS, userId).body;
  const user: JsonObject = { ...stored, ...(isObject(stored.profile) ? stored.profile : {}) };
  const account = engine.account(accountId)?.body ?? {};
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
