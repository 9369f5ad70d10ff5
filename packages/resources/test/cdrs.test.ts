import { BadRequestError, InvalidArgumentError, Page } from '@audian/core';
import { envelope } from '@audian/test-server';
import { describe, expect, it } from 'vitest';
import { CDR_MAX_RANGE_SECONDS, cdrWindows } from '../src/index';
import { acct, page, readText, useWireServer, wireCases } from './wire';

const DAY = 86_400;
const W = CDR_MAX_RANGE_SECONDS;
/** 2025-01-01T00:00:00Z in Gregorian seconds (Unix 1735689600 + 62167219200). */
const JAN1 = 63_902_908_800;
const from = new Date('2025-01-01T00:00:00Z');
const to70 = new Date('2025-03-12T00:00:00Z'); // 70 days later
const W1 = [JAN1, JAN1 + W];
const W2 = [JAN1 + W + 1, JAN1 + 2 * W + 1];
const W3 = [JAN1 + 2 * W + 2, JAN1 + 70 * DAY];

describe('cdrs on the wire', () => {
  wireCases([
    {
      label: 'list without bounds → one GET …/cdrs, Crossbar’s default range; chunked page_size read as a number',
      call: (a) => a.cdrs.list(),
      request: { method: 'GET', path: acct('/cdrs'), query: {} },
      reply: { status: 200, raw: envelope([{ id: '202501-abc', call_id: 'c1', duration_seconds: '12' }], { page_size: '1' }) },
      result: (p: Page<unknown>) => {
        expect(p).toBeInstanceOf(Page);
        expect(p.meta.pageSize).toBe(1);
        expect(p.data).toEqual([{ id: '202501-abc', call_id: 'c1', duration_seconds: '12' }]);
        expect(p.hasNextPage()).toBe(false);
      },
    },
    {
      label: 'list within one window → one GET with Gregorian created_from/created_to',
      call: (a) => a.cdrs.list({ createdFrom: from, createdTo: new Date('2025-01-11T00:00:00Z'), filter: { call_direction: 'inbound' } }),
      request: {
        method: 'GET',
        path: acct('/cdrs'),
        query: { created_from: String(JAN1), created_to: String(JAN1 + 10 * DAY), filter_call_direction: 'inbound' },
      },
      reply: [200, []],
    },
    {
      label: 'a range of exactly 31 days + 1 h is still one request',
      call: (a) => a.cdrs.list({ createdFrom: JAN1, createdTo: JAN1 + W }),
      request: { method: 'GET', path: acct('/cdrs'), query: { created_from: String(JAN1), created_to: String(JAN1 + W) } },
      reply: [200, []],
    },
    {
      label: 'only createdTo → one request (Crossbar counts one window back)',
      call: (a) => a.cdrs.list({ createdTo: JAN1 }),
      request: { method: 'GET', path: acct('/cdrs'), query: { created_to: String(JAN1) } },
      reply: [200, []],
    },
    {
      label: 'get → GET …/cdrs/{CDR_ID}',
      call: (a) => a.cdrs.get('202501-abc'),
      request: { method: 'GET', path: acct('/cdrs/202501-abc') },
      reply: [200, { id: '202501-abc', call_id: 'c1', custom_channel_vars: { account_id: 'a' } }],
      result: { id: '202501-abc', call_id: 'c1', custom_channel_vars: { account_id: 'a' } },
    },
    {
      label: 'interaction → GET …/cdrs/interaction with utc_offset',
      call: (a) => a.cdrs.interaction({ utcOffset: -28_800 }),
      request: { method: 'GET', path: acct('/cdrs/interaction'), query: { utc_offset: '-28800' } },
      reply: [200, [{ interaction_id: '63902908800-abc' }]],
    },
    {
      label: 'legs → GET …/cdrs/legs/{INTERACTION_ID}',
      call: (a) => a.cdrs.legs('63902908800-abc'),
      request: { method: 'GET', path: acct('/cdrs/legs/63902908800-abc') },
      reply: [200, [{ call_id: 'a-leg' }, { call_id: 'b-leg' }]],
    },
    {
      label: 'summary → GET …/cdrs/summary with the range',
      call: (a) => a.cdrs.summary({ createdFrom: from, createdTo: new Date('2025-01-31T00:00:00Z') }),
      request: { method: 'GET', path: acct('/cdrs/summary'), query: { created_from: String(JAN1), created_to: String(JAN1 + 30 * DAY) } },
      reply: [200, { inbound: { calls: 3 } }],
      result: { inbound: { calls: 3 } },
    },
    {
      label: 'listByUser → GET …/users/{USER_ID}/cdrs',
      call: (a) => a.cdrs.listByUser('u1', { pageSize: 25 }),
      request: { method: 'GET', path: acct('/users/u1/cdrs'), query: { page_size: '25' } },
      reply: [200, []],
    },
    {
      label: 'a range Crossbar refuses surfaces as BadRequestError (date_range)',
      call: (a) => a.cdrs.list({ createdFrom: JAN1, createdTo: JAN1 + DAY }),
      request: { method: 'GET', path: acct('/cdrs') },
      reply: {
        status: 400,
        raw: { error: '400', message: 'validation error', data: { created_from: { date_range: { message: 'too long', cause: 1 } } } },
      },
      error: BadRequestError,
    },
  ]);
});

