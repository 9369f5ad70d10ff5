import type { BinaryResponse, CallOptions, ListParams, PagePromise } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { collection, documentCheck, ResourceBase } from '../internal/resource-base.js';
import type { Directory, DirectoryCreateParams, DirectoryPatchParams, DirectorySummary } from '../schemas/directories.js';

const DIRECTORIES = 'accounts/{account_id}/directories';

// Reads accept the `{ user_id, callflow_id }` members a GET lists; writes are checked against
// the schema Crossbar validates with (where `users` holds ids only).
const READ = lazy(async () => {
  const m = await import('../schemas/directories.js');
  return { document: m.DirectoryReadSchema, summary: m.DirectorySummarySchema };
});
const WRITE = lazy(async () => {
  const m = await import('../schemas/directories.js');
  return { document: m.DirectorySchema, summary: m.DirectorySummarySchema };
});
const DOCUMENT = documentCheck(READ);

const SPEC = collection(DIRECTORIES, 'directory', READ);

/**
 * What `Directories.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { DirectoryListParams } from '@audian/resources';
 *
 * const params: DirectoryListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface DirectoryListParams extends ListParams {}

/**
 * The account's dial-by-name directories: `/v2/accounts/{ACCOUNT_ID}/directories`. Users join
 * one through their own `directories` map (`{ "<DIRECTORY_ID>": "<CALLFLOW_ID>" }`); a GET lists
 * the members as `users: [{ user_id, callflow_id }]`.
 *
 * @example
 * ```ts
 * import { createAudian } from '@audian/resources';
 *
 * const audian = createAudian({ auth });
 * const staff = await audian.directories.create({ name: 'Staff', sort_by: 'first_name' });
 * await audian.users.patch(adaId, { directories: { [staff.id]: adaCallflowId } });
 * const pdf = await audian.directories.pdf(staff.id);
 * ```
 */
export class Directories extends ResourceBase {
  /** Lists the directories (id, name, flags). `GET /v2/accounts/{ACCOUNT_ID}/directories` */
  list(params?: DirectoryListParams, options?: CallOptions): PagePromise<DirectorySummary> {
    return this._list(SPEC, params, options);
  }

  /**
   * Fetches one directory with its members. `GET /v2/accounts/{ACCOUNT_ID}/directories/{DIRECTORY_ID}`
   *
   * @throws NotFoundError when there is no such directory
   */
  get(directoryId: string, options?: CallOptions): APIPromise<Directory> {
    return this._get(SPEC, directoryId, options);
  }

  /** Deletes a directory; returns it. `DELETE /v2/accounts/{ACCOUNT_ID}/directories/{DIRECTORY_ID}` */
  delete(directoryId: string, options?: CallOptions): APIPromise<Directory> {
    return this._delete(SPEC, directoryId, options);
  }

  /**
   * Creates a directory. `PUT /v2/accounts/{ACCOUNT_ID}/directories`
   *
   * @throws InvalidArgumentError (before any request) when `name` is missing or a field has the wrong type
   */
  create(directory: DirectoryCreateParams, options?: CallOptions): APIPromise<Directory> {
    return APIPromise.after(this.validate(WRITE, directory, 'full', 'directory'), () =>
      this.call('PUT', DIRECTORIES, { data: directory, options, schema: DOCUMENT }),
    );
  }

  /**
   * Replaces a directory (fields not sent are deleted). Leave out the `users` objects a GET
   * returns: Crossbar accepts only ids there. `POST /v2/accounts/{ACCOUNT_ID}/directories/{DIRECTORY_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the document breaks the schema (`users.0` is an object, …)
   */
  update(directoryId: string, directory: DirectoryCreateParams, options?: CallOptions): APIPromise<Directory> {
    return APIPromise.after(this.validate(WRITE, directory, 'full', 'directory'), () =>
      this.call('POST', `${DIRECTORIES}/{id}`, { pathParams: { id: directoryId }, data: directory, options, schema: DOCUMENT }),
    );
  }

  /**
   * Changes some fields (deep merge; `null` deletes). `PATCH /v2/accounts/{ACCOUNT_ID}/directories/{DIRECTORY_ID}`
   *
   * @throws InvalidArgumentError (before any request) when a given field has the wrong type
   */
  patch(directoryId: string, changes: DirectoryPatchParams, options?: CallOptions): APIPromise<Directory> {
    return APIPromise.after(this.validate(WRITE, changes, 'patch', 'directory'), () =>
      this.call('PATCH', `${DIRECTORIES}/{id}`, { pathParams: { id: directoryId }, data: changes, options, schema: DOCUMENT }),
    );
  }

  /**
   * Downloads the directory as a PDF (a printable company phone list).
   * `GET /v2/accounts/{ACCOUNT_ID}/directories/{DIRECTORY_ID}` with `Accept: application/pdf`
   */
  pdf(directoryId: string, options?: CallOptions): APIPromise<BinaryResponse> {
    return this.fetchBinary(`${DIRECTORIES}/{id}`, { pathParams: { id: directoryId }, accept: 'application/pdf', options });
  }
}

export type { Directory, DirectoryCreateParams, DirectoryPatchParams, DirectorySummary, DirectoryUser } from '../schemas/directories.js';
