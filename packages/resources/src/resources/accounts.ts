import { type CallOptions, InvalidArgumentError, type ListParams, type PagePromise } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { listCheck } from '../internal/list-check.js';
import { documentCheck, ResourceBase } from '../internal/resource-base.js';
import type { Account, AccountApiKey, AccountCreateParams, AccountPatchParams, AccountRef, AccountSummary } from '../schemas/accounts.js';

// The account itself lives at `accounts/{ACCOUNT_ID}` (not in a collection under it); the
// transport fills `{account_id}` with the client's account unless an id is given.
const ACCOUNT = 'accounts/{account_id}';

const SCHEMAS = lazy(async () => {
  const m = await import('../schemas/accounts.js');
  return { document: m.AccountSchema, summary: m.AccountSummarySchema };
});
const DOCUMENT = documentCheck(SCHEMAS);
const LISTING = listCheck();

/** Options of `accounts.create()`: the per-call options plus the parent of the new account. */
export interface AccountCreateOptions extends CallOptions {
  /**
   * The account the new one is created under; `null` sends `PUT /v2/accounts`, where Crossbar
   * takes the login's own account as the parent. @default the client's account
   */
  readonly parentId?: string | null;
}

function target(accountId: string | undefined): { account_id: string } | undefined {
  return accountId === undefined ? undefined : { account_id: accountId };
}

function requireId(value: unknown, argument: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new InvalidArgumentError(argument, `${argument} must be ${what}`);
  return value;
}

/**
 * Accounts: `/v2/accounts/{ACCOUNT_ID}`. Every method acts on the client's account (the session's,
 * or the one chosen with `audian.account(id)`) unless it is given another account id; `delete()`
 * and `move()` always need one.
 *
 * @example
 * ```ts
 * import { createAudian } from '@audian/resources';
 *
 * const audian = createAudian({ auth });
 * const me = await audian.accounts.get();
 * const child = await audian.accounts.create({ name: 'Branch office', timezone: 'America/Chicago' });
 * for await (const sub of audian.accounts.descendants()) console.log(sub.name, sub.realm);
 * await audian.account(child.id).users.list();
 * ```
 */
export class Accounts extends ResourceBase {
  /**
   * Fetches an account. `GET /v2/accounts/{ACCOUNT_ID}`
   *
   * @param accountId - another account than the client's
   * @throws NotFoundError when there is no such account; ForbiddenError when the login may not see it
   */
  get(accountId?: string, options?: CallOptions): APIPromise<Account> {
    return this.call('GET', ACCOUNT, { pathParams: target(accountId), options, schema: DOCUMENT });
  }

  /**
   * Creates a sub-account of `options.parentId`, or of the client's account.
   * `PUT /v2/accounts/{PARENT_ACCOUNT_ID}`; with `parentId: null`, of the login's own account:
   * `PUT /v2/accounts`.
   *
   * @throws InvalidArgumentError (before any request) when `name` is missing or a field has the wrong type
   * @throws BadRequestError when Crossbar rejects it (name or realm already in use, …)
   * @throws ForbiddenError when the login may not create accounts under that parent
   */
  create(account: AccountCreateParams, options?: AccountCreateOptions): APIPromise<Account> {
    return APIPromise.after(this.validate(SCHEMAS, account, 'full', 'account'), () =>
      options?.parentId === null
        ? this.call('PUT', 'accounts', { data: account, options, schema: DOCUMENT })
        : this.call('PUT', ACCOUNT, { pathParams: target(options?.parentId), data: account, options, schema: DOCUMENT }),
    );
  }

  /**
   * Replaces an account document (fields not sent are deleted: fetch, change, update).
   * `POST /v2/accounts/{ACCOUNT_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  update(accountId: string | undefined, account: AccountCreateParams, options?: CallOptions): APIPromise<Account> {
    return APIPromise.after(this.validate(SCHEMAS, account, 'full', 'account'), () =>
      this.call('POST', ACCOUNT, { pathParams: target(accountId), data: account, options, schema: DOCUMENT }),
    );
  }

  /**
   * Changes some fields of an account (deep merge; `null` deletes a field).
   * `PATCH /v2/accounts/{ACCOUNT_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  patch(accountId: string | undefined, changes: AccountPatchParams, options?: CallOptions): APIPromise<Account> {
    return APIPromise.after(this.validate(SCHEMAS, changes, 'patch', 'account'), () =>
      this.call('PATCH', ACCOUNT, { pathParams: target(accountId), data: changes, options, schema: DOCUMENT }),
    );
  }

  /**
   * Deletes an account; returns the deleted document. The id is required: this never defaults
   * to the client's own account. `DELETE /v2/accounts/{ACCOUNT_ID}`
   *
   * @throws InvalidArgumentError (before any request) when no account id is given
   * @throws ServerError (500 `account_has_descendants`) when the account still has sub-accounts
   */
  delete(accountId: string, options?: CallOptions): APIPromise<Account> {
    return APIPromise.run(() => {
      const id = requireId(accountId, 'accountId', 'the id of the account to delete (delete() never defaults to your own account)');
      return this.call('DELETE', ACCOUNT, { pathParams: target(id), options });
    });
  }

