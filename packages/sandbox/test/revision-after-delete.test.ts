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

// kz_ip:delete/1 removes a dedicated IP with kz_datamgr:del_doc/2, which would leave a tombstone to
// continue from; but over HTTP only cb_ips:delete/3 → delete_ip/2 calls it, and only once
// validate_release_ip/2 passed, which never happens on /v2/ips/{ip}: cb_context:account_id/1 is
// undefined there, so additional_release_validations/4 fails every address. The IP document is
// never deleted (only `sup kazoo_ips_maintenance delete <ip>` does), so it is never saved anew:
// adding it again is a CouchDB conflict, not a revision past a tombstone.
describe('a dedicated IP (its address is its id) is never hard-deleted over HTTP', () => {
  it('PUT /v2/ips starts at 1; DELETE /v2/ips/{ip} fails validation (cb_ips:validate_release_ip/2); PUT again is 409 (kz_ip:create/3)', async () => {
    const ip = { ip: '192.0.2.90', zone: 'rev-zone', host: 'proxy90.example.net' };
    const created = await h.call('PUT', '/v2/ips', { data: ip });
    expect(created.status, created.text).toBe(201);
    expect(generation(created)).toBe(1);
    const removed = await h.call('DELETE', '/v2/ips/192.0.2.90');
    expect(removed.status, removed.text).toBe(400);
    expect(removed.body.data).toEqual({ 'ips.0': { superfluous: { message: 'ip not assigned', value: '192.0.2.90' } } });
    const again = await h.call('PUT', '/v2/ips', { data: ip });
    expect(again.status, again.text).toBe(409);
    expect(again.body.message).toBe('datastore_conflict');
  });
});
