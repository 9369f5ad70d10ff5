import { randomBytes } from 'node:crypto';
import { AccountsSchema } from '@audian/resources/schemas';
import { compact, type JsonObject } from './json';
import type { ResourceDef } from './resource-def';

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
    if (typeof doc.pvt_api_key === 'string') {
      out.push({ kind: 'api_key', value: doc.pvt_api_key, scope: 'global', error: () => ({}) });
    }
    return out;
  },
  prepare(doc: JsonObject, ctx) {
    if (typeof doc.realm === 'string') doc.realm = doc.realm.toLowerCase();
    else doc.realm = typeof ctx.existing?.body.realm === 'string' ? ctx.existing.body.realm : newRealm();
    return undefined;
  },
};

/** The account's ancestors, root first (`pvt_tree`). */
export function treeOf(doc: JsonObject): string[] {
  return Array.isArray(doc.pvt_tree) ? (doc.pvt_tree as unknown[]).filter((x): x is string => typeof x === 'string') : [];
}
