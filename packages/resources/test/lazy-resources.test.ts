import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../src/classes';
import { createAudian } from '../src/index';
import { ResourceBase } from '../src/internal/resource-base';
import { ACCOUNT, acct, useWireServer } from './wire';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** The public methods of a resource class (its prototype chain below ResourceBase, whose helpers are protected; `_x` helpers are protected too). */
function methodsOf(cls: abstract new (...args: never[]) => object): string[] {
  const methods = new Set<string>();
  for (
    let proto = cls.prototype;
    proto && proto !== ResourceBase.prototype && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, key);
      if (key !== 'constructor' && key !== 'toJSON' && !key.startsWith('_')) {
        if (typeof descriptor?.value === 'function' || descriptor?.get) methods.add(key);
      }
    }
  }
  return [...methods].sort();
}

describe('the lazy resource objects of the client', () => {
  it('are generated from the current classes (pnpm generate:lazy)', { timeout: 120_000 }, () => {
    const result = spawnSync(process.execPath, ['tools/codegen/lazy-resources.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('have every public method of their class, for every resource of the registry', () => {
    const audian = createAudian({ apiKey: 'k'.repeat(64), accountId: ACCOUNT });
    for (const [name, cls] of Object.entries(RESOURCES)) {
      const lazy = audian[name as keyof typeof RESOURCES] as unknown as Record<string, unknown>;
      const keys = Object.keys(lazy)
        .filter((k) => k !== 'toJSON')
        .sort();
      expect(keys, name).toEqual(methodsOf(cls));
    }
  });

  it('are made once per client', () => {
    const audian = createAudian({ apiKey: 'k'.repeat(64), accountId: ACCOUNT });
    expect(audian.users).toBe(audian.users);
    expect(audian.faxes.inbox).toBe(audian.faxes.inbox);
  });

  describe('over the wire', () => {
    const wire = useWireServer();

    it('send nothing for a listing until it is awaited, then load the class and send', async () => {
      const { server, audian, calls } = wire();
      const listing = audian.users.list();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(calls()).toEqual([]);
      server.expect({ method: 'GET', path: acct('/users'), reply: { status: 200, body: { data: [{ id: 'u1' }] } } });
      const page = await listing;
      expect(page.data).toEqual([{ id: 'u1' }]);
      server.assertDone();
    });

    it('forward sub-resource calls (vmboxes.messages(box).list) to the loaded class', async () => {
      const { server, audian } = wire();
      server.expect({ method: 'GET', path: acct('/vmboxes/box1/messages'), reply: { status: 200, body: { data: [{ media_id: 'm1' }] } } });
      const page = await audian.vmboxes.messages('box1').list();
      expect(page.data).toEqual([{ media_id: 'm1' }]);
      server.assertDone();
    });
  });
});

describe('list({ limit })', () => {
  const wire = useWireServer();

  it('yields at most limit items across pages, through the lazy resource object, and sends no limit to Crossbar', async () => {
    const { server, audian, calls } = wire();
    server.expect({
      method: 'GET',
      path: acct('/users'),
      reply: { status: 200, body: { data: [{ id: 'u1' }, { id: 'u2' }], next_start_key: 'k2' } },
    });
    server.expect({
      method: 'GET',
      path: acct('/users'),
      reply: { status: 200, body: { data: [{ id: 'u3' }, { id: 'u4' }], next_start_key: 'k3' } },
    });
    const ids: string[] = [];
    for await (const user of audian.users.list({ limit: 3 })) ids.push(user.id);
    expect(ids).toEqual(['u1', 'u2', 'u3']);
    expect(calls().map((r) => r.query.get('start_key'))).toEqual([null, 'k2']);
    expect(calls().some((r) => r.query.has('limit'))).toBe(false);
  });
});
