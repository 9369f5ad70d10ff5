import { describe, expect, it } from 'vitest';
import { request, useHarness } from './helpers';

type Task = { _read_only: Record<string, unknown> & { id: string } };
const h = useHarness({ demoData: true });
const task = (r: { body: { data?: unknown } }) => (r.body.data as Task)._read_only;

describe('tasks (cb_tasks, kz_tasks)', () => {
  it('lists the catalog without a token, narrows it, and answers bad identifier for an unknown category (cb_tasks:help_rep/2)', async () => {
    const all = await request(h.sandbox, 'GET', '/v2/tasks');
    expect(all.status).toBe(200);
    expect(all.body.data).toMatchObject({
      tasks: { number_management: { list: {}, find: { expected_content: 'text/csv', mandatory: ['e164'] } } },
    });
    const one = await request(h.sandbox, 'GET', '/v2/tasks?category=number_management&action=find');
    expect(Object.keys((one.body.data as { tasks: Record<string, object> }).tasks.number_management as object)).toEqual(['find']);
    const unknown = await request(h.sandbox, 'GET', '/v2/tasks?category=rates');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ message: 'bad identifier', data: ['unknown category or action'] });
  });

  it('runs number_management/list: pending → started → success, with out.csv listing the account’s numbers', async () => {
    const created = await h.call('PUT', `${h.acct}/tasks?category=number_management&action=list`);
    expect(created.status).toBe(201);
    const t = task(created);
    expect(t).toMatchObject({ category: 'number_management', action: 'list', status: 'pending', account_id: h.sandbox.accountId });
    expect(t.id).toMatch(/^[0-9a-f]{30}$/);
    const listed = await h.call('GET', `${h.acct}/tasks`);
    expect((listed.body.data as { id: string }[]).map((x) => x.id)).toContain(t.id);

    const started = await h.call('PATCH', `${h.acct}/tasks/${t.id}`);
    expect(started.status).toBe(200);
    expect(task(started)).toMatchObject({ status: 'executing' });
    const done = task(await h.call('GET', `${h.acct}/tasks/${t.id}`));
    expect(done).toMatchObject({ status: 'success', failure_count: 0, csvs: ['out.csv'] });
    expect(Number(done.success_count)).toBeGreaterThan(0);

    const out = await h.call('GET', `${h.acct}/tasks/${t.id}/output`, { headers: { accept: 'text/csv' } });
    expect(out.status).toBe(200);
    expect(out.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(out.headers.get('content-disposition')).toBe(`attachment; filename="number_management_list_${t.id}_out.csv"`);
    const [header, ...rows] = out.text.trim().split('\r\n');
    expect(header?.split(',').slice(0, 5)).toEqual(['e164', 'account_name', 'account_id', 'previously_assigned_to', 'state']);
    expect(rows).toHaveLength(Number(done.success_count));
    expect(rows.every((row) => row.startsWith('+') && row.includes(h.sandbox.accountId))).toBe(true);

    const again = await h.call('PATCH', `${h.acct}/tasks/${t.id}`);
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ message: 'bad_identifier', data: { reason: 'task already started', cause: t.id } });
    const stop = await h.call('PATCH', `${h.acct}/tasks/${t.id}/stop`);
    expect(stop.status).toBe(404);
    expect(stop.body.data).toMatchObject({ reason: 'task is not running' });
  });

  it('takes CSV input for find, keeps it as in.csv, and reports rows it cannot find as failures (partial)', async () => {
    const numbers = (await h.call('GET', `${h.acct}/phone_numbers`)).body.data as { numbers: Record<string, unknown> };
    const known = Object.keys(numbers.numbers)[0] as string;
    const csv = `e164\r\n${known}\r\n+19995550000\r\n`;
    const created = await h.call('PUT', `${h.acct}/tasks?category=number_management&action=find&file_name=mine.csv`, {
      raw: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(created.status).toBe(201);
    const t = task(created);
    expect(t).toMatchObject({ total_count: 2, file_name: 'mine.csv', csvs: ['in.csv'] });
    const input = await h.call('GET', `${h.acct}/tasks/${t.id}/input`);
    expect(input.text).toBe(csv);
    await h.call('PATCH', `${h.acct}/tasks/${t.id}`);
    expect(task(await h.call('GET', `${h.acct}/tasks/${t.id}`))).toMatchObject({ status: 'partial', success_count: 1, failure_count: 1 });
    const out = (await h.call('GET', `${h.acct}/tasks/${t.id}/output`)).text.trim().split('\r\n');
    expect(out[0]?.endsWith(',error')).toBe(true);
    expect(out[2]).toMatch(/^\+19995550000,.*,not_found$/);
    const deleted = await h.call('DELETE', `${h.acct}/tasks/${t.id}`);
    expect(deleted.status).toBe(200);
    expect((await h.call('GET', `${h.acct}/tasks/${t.id}`)).status).toBe(404);
  });

  it('takes JSON records and refuses bad input as kz_tasks does', async () => {
    const json = await h.call('PUT', `${h.acct}/tasks?category=number_management&action=find`, {
      data: { records: [{ e164: '+14155550100' }] },
    });
    expect(json.status).toBe(201);
    expect(task(json)).toMatchObject({ total_count: 1 });

    const noAction = await h.call('PUT', `${h.acct}/tasks?category=number_management`);
    expect(noAction.status).toBe(500);
    expect(noAction.body.message).toBe('invalid request');
    const unknown = await h.call('PUT', `${h.acct}/tasks?category=number_management&action=explode`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.data).toEqual(['unknown_category_action']);
    const missingColumn = await h.call('PUT', `${h.acct}/tasks?category=number_management&action=find`, {
      raw: 'number\r\n+14155550100\r\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(missingColumn.status).toBe(400);
    expect(missingColumn.body.data).toEqual({ missing_mandatory_fields: ['e164'] });
    const inputForNone = await h.call('PUT', `${h.acct}/tasks?category=number_management&action=list`, {
      data: { records: [{ e164: '+1' }] },
    });
    expect(inputForNone.body.data).toEqual({ expected_content: 'none' });
    const ragged = await h.call('PUT', `${h.acct}/tasks?category=number_management&action=find`, {
      raw: 'e164\r\n+14155550100,extra\r\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(ragged.status).toBe(400);
    expect(ragged.body.data).toHaveProperty('csv.format.message');
    expect((await h.call('GET', `${h.acct}/tasks/000000000000000000000000000000`)).body.data).toEqual(['000000000000000000000000000000']);
  });

  it('lists tasks newest first, page by page (tasks/listing_by_created, descending)', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      h.sandbox.advanceClock(1);
      ids.push(task(await h.call('PUT', `${h.acct}/tasks?category=number_management&action=list_all`)).id);
    }
    const first = await h.call('GET', `${h.acct}/tasks?page_size=2`);
    const firstIds = (first.body.data as { id: string }[]).map((t) => t.id);
    expect(firstIds).toEqual([ids[2], ids[1]]);
    expect(first.body.next_start_key).toBeDefined();
    const second = await h.call('GET', `${h.acct}/tasks?page_size=2&start_key=${first.body.next_start_key}`);
    expect((second.body.data as { id: string }[])[0]?.id).toBe(ids[0]);
  });
});
