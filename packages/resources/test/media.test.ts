import { BinaryResponse, InvalidArgumentError, type Page } from '@audian/core';
import { describe, expect, it } from 'vitest';
import type { MediaFile } from '../src/index';
import { acct, rawUploadCases, rejectionOf, scriptedClient, wireCases } from './wire';

const MEDIA = 'f2bb1e9ba0c3d4e5f6a7b8c9d0e1f2a3';
const media: MediaFile = {
  id: MEDIA,
  name: 'Main greeting',
  media_source: 'upload',
  language: 'en-us',
  streamable: true,
  ui_metadata: { ui: 'x' },
};
const MP3 = new Uint8Array([0x49, 0x44, 0x33, 0x03, 0x00, 0x00, 0x00, 0x00, 0xff, 0xfb]);

describe('media on the wire', () => {
  wireCases([
    {
      label: 'list → GET …/media',
      call: (a) => a.media.list({ filter: { language: 'en-us' } }),
      request: { method: 'GET', path: acct('/media'), query: { filter_language: 'en-us' } },
      reply: [200, [{ id: MEDIA, name: 'Main greeting', media_source: 'upload', language: 'en-us', is_prompt: false }]],
    },
    {
      label: 'get → GET …/media/{id} (metadata, JSON)',
      call: (a) => a.media.get(MEDIA),
      request: { method: 'GET', path: acct(`/media/${MEDIA}`), headers: { accept: 'application/json' } },
      reply: [200, media],
      result: media,
    },
    {
      label: 'create → PUT …/media with the metadata',
      call: (a) => a.media.create({ name: 'Main greeting', media_source: 'upload' }),
      request: { method: 'PUT', path: acct('/media'), body: { data: { name: 'Main greeting', media_source: 'upload' } } },
      reply: [201, media],
    },
    {
      label: 'create a text-to-speech file',
      call: (a) => a.media.create({ name: 'TTS', media_source: 'tts', tts: { text: 'Hello', voice: 'female/en-US' } }),
      request: {
        method: 'PUT',
        path: acct('/media'),
        body: { data: { name: 'TTS', media_source: 'tts', tts: { text: 'Hello', voice: 'female/en-US' } } },
      },
      reply: [201, { ...media, media_source: 'tts' }],
    },
    {
      label: 'update → POST …/media/{id}',
      call: (a) => a.media.update(MEDIA, media),
      request: { method: 'POST', path: acct(`/media/${MEDIA}`), body: { data: media } },
      reply: [200, media],
    },
    {
      label: 'delete → DELETE …/media/{id}',
      call: (a) => a.media.delete(MEDIA),
      request: { method: 'DELETE', path: acct(`/media/${MEDIA}`) },
      reply: [200, media],
    },
    {
      label: 'download → GET …/media/{id}/raw accepting audio/*, a BinaryResponse of the exact bytes',
      call: async (a) => {
        const audio = await a.media.download(MEDIA);
        return { binary: audio instanceof BinaryResponse, type: audio.contentType, size: audio.contentLength, bytes: await audio.bytes() };
      },
      request: { method: 'GET', path: acct(`/media/${MEDIA}/raw`), headers: { accept: 'audio/*' } },
      reply: { status: 200, raw: Buffer.from(MP3), headers: { 'content-type': 'audio/mpeg' } },
      result: { binary: true, type: 'audio/mpeg', size: MP3.length, bytes: MP3 },
    },
    {
      label: 'download(id, { accept }) asks for a precise type',
      call: async (a) => (await a.media.download(MEDIA, { accept: 'audio/wav' })).cancel(),
      request: { method: 'GET', path: acct(`/media/${MEDIA}/raw`), headers: { accept: 'audio/wav' } },
      reply: { status: 200, raw: Buffer.from(MP3), headers: { 'content-type': 'audio/wav' } },
    },
    {
      label: 'prompts.list → GET …/media/prompts, counts flattened to { prompt_id, count }',
      call: (a) => a.media.prompts.list(),
      request: { method: 'GET', path: acct('/media/prompts') },
      reply: { status: 200, raw: { status: 'success', data: [{ 'vm-enter_pass': 2, 'conf-alone': 1 }], next_start_key: 'conf-deaf' } },
      result: (page: Page<unknown>) => {
        expect(page.data).toEqual([
          { prompt_id: 'vm-enter_pass', count: 2 },
          { prompt_id: 'conf-alone', count: 1 },
        ]);
        expect(page.nextStartKey).toBe('conf-deaf');
      },
    },
    {
      label: 'prompts.get → GET …/media/prompts/{prompt}, translations as { id }',
      call: (a) => a.media.prompts.get('vm-enter_pass'),
      request: { method: 'GET', path: acct('/media/prompts/vm-enter_pass') },
      reply: [200, ['fr-fr%2Fvm-enter_pass', { id: 'en-us%2Fvm-enter_pass', has_attachments: true }]],
      result: (page: Page<unknown>) =>
        expect(page.data).toEqual([{ id: 'fr-fr%2Fvm-enter_pass' }, { id: 'en-us%2Fvm-enter_pass', has_attachments: true }]),
    },
    {
      label: 'languages.list → GET …/media/languages, counts flattened to { language, count }',
      call: (a) => a.media.languages.list(),
      request: { method: 'GET', path: acct('/media/languages') },
      reply: [200, [{ en: 3, missing: 1 }]],
      result: (page: Page<unknown>) =>
        expect(page.data).toEqual([
          { language: 'en', count: 3 },
          { language: 'missing', count: 1 },
        ]),
    },
    {
      label: 'languages.get → GET …/media/languages/{language}, media ids',
      call: (a) => a.media.languages.get('fr-fr'),
      request: { method: 'GET', path: acct('/media/languages/fr-fr') },
      reply: [200, ['m1', 'm2']],
      result: (page: Page<unknown>) => expect(page.data).toEqual(['m1', 'm2']),
    },
  ]);
});