describe('cdrs window split', () => {
  const wire = useWireServer();

  it('cdrWindows splits 70 days into 3 consecutive windows of at most 31 days + 1 h', () => {
    const windows = cdrWindows(JAN1, JAN1 + 70 * DAY);
    expect(windows).toEqual([W1, W2, W3]);
    for (const [a, b] of windows) expect(b - a).toBeLessThanOrEqual(W);
    expect(cdrWindows(JAN1, JAN1 + W)).toEqual([[JAN1, JAN1 + W]]);
    expect(() => cdrWindows(JAN1 + 1, JAN1)).toThrow(InvalidArgumentError);
  });

  it('a 70-day range lists 3 windows, newest first, following each window’s pages', async () => {
    const { server, audian, calls } = wire();
    server.expect(
      { method: 'GET', path: acct('/cdrs'), reply: page([{ id: 'c5' }, { id: 'c4' }], { page_size: '2', next_start_key: 'k3' }) },
      { method: 'GET', path: acct('/cdrs'), reply: page([{ id: 'c3' }], { page_size: '1' }) },
      { method: 'GET', path: acct('/cdrs'), reply: page([], { page_size: '0' }) },
      { method: 'GET', path: acct('/cdrs'), reply: page([{ id: 'c2' }, { id: 'c1' }], { page_size: '2', next_start_key: 'k1' }) },
      { method: 'GET', path: acct('/cdrs'), reply: page([{ id: 'c0' }], { page_size: '1' }) },
    );
    const ids: string[] = [];
    for await (const cdr of audian.cdrs.list({ createdFrom: from, createdTo: to70, pageSize: 2 })) ids.push(cdr.id);
    server.assertDone();
    expect(ids).toEqual(['c5', 'c4', 'c3', 'c2', 'c1', 'c0']);
    const sent = calls().map((r) => Object.fromEntries(r.query));
    expect(sent).toEqual([
      { created_from: String(W3[0]), created_to: String(W3[1]), page_size: '2' },
      { created_from: String(W3[0]), created_to: String(W3[1]), page_size: '2', start_key: 'k3' },
      { created_from: String(W2[0]), created_to: String(W2[1]), page_size: '2' },
      { created_from: String(W1[0]), created_to: String(W1[1]), page_size: '2' },
      { created_from: String(W1[0]), created_to: String(W1[1]), page_size: '2', start_key: 'k1' },
    ]);
  });

  it('ascending lists the windows oldest first', async () => {
    const { server, audian, calls } = wire();
    for (let i = 0; i < 3; i++) server.expect({ method: 'GET', path: acct('/cdrs'), reply: page([{ id: `w${i}` }]) });
    const ids = (await audian.cdrs.list({ createdFrom: from, createdTo: to70, ascending: true }).toArray()).map((c) => c.id);
    server.assertDone();
    expect(ids).toEqual(['w0', 'w1', 'w2']);
    expect(calls().map((r) => [r.query.get('created_from'), r.query.get('created_to'), r.query.get('ascending')])).toEqual([
      [String(W1[0]), String(W1[1]), 'true'],
      [String(W2[0]), String(W2[1]), 'true'],
      [String(W3[0]), String(W3[1]), 'true'],
    ]);
  });

  it('a page’s nextStartKey resumes the same split listing at the right window and key', async () => {
    const { server, audian, calls } = wire();
    server.expect(
      { method: 'GET', path: acct('/cdrs'), reply: page([{ id: 'c5' }], { next_start_key: 'k3' }) },
      { method: 'GET', path: acct('/cdrs'), reply: page([{ id: 'c4' }]) },
      { method: 'GET', path: acct('/cdrs'), reply: page([{ id: 'c2' }]) },
    );
    const first = await audian.cdrs.list({ createdFrom: from, createdTo: to70 });
    expect(first.hasNextPage()).toBe(true);
    const resumed = await audian.cdrs.list({ createdFrom: from, createdTo: to70, startKey: first.nextStartKey as string });
    expect(resumed.data).toEqual([{ id: 'c4' }]);
    const next = await resumed.getNextPage();
    expect(next.data).toEqual([{ id: 'c2' }]);
    server.assertDone();
    expect(calls()[1]?.query.get('start_key')).toBe('k3');
    expect(calls()[2]?.query.get('created_from')).toBe(String(W2[0]));
    expect(calls()[2]?.query.has('start_key')).toBe(false);
  });

  it('listByUser splits the same way', async () => {
    const { server, audian, calls } = wire();
    server.expect(
      { method: 'GET', path: acct('/users/u1/cdrs'), reply: page([{ id: 'b' }]) },
      { method: 'GET', path: acct('/users/u1/cdrs'), reply: page([{ id: 'a' }]) },
    );
    const all = await audian.cdrs.listByUser('u1', { createdFrom: JAN1, createdTo: JAN1 + 40 * DAY }).toArray();
    server.assertDone();
    expect(all.map((c) => c.id)).toEqual(['b', 'a']);
    expect(calls().map((r) => r.query.get('created_to'))).toEqual([String(JAN1 + 40 * DAY), String(JAN1 + W)]);
  });

  it('only createdFrom, far back: the range ends now and is split', async () => {
    const { server, audian, calls } = wire();
    server.route('GET', acct('/cdrs'), page([]));
    const start = JAN1;
    await audian.cdrs.list({ createdFrom: start }).toArray();
    const sent = calls().map((r) => [Number(r.query.get('created_from')), Number(r.query.get('created_to'))] as const);
    const nowGregorian = Math.floor(Date.now() / 1000) + 62_167_219_200;
    expect(sent.length).toBeGreaterThan(1);
    // Newest first: the first window ends now, the last starts at createdFrom, and they join up.
    expect(Math.abs((sent[0]?.[1] ?? 0) - nowGregorian)).toBeLessThan(600);
    expect(sent.at(-1)?.[0]).toBe(start);
    for (let i = 1; i < sent.length; i++) expect((sent[i - 1]?.[0] ?? 0) - (sent[i]?.[1] ?? 0)).toBe(1);
  });

  it('rejects bad ranges and foreign cursors before any request', async () => {
    const { audian, server } = wire();
    await expect(settle(audian.cdrs.list({ createdFrom: to70, createdTo: from }))).rejects.toThrow(InvalidArgumentError);
    await expect(settle(audian.cdrs.list({ createdFrom: 1_735_689_600 }))).rejects.toThrow(/Unix seconds/);
    await expect(settle(audian.cdrs.list({ createdFrom: from, createdTo: to70, startKey: 'g2wAAAAB' }))).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(settle(audian.cdrs.list({ utcOffset: 1.5 }))).rejects.toThrow(InvalidArgumentError);
    await expect(settle(audian.cdrs.summary({ createdFrom: from, createdTo: to70 }))).rejects.toThrow(InvalidArgumentError);
    await expect(audian.cdrs.export({ createdFrom: to70, createdTo: from })).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('cdrs CSV export', () => {
  const wire = useWireServer();
  const csv = (text: string) => ({ status: 200, body: text, headers: { 'content-type': 'text/csv' } });

  it('requests text/csv per window and streams the windows as one CSV with the header once', async () => {
    const { server, audian, calls } = wire();
    server.expect(
      { method: 'GET', path: acct('/cdrs'), reply: csv('id,call_id\r\nc5,x5\r\nc4,x4\r\n') },
      { method: 'GET', path: acct('/cdrs'), reply: csv('id,call_id\r\n') },
      { method: 'GET', path: acct('/cdrs'), reply: csv('id,call_id\r\nc1,x1') },
    );
    const stream = await audian.cdrs.export({ createdFrom: from, createdTo: to70, fileName: 'q1.csv', utcOffset: 3600 });
    // The next window is asked for only once the previous one has been read.
    expect(calls()).toHaveLength(1);
    expect(await readText(stream)).toBe('id,call_id\r\nc5,x5\r\nc4,x4\r\nc1,x1');
    server.assertDone();
    const sent = calls();
    expect(sent.map((r) => r.headers.accept)).toEqual(['text/csv', 'text/csv', 'text/csv']);
    expect(sent.map((r) => Object.fromEntries(r.query))).toEqual([
      { created_from: String(W3[0]), created_to: String(W3[1]), utc_offset: '3600', file_name: 'q1.csv', paginate: 'false' },
      { created_from: String(W2[0]), created_to: String(W2[1]), utc_offset: '3600', file_name: 'q1.csv', paginate: 'false' },
      { created_from: String(W1[0]), created_to: String(W1[1]), utc_offset: '3600', file_name: 'q1.csv', paginate: 'false' },
    ]);
  });

  it('joins windows whose body lacks a final line break, and keeps the header of the first non-empty window', async () => {
    const { server, audian } = wire();
    server.expect(
      { method: 'GET', path: acct('/users/u1/cdrs'), reply: csv('') },
      { method: 'GET', path: acct('/users/u1/cdrs'), reply: csv('id\r\nb') },
      { method: 'GET', path: acct('/users/u1/cdrs'), reply: csv('id\r\na\r\n') },
    );
    const text = await readText(await audian.cdrs.export({ userId: 'u1', createdFrom: from, createdTo: to70 }));
    server.assertDone();
    expect(text).toBe('id\r\nb\r\na\r\n');
  });

  it('without bounds sends one request and passes the body through', async () => {
    const { server, audian, calls } = wire();
    server.expect({ method: 'GET', path: acct('/cdrs'), reply: csv('id,call_id\r\nc1,x1\r\n') });
    const text = await readText(await audian.cdrs.export({ filter: { call_direction: 'outbound' } }));
    server.assertDone();
    expect(text).toBe('id,call_id\r\nc1,x1\r\n');
    expect(Object.fromEntries(calls()[0]?.query ?? [])).toEqual({ filter_call_direction: 'outbound', paginate: 'false' });
  });

  it('a failing first window rejects the export', async () => {
    const { server, audian } = wire();
    server.expect({
      method: 'GET',
      path: acct('/cdrs'),
      reply: {
        status: 400,
        body: { error: '400', message: 'validation error', status: 'error', data: { created_from: { date_range: { message: 'x' } } } },
      },
    });
    await expect(audian.cdrs.export({ createdFrom: from, createdTo: to70 })).rejects.toBeInstanceOf(BadRequestError);
  });

  it('a failing later window errors the stream', async () => {
    const { server, audian } = wire();
    server.expect(
      { method: 'GET', path: acct('/cdrs'), reply: csv('id\r\nc\r\n') },
      {
        method: 'GET',
        path: acct('/cdrs'),
        reply: { status: 500, body: { error: '500', message: 'datastore_fault', status: 'error', data: {} } },
      },
    );
    const stream = await audian.cdrs.export({ createdFrom: from, createdTo: to70 });
    await expect(readText(stream)).rejects.toThrow();
  });
});

/** Resolves a call's outcome (a listing is awaited for its first page), so its rejection can be asserted. */
function settle(result: unknown): Promise<unknown> {
  return Promise.resolve(result as PromiseLike<unknown>).then((value) => value);
}
