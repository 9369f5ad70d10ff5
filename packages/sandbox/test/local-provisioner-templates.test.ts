import { describe, expect, it } from 'vitest';
import { data, useHarness } from './helpers';

const h = useHarness();
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('local_provisioner_templates (cb_local_provisioner_templates)', () => {
  it('keeps the template object beside the document and returns it on every read; lists id and name', async () => {
    const created = await h.call('PUT', `${h.acct}/local_provisioner_templates`, {
      data: { name: 'Lobby', template: { keys: [1, 2] }, brand: 'yealink' },
    });
    expect(created.status).toBe(201);
    const id = data(created).id;
    expect(data(created)).toMatchObject({ name: 'Lobby', brand: 'yealink', template: { keys: [1, 2] } });
    expect((await h.call('GET', `${h.acct}/local_provisioner_templates`)).body.data).toContainEqual({ id, name: 'Lobby' });
    const changed = await h.call('POST', `${h.acct}/local_provisioner_templates/${id}`, { data: { template: { keys: [3] } } });
    expect(data(changed)).toMatchObject({ name: 'Lobby', brand: 'yealink', template: { keys: [3] } });
    expect(data(await h.call('GET', `${h.acct}/local_provisioner_templates/${id}`)).template).toEqual({ keys: [3] });
    expect((await h.call('PATCH', `${h.acct}/local_provisioner_templates/${id}`, { data: {} })).status).toBe(405);
    expect((await h.call('DELETE', `${h.acct}/local_provisioner_templates/${id}`)).status).toBe(200);
    expect((await h.call('GET', `${h.acct}/local_provisioner_templates/${id}`)).status).toBe(404);
  });

  it('stores, serves and deletes the image bytes; no image is a 404; an empty upload names `file`', async () => {
    const id = data(await h.call('PUT', `${h.acct}/local_provisioner_templates`, { data: { name: 'With image' } })).id;
    const path = `${h.acct}/local_provisioner_templates/${id}/image`;
    expect((await h.call('GET', path)).status).toBe(404);
    const empty = await h.call('POST', path, { raw: new Uint8Array(), headers: { 'content-type': 'image/png' } });
    expect(empty.status).toBe(400);
    expect(empty.body.data).toHaveProperty('file.required');
    expect((await h.call('POST', path, { raw: PNG, headers: { 'content-type': 'image/png' } })).status).toBe(200);
    const image = await fetch(`${h.sandbox.url}${path}`, { headers: { 'x-auth-token': h.token } });
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG);
    expect((await h.call('DELETE', path)).status).toBe(200);
    expect((await h.call('GET', path)).status).toBe(404);
  });
});
