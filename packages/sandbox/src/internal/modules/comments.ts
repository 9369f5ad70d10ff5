import { ACCOUNTS } from '../accounts-def';
import type { Reply } from '../context';
import { CrossbarError } from '../crossbar-error';
import type { Engine } from '../engine';
import { isObject, type JsonObject } from '../json';
import { defineModule, route } from '../sandbox-module';
import type { StoredDoc } from '../store';

/**
 * `cb_comments` on an account: the comments live in the account document itself (the resource
 * before `comments` in the URL is the account), sorted by `timestamp`; a comment's id is its
 * position from 0 (`cb_comments:id_to_number/1`).
 */
const commentsOf = (doc: StoredDoc): JsonObject[] => (Array.isArray(doc.body.comments) ? (doc.body.comments as JsonObject[]) : []);

/** `cb_comments:sort/1`: by `timestamp`, missing ones first. */
const sorted = (comments: readonly JsonObject[]) => [...comments].sort((a, b) => (Number(a.timestamp) || 0) - (Number(b.timestamp) || 0));

function save(engine: Engine, account: StoredDoc, comments: readonly JsonObject[]): JsonObject[] {
  const saved = engine.docs.save(ACCOUNTS, account, { ...account.body, comments: sorted(comments) });
  return commentsOf(saved);
}

/** `cb_comments:check_comment_number/2`: a position past the end is `bad_identifier`. */
function position(account: StoredDoc, id: string): number {
  const n = /^\d+$/.test(id) ? Number(id) : Number.NaN;
  if (!Number.isInteger(n) || n >= commentsOf(account).length) {
    throw new CrossbarError(404, 'bad_identifier', { message: 'bad identifier' });
  }
  return n;
}

const listReply = (comments: readonly JsonObject[]): Reply => ({ data: { comments } });

/** `cb_comments` for an account's own comments. */
export const commentsModule = defineModule({
  name: 'comments',
  routes: [
    route('accounts/:account/comments', ['GET', 'PUT', 'DELETE'], ({ engine, req, account }) => {
      const doc = account();
      if (req.method === 'GET') return listReply(commentsOf(doc));
      if (req.method === 'DELETE') return listReply(save(engine, doc, []));
      const added = isObject(req.data) && Array.isArray(req.data.comments) ? (req.data.comments as unknown[]).filter(isObject) : [];
      return listReply(save(engine, doc, [...commentsOf(doc), ...added]));
    }),
    route('accounts/:account/comments/:id', ['GET', 'POST', 'DELETE'], ({ engine, req, account, params }) => {
      const doc = account();
      const n = position(doc, params.id);
      const comments = [...commentsOf(doc)];
      if (req.method === 'GET') return { data: comments[n] };
      if (req.method === 'DELETE') {
        comments.splice(n, 1);
        return listReply(save(engine, doc, comments));
      }
      comments[n] = isObject(req.data) ? req.data : {};
      // `cb_comments:only_return_comment/2` reads the position again after sorting.
      return { data: save(engine, doc, comments)[n] };
    }),
  ],
});
