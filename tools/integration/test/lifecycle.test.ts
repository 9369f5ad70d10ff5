import type { ListParams, PagePromise } from '@audian/core';
import { BadRequestError, NotFoundError, PaymentRequiredError } from '@audian/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Context, setup } from './context';

type Doc = Record<string, unknown> & { readonly id: string };

/** The CRUD surface the four resources share (their exact types are checked by resources' own tests). */
interface Crud {
  create(body: Record<string, unknown>, options?: { acceptCharges?: boolean }): Promise<Doc>;
  get(id: string): Promise<Doc>;
  patch(id: string, changes: Record<string, unknown>): Promise<Doc>;
  update(id: string, body: Record<string, unknown>): Promise<Doc>;
  list(params?: ListParams): PagePromise<Doc>;
  delete(id: string): Promise<Doc>;
}

interface Case {
  readonly name: 'users' | 'devices' | 'callflows' | 'vmboxes';
  /** A valid new document; `n` keeps unique fields unique. */
  body(n: number): Record<string, unknown>;
  /** A field to patch and its new value. */
  readonly patch: Record<string, unknown>;
  /** A top-level field the listing filters on, and what makes the documents of one test differ on it. */
  readonly filterKey: string;
}

const CASES: readonly Case[] = [
  {
    name: 'users',
    body: (n) => ({
      first_name: `First${n}`,
      last_name: `Last${n}`,
      username: `user${n}`,
      password: `pass-${n}`,
      email: `user${n}@example.com`,
    }),
    patch: { timezone: 'Europe/Paris' },
    filterKey: 'first_name',
  },
  {
    name: 'devices',
    body: (n) => ({ name: `Phone ${n}`, device_type: 'sip_device', sip: { username: `phone${n}`, password: `secret-pass-${n}` } }),
    patch: { enabled: false },
    filterKey: 'name',
  },
  {
    name: 'callflows',
    body: (n) => ({ name: `Flow ${n}`, numbers: [`${5000 + n}`], flow: { module: 'park', data: {} } }),
    patch: { flags: ['patched'] },
    filterKey: 'name',
  },
  {
    name: 'vmboxes',
    body: (n) => ({ name: `Box ${n}`, mailbox: `${6000 + n}`, pin: '1234' }),
    patch: { skip_greeting: true },
    filterKey: 'mailbox',
  },
];

let ctx: Context;
let counter = 0;
const next = () => ++counter;
const crud = (name: Case['name']): Crud => ctx.audian[name] as unknown as Crud;

beforeAll(async () => {
  ctx = await setup();
});
afterAll(() => ctx.sandbox.stop());

describe.each(CASES)('$name lifecycle over HTTP', (c) => {
  it('create → get → patch → update → list with filters → delete', async () => {
    const api = crud(c.name);
    const n = next();
    const created = await api.create(c.body(n));
    expect(created.id).toMatch(/^[0-9a-f]{32}$/);
    // A user's plain-text password is never stored or shown (`kzd_users:rehash_creds/3` removes it).
    const { password: _password, ...shown } = c.body(n);
    expect(await api.get(created.id)).toMatchObject(c.body(n).sip ? { name: c.body(n).name } : shown);

    const patched = await api.patch(created.id, c.patch);
    expect(patched).toMatchObject(c.patch);

    const { id: _id, ...current } = await api.get(created.id);
    const updated = await api.update(created.id, { ...current, note: 'replaced' });
    expect(updated).toMatchObject({ ...c.patch, note: 'replaced' });

    const other = await api.create(c.body(next()));
    const value = (await api.get(created.id))[c.filterKey] as string;
    const filtered = await api.list({ filter: { [c.filterKey]: value } }).toArray();
    expect(filtered.map((d) => d.id)).toEqual([created.id]);
    const excluded = await api.list({ filterNot: { [c.filterKey]: value } }).toArray();
    expect(excluded.map((d) => d.id)).toContain(other.id);
    expect(excluded.map((d) => d.id)).not.toContain(created.id);
    const either = await api.list({ filter: { [c.filterKey]: [value, (await api.get(other.id))[c.filterKey] as string] } }).toArray();
    expect(either.map((d) => d.id).sort()).toEqual([created.id, other.id].sort());

    const removed = await api.delete(created.id);
    expect(removed.id).toBe(created.id);
    await expect(api.get(created.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await api.list().toArray()).map((d) => d.id)).not.toContain(created.id);
  });

  it('keeps custom fields through get → update', async () => {
    const api = crud(c.name);
    const created = await api.create({ ...c.body(next()), custom_field: { nested: ['kept', 1, true] }, crm_id: 'A-42' });
    const fetched = await api.get(created.id);
    expect(fetched).toMatchObject({ custom_field: { nested: ['kept', 1, true] }, crm_id: 'A-42' });
    const { id: _id, ...body } = fetched;
    const updated = await api.update(created.id, { ...body, crm_id: 'A-43' });
    expect(updated).toMatchObject({ custom_field: { nested: ['kept', 1, true] }, crm_id: 'A-43' });
    expect(await api.get(created.id)).toMatchObject({ custom_field: { nested: ['kept', 1, true] }, crm_id: 'A-43' });
  });

  it('pages through many pages with next_start_key', async () => {
    const api = crud(c.name);
    const before = (await api.list({ pageSize: 1000 }).toArray()).length;
    const made: string[] = [];
    for (let i = 0; i < 23; i++) made.push((await api.create(c.body(next()))).id);
    const first = await api.list({ pageSize: 5 });
    expect(first.data).toHaveLength(5);
    expect(first.hasNextPage()).toBe(true);
    let pages = 0;
    for await (const _page of api.list({ pageSize: 5 }).iterPages()) pages++;
    expect(pages).toBe(Math.ceil((before + 23) / 5));
    const all = await api.list({ pageSize: 5 }).toArray();
    expect(new Set(all.map((d) => d.id)).size).toBe(before + 23);
    for (const id of made) expect(all.map((d) => d.id)).toContain(id);
  });

  it('rejects what the server rejects, with field errors', async () => {
    const api = crud(c.name);
    const body = c.body(next());
    await api.create(body);
    if (c.name === 'devices') return; // a device has no unique top-level field (its SIP username is nested)
    const error = await api.create(body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).fieldErrors.some((f) => f.code === 'unique')).toBe(true);
  });
});

describe('402 accept charges', () => {
  afterAll(() => ctx.sandbox.setServicePlan(false));

  it.each(['users', 'devices'] as const)('%s: PaymentRequiredError with the charges, then acceptCharges creates it once', async (name) => {
    const api = crud(name);
    const before = (await api.list({ pageSize: 1000 }).toArray()).length;
    ctx.sandbox.setServicePlan({ charges: { [name]: { rate: 3, activation_charges: 1 } } });
    const body = CASES.find((x) => x.name === name)?.body(next()) as Record<string, unknown>;
    const error = await api.create(body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaymentRequiredError);
    expect((error as PaymentRequiredError).status).toBe(402);
    // KAZOO 5.x answers a list of invoices (`kz_services_invoices:public_json/1`), each item with its rate.
    const [invoice] = (error as PaymentRequiredError).data as { items: { category: string; rate: number }[] }[];
    expect(invoice?.items.find((i) => i.category === name)?.rate).toBe(3);
    expect((await api.list({ pageSize: 1000 }).toArray()).length).toBe(before);
    const created = await api.create(body, { acceptCharges: true });
    expect(created.id).toMatch(/^[0-9a-f]{32}$/);
    expect((await api.list({ pageSize: 1000 }).toArray()).length).toBe(before + 1);
    ctx.sandbox.setServicePlan(false);
  });
});
