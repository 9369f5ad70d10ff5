import { describe, expect, it } from 'vitest';
import { type Doc, data, multipart, useHarness } from './helpers';

const h = useHarness();
const list = (r: { body: { data?: unknown } }) => r.body.data as Doc[];

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const DOCUMENT = { url: 'http://127.0.0.1/fax.pdf' };

async function newBox(fields: Record<string, unknown>): Promise<Doc> {
  const created = await h.call('PUT', `${h.acct}/faxboxes`, { data: { name: 'Box', ...fields } });
  expect(created.status).toBe(201);
  return data(created);
}

describe('sending from a fax box (cb_faxes:create/1, maybe_add_faxbox_data/2)', () => {
  it("PUT …/faxboxes/{id}/faxes takes the box's caller id, name, header, identity, retries and id where the request has none: 202, pending, in the box's outbox", async () => {
    const box = await newBox({
      caller_id: '+14155550100',
      caller_name: 'Front desk',
      fax_header: 'ACME Fax',
      fax_identity: '+14155550101',
      retries: 2,
    });
    const sent = await h.call('PUT', `${h.acct}/faxboxes/${box.id}/faxes`, { data: { to_number: '4155550199', document: DOCUMENT } });
    expect(sent.status).toBe(202);
    const fax = data(sent);
    expect(fax.id).toMatch(/^\d{6}-[0-9a-f]{32}$/);
    expect(fax).toMatchObject({
      from_number: '+14155550100',
      from_name: 'Front desk',
      fax_identity_name: 'ACME Fax',
      fax_identity_number: '+14155550101',
      retries: 2,
      faxbox_id: box.id,
      to_number: '+14155550199',
      attempts: 0,
      folder: 'outbox',
    });
    expect(data(await h.call('GET', `${h.acct}/faxes/outgoing/${fax.id}`))).toMatchObject({ status: 'pending' });
    expect(list(await h.call('GET', `${h.acct}/faxboxes/${box.id}/faxes/outbox`)).map((f) => f.id)).toEqual([fax.id]);

    // The request's own values win over the box's.
    const own = await h.call('PUT', `${h.acct}/faxboxes/${box.id}/faxes`, {
      data: { from_number: '+14155550111', from_name: 'Me', retries: 0, to_number: '+14155550199', document: DOCUMENT },
    });
    expect(data(own)).toMatchObject({ from_number: '+14155550111', from_name: 'Me', retries: 0, faxbox_id: box.id });
  });

  it('PUT …/faxboxes/{id}/faxes/outgoing sends the same way, with a document sent along (cb_faxes:validate_outgoing_fax/2)', async () => {
    const box = await newBox({ caller_id: '+14155550100' });
    const sent = await h.call(
      'PUT',
      `${h.acct}/faxboxes/${box.id}/faxes/outgoing`,
      multipart({ data: { to_number: '+14155550123' } }, PDF, 'application/pdf'),
    );
    expect(sent.status).toBe(202);
    const fax = data(sent);
    expect(fax).toMatchObject({ faxbox_id: box.id, from_number: '+14155550100' });
    const res = await fetch(`${h.sandbox.url}${h.acct}/faxboxes/${box.id}/faxes/outbox/${fax.id}/attachment`, {
      headers: { 'x-auth-token': h.token },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it("a box created without retries holds the faxbox schema's default, which the fax takes; one without caller id leaves from_number required (kzd_fax_box:retries/2, faxes schema)", async () => {
    const bare = await newBox({});
    const noFrom = await h.call('PUT', `${h.acct}/faxboxes/${bare.id}/faxes`, { data: { to_number: '+14155550123', document: DOCUMENT } });
    expect(noFrom.status).toBe(400);
    expect(noFrom.body.data).toHaveProperty('from_number.required');
    const stored = data(await h.call('GET', `${h.acct}/faxboxes/${bare.id}`));
    const sent = data(
      await h.call('PUT', `${h.acct}/faxboxes/${bare.id}/faxes`, {
        data: { from_number: '+14155550100', to_number: '+14155550123', document: DOCUMENT },
      }),
    );
    expect(stored.retries).toBe(1);
    expect(sent.retries).toBe(1);
    const noDocument = await h.call('PUT', `${h.acct}/faxboxes/${bare.id}/faxes`, {
      data: { from_number: '+14155550100', to_number: '+14155550123' },
    });
    expect(noDocument.status).toBe(400);
    expect(noDocument.body.data).toEqual({ 'document.url': { required: { message: 'add document url or upload a document' } } });
  });

  it('an id that opens no document sends as …/faxes does, without faxbox_id (cb_faxboxes:validate_resource/2)', async () => {
    const sent = await h.call('PUT', `${h.acct}/faxboxes/${'0'.repeat(32)}/faxes`, {
      data: { from_number: '+14155550100', to_number: '+14155550123', document: DOCUMENT },
    });
    expect(sent.status).toBe(202);
    expect(data(sent)).not.toHaveProperty('faxbox_id');
  });

  it('…/faxboxes/{id}/faxes takes only PUT (cb_faxes:allowed_methods/0); …/users/{id}/faxes sends with no owner, a missing user 404s (cb_users:validate_user_id/2)', async () => {
    const box = await newBox({ caller_id: '+14155550100' });
    expect((await h.call('GET', `${h.acct}/faxboxes/${box.id}/faxes`)).status).toBe(405);
    expect((await h.call('POST', `${h.acct}/faxboxes/${box.id}/faxes`, { data: {} })).status).toBe(405);
    const user = data(await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Fax', last_name: 'Sender' } }));
    const sent = await h.call('PUT', `${h.acct}/users/${user.id}/faxes`, {
      data: { from_number: '+14155550100', to_number: '+14155550123', document: DOCUMENT },
    });
    expect(sent.status).toBe(202);
    expect(data(sent)).not.toHaveProperty('owner_id');
    const missing = await h.call('PUT', `${h.acct}/users/${'0'.repeat(32)}/faxes`, {
      data: { from_number: '+14155550100', to_number: '+14155550123', document: DOCUMENT },
    });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('bad_identifier');
  });
});

describe('single faxes below a fax box and a user (cb_faxes:validate/3, load_modb_fax_doc/3)', () => {
  it('reads, resubmits and deletes a fax by id alone: a fax of another box or user is served all the same', async () => {
    const box = await newBox({ caller_id: '+14155550100' });
    const other = await newBox({ caller_id: '+14155550102' });
    const owner = data(await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Own', last_name: 'Er' } }));
    const stranger = data(await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Stran', last_name: 'Ger' } }));
    const fax = data(
      await h.call('PUT', `${h.acct}/faxboxes/${box.id}/faxes`, {
        data: { to_number: '+14155550123', owner_id: owner.id, document: DOCUMENT },
      }),
    );

    for (const path of [
      `faxboxes/${box.id}/faxes/outbox/${fax.id}`,
      `faxboxes/${other.id}/faxes/outbox/${fax.id}`,
      `faxboxes/${'0'.repeat(32)}/faxes/outbox/${fax.id}`,
      `users/${owner.id}/faxes/outbox/${fax.id}`,
      `users/${stranger.id}/faxes/outbox/${fax.id}`,
    ]) {
      const read = await h.call('GET', `${h.acct}/${path}`);
      expect(read.status, path).toBe(200);
      expect(data(read)).toMatchObject({ id: fax.id, faxbox_id: box.id, owner_id: owner.id });
    }
    const job = data(await h.call('GET', `${h.acct}/faxboxes/${other.id}/faxes/outgoing/${fax.id}`));
    expect(job).toMatchObject({ id: fax.id, status: 'pending' });
    expect(typeof job.created).toBe('number');

    // A missing user fails before the fax is looked up.
    expect((await h.call('GET', `${h.acct}/users/${'0'.repeat(32)}/faxes/outbox/${fax.id}`)).status).toBe(404);

    const resubmitted = await h.call('PUT', `${h.acct}/users/${stranger.id}/faxes/outbox/${fax.id}`, {
      envelope: { action: 'resubmit' },
      data: {},
    });
    expect(resubmitted.status).toBe(200);
    expect(data(resubmitted)).toMatchObject({ faxbox_id: box.id, attempts: 0 });
    expect(data(resubmitted).id).not.toBe(fax.id);
    expect((await h.call('PUT', `${h.acct}/faxboxes/${box.id}/faxes/outbox/${fax.id}`, { data: {} })).body.message).toBe('action required');

    const removed = await h.call('DELETE', `${h.acct}/faxboxes/${other.id}/faxes/outbox/${fax.id}`);
    expect(removed.status).toBe(200);
    expect(data(removed)).toMatchObject({ id: fax.id, _read_only: { deleted: true } });
    expect((await h.call('GET', `${h.acct}/faxboxes/${box.id}/faxes/outbox/${fax.id}`)).status).toBe(404);
    expect((await h.call('GET', `${h.acct}/faxes/outbox/${fax.id}`)).status).toBe(404);
  });

  it('a fax read through the wrong folder is 500 (cb_faxes:validate_fax_doc_folder/3); verbs Crossbar lacks are 405 (cb_faxes:allowed_methods/2,3)', async () => {
    const box = await newBox({ caller_id: '+14155550100' });
    const user = data(await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Folder', last_name: 'Check' } }));
    const fax = data(
      await h.call('PUT', `${h.acct}/faxboxes/${box.id}/faxes`, { data: { to_number: '+14155550123', document: DOCUMENT } }),
    );
    const inbox = await h.call('GET', `${h.acct}/faxboxes/${box.id}/faxes/inbox/${fax.id}`);
    expect(inbox.status).toBe(500);
    expect(inbox.body.message).toBe('document is not in folder inbox');
    expect((await h.call('GET', `${h.acct}/users/${user.id}/faxes/incoming/${fax.id}`)).body.message).toBe(
      'document is not in folder incoming',
    );
    expect((await h.call('DELETE', `${h.acct}/users/${user.id}/faxes/inbox/${fax.id}`)).status).toBe(500);
    // No document was sent along, so there is none to serve.
    expect((await h.call('GET', `${h.acct}/users/${user.id}/faxes/outbox/${fax.id}/attachment`)).status).toBe(404);
    expect((await h.call('POST', `${h.acct}/faxboxes/${box.id}/faxes/outbox/${fax.id}`, { data: {} })).status).toBe(405);
    expect((await h.call('DELETE', `${h.acct}/faxboxes/${box.id}/faxes/outgoing/${fax.id}`)).status).toBe(405);
    expect((await h.call('PUT', `${h.acct}/users/${user.id}/faxes/outbox/${fax.id}/attachment`, { data: {} })).status).toBe(405);
    // An unknown fax id is 404 under either parent.
    expect((await h.call('GET', `${h.acct}/faxboxes/${box.id}/faxes/outbox/${'0'.repeat(32)}`)).status).toBe(404);
    expect((await h.call('GET', `${h.acct}/users/${user.id}/faxes/outgoing/${'0'.repeat(32)}`)).status).toBe(404);
  });

  it('…/faxboxes/{id}/faxes/smtplog lists the (empty) SMTP log and 404s an unknown attempt (cb_faxes:load_smtp_log/1, load_smtp_log_doc/2)', async () => {
    const box = await newBox({});
    const logs = await h.call('GET', `${h.acct}/faxboxes/${box.id}/faxes/smtplog`);
    expect(logs.status).toBe(200);
    expect(list(logs)).toEqual([]);
    expect((await h.call('GET', `${h.acct}/faxboxes/${box.id}/faxes/smtplog/${'0'.repeat(32)}`)).status).toBe(404);
  });
});
