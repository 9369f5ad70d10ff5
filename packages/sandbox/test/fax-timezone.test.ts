import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index';
import { apiLogin, credentials, type Doc, data, request, useHarness } from './helpers';

const h = useHarness();

const DOCUMENT = { url: 'http://127.0.0.1/fax.pdf' };
const FAX = { from_number: '+14155550100', to_number: '+14155550199', document: DOCUMENT };

/** Sends a fax to the seeded account with `token` (the harness's API-key login when left out). */
async function send(fields: Record<string, unknown> = {}, token = h.token, path = `${h.acct}/faxes`): Promise<Doc> {
  const sent = await request(h.sandbox, 'PUT', path, { data: { ...FAX, ...fields } }, token);
  expect(sent.status, sent.text).toBe(202);
  return data(sent);
}

/** A user of the seeded account with `timezone` as given, logged in (`user_auth`): its token. */
async function userToken(username: string, timezone: unknown): Promise<string> {
  const password = 'Fax-zone-1234';
  const fields = timezone === undefined ? {} : { timezone };
  const user = await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Fax', last_name: username, username, password, ...fields } });
  expect(user.status, user.text).toBe(201);
  const login = await request(h.sandbox, 'PUT', '/v2/user_auth', {
    data: { credentials: await credentials(username, password), account_name: h.sandbox.accountName },
  });
  expect(login.status, login.text).toBe(201);
  return String(login.body.auth_token);
}

describe('an outgoing fax’s fax_timezone (cb_faxes:maybe_add_timezone/2)', () => {
  it("an API-key login has no owner, so the account's timezone is taken (crossbar_util:get_user_timezone/2 → kzd_accounts:timezone/1)", async () => {
    expect((await h.call('PATCH', h.acct, { data: { timezone: 'Europe/Lisbon' } })).status).toBe(200);
    const fax = await send();
    expect(fax.fax_timezone).toBe('Europe/Lisbon');
    expect(data(await h.call('GET', `${h.acct}/faxes/outbox/${fax.id}`)).fax_timezone).toBe('Europe/Lisbon');
  });

  it("a user's empty or inherit timezone passes on to the account's; a missing one too; its own wins otherwise (kzd_users:timezone/2)", async () => {
    expect((await h.call('PATCH', h.acct, { data: { timezone: 'Europe/Lisbon' } })).status).toBe(200);
    expect((await send({}, await userToken('fax.empty', ''))).fax_timezone).toBe('Europe/Lisbon');
    expect((await send({}, await userToken('fax.inherit', 'inherit'))).fax_timezone).toBe('Europe/Lisbon');
    expect((await send({}, await userToken('fax.none', undefined))).fax_timezone).toBe('Europe/Lisbon');
    expect((await send({}, await userToken('fax.tokyo', 'Asia/Tokyo'))).fax_timezone).toBe('Asia/Tokyo');
  });

  it("the request's timezone wins; a fax_timezone in the request or on the box is replaced (cb_faxes:on_success/1 sets it last)", async () => {
    expect((await h.call('PATCH', h.acct, { data: { timezone: 'Europe/Lisbon' } })).status).toBe(200);
    const token = await userToken('fax.sender', 'Asia/Tokyo');
    expect((await send({ timezone: 'Pacific/Auckland' }, token)).fax_timezone).toBe('Pacific/Auckland');
    expect((await send({ fax_timezone: 'Africa/Cairo' }, token)).fax_timezone).toBe('Asia/Tokyo');

    const box = data(
      await h.call('PUT', `${h.acct}/faxboxes`, { data: { name: 'Zoned box', caller_id: '+14155550100', fax_timezone: 'Africa/Cairo' } }),
    );
    const fromBox = await send({}, token, `${h.acct}/faxboxes/${box.id}/faxes`);
    expect(fromBox).toMatchObject({ faxbox_id: box.id, fax_timezone: 'Asia/Tokyo' });
    expect((await send({}, h.token, `${h.acct}/faxboxes/${box.id}/faxes`)).fax_timezone).toBe('Europe/Lisbon');
  });
});

describe('accounts stored without a timezone (kzd_accounts:timezone/2, parent_timezone/2, default_timezone/0)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'audian-fax-timezone-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a fax takes the nearest ancestor's timezone, else accounts.default_timezone's default America/Los_Angeles", async () => {
    const dbPath = join(dir, 'zones.db');
    const first = await startSandbox({ dbPath });
    const top = first.accountId;
    const token = await apiLogin(first, first.apiKey);
    let child = '';
    try {
      expect((await request(first, 'PATCH', `/v2/accounts/${top}`, { data: { timezone: 'Europe/Lisbon' } }, token)).status).toBe(200);
      const created = await request(
        first,
        'PUT',
        `/v2/accounts/${top}`,
        { data: { name: 'Zoneless child', timezone: 'Asia/Tokyo' } },
        token,
      );
      expect(created.status).toBe(201);
      child = data(created).id;
    } finally {
      await first.stop();
    }

    // A database written before accounts always held a timezone, or edited by hand: the child has none.
    const db = new Database(dbPath);
    db.prepare("UPDATE docs SET body = json_remove(body, '$.timezone') WHERE account_id = ? AND id = ?").run(child, child);
    db.close();

    const second = await startSandbox({ dbPath });
    try {
      const again = await apiLogin(second, second.apiKey);
      const sendTo = async (account: string) => {
        const sent = await request(second, 'PUT', `/v2/accounts/${account}/faxes`, { data: FAX }, again);
        expect(sent.status, sent.text).toBe(202);
        return data(sent).fax_timezone;
      };
      expect(await sendTo(child)).toBe('Europe/Lisbon');
    } finally {
      await second.stop();
    }

    const db2 = new Database(dbPath);
    db2.prepare("UPDATE docs SET body = json_remove(body, '$.timezone') WHERE account_id = ? AND id = ?").run(top, top);
    db2.close();

    const third = await startSandbox({ dbPath });
    try {
      const again = await apiLogin(third, third.apiKey);
      for (const account of [child, top]) {
        const sent = await request(third, 'PUT', `/v2/accounts/${account}/faxes`, { data: FAX }, again);
        expect(sent.status, sent.text).toBe(202);
        expect(data(sent).fax_timezone, account).toBe('America/Los_Angeles');
      }
    } finally {
      await third.stop();
    }
  });
});
