import { NotFoundError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import { acct, crudWireCases, rawUploadCases, scriptedClient, wireCases } from './wire';

const ID = '9a07e9a07e9a07e9a07e9a07e9a07e9a';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
const template = { id: ID, name: 'Lobby phones', template: { feature_keys: { 0: { type: 'parking' } } }, brand: 'yealink' };

describe('local_provisioner_templates on the wire', () => {
  wireCases([
    ...crudWireCases({
      name: 'local_provisioner_templates',
      resource: (a) => a.local_provisioner_templates,
      path: '/local_provisioner_templates',
      id: ID,
      document: template,
      create: { name: 'Lobby phones', template: { feature_keys: {} } },
    }),
    {
      label: 'image → GET …/{TEMPLATE_ID}/image: the bytes, typed as the server sent them',
      call: async (a) => {
        const image = await a.local_provisioner_templates.image(ID);
        return { type: image.contentType, bytes: await image.bytes() };
      },
      request: { method: 'GET', path: acct(`/local_provisioner_templates/${ID}/image`) },
      reply: { status: 200, raw: Buffer.from(PNG), headers: { 'content-type': 'image/png' } },
      result: { type: 'image/png', bytes: PNG },
    },
    {
      label: 'deleteImage → DELETE …/{TEMPLATE_ID}/image',
      call: (a) => a.local_provisioner_templates.deleteImage(ID),
      request: { method: 'DELETE', path: acct(`/local_provisioner_templates/${ID}/image`) },
    },
    {
      label: 'deleteImage of a template without one → NotFoundError',
      call: (a) => a.local_provisioner_templates.deleteImage(ID),
      request: { method: 'DELETE', path: acct(`/local_provisioner_templates/${ID}/image`) },
      reply: { status: 404, raw: { status: 'error', error: '404', message: 'bad_identifier', data: {} } },
      error: NotFoundError,
    },
  ]);
  rawUploadCases([
    {
      label: 'uploadImage → POST …/{TEMPLATE_ID}/image with the raw bytes and their type',
      call: (a) => a.local_provisioner_templates.uploadImage(ID, new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'image/png'),
      method: 'POST',
      path: acct(`/local_provisioner_templates/${ID}/image`),
      contentType: 'image/png',
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    },
  ]);
});

describe('local_provisioner_templates validation (no request sent)', () => {
  const { client } = scriptedClient();

  it('an image upload must be an image type', async () => {
    await expect(client.audian().local_provisioner_templates.uploadImage(ID, new Uint8Array([1]), 'text/plain')).rejects.toMatchObject({
      argument: 'contentType',
    });
    expect(client.server().requests).toHaveLength(0);
  });
});
