import { InvalidArgumentError } from '@audian/core';
import { describe, expect, it } from 'vitest';
import type { Audian } from '../src/index';
import { acct, rejectionOf, scriptedClient, wireCases } from './wire';

const CONF = '5edbfdd3b825314a71b0a05957392edb';
const USER = '32d8788da9506b4b1991d5bb86d27b0a';
const MEDIA = 'aaaabbbbccccddddeeeeffff00001111';
const conference = {
  id: CONF,
  name: 'Standup',
  conference_numbers: ['3000'],
  member: { pins: ['1234'], join_muted: true },
  moderator: { pins: ['9999'] },
  _read_only: { members: 2, moderators: 1, duration: 60, is_locked: false, participants: [] },
};
const participant = { participant_id: 20, call_id: '934800819', is_moderator: false, speak: true, hear: true, join_time: 63635217275 };
const PARTICIPANTS = `/conferences/${CONF}/participants`;

describe('conferences on the wire', () => {
  wireCases([
    {
      label: 'list → GET …/conferences with live state',
      call: (a) => a.conferences.list(),
      request: { method: 'GET', path: acct('/conferences') },
      reply: [200, [{ id: CONF, name: 'Standup', _read_only: { members: 0, moderators: 0, duration: 0, is_locked: false } }]],
    },
    {
      label: 'get → GET …/conferences/{id}',
      call: (a) => a.conferences.get(CONF),
      request: { method: 'GET', path: acct(`/conferences/${CONF}`) },
      reply: [200, conference],
      result: conference,
    },
    {
      label: 'create → PUT …/conferences',
      call: (a) => a.conferences.create({ name: 'Standup', conference_numbers: ['3000'], member: { pins: ['1234'] } }),
      request: {
        method: 'PUT',
        path: acct('/conferences'),
        body: { data: { name: 'Standup', conference_numbers: ['3000'], member: { pins: ['1234'] } } },
      },
      reply: [201, conference],
    },
    {
      label: 'update → POST …/conferences/{id}',
      call: (a) => a.conferences.update(CONF, { name: 'Standup', conference_numbers: ['3001'] }),
      request: { method: 'POST', path: acct(`/conferences/${CONF}`), body: { data: { name: 'Standup', conference_numbers: ['3001'] } } },
      reply: [200, conference],
    },
    {
      label: 'patch → PATCH …/conferences/{id}',
      call: (a) => a.conferences.patch(CONF, { play_name: true }),
      request: { method: 'PATCH', path: acct(`/conferences/${CONF}`), body: { data: { play_name: true } } },
      reply: [200, conference],
    },
    {
      label: 'delete → DELETE …/conferences/{id}',
      call: (a) => a.conferences.delete(CONF),
      request: { method: 'DELETE', path: acct(`/conferences/${CONF}`) },
      reply: [200, conference],
    },
    {
      label: 'lock → PUT …/conferences/{id} {"action":"lock","data":{}}',
      call: (a) => a.conferences.lock(CONF),
      request: { method: 'PUT', path: acct(`/conferences/${CONF}`), body: { action: 'lock', data: {} } },
      reply: [202, 'ok'],
      result: 'ok',
    },
    {
      label: 'unlock → PUT …/conferences/{id} {"action":"unlock","data":{}}',
      call: (a) => a.conferences.unlock(CONF),
      request: { method: 'PUT', path: acct(`/conferences/${CONF}`), body: { action: 'unlock', data: {} } },
      reply: [202, 'ok'],
    },
    {
      label: 'play → PUT …/conferences/{id} {"action":"play","data":{"media_id":…}}',
      call: (a) => a.conferences.play(CONF, MEDIA),
      request: { method: 'PUT', path: acct(`/conferences/${CONF}`), body: { action: 'play', data: { media_id: MEDIA } } },
      reply: [202, 'ok'],
    },
    {
      label: 'record → PUT …/conferences/{id} {"action":"record","data":{"action":"start"}}',
      call: (a) => a.conferences.record(CONF, 'start'),
      request: { method: 'PUT', path: acct(`/conferences/${CONF}`), body: { action: 'record', data: { action: 'start' } } },
      reply: [202, 'starting recording'],
    },
    {
      label: 'dial → PUT …/conferences/{id} with the dial data under data.data, custom vars beside it',
      call: (a) =>
        a.conferences.dial(CONF, {
          endpoints: [USER, '+14155550100', 'sip:ada@example.com'],
          caller_id_name: 'Conference XYZ',
          caller_id_number: '5551212',
          participant_flags: ['deaf', 'mute'],
          custom_application_vars: { foo: 'bar' },
        }),
      request: {
        method: 'PUT',
        path: acct(`/conferences/${CONF}`),
        body: {
          action: 'dial',
          data: {
            custom_application_vars: { foo: 'bar' },
            data: {
              endpoints: [USER, '+14155550100', 'sip:ada@example.com'],
              caller_id_name: 'Conference XYZ',
              caller_id_number: '5551212',
              participant_flags: ['deaf', 'mute'],
            },
          },
        },
      },
      reply: [202, { endpoint_responses: [{ call_id: 'c1', endpoint_id: USER, status: 'success' }] }],
    },
    {
      label: 'action(raw) → PUT …/conferences/{id} with any action',
      call: (a) => a.conferences.action(CONF, 'lock'),
      request: { method: 'PUT', path: acct(`/conferences/${CONF}`), body: { action: 'lock', data: {} } },
      reply: [202, 'ok'],
    },
    {
      label: 'participants(id).list → GET …/participants, a plain array',
      call: (a) => a.conferences.participants(CONF).list(),
      request: { method: 'GET', path: acct(PARTICIPANTS) },
      reply: [200, [participant]],
      result: [participant],
    },
    {
      label: 'participants(id).get → GET …/participants/{participant}',
      call: (a) => a.conferences.participants(CONF).get(20),
      request: { method: 'GET', path: acct(`${PARTICIPANTS}/20`) },
      reply: [200, participant],
      result: participant,
    },
    ...(['mute', 'unmute', 'deaf', 'undeaf', 'kick'] as const).map((action) => ({
      label: `participants(id).${action}(p) → PUT …/participants/{p} {"data":{"action":"${action}"}}`,
      call: (a: Audian) => a.conferences.participants(CONF)[action](20),
      request: { method: 'PUT', path: acct(`${PARTICIPANTS}/20`), body: { data: { action } } },
      reply: [202, 'ok'] as const,
    })),
    ...(['muteAll', 'unmuteAll', 'deafAll', 'undeafAll', 'kickAll'] as const).map((method) => ({
      label: `participants(id).${method}() → PUT …/participants {"data":{"action":"${method.replace('All', '')}"}}`,
      call: (a: Audian) => a.conferences.participants(CONF)[method](),
      request: { method: 'PUT', path: acct(PARTICIPANTS), body: { data: { action: method.replace('All', '') } } },
      reply: [200, {}] as const,
    })),
    {
      label: 'participants(id).play(p, media) → PUT …/participants/{p} {"data":{"action":"play","data":{"media_id":…}}}',
      call: (a) => a.conferences.participants(CONF).play(20, MEDIA),
      request: { method: 'PUT', path: acct(`${PARTICIPANTS}/20`), body: { data: { action: 'play', data: { media_id: MEDIA } } } },
      reply: [202, 'ok'],
    },
    {
      label: 'participants(id).relate → PUT …/participants {"data":{"action":"relate","data":{…}}}',
      call: (a) => a.conferences.participants(CONF).relate(23, 24, 'mute'),
      request: {
        method: 'PUT',
        path: acct(PARTICIPANTS),
        body: { data: { action: 'relate', data: { participant_id: 23, other_participant: 24, relationship: 'mute' } } },
      },
      reply: [202, 'relating participants'],
    },
  ]);
});

describe('conference guard rails', () => {
  const { client } = scriptedClient();

  it('dial needs at least one endpoint', async () => {
    const error = await rejectionOf(client.audian().conferences.dial(CONF, { endpoints: [] }));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.issues?.[0]).toMatchObject({ path: 'endpoints', code: 'minItems' });
  });

  it('dial checks participant flags', async () => {
    const error = await rejectionOf(client.audian().conferences.dial(CONF, { endpoints: [USER], participant_flags: ['loud' as never] }));
    expect(error.issues?.[0]).toMatchObject({ path: 'participant_flags.0', code: 'enum' });
  });

  it('record takes start or stop only', async () => {
    const error = await rejectionOf(client.audian().conferences.record(CONF, 'pause' as never));
    expect(error.argument).toBe('toggle');
  });

  it('conference numbers are digit strings', async () => {
    const error = await rejectionOf(client.audian().conferences.create({ conference_numbers: ['30a0'] }));
    expect(error.issues?.[0]).toMatchObject({ path: 'conference_numbers.0', code: 'pattern' });
  });

  it('sent nothing for any of them', () => {
    expect(client.server().requests.filter((r) => r.path.includes('/conferences'))).toHaveLength(0);
  });
});
