import { envelope, startTestServer, type TestServer } from '@audian/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createTransport,
  GREGORIAN_OFFSET,
  InvalidArgumentError,
  MAX_RANGE_SECONDS,
  PagePromise,
  planWindows,
  windowedPages,
} from '../src/index';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const t = () => createTransport({ baseUrl: server.baseUrl, rateLimit: false, retry: false, accountId: 'a1' });
const USERS = { method: 'GET' as const, path: 'accounts/{account_id}/users' };

function threePages(): void {
  const pages: Record<string, { items: unknown[]; next?: string }> = {
    '': { items: [{ id: 1 }, { id: 2 }], next: 'k2' },
    k2: { items: [{ id: 3 }, { id: 4 }], next: 'k3' },
    k3: { items: [{ id: 5 }] },
  };
  server.route('GET', '/v2/accounts/a1/users', (req) => {
    const page = pages[req.query.get('start_key') ?? ''] ?? { items: [] };
    return { body: envelope(page.items, page.next ? { next_start_key: page.next } : {}) };
  });
}

describe('list params limit', () => {
  it('for await yields at most limit items and requests no page past it', async () => {
    threePages();
    const seen: unknown[] = [];
    for await (const user of t().paginate(USERS, { list: { limit: 3 } })) seen.push(user);
    expect(seen).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(server.requests.map((r) => r.query.get('start_key'))).toEqual([null, 'k2']);
    expect(server.requests[0]?.query.has('limit')).toBe(false);
  });

  it('toArray() stops at the listing limit, or at its own when smaller', async () => {
    threePages();
    expect(
      await t()
        .paginate(USERS, { list: { limit: 4 } })
        .toArray(),
    ).toHaveLength(4);
    expect(
      await t()
        .paginate(USERS, { list: { limit: 4 } })
        .toArray({ limit: 1 }),
    ).toEqual([{ id: 1 }]);
  });

  it('a deferred listing keeps the limit of the listing it defers to', async () => {
    threePages();
    const deferred = PagePromise.defer(async () => () => t().paginate(USERS, { list: { limit: 2 } }));
    expect(await deferred.toArray()).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => t().paginate(USERS, { list: { limit: 0 } })).toThrow(InvalidArgumentError);
  });
});

describe('time-window pagination (CDR-style ranges)', () => {
  const start = GREGORIAN_OFFSET + 1_700_000_000;

  it('plans no windows for a range Crossbar answers in one request, newest-first windows for a longer one', () => {
    expect(planWindows({ createdFrom: start, createdTo: start + MAX_RANGE_SECONDS })).toBeUndefined();
    const windows = planWindows({ createdFrom: start, createdTo: start + 2 * MAX_RANGE_SECONDS + 10 }) ?? [];
    expect(windows).toHaveLength(3);
    expect(windows[0]?.[1]).toBe(start + 2 * MAX_RANGE_SECONDS + 10);
    expect(planWindows({ createdFrom: start, createdTo: start + 2 * MAX_RANGE_SECONDS + 10, ascending: true })?.[0]?.[0]).toBe(start);
  });

  it('lists window after window, skipping empty ones, with a cursor that resumes', async () => {
    server.route('GET', '/v2/accounts/a1/cdrs', (req) => {
      const from = Number(req.query.get('created_from'));
      if (from === start) return { body: envelope([{ id: 'old' }]) };
      if (from > start + 2 * MAX_RANGE_SECONDS) {
        const second = req.query.get('start_key') === 'n';
        return { body: envelope(second ? [{ id: 'new2' }] : [{ id: 'new1' }], second ? {} : { next_start_key: 'n' }) };
      }
      return { body: envelope([]) };
    });
    const range = { createdFrom: start, createdTo: start + 2 * MAX_RANGE_SECONDS + 10 };
    const windows = planWindows(range) ?? [];
    const transport = t();
    const listing = (startKey?: string) =>
      windowedPages<{ id: string }>(
        windows,
        async ([from, to], key) => {
          const page = await transport.paginate<{ id: string }>(
            { method: 'GET', path: 'accounts/{account_id}/cdrs' },
            { list: { createdFrom: from, createdTo: to, ...(key ? { startKey: key } : {}) } },
          );
          return { items: page.data, meta: page.meta };
        },
        startKey,
      );
    expect(await listing().toArray()).toEqual([{ id: 'new1' }, { id: 'new2' }, { id: 'old' }]);
    const first = await listing();
    expect(first.nextStartKey).toBe('cdrw:0:n');
    expect((await listing(first.nextStartKey)).data).toEqual([{ id: 'new2' }]);
    expect(() => listing('not-a-cursor')).toThrow(InvalidArgumentError);
  });
});
