import { describe, expect, it } from 'vitest';
import { type Doc, request, useHarness } from './helpers';

const h = useHarness();

describe('onboard (cb_onboard)', () => {
  it('creates a sub-account with a user, device, voicemail box and callflow per extension, and a token of its admin', async () => {
    const answer = await h.call('PUT', `${h.acct}/onboard`, {
      data: {
        account: { name: 'Acme Dental' },
        phone_numbers: { '4155550142': {} },
        extensions: [
          { user: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', password: 'pw-ada-1' } },
          // A generated username needs a password, as kzd_users requires of any user with a username.
          { user: { first_name: 'Bob', last_name: 'Byte', password: 'pw-bob-1' }, callflow: { numbers: ['1202'] } },
        ],
      },
    });
    expect(answer.body.data).not.toHaveProperty('extensions');
    expect(answer.status).toBe(200);
    const result = answer.body.data as { account_id: string; owner_id: string; auth_token: string };
    expect(result.account_id).toMatch(/^[0-9a-f]{32}$/);
    const acct = `/v2/accounts/${result.account_id}`;
    const account = (await h.call('GET', acct)).body.data as Doc;
    expect(account).toMatchObject({ name: 'Acme Dental' });

    // The returned token is the new account's administrator's.
    const asAdmin = await request(h.sandbox, 'GET', `${acct}/users`, {}, result.auth_token);
    expect(asAdmin.status).toBe(200);
    const users = asAdmin.body.data as Doc[];
    expect(users).toHaveLength(2);
    const ada = (await h.call('GET', `${acct}/users/${result.owner_id}`)).body.data as Doc;
    expect(ada).toMatchObject({ first_name: 'Ada', priv_level: 'admin', username: 'ada@example.com' });

    const devices = (await h.call('GET', `${acct}/devices`)).body.data as Doc[];
    expect(devices.map((d) => d.name).sort()).toEqual(["Ada Lovelace's Device", "Bob Byte's Device"]);
    const boxes = (await h.call('GET', `${acct}/vmboxes`)).body.data as Doc[];
    expect(boxes.map((b) => b.mailbox).sort()).toEqual(['3001', '3002']);
    const numbers = (await h.call('GET', `${acct}/phone_numbers`)).body.data as { numbers: Record<string, Doc> };
    expect(numbers.numbers['+14155550142']).toMatchObject({ state: 'in_service' });
    const callflows = (await h.call('GET', `${acct}/callflows`)).body.data as Doc[];
    expect(callflows.flatMap((c) => c.numbers as string[]).sort()).toEqual(['1202', '2001']);
  });

  it('creates nothing and answers every failure together (400 invalid data)', async () => {
    const before = ((await h.call('GET', `${h.acct}/children`)).body.data as Doc[]).length;
    const answer = await h.call('PUT', `${h.acct}/onboard`, {
      data: { account: {}, phone_numbers: { '12': {} }, extensions: [{ user: { first_name: 'Ada', email: 'not an e-mail' } }] },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toBe('invalid data');
    expect(answer.body.data).toHaveProperty('account.name');
    expect(answer.body.data).toHaveProperty(['extensions', '1', 'users']);
    expect(answer.body.data).toHaveProperty('phone_numbers.error', 'not_reconcilable');
    expect(((await h.call('GET', `${h.acct}/children`)).body.data as Doc[]).length).toBe(before);
  });

  it('answers 501 for a braintree customer (a billing provider)', async () => {
    const answer = await h.call('PUT', `${h.acct}/onboard`, { data: { account: { name: 'Card Co' }, braintree: { credit_card: {} } } });
    expect(answer.status).toBe(501);
  });
});
