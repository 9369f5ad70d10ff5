import { type CallOptions, InvalidArgumentError, type ListParams, type PagePromise } from '@audian/core';
import { APIPromise } from '../api-promise.js';
import { lazy } from '../internal/lazy.js';
import { checkBody, ResourceBase } from '../internal/resource-base.js';
import type { AccountComment, AccountComments } from '../schemas/comments.js';

const COMMENTS = 'accounts/{account_id}/comments';
const LIST = lazy(async () => {
  const m = await import('../schemas/comments.js');
  return { document: m.AccountCommentsSchema, summary: m.AccountCommentSchema };
});
const ONE = lazy(async () => {
  const m = await import('../schemas/comments.js');
  return { document: m.AccountCommentSchema, summary: m.AccountCommentSchema };
});

function position(index: unknown): { index: string } {
  // A command line hands positions over as digit strings.
  const n = typeof index === 'string' && /^\d+$/.test(index) ? Number(index) : index;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new InvalidArgumentError('index', `index must be a comment's position (an integer from 0), got ${JSON.stringify(index)}`);
  }
  return { index: String(n) };
}

/** What `comments.list()` takes: the core `ListParams` (Crossbar answers this listing in one page). */
export type AccountCommentListParams = ListParams;

/**
 * Notes kept on the account: `/v2/accounts/{ACCOUNT_ID}/comments`. Crossbar keeps them in the
 * account document sorted by `timestamp`; a comment is named by its position in that list (from
 * 0), so positions shift when one is deleted.
 *
 * @example
 * ```ts
 * import { createAudian } from '@audian/resources';
 *
 * const audian = createAudian({ auth });
 * await audian.comments.create([{ content: 'Customer asked for a callback on Monday' }]);
 * const { data: comments } = await audian.comments.list();
 * await audian.comments.delete(comments.length - 1);
 * ```
 */
export class Comments extends ResourceBase {
  /**
   * The account's comments, oldest first (one page; Crossbar answers `{ comments: [...] }`, each
   * comment becomes an item). `GET /v2/accounts/{ACCOUNT_ID}/comments`
   */
  list(params?: AccountCommentListParams, options?: CallOptions): PagePromise<AccountComment> {
    return this.pages(COMMENTS, params, {
      options,
      items: (data) => ((data as AccountComments | undefined)?.comments ?? []) as AccountComment[],
    });
  }

  /**
   * Adds comments (an array, or Crossbar's `{ comments: [...] }`); answers with all of them.
   * `PUT /v2/accounts/{ACCOUNT_ID}/comments`
   *
   * @throws InvalidArgumentError (before any request) when a comment has no `content`
   */
  create(comments: readonly AccountComment[] | AccountComments, options?: CallOptions): APIPromise<AccountComments> {
    const data = Array.isArray(comments) ? { comments } : comments;
    return APIPromise.after(checkBody(LIST, data, 'full', 'comments'), () => this.call('PUT', COMMENTS, { data, options }));
  }

  /** Deletes every comment of the account. `DELETE /v2/accounts/{ACCOUNT_ID}/comments` */
  deleteAll(options?: CallOptions): APIPromise<AccountComments> {
    return this.call('DELETE', COMMENTS, { options });
  }

  /**
   * One comment, by position. `GET /v2/accounts/{ACCOUNT_ID}/comments/{COMMENT_ID}`
   *
   * @throws NotFoundError when there is no comment at that position
   */
  get(index: number, options?: CallOptions): APIPromise<AccountComment> {
    return APIPromise.run(() => this.call('GET', `${COMMENTS}/{index}`, { pathParams: position(index), options }));
  }

  /**
   * Replaces one comment, by position; answers with it. `POST /v2/accounts/{ACCOUNT_ID}/comments/{COMMENT_ID}`
   *
   * @throws InvalidArgumentError (before any request) when the comment has no `content`
   */
  update(index: number, comment: AccountComment, options?: CallOptions): APIPromise<AccountComment> {
    return APIPromise.after(checkBody(ONE, comment, 'full', 'comment'), () =>
      this.call('POST', `${COMMENTS}/{index}`, { pathParams: position(index), data: comment, options }),
    );
  }

  /** Deletes one comment, by position; answers with those left. `DELETE /v2/accounts/{ACCOUNT_ID}/comments/{COMMENT_ID}` */
  delete(index: number, options?: CallOptions): APIPromise<AccountComments> {
    return APIPromise.run(() => this.call('DELETE', `${COMMENTS}/{index}`, { pathParams: position(index), options }));
  }
}

export type { AccountComment, AccountComments } from '../schemas/comments.js';
