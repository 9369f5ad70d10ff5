import type { BinaryResponse, CallOptions, ListParams, PagePromise } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { listCheck } from '../internal/list-check.js';
import { ResourceBase } from '../internal/resource-base.js';
import type { Recording } from '../schemas/recordings.js';

const RECORDINGS = 'accounts/{account_id}/recordings';
// Listing items are whole recording documents, not keyed summaries; an empty key name skips the id check.
const recordingList = listCheck('');

/**
 * What `Recordings.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { RecordingListParams } from '@audian/resources';
 *
 * const params: RecordingListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface RecordingListParams extends ListParams {}

/**
 * Call recordings: `/v2/accounts/{ACCOUNT_ID}/recordings` (metadata, time-ranged listing) and
 * their audio.
 *
 * @example
 * ```ts
 * for await (const rec of audian.recordings.list({ createdFrom: new Date(Date.now() - 86_400_000) })) console.log(rec.call_id);
 * const audio = await audian.recordings.download(recordingId);
 * await fs.promises.writeFile('call.mp3', await audio.bytes());
 * ```
 */
export class Recordings extends ResourceBase {
  /** Lists recordings (whole documents; `_read_only.content_types` says which audio is stored). `GET /v2/accounts/{ACCOUNT_ID}/recordings` */
  list(params?: RecordingListParams, options?: CallOptions): PagePromise<Recording> {
    return this.pages(RECORDINGS, params, { options, schema: recordingList });
  }

  /** Lists the recordings of one user's calls. `GET /v2/accounts/{ACCOUNT_ID}/users/{USER_ID}/recordings` */
  listByUser(userId: string, params?: ListParams, options?: CallOptions): PagePromise<Recording> {
    return this.pages('accounts/{account_id}/users/{id}/recordings', params, {
      pathParams: { id: userId },
      options,
      schema: recordingList,
    });
  }

  /**
   * Fetches a recording's metadata. `GET /v2/accounts/{ACCOUNT_ID}/recordings/{RECORDING_ID}`
   *
   * @throws NotFoundError when there is no such recording
   */
  get(recordingId: string, options?: CallOptions): APIPromise<Recording> {
    return this.call('GET', `${RECORDINGS}/{id}`, { pathParams: { id: recordingId }, options });
  }

  /**
   * Downloads a recording's audio, unread (`Accept: audio/mpeg` by default); `inline: true` asks
   * for `Content-Disposition: inline`. `GET /v2/accounts/{ACCOUNT_ID}/recordings/{RECORDING_ID}`
   *
   * @throws NotFoundError when there is no such recording or no audio is stored
   */
  download(
    recordingId: string,
    params: { readonly accept?: string; readonly inline?: boolean } = {},
    options?: CallOptions,
  ): APIPromise<BinaryResponse> {
    return this.fetchBinary(`${RECORDINGS}/{id}`, {
      pathParams: { id: recordingId },
      accept: params.accept ?? 'audio/mpeg',
      query: params.inline === undefined ? undefined : { inline: params.inline },
      options,
    });
  }

  /**
   * Deletes a recording's document (and its audio when stored on it; audio on an external
   * storage provider stays). `DELETE /v2/accounts/{ACCOUNT_ID}/recordings/{RECORDING_ID}`
   */
  delete(recordingId: string, options?: CallOptions): APIPromise<Recording> {
    return this.call('DELETE', `${RECORDINGS}/{id}`, { pathParams: { id: recordingId }, options });
  }
}

export type { Recording } from '../schemas/recordings.js';