  /** Lists the direct sub-accounts. `GET /v2/accounts/{ACCOUNT_ID}/children` */
  children(accountId?: string, params?: ListParams, options?: CallOptions): PagePromise<AccountSummary> {
    return this.#listing('children', accountId, params, options);
  }

  /** Lists every account below: children, grandchildren, … `GET /v2/accounts/{ACCOUNT_ID}/descendants` */
  descendants(accountId?: string, params?: ListParams, options?: CallOptions): PagePromise<AccountSummary> {
    return this.#listing('descendants', accountId, params, options);
  }

  /**
   * Lists the accounts that share the account's parent. `GET /v2/accounts/{ACCOUNT_ID}/siblings`
   *
   * @throws ForbiddenError (when awaited) for the login's own account, unless it is a super admin
   */
  siblings(accountId?: string, params?: ListParams, options?: CallOptions): PagePromise<AccountSummary> {
    return this.#listing('siblings', accountId, params, options);
  }

  /**
   * The account's ancestors the login may see, from the login's account down (id and name).
   * `GET /v2/accounts/{ACCOUNT_ID}/tree`
   */
  tree(accountId?: string, options?: CallOptions): APIPromise<AccountRef[]> {
    return this.call('GET', `${ACCOUNT}/tree`, { pathParams: target(accountId), options, schema: LISTING });
  }

  /** The account's parent accounts (id and name). `GET /v2/accounts/{ACCOUNT_ID}/parents` */
  parents(accountId?: string, options?: CallOptions): APIPromise<AccountRef[]> {
    return this.call('GET', `${ACCOUNT}/parents`, { pathParams: target(accountId), options, schema: LISTING });
  }

  /**
   * Reads the account's API key (a secret: never log it). `GET /v2/accounts/{ACCOUNT_ID}/api_key`
   *
   * @throws ForbiddenError when the login may not read it
   */
  apiKey(accountId?: string, options?: CallOptions): APIPromise<AccountApiKey> {
    return this.call('GET', `${ACCOUNT}/api_key`, { pathParams: target(accountId), options });
  }

  /**
   * Generates a new API key and returns it; the old key stops working at once.
   * `PUT /v2/accounts/{ACCOUNT_ID}/api_key`
   */
  regenerateApiKey(accountId?: string, options?: CallOptions): APIPromise<AccountApiKey> {
    return this.call('PUT', `${ACCOUNT}/api_key`, { pathParams: target(accountId), data: {}, options });
  }

  /**
   * Moves an account (and its sub-accounts) under another parent. Allowed to super admins, or to
   * any ancestor when the system allows tree moves; never across resellers.
   * `POST /v2/accounts/{ACCOUNT_ID}/move` with `{"data":{"to":"{NEW_PARENT_ID}"}}`
   *
   * @throws InvalidArgumentError (before any request) when an id is missing
   * @throws ForbiddenError when the login may not move it
   */
  move(accountId: string, toAccountId: string, options?: CallOptions): APIPromise<Account> {
    return APIPromise.run(() => {
      const id = requireId(accountId, 'accountId', 'the id of the account to move');
      const to = requireId(toAccountId, 'toAccountId', 'the id of the new parent account');
      return this.call('POST', `${ACCOUNT}/move`, { pathParams: target(id), data: { to }, options });
    });
  }

  /**
   * Makes the account a reseller (super admins only). `PUT /v2/accounts/{ACCOUNT_ID}/reseller`
   *
   * @throws ServerError (500 `account_has_descendants`) when a descendant is already a reseller
   */
  promoteReseller(accountId?: string, options?: CallOptions): APIPromise<unknown> {
    return this.call('PUT', `${ACCOUNT}/reseller`, { pathParams: target(accountId), data: {}, options });
  }

  /** Makes a reseller an ordinary account again (super admins only). `DELETE /v2/accounts/{ACCOUNT_ID}/reseller` */
  demoteReseller(accountId?: string, options?: CallOptions): APIPromise<unknown> {
    return this.call('DELETE', `${ACCOUNT}/reseller`, { pathParams: target(accountId), options });
  }

  #listing(
    which: 'children' | 'descendants' | 'siblings',
    accountId: string | undefined,
    params: ListParams | undefined,
    options: CallOptions | undefined,
  ): PagePromise<AccountSummary> {
    return this.pages(`${ACCOUNT}/${which}`, params, { pathParams: target(accountId), options, schema: LISTING });
  }
}

export type { Account, AccountApiKey, AccountCreateParams, AccountPatchParams, AccountRef, AccountSummary } from '../schemas/accounts.js';
