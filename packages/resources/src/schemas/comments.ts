import * as z from 'zod/mini';

/**
 * A comment kept on an account document (`cb_comments`): `content` is the text, `timestamp` is
 * Gregorian seconds (the list is kept sorted by it).
 */
export const AccountCommentSchema = z.looseObject({
  content: z.string().check(z.minLength(1)),
  author: z.optional(z.string()),
  timestamp: z.optional(z.int()),
  is_private: z.optional(z.boolean()),
  action_required: z.optional(z.boolean()),
  account_id: z.optional(z.string()),
  user_id: z.optional(z.string()),
});

/** What `comments.create()` sends: `{ comments: [...] }`. */
export const AccountCommentsSchema = z.looseObject({
  comments: z.array(AccountCommentSchema),
});

/** One comment. */
export type AccountComment = z.input<typeof AccountCommentSchema>;
/** The comments of the account, as Crossbar answers them. */
export interface AccountComments {
  readonly comments: readonly AccountComment[];
}
