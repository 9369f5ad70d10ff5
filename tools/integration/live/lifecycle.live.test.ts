import { randomBytes } from 'node:crypto';
import { createApiKeyAuth } from '@audian/auth';
import { NotFoundError } from '@audian/core';
import { type Audian, createAudian } from '@audian/resources';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Opt-in: runs only with AUDIAN_API_KEY and AUDIAN_BASE_URL set, against that server. Every
// document it creates carries the run's unique prefix and is deleted afterwards, even when a
// test fails.
const apiKey = process.env.AUDIAN_API_KEY;
const baseUrl = process.env.AUDIAN_BASE_URL;
const enabled = Boolean(apiKey && baseUrl);

type Doc = Record<string, unknown> & { readonly id: string };
interface Crud {
  create(body: Record<string, unknown>): Promise<Doc>;
  get(id: string): Promise<Doc>;
  patch(id: string, changes: Record<string, unknown>): Promise<Doc>;
  update(id: string, body: Record<string, unknown>): Promise<Doc>;
  list(params?: object): { toArray(): Promise<Doc[]> };
  delete(id: string): Promise<Doc>;
}

const run = `audian-sdk-live-${randomBytes(3).toString('hex')}`;
const digits = () => String(Math.floor(10_000_000 + Math.random() * 89_999_999));
const created: { name: keyof Audian; id: string }[] = [];

const CASES = [
  {
    name: 'users' as const,
    body: () => ({ first_name: run, last_name: 'Lifecycle', username: `${run}-${digits()}` }),
    patch: { timezone: 'Europe/Paris' },
    filter: { first_name: run },
  },
  {
    name: 'devices' as const,
    body: () => ({
      name: `${run} phone`,
      device_type: 'sip_device',
      sip: { username: `${run}-${digits()}`, password: randomBytes(12).toString('base64url') },
    }),
    patch: { enabled: false },
    filter: { name: `${run} phone` },
  },
  {
    name: 'callflows' as const,
    body: () => ({ name: `${run} flow`, numbers: [`*9${digits()}`], flow: { module: 'park', data: {} } }),
    patch: { flags: [run] },
    filter: { name: `${run} flow` },
  },
  {
    name: 'vmboxes' as const,
    body: () => ({ name: `${run} box`, mailbox: digits(), pin: '4826' }),
    patch: { skip_greeting: true },
    filter: { name: `${run} box` },
  },
];

let audian: Audian;
const crud = (name: (typeof CASES)[number]['name']) => audian[name] as unknown as Crud;

beforeAll(() => {
  if (!enabled) return;
  audian = createAudian({ baseUrl, auth: createApiKeyAuth({ apiKey: apiKey as string }) });
});

afterAll(async () => {
  if (!enabled) return;
  for (const { name, id } of created.reverse()) await (audian[name] as unknown as Crud).delete(id).catch(() => undefined);
});

describe.skipIf(!enabled)(`live lifecycle against ${baseUrl ?? '(not configured)'}`, () => {
  it('logs in with the API key', async () => {
    expect((await audian.session()).accountId).toMatch(/^[0-9a-f]{32}$/);
  });

  describe.each(CASES)('$name', (c) => {
    it('create → get → patch → update (custom fields survive) → list with filters → delete', async () => {
      const api = crud(c.name);
      const doc = await api.create({ ...c.body(), audian_sdk_live: { run } });
      created.push({ name: c.name, id: doc.id });
      expect((await api.get(doc.id)).audian_sdk_live).toEqual({ run });

      expect(await api.patch(doc.id, c.patch)).toMatchObject(c.patch);
      const { id: _id, ...current } = await api.get(doc.id);
      const replaced = await api.update(doc.id, { ...current, audian_sdk_note: 'replaced' });
      expect(replaced).toMatchObject({ ...c.patch, audian_sdk_note: 'replaced', audian_sdk_live: { run } });

      const listed = await api.list({ filter: c.filter }).toArray();
      expect(listed.map((d) => d.id)).toContain(doc.id);

      await api.delete(doc.id);
      created.pop();
      await expect(api.get(doc.id)).rejects.toBeInstanceOf(NotFoundError);
    });
  });
});

describe.skipIf(enabled)('live lifecycle', () => {
  it.skip('skipped: set AUDIAN_API_KEY and AUDIAN_BASE_URL to run it against a real Audian or KAZOO', () => {});
});
