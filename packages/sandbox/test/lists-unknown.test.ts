import { describe, expect, it } from 'vitest';
import { type Doc, data, useHarness } from './helpers';

/**
 * Lists and list entries addressed by ids that name nothing. `cb_lists:validate_req/3` does not
 * load the list for `DELETE …/lists/{LIST_ID}` (it reads the `lists/entries` view), so the delete
 * runs and `cb_lists:delete/2` hands a failed load to `crossbar_doc:delete/1`; an entry, loaded
 * during validation, stops the request at 404 before anything is deleted.
 */

const h = useHarness();

/** A fresh 32-hex id no document has. */
const unknownId = (seed: string): string => seed.repeat(32).slice(0, 32);

describe('DELETE …/lists/{LIST_ID} with an id that names no list (cb_lists:delete/2)', () => {
  it('answers 200 with only _read_only.deleted, as crossbar_doc:delete/1 soft-deletes the empty doc the failed crossbar_doc:load/3 left', async () => {
    const answer = await h.call('DELETE', `${h.acct}/lists/${unknownId('b1')}`);
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('success');
    expect(answer.body.data).toEqual({ _read_only: { deleted: true } });
    expect(answer.body.page_size).toBe(0);
    expect(answer.body.error).toBeUndefined();
  });

  it('answers the same for a list already deleted (crossbar_doc:load/3 refuses a soft-deleted doc the same way)', async () => {
    const list = data(await h.call('PUT', `${h.acct}/lists`, { data: { name: 'Short-lived' } }));
    const first = await h.call('DELETE', `${h.acct}/lists/${list.id}`);
    expect(first.status).toBe(200);
    expect(data(first)).toMatchObject({ id: list.id, name: 'Short-lived', _read_only: { deleted: true } });
    const again = await h.call('DELETE', `${h.acct}/lists/${list.id}`);
    expect(again.status).toBe(200);
    expect(again.body.data).toEqual({ _read_only: { deleted: true } });
    expect((await h.call('GET', `${h.acct}/lists/${list.id}`)).status).toBe(404);
  });

  it('deletes entries filed under the unknown id and answers them as the entries view lists them (cb_lists:delete/3, then kz_json:set_value/3 fails on the rows)', async () => {
    const ghost = unknownId('c2');
    const entry = data(await h.call('PUT', `${h.acct}/lists/${ghost}/entries`, { data: { number: '+14155550171' } }));
    const answer = await h.call('DELETE', `${h.acct}/lists/${ghost}`);
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual([{ id: entry.id, key: ghost, value: { number: '+14155550171' } }]);
    expect(answer.body.page_size).toBe(1);
    expect((await h.call('GET', `${h.acct}/lists/${ghost}/entries`)).body.data).toEqual([]);
    expect((await h.call('GET', `${h.acct}/lists/${ghost}/entries/${entry.id}`)).status).toBe(404);
  });

  it('deletes a list entry named as a list: delete/2 loads the id expecting a list_entry (crossbar_doc:load/3 with ?TYPE_CHECK_OPTION)', async () => {
    const list = data(await h.call('PUT', `${h.acct}/lists`, { data: { name: 'Holder' } }));
    const entry = data(await h.call('PUT', `${h.acct}/lists/${list.id}/entries`, { data: { number: '+14155550172' } }));
    const answer = await h.call('DELETE', `${h.acct}/lists/${entry.id}`);
    expect(answer.status).toBe(200);
    expect(data(answer)).toMatchObject({ id: entry.id, list_id: list.id, _read_only: { deleted: true } });
    expect((await h.call('GET', `${h.acct}/lists/${list.id}/entries`)).body.data).toEqual([]);
    expect((await h.call('GET', `${h.acct}/lists/${list.id}`)).status).toBe(200);
  });

  it('leaves documents of other types alone: the type check fails and the answer is the unknown-id one', async () => {
    const user = data(await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Kept', last_name: 'User' } }));
    const answer = await h.call('DELETE', `${h.acct}/lists/${user.id}`);
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({ _read_only: { deleted: true } });
    expect((await h.call('GET', `${h.acct}/users/${user.id}`)).status).toBe(200);
  });

  it('still deletes a real list with its entries, page_size counting the entries found (cb_lists:validate_req/3 view load)', async () => {
    const list = data(await h.call('PUT', `${h.acct}/lists`, { data: { name: 'Doomed' } }));
    for (const number of ['+14155550173', '+14155550174']) {
      expect((await h.call('PUT', `${h.acct}/lists/${list.id}/entries`, { data: { number } })).status).toBe(201);
    }
    const answer = await h.call('DELETE', `${h.acct}/lists/${list.id}`);
    expect(answer.status).toBe(200);
    expect(data(answer)).toMatchObject({ id: list.id, name: 'Doomed', _read_only: { deleted: true } });
    expect(answer.body.page_size).toBe(2);
    expect((await h.call('GET', `${h.acct}/lists/${list.id}/entries`)).body.data).toEqual([]);
    const lists = (await h.call('GET', `${h.acct}/lists`)).body.data as Doc[];
    expect(lists.map((l) => l.id)).not.toContain(list.id);
  });
});

describe('…/lists/{LIST_ID}/entries/{ENTRY_ID} with an unknown entry id (cb_lists:validate_req/3, crossbar_doc:load/3)', () => {
  const badIdentifier = (id: string) => ({ cause: id, message: 'bad identifier' });

  it('DELETE answers 404 bad_identifier naming the entry; validation fails, so cb_lists:delete/4 never runs', async () => {
    const list = data(await h.call('PUT', `${h.acct}/lists`, { data: { name: 'Has one' } }));
    const kept = data(await h.call('PUT', `${h.acct}/lists/${list.id}/entries`, { data: { number: '+14155550175' } }));
    const missing = unknownId('d3');
    const answer = await h.call('DELETE', `${h.acct}/lists/${list.id}/entries/${missing}`);
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ status: 'error', error: '404', message: 'bad_identifier', data: badIdentifier(missing) });
    expect((await h.call('GET', `${h.acct}/lists/${list.id}/entries`)).body.data).toEqual([
      { id: kept.id, key: list.id, value: { number: '+14155550175' } },
    ]);
  });

  it('DELETE answers the same 404 under a list id that names nothing, and for an entry already deleted', async () => {
    const missing = unknownId('e4');
    const answer = await h.call('DELETE', `${h.acct}/lists/${unknownId('f5')}/entries/${missing}`);
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ error: '404', message: 'bad_identifier', data: badIdentifier(missing) });
    const list = data(await h.call('PUT', `${h.acct}/lists`, { data: { name: 'Twice' } }));
    const entry = data(await h.call('PUT', `${h.acct}/lists/${list.id}/entries`, { data: { number: '+14155550176' } }));
    expect((await h.call('DELETE', `${h.acct}/lists/${list.id}/entries/${entry.id}`)).status).toBe(200);
    const again = await h.call('DELETE', `${h.acct}/lists/${list.id}/entries/${entry.id}`);
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ message: 'bad_identifier', data: badIdentifier(entry.id) });
  });

  it('GET, POST and PATCH answer the same 404 (crossbar_doc:load/3, crossbar_doc:load_merge/3, crossbar_doc:patch_and_validate/3)', async () => {
    const list = data(await h.call('PUT', `${h.acct}/lists`, { data: { name: 'Reads' } }));
    const missing = unknownId('a7');
    const path = `${h.acct}/lists/${list.id}/entries/${missing}`;
    const body = { data: { number: '+14155550177', list_id: list.id } };
    for (const [method, options] of [
      ['GET', {}],
      ['POST', body],
      ['PATCH', body],
    ] as const) {
      const answer = await h.call(method, path, options);
      expect(answer.status, method).toBe(404);
      expect(answer.body, method).toMatchObject({ error: '404', message: 'bad_identifier', data: badIdentifier(missing) });
    }
  });
});
