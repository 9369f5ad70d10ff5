import type { BinaryResponse, CallOptions, ListParams, PagePromise, RawBody } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { listCheck } from '../internal/list-check.js';
import { collection, ResourceBase } from '../internal/resource-base.js';
import type { DeviceSummary } from '../schemas/devices.js';
import type { User, UserCreateParams, UserPatchParams, UserSummary } from '../schemas/users.js';

const USERS = 'accounts/{account_id}/users';

// Schemas load on first use, so a bundle that never validates a user never carries them.
const SPEC = collection(
  USERS,
  'user',
  lazy(async () => {
    const m = await import('../schemas/users.js');
    return { document: m.UserSchema, summary: m.UserSummarySchema };
  }),
);

/**
 * What `Users.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { UserListParams } from '@audian/resources';
 *
 * const params: UserListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface UserListParams extends ListParams {}

/**
 * The account's users: `/v2/accounts/{ACCOUNT_ID}/users`.
 *
 * @example
 * ```ts
 * const user = await audian.users.create({ first_name: 'Ada', last_name: 'Lovelace', username: 'ada' });
 * await audian.users.patch(user.id, { email: 'ada@example.com' });
 * for await (const u of audian.users.list({ filter: { priv_level: 'admin' } })) console.log(u.username);
 * ```
 */
export class Users extends ResourceBase {
  /**
   * Lists the users (summaries: id, names, username, email, priv_level, presence_id, features…).
   * `GET /v2/accounts/{ACCOUNT_ID}/users`
   *
   * @throws InvalidArgumentError for invalid list params (when first awaited or iterated)
   */
  list(params?: UserListParams, options?: CallOptions): PagePromise<UserSummary> {
    return this._list(SPEC, params, options);
  }

  /**
   * Fetches one user. `GET /v2/accounts/{ACCOUNT_ID}/users/{USER_ID}`
   *
   * @throws NotFoundError when there is no such user
   */
  get(userId: string, options?: CallOptions): APIPromise<User> {
    return this._get(SPEC, userId, options);
  }

  /**
   * Creates a user. `PUT /v2/accounts/{ACCOUNT_ID}/users`
   *
   * @throws InvalidArgumentError (before any request) when `first_name`/`last_name` is missing or a field has the wrong type
   * @throws BadRequestError when Crossbar rejects it (a taken `username`, …)
   * @throws PaymentRequiredError when it has charges and `acceptCharges` was not set
   */
  create(user: UserCreateParams, options?: CallOptions): APIPromise<User> {
    return this._create(SPEC, user, options);
  }

  /**
   * Replaces the user with `user`: every field not sent is deleted, so fetch, change, then update.
   * `POST /v2/accounts/{ACCOUNT_ID}/users/{USER_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema
   */
  update(userId: string, user: UserCreateParams, options?: CallOptions): APIPromise<User> {
    return this._update(SPEC, userId, user, options);
  }

  /**
   * Changes some fields, merged into the stored user (`null` deletes a field, arrays are replaced).
   * `PATCH /v2/accounts/{ACCOUNT_ID}/users/{USER_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  patch(userId: string, changes: UserPatchParams, options?: CallOptions): APIPromise<User> {
    return this._patch(SPEC, userId, changes, options);
  }

  /** Deletes the user; returns the deleted document. `DELETE /v2/accounts/{ACCOUNT_ID}/users/{USER_ID}` */
  delete(userId: string, options?: CallOptions): APIPromise<User> {
    return this._delete(SPEC, userId, options);
  }

  /** Lists the devices the user owns. `GET /v2/accounts/{ACCOUNT_ID}/users/{USER_ID}/devices` */
  devices(userId: string, params?: ListParams, options?: CallOptions): PagePromise<DeviceSummary> {
    return this.pages(`${USERS}/{id}/devices`, params, { pathParams: { id: userId }, options, schema: listCheck() });
  }

  /** Downloads the user's photo. `GET /v2/accounts/{ACCOUNT_ID}/users/{USER_ID}/photo` */
  photo(userId: string, options?: CallOptions): APIPromise<BinaryResponse> {
    return this.fetchBinary(`${USERS}/{id}/photo`, { pathParams: { id: userId }, accept: 'binary', options });
  }

  /**
   * Uploads the user's photo (raw bytes). `POST /v2/accounts/{ACCOUNT_ID}/users/{USER_ID}/photo`
   *
   * @param contentType - the image's media type (`image/png`, `image/jpeg`…)
   */
  uploadPhoto(userId: string, image: RawBody, contentType: string, options?: CallOptions): APIPromise<unknown> {
    return this.call('POST', `${USERS}/{id}/photo`, { pathParams: { id: userId }, body: image, contentType, options });
  }

  /** Deletes the user's photo. `DELETE /v2/accounts/{ACCOUNT_ID}/users/{USER_ID}/photo` */
  deletePhoto(userId: string, options?: CallOptions): APIPromise<unknown> {
    return this.call('DELETE', `${USERS}/{id}/photo`, { pathParams: { id: userId }, options });
  }

  /** The user's vCard (`text/x-vcard`). `GET /v2/accounts/{ACCOUNT_ID}/users/{USER_ID}/vcard` */
  vcard(userId: string, options?: CallOptions): APIPromise<BinaryResponse> {
    return this.fetchBinary(`${USERS}/{id}/vcard`, { pathParams: { id: userId }, accept: 'text/x-vcard', options });
  }

  /**
   * Rings the user's devices and, when one answers, calls `number` (click-to-call).
   * `GET /v2/accounts/{ACCOUNT_ID}/users/{USER_ID}/quickcall/{NUMBER}`
   *
   * @param query - Crossbar's quickcall options (`auto_answer`, `cid-name`, `cid-number`, `timeout`)
   */
  quickcall(userId: string, number: string, query?: Record<string, string | number | boolean>, options?: CallOptions): APIPromise<unknown> {
    return this.call('GET', `${USERS}/{id}/quickcall/{number}`, { pathParams: { id: userId, number }, query, options });
  }
}

export type { DeepPartialNullable, User, UserCreateParams, UserPatchParams, UserSummary } from '../schemas/users.js';
