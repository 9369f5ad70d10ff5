import { createApiKeyAuth } from '@audian/auth';
import { InvalidArgumentError } from '@audian/core';
import { startTestServer, type TestServer } from '@audian/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAudian } from '../src/index';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const client = () => createAudian({ baseUrl: server.baseUrl, auth: createApiKeyAuth({ apiKey: 'k'.repeat(64) }), rateLimit: false });

async function rejection(promise: Promise<unknown>): Promise<InvalidArgumentError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidArgumentError);
  return error as InvalidArgumentError;
}

describe('bad bodies are rejected before any request, naming the field', () => {
  it('a missing required field', async () => {
    const error = await rejection(client().users.create({ first_name: 'Ann' } as never));
    expect(error.issues).toEqual([{ path: 'last_name', code: 'required', message: 'last_name is required' }]);
    expect(error.message).toBe('invalid user: last_name is required');
    expect(error.argument).toBe('data.last_name');
  });

  it('a wrong type deep inside', async () => {
    const error = await rejection(
      client().users.create({ first_name: 'A', last_name: 'B', caller_id: { internal: { number: 1001 } } } as never),
    );
    expect(error.issues[0]).toMatchObject({ path: 'caller_id.internal.number', code: 'type' });
    expect(error.message).toContain('caller_id.internal.number must be a string, got number 1001');
  });

  it('an enum value KAZOO does not have', async () => {
    const error = await rejection(client().users.create({ first_name: 'A', last_name: 'B', priv_level: 'root' } as never));
    expect(error.issues[0]).toMatchObject({ path: 'priv_level', code: 'enum' });
    expect(error.message).toContain('priv_level must be one of "user", "admin"');
  });

  it('lengths, several problems at once', async () => {
    const error = await rejection(client().users.create({ first_name: '', last_name: 'x'.repeat(200) }));
    expect(error.issues.map((i) => [i.path, i.code])).toEqual([
      ['first_name', 'minLength'],
      ['last_name', 'maxLength'],
    ]);
  });

  it('patch checks only what is sent, allows null, and still catches wrong types', async () => {
    const error = await rejection(client().users.patch('u1', { enabled: 'yes' } as never));
    expect(error.issues).toEqual([{ path: 'enabled', code: 'type', message: 'enabled must be a boolean, got string "yes"' }]);
    const nested = await rejection(client().devices.patch('d1', { sip: { expire_seconds: 'soon' } } as never));
    expect(nested.issues[0]?.path).toBe('sip.expire_seconds');
  });

  it('a body that is not an object', async () => {
    const error = await rejection(client().users.create([] as never));
    expect(error.message).toBe('user must be an object, got an array');
  });

  it('a missing device name', async () => {
    const error = await rejection(client().devices.create({ device_type: 'sip_device' } as never));
    expect(error.issues[0]).toMatchObject({ path: 'name', code: 'required' });
  });

  it('sent nothing for any of them', () => {
    expect(server.requests).toHaveLength(0);
  });
});

describe('patch bodies that touch maps', () => {
  it('allows null to delete one entry of a map, and checks the other entries', async () => {
    const { validateBody, GroupsSchema } = await import('../src/schemas/index');
    expect(() => validateBody(GroupsSchema, { endpoints: { u1: null, u2: { type: 'user' } } }, 'patch', 'group')).not.toThrow();
  });

  it('reports a missing enum field as required', async () => {
    const { validateBody, TemporalRulesSchema } = await import('../src/schemas/index');
    try {
      validateBody(TemporalRulesSchema, { name: 'Hours' }, 'full', 'temporal rule');
      expect.unreachable();
    } catch (error) {
      expect((error as InvalidArgumentError).issues[0]).toMatchObject({ path: 'cycle', code: 'required' });
    }
  });
});

describe('validateBody with your own schema (the schemas entry)', () => {
  it('reports a step constraint as Crossbar does (divisibleBy), naming the field', async () => {
    const z = await import('zod/mini');
    const { validateBody } = await import('../src/schemas/index');
    const schema = z.looseObject({ interval: z.number().check(z.multipleOf(60)) });
    let caught: unknown;
    try {
      validateBody(schema, { interval: 90 }, 'full', 'rule');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidArgumentError);
    expect((caught as InvalidArgumentError).issues).toEqual([
      { path: 'interval', code: 'divisibleBy', message: 'interval must be a multiple of 60' },
    ]);
  });
});
