import { NotFoundError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import { acct, rejectionOf, scriptedClient, wireCases } from './wire';

const note = { content: 'Call back on Monday', author: 'Ada', timestamp: 63900000000 };

describe('comments on the wire', () => {
  wireCases([
    {
      label: 'list → GET …/comments, each comment an item',
      call: (a) => a.comments.list(),
      request: { method: 'GET', path: acct('/comments') },
      reply: [200, { comments: [note] }],
      result: (page: unknown) => expect((page as { data: unknown[] }).data).toEqual([note]),
    },
    {
      label: 'create → PUT …/comments with { comments: [...] }',
      call: (a) => a.comments.create([note]),
      request: { method: 'PUT', path: acct('/comments'), body: { data: { comments: [note] } } },
      reply: [200, { comments: [note] }],
    },
    {
      label: 'deleteAll → DELETE …/comments',
      call: (a) => a.comments.deleteAll(),
      request: { method: 'DELETE', path: acct('/comments') },
      reply: [200, { comments: [] }],
      result: { comments: [] },
    },
    {
      label: 'get(0) → GET …/comments/0',
      call: (a) => a.comments.get(0),
      request: { method: 'GET', path: acct('/comments/0') },
      reply: [200, note],
      result: note,
    },
    {
      label: 'update(1, …) → POST …/comments/1',
      call: (a) => a.comments.update(1, { ...note, content: 'Done' }),
      request: { method: 'POST', path: acct('/comments/1'), body: { data: { ...note, content: 'Done' } } },
      reply: [200, { ...note, content: 'Done' }],
    },
    {
      label: 'delete(0) → DELETE …/comments/0',
      call: (a) => a.comments.delete(0),
      request: { method: 'DELETE', path: acct('/comments/0') },
      reply: [200, { comments: [] }],
    },
    {
      label: 'a position past the end rejects with NotFoundError',
      call: (a) => a.comments.get(5),
      request: { method: 'GET', path: acct('/comments/5') },
      reply: { status: 404, raw: { status: 'error', error: '404', message: 'bad_identifier', data: { message: 'bad identifier' } } },
      error: NotFoundError,
    },
  ]);
});

describe('comments validation', () => {
  const { client } = scriptedClient();

  it('a comment needs content and a position is an integer from 0', async () => {
    const comments = client.audian().comments;
    expect((await rejectionOf(comments.create([{ author: 'Ada' } as never]))).issues?.[0]).toMatchObject({ path: 'comments.0.content' });
    expect(await rejectionOf(comments.get(-1))).toMatchObject({ argument: 'index' });
    expect(await rejectionOf(comments.delete(1.5))).toMatchObject({ argument: 'index' });
    expect(client.server().requests).toHaveLength(0);
  });
});
