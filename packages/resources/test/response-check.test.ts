import { ResponseValidationError } from '@audian/core';
import { envelope } from '@audian/test-server';
import { describe, expect, it } from 'vitest';
import { acct, useWireServer } from './wire';

const U = 'u0000000000000000000000000000001';
const CF = 'cf000000000000000000000000000001';

describe('the response check of a document (types only)', () => {
  const wire = useWireServer();

  async function rejection(call: Promise<unknown>): Promise<ResponseValidationError> {
    const error = await call.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ResponseValidationError);
    return error as ResponseValidationError;
  }

  it('gives the document as the server sent it: unknown keys kept, enums not enforced, nothing added', async () => {
    const { server, audian } = wire();
    const doc = {
      id: U,
      first_name: 'Ada',
      priv_level: 'superuser',
      added_in_kazoo_6: { anything: [1, 'two'] },
      constructor: 'a key named like a prototype member',
      caller_id: { internal: { number: '1001' }, surprise: true },
    };
    server.route('GET', acct(`/users/${U}`), { status: 200, body: envelope(doc) });
    expect(await audian.users.get(U)).toEqual(doc);
  });

  it('names every field whose type breaks the schema, nested ones by their dotted path', async () => {
    const { server, audian } = wire();
    const doc = { id: U, enabled: 'yes', caller_id: { internal: { number: 1001 } }, first_name: 'Ada' };
    server.route('GET', acct(`/users/${U}`), { status: 200, body: envelope(doc) });
    const error = await rejection(audian.users.get(U));
    expect(error.kind).toBe('schema');
    expect(error.issues).toEqual([
      { path: 'enabled', message: 'expected boolean, got string' },
      { path: 'caller_id.internal.number', message: 'expected string, got number' },
    ]);
  });

  it('a document that is not an object at all', async () => {
    const { server, audian } = wire();
    server.route('GET', acct(`/users/${U}`), { status: 200, body: envelope(['not', 'a', 'user']) });
    const error = await rejection(audian.users.get(U));
    expect(error.issues).toEqual([{ path: '', message: 'expected object, got array' }]);
  });

  it('follows recursive schemas: a callflow node deep in the flow tree', async () => {
    const { server, audian } = wire();
    const flow = { module: 'user', children: { _: { module: 'voicemail', children: { timeout: { module: 42 } } } } };
    server.route('GET', acct(`/callflows/${CF}`), { status: 200, body: envelope({ id: CF, numbers: ['1001'], flow }) });
    const error = await rejection(audian.callflows.get(CF));
    expect(error.issues).toEqual([{ path: 'flow.children._.children.timeout.module', message: 'expected string, got number' }]);
  });

  it('a well-typed flow tree passes, whatever its depth', async () => {
    const { server, audian } = wire();
    const flow = { module: 'user', data: { id: U }, children: { _: { module: 'voicemail', children: { _: { module: 'hangup' } } } } };
    const doc = { id: CF, numbers: ['1001'], flow };
    server.route('GET', acct(`/callflows/${CF}`), { status: 200, body: envelope(doc) });
    expect(await audian.callflows.get(CF)).toEqual(doc);
  });
});
