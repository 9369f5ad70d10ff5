import { describe, expect, it } from 'vitest';
import { type Answer, useHarness } from './helpers';

const h = useHarness();

/** The generation of a CouchDB revision (`3-<md5>` → 3), after checking its shape. */
function generation(answer: Answer): number {
  const revision = String(answer.body.revision);
  expect(revision).toMatch(/^\d+-[0-9a-f]{32}$/);
  expect(answer.headers.get('etag')).toBe(`"${revision}"`);
  return Number.parseInt(revision, 10);
}

// CouchDB keeps a tombstone for a document `kz_datamgr:del_doc/2` removes, one revision past the
// last one; a document saved again under the same id continues from that tombstone's revision.
describe('a fixed-id document saved again after a hard delete continues its revisions', () => {
  it('whitelabel (cb_whitelabel:delete/1 → crossbar_doc:delete/2 with ?HARD_DELETE): created 1, deleted 2, created again 3', async () => {
    const created = await h.call('PUT', `${h.acct}/whitelabel`, { data: { company_name: 'Acme Voice' } });
    expect(created.status, created.text).toBe(201);
    expect(generation(created)).toBe(1);
    expect((await h.call('DELETE', `${h.acct}/whitelabel`)).status).toBe(200);
    const again = await h.call('PUT', `${h.acct}/whitelabel`, { data: { company_name: 'Acme Voice again' } });
    expect(again.status, again.text).toBe(201);
    expect(generation(again)).toBe(3);
    const read = await h.call('GET', `${h.acct}/whitelabel`);
    expect(read.status, read.text).toBe(200);
    expect(read.body.revision).toBe(again.body.revision);
    expect(generation(read)).toBe(3);
  });

  it('an update after the re-creation goes on from there (crossbar_doc:save/1)', async () => {
    const before = await h.call('GET', `${h.acct}/whitelabel`);
    const updated = await h.call('POST', `${h.acct}/whitelabel`, { data: { company_name: 'Acme Voice renamed' } });
    expect(updated.status, updated.text).toBe(200);
    expect(generation(updated)).toBe(generation(before) + 1);
  });

  it('token restrictions (cb_token_restrictions:delete/1 with ?HARD_DELETE): each delete and save adds one', async () => {
    const data = { restrictions: {} };
    const first = await h.call('POST', `${h.acct}/token_restrictions`, { data });
    expect(first.status, first.text).toBe(200);
    const start = generation(first);
    expect((await h.call('DELETE', `${h.acct}/token_restrictions`)).status).toBe(200);
    const second = await h.call('POST', `${h.acct}/token_restrictions`, { data });
    expect(second.status, second.text).toBe(200);
    expect(generation(second)).toBe(start + 2);
  });
});
