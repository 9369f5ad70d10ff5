import { BinaryResponse } from '@audian/core';
import { describe, expect } from 'vitest';
import { acct, wireCases } from './wire';

const R = '202501-rec0000000000000000000001';
const MP3 = Buffer.from([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0xff, 0xfb]);

describe('recordings on the wire', () => {
  wireCases([
    {
      label: 'list → GET …/recordings with the time range',
      call: async (a) => (await a.recordings.list({ createdFrom: 63902908800, createdTo: 63903908800 })).data,
      request: { method: 'GET', path: acct('/recordings'), query: { created_from: '63902908800', created_to: '63903908800' } },
      reply: [200, [{ _id: R, call_id: 'c1', _read_only: { content_types: ['audio/mpeg'] } }]],
      result: [{ _id: R, call_id: 'c1', _read_only: { content_types: ['audio/mpeg'] } }],
    },
    {
      label: 'listByUser → GET …/users/{USER_ID}/recordings',
      call: (a) => a.recordings.listByUser('u1').toArray(),
      request: { method: 'GET', path: acct('/users/u1/recordings') },
      reply: [200, []],
    },
    {
      label: 'get → GET …/recordings/{RECORDING_ID} as JSON metadata',
      call: (a) => a.recordings.get(R),
      request: { method: 'GET', path: acct(`/recordings/${R}`), headers: { accept: 'application/json' } },
      reply: [200, { id: R, call_id: 'c1', duration_ms: 12000 }],
      result: { id: R, call_id: 'c1', duration_ms: 12000 },
    },
    {
      label: 'download → GET …/recordings/{RECORDING_ID} with Accept: audio/mpeg, a BinaryResponse',
      call: async (a) => {
        const audio = await a.recordings.download(R);
        expect(audio).toBeInstanceOf(BinaryResponse);
        expect(audio.contentType).toBe('audio/mpeg');
        expect(audio.fileName).toBe('call.mp3');
        return [...(await audio.bytes())];
      },
      request: { method: 'GET', path: acct(`/recordings/${R}`), headers: { accept: 'audio/mpeg' } },
      reply: { status: 200, raw: MP3, headers: { 'content-type': 'audio/mpeg', 'content-disposition': 'attachment; filename="call.mp3"' } },
      result: [...MP3],
    },
    {
      label: 'download inline with another type → Accept: audio/mp3, ?inline=true',
      call: async (a) => (await a.recordings.download(R, { accept: 'audio/mp3', inline: true })).status,
      request: { method: 'GET', path: acct(`/recordings/${R}`), query: { inline: 'true' }, headers: { accept: 'audio/mp3' } },
      reply: { status: 200, raw: MP3, headers: { 'content-type': 'audio/mp3' } },
      result: 200,
    },
    {
      label: 'delete → DELETE …/recordings/{RECORDING_ID}',
      call: (a) => a.recordings.delete(R),
      request: { method: 'DELETE', path: acct(`/recordings/${R}`) },
      reply: [200, { id: R }],
    },
  ]);
});
