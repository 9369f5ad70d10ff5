import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import { listCheck } from '../internal/list-check.js';
import { ResourceBase } from '../internal/resource-base.js';
import type { ContactListEntry } from '../schemas/contact-list.js';

// Entries are named, not identified: they carry no `id`.
const ENTRIES = listCheck('name');

/**
 * The account's contact list (the phone book provisioned to desk phones): every named callflow
 * target with its extension and external number, built from the account's callflows, users,
 * devices and boxes. `/v2/accounts/{ACCOUNT_ID}/contact_list`
 *
 * @example
 * ```ts
 * for await (const entry of audian.contact_list.list()) console.log(entry.name, entry.internal_number);
 * ```
 */
export class ContactList extends ResourceBase {
  /** Lists the contact list's entries. `GET /v2/accounts/{ACCOUNT_ID}/contact_list` */
  list(params?: ListParams, options?: CallOptions): PagePromise<ContactListEntry> {
    return this.pages('accounts/{account_id}/contact_list', params, { options, schema: ENTRIES });
  }
}

export type { ContactListEntry } from '../schemas/contact-list.js';
