import { envelope, startTestServer, type TestServer } from '@audian/test-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTransport, InvalidArgumentError, Page, PagePromise } from '../src/index';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  // Three pages: keys are opaque base64url strings with characters that need encoding.
  const pages: Record<string, { items: unknown[]; next?: string }> = {
    '': { items: [{ id: 1 }, { id: 2 }], next: 'g2wAAAACbgUA+/=' },
    'g2wAAAACbgUA+/=': { items: [{ id: 3 }, { id: 4 }], next: 'key two' },
    'key two': { items: [{ id: 5 }] },
  };
  server.route('GET', '/v2/accounts/a1/users', (req) => {
    const page = pages[req.query.get('start_key') ?? ''];
    if (!page) return { status: 404, body: {} };
    return { body: envelope(page.items, { page_size: page.items.length, ...(page.next ? { next_start_key: page.next } : {}) }) };
  });
});

const t = () => createTransport({ baseUrl: server.baseUrl, rateLimit: false, accountId: 'a1' });

describe('PagePromise', () => {
  it('sends nothing until awaited or iterated', async () => {
    const list = t().paginate({ method: 'GET', path: 'accounts/{account_id}/users' });
    await new Promise((r) => setTimeout(r, 20));
    expect(server.requests).toHaveLength(0);
    await list;
    expect(server.requests).toHaveLength(1);
  });

  it('await gives the first page with paging helpers', async () => {
    const page = await t().paginate({ method: 'GET', path: 'accounts/{account_id}/users' }, { list: { pageSize: 2 } });
    expect(page).toBeInstanceOf(Page);
    expect(page.data).toEqual([{ id: 1 }, { id: 2 }]);
    expect(page.hasNextPage()).toBe(true);
    expect(page.nextStartKey).toBe('g2wAAAACbgUA+/=');
    const second = await page.getNextPage();
    expect(second.data).toEqual([{ id: 3 }, { id: 4 }]);
    const third = await second.getNextPage();
    expect(third.hasNextPage()).toBe(false);
    await expect(third.getNextPage()).rejects.toThrow(/last page/);
  });

  it('for await yields every item over 3 pages, sending start keys back exactly and keeping filters', async () => {
    const ids: unknown[] = [];
    for await (const user of t().paginate<{ id: number }>(
      { method: 'GET', path: 'accounts/{account_id}/users' },
      { list: { pageSize: 2, filter: { enabled: true } } },
    ))
      ids.push(user.id);
    expect(ids).toEqual([1, 2, 3, 4, 5]);
    expect(server.requests.map((r) => r.query.get('start_key'))).toEqual([null, 'g2wAAAACbgUA+/=', 'key two']);
    expect(server.requests.every((r) => r.query.get('page_size') === '2' && r.query.get('filter_enabled') === 'true')).toBe(true);
  });

  it('toArray stops requesting once the limit is reached', async () => {
    const items = await t().paginate({ method: 'GET', path: 'accounts/{account_id}/users' }).toArray({ limit: 3 });
    expect(items).toHaveLength(3);
    expect(server.requests).toHaveLength(2);
    await expect(t().paginate({ method: 'GET', path: 'accounts/{account_id}/users' }).toArray({ limit: 0 })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
  });

  it('iterPages gives each page', async () => {
    const sizes: number[] = [];
    for await (const page of t().paginate({ method: 'GET', path: 'accounts/{account_id}/users' }).iterPages()) sizes.push(page.data.length);
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('stops a server that returns the same key forever', async () => {
    server.reset();
    server.route('GET', '/v2/accounts/a1/loop', () => ({ body: envelope([{ id: 1 }], { next_start_key: 'same' }) }));
    await expect(t().paginate({ method: 'GET', path: 'accounts/{account_id}/loop' }).toArray()).rejects.toThrow(/did not advance/);
  });

  it('defer() waits for the real listing, stays lazy, and pages through it', async () => {
    let made = 0;
    const list = PagePromise.defer(async () => {
      made++;
      return () => t().paginate<{ id: number }>({ method: 'GET', path: 'accounts/{account_id}/users' }, { list: { pageSize: 2 } });
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(made).toBe(0);
    const ids: number[] = [];
    for await (const item of list) ids.push(item.id);
    expect(ids).toEqual([1, 2, 3, 4, 5]);
    expect((await list).data).toEqual([{ id: 1 }, { id: 2 }]);
    expect(made).toBe(1);
  });

  it('rejects a listing whose data is not a list', async () => {
    server.reset();
    server.route('GET', '/v2/accounts/a1/obj', { body: envelope({ numbers: {} }) });
    await expect(t().paginate({ method: 'GET', path: 'accounts/{account_id}/obj' })).rejects.toThrow(/expected a list/);
    const page = await t().paginate(
      { method: 'GET', path: 'accounts/{account_id}/obj' },
      { items: (d) => Object.keys((d as { numbers: object }).numbers) },
    );
    expect(page.data).toEqual([]);
  });
});
