import { randomBytes } from 'node:crypto';
import { AccountsSchema } from '@audian/resources/schemas';
import { compact, type JsonObject } from './json';
import type { DocHookContext, ResourceDef } from './resource-def';

/** A fresh SIP realm for an account created without one. */
export function newRealm(): string {
  return `${randomBytes(3).toString('hex')}.sip.sandbox.local`;
}

/** Accounts: stored in their own "database" (account id = document id), tree in `pvt_tree`. */
export const ACCOUNTS: ResourceDef = {
  name: 'accounts',
  type: 'account',
  schema: AccountsSchema,
  collectionVerbs: ['PUT'],
  itemVerbs: ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'],
  summary: (doc) => compact({ id: doc._id, name: doc.name, realm: doc.realm, flags: doc.flags ?? [] }),
  sortKey: (doc) => String(doc.name ?? ''),
  claims(doc) {
    const out: ReturnType<NonNullable<ResourceDef['claims']>> = [];
    if (typeof doc.realm === 'string' && doc.realm !== '') {
      out.push({
        kind: 'realm',
        value: doc.realm.toLowerCase(),
        scope: 'global',
        error: () => ({ realm: { unique: { message: 'Account realm already in use', cause: doc.realm } } }),
      });
    }
    // `kzd_accounts:validate_account_name_is_unique/2`: names compare lower-cased, letters and digits only.
    const alphanum = typeof doc.name === 'string' ? normalizeAccountName(doc.name) : '';
    if (alphanum !== '') {
      out.push({
        kind: 'account_name',
        value: alphanum,
        scope: 'global',
        error: () => ({ name: { unique: { message: 'Account name already in use', cause: doc.name } } }),
      });
    }
    if (typeof doc.pvt_api_key === 'string') {
      out.push({ kind: 'api_key', value: doc.pvt_api_key, scope: 'global', error: () => ({}) });
    }
    return out;
  },
  prepare(doc: JsonObject, ctx) {
    // `kzd_accounts:validate/3`: ensure_account_has_realm, ensure_account_has_timezone, remove_spaces, cleanup_leaky_keys.
    if (typeof doc.realm === 'string') doc.realm = doc.realm.replaceAll(' ', '').toLowerCase();
    else doc.realm = typeof ctx.existing?.body.realm === 'string' ? ctx.existing.body.realm : newRealm();
    if (typeof doc.timezone !== 'string' || doc.timezone === '' || doc.timezone === 'inherit') {
      doc.timezone = ctx.existing ? inheritedTimezone(ctx.lookup, treeOf(ctx.existing.body)) : DEFAULT_TIMEZONE;
    }
    for (const key of ['wnm_allow_additions', 'superduper_admin', 'billing_mode']) delete doc[key];
    if (typeof doc.name === 'string') doc.pvt_alphanum_name = normalizeAccountName(doc.name);
    return undefined;
  },
};

/** `accounts.default_timezone`'s default (`kzd_accounts:default_timezone/0`). */
export const DEFAULT_TIMEZONE = 'America/Los_Angeles';

/** `kzd_accounts:normalize_name/1`: lower-cased, letters and digits only. */
export function normalizeAccountName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** `kzd_accounts:parent_timezone/2`: the nearest ancestor's timezone, else the default. */
function inheritedTimezone(lookup: DocHookContext['lookup'], tree: readonly string[]): string {
  for (let i = tree.length - 1; i >= 0; i--) {
    const id = tree[i] as string;
    const timezone = lookup(id, id)?.body.timezone;
    if (typeof timezone === 'string' && timezone !== '' && timezone !== 'inherit') return timezone;
  }
  return DEFAULT_TIMEZONE;
}

/** The account's ancestors, root first (`pvt_tree`). */
export function treeOf(doc: JsonObject): string[] {
  return Array.isArray(doc.pvt_tree) ? (doc.pvt_tree as unknown[]).filter((x): x is string => typeof x === 'string') : [];
}