describe('media audio upload sends raw bytes, never JSON', () => {
  rawUploadCases([
    {
      label: 'upload(Uint8Array) → POST …/media/{id}/raw with Content-Type audio/mpeg',
      call: (a) => a.media.upload(MEDIA, MP3, 'audio/mpeg'),
      method: 'POST',
      path: acct(`/media/${MEDIA}/raw`),
      contentType: 'audio/mpeg',
      bytes: MP3,
      reply: media,
    },
    {
      label: "upload(Blob) without a type uses the Blob's own type",
      call: (a) => a.media.upload(MEDIA, new Blob([MP3], { type: 'audio/x-wav' })),
      method: 'POST',
      path: acct(`/media/${MEDIA}/raw`),
      contentType: 'audio/x-wav',
      bytes: MP3,
    },
    {
      label: 'upload(ReadableStream) streams the bytes',
      call: (a) =>
        a.media.upload(
          MEDIA,
          new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(MP3.subarray(0, 4));
              controller.enqueue(MP3.subarray(4));
              controller.close();
            },
          }),
          'audio/ogg',
        ),
      method: 'POST',
      path: acct(`/media/${MEDIA}/raw`),
      contentType: 'audio/ogg',
      bytes: MP3,
    },
  ]);
});

describe('media guard rails', () => {
  const { client } = scriptedClient();

  it('refuses a JSON object as the audio', async () => {
    const error = await rejectionOf(client.audian().media.upload(MEDIA, { name: 'x' } as never, 'audio/mpeg'));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.argument).toBe('body');
  });

  it('needs an audio content type', async () => {
    expect((await rejectionOf(client.audian().media.upload(MEDIA, MP3))).argument).toBe('contentType');
    expect((await rejectionOf(client.audian().media.upload(MEDIA, MP3, 'application/json'))).argument).toBe('contentType');
  });

  it('create needs a name', async () => {
    const error = await rejectionOf(client.audian().media.create({ media_source: 'upload' } as never));
    expect(error.issues).toEqual([{ path: 'name', code: 'required', message: 'name is required' }]);
  });

  it('has no patch(): Crossbar has no PATCH on media', () => {
    expect('patch' in client.audian().media).toBe(false);
  });

  it('sent nothing for any of them', () => {
    expect(client.server().requests.filter((r) => r.path.includes('/media'))).toHaveLength(0);
  });
});
