import { describe, expect, it } from 'vitest';
import { type Doc, data, request, useHarness } from './helpers';

/** Paths KAZOO serves: answered as KAZOO does, or 501 naming the module — never a 404 that reads as a missing document. */

const h = useHarness();

describe('paths that need a telephony engine or are not modelled', () => {
  it('answer 501 not_implemented naming the endpoint, after authentication', async () => {
    const queue = data(await h.call('PUT', `${h.acct}/queues`, { data: { name: 'Support' } }));
    const cases: [string, string, string][] = [
      ['GET', `${h.acct}/queues/stats`, 'queues/stats'],
      ['GET', `${h.acct}/queues/${queue.id}/roster`, 'queues/roster'],
      ['GET', `${h.acct}/cdrs/interaction`, 'cdrs/interaction'],
      ['GET', `${h.acct}/cdrs/summary`, 'cdrs/summary'],
      ['GET', `${h.acct}/cdrs/legs/${'0'.repeat(32)}`, 'cdrs/legs'],
      ['GET', `${h.acct}/migrations`, 'migrations'],
      ['GET', '/v2/system_status', 'system_status'],
      ['PUT', `${h.acct}/skels`, 'skels'],
      ['GET', '/v2/system_configs', 'system_configs'],
    ];
    for (const [method, path, endpoint] of cases) {
      const r = await h.call(method, path, method === 'GET' ? undefined : { data: {} });
      expect(r.status, path).toBe(501);
      expect(r.body).toMatchObject({ status: 'error', error: '501', message: 'not_implemented', data: { module: endpoint } });
    }
    expect((await request(h.sandbox, 'GET', `${h.acct}/queues/stats`)).status).toBe(401);
  });

  it('still answers an endpoint KAZOO does not have with 404 not_found (api_resource:maybe_allow_method/4)', async () => {
    for (const path of [`${h.acct}/no_such_module`, `${h.acct}/users/${'0'.repeat(32)}/no_such_thing`, '/v2/no_such_module']) {
      const r = await h.call('GET', path);
      expect(r.status, path).toBe(404);
      expect(r.body).toMatchObject({ message: 'not_found', data: { message: 'not found' } });
    }
  });
});

describe('paths served from the stored data', () => {
  it('users/{id}/vcard answers the vCard (kzd_users:to_vcard/1)', async () => {
    const user = data(
      await h.call('PUT', `${h.acct}/users`, {
        data: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', timezone: 'Europe/London', title: 'Countess, Analyst' },
      }),
    );
    const r = await h.call('GET', `${h.acct}/users/${user.id}/vcard`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/x-vcard');
    expect(r.text).toBe(
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:Ada Lovelace',
        'N:Lovelace;Ada',
        'EMAIL:ada@example.com',
        'TITLE:Countess\\, Analyst',
        'TZ:Europe/London',
        'END:VCARD',
        '',
      ].join('\n'),
    );
    expect((await h.call('GET', `${h.acct}/users/${'0'.repeat(32)}/vcard`)).status).toBe(404);
  });

  it('users/{id}/channels and conferences/{id}/participants are empty (no live calls); webhooks attempts are empty', async () => {
    const user = data(await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Chan', last_name: 'Nel' } }));
    expect((await h.call('GET', `${h.acct}/users/${user.id}/channels`)).body.data).toEqual([]);
    const conference = data(await h.call('PUT', `${h.acct}/conferences`, { data: { name: 'Standup' } }));
    const participants = await h.call('GET', `${h.acct}/conferences/${conference.id}/participants`);
    expect(participants.status).toBe(200);
    expect(participants.body.data).toEqual([]);
    expect((await h.call('GET', `${h.acct}/conferences/${'0'.repeat(32)}/participants`)).status).toBe(404);
    const hook = data(
      await h.call('PUT', `${h.acct}/webhooks`, { data: { name: 'Hook', uri: 'https://example.com/h', hook: 'channel_create' } }),
    );
    expect((await h.call('GET', `${h.acct}/webhooks/attempts`)).body.data).toEqual([]);
    expect((await h.call('GET', `${h.acct}/webhooks/${hook.id}/attempts`)).body.data).toEqual([]);
  });

  it('GET /v2/webhooks lists the hook types (cb_webhooks:summary_available/1)', async () => {
    const r = await h.call('GET', '/v2/webhooks');
    expect(r.status).toBe(200);
    expect((r.body.data as Doc[]).map((x) => x.id)).toEqual(expect.arrayContaining(['channel_create', 'channel_destroy', 'object']));
  });

  it('media/languages and media/prompts count the media (media/listing_by_language, listing_by_prompt)', async () => {
    await h.call('PUT', `${h.acct}/media`, { data: { name: 'Hello', language: 'en-US', prompt_id: 'vm-hello' } });
    await h.call('PUT', `${h.acct}/media`, { data: { name: 'Bonjour', language: 'fr-fr', prompt_id: 'vm-hello' } });
    const plain = data(await h.call('PUT', `${h.acct}/media`, { data: { name: 'Hold music' } }));
    const languages = await h.call('GET', `${h.acct}/media/languages`);
    // The media schema defaults `language` to en-us.
    expect(languages.body.data).toEqual([{ 'en-us': 2, 'fr-fr': 1 }]);
    expect((await h.call('GET', `${h.acct}/media/languages/en-us`)).body.data).toContain(plain.id);
    expect((await h.call('GET', `${h.acct}/media/prompts`)).body.data).toEqual([{ 'vm-hello': 2 }]);
    expect((await h.call('GET', `${h.acct}/media/prompts/vm-hello`)).body.data).toHaveLength(2);
  });

  it('phone_numbers/collection runs the single-number operation on each (cb_phone_numbers:set_response/3)', async () => {
    const many = await h.call('PUT', `${h.acct}/phone_numbers/collection`, { data: { numbers: ['+14155550301', '+14155550302'] } });
    expect(many.status).toBe(200);
    const result = many.body.data as { success: Record<string, Doc>; error: unknown };
    expect(Object.keys(result.success).sort()).toEqual(['+14155550301', '+14155550302']);
    expect(result.error).toEqual([]);
    const again = await h.call('PUT', `${h.acct}/phone_numbers/collection`, { data: { numbers: ['+14155550301', '+14155550303'] } });
    const mixed = again.body.data as { success: Record<string, Doc>; error: Record<string, unknown> };
    expect(Object.keys(mixed.success)).toEqual(['+14155550303']);
    expect(Object.keys(mixed.error)).toEqual(['+14155550301']);
    const missing = await h.call('PUT', `${h.acct}/phone_numbers/collection`, { data: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.data).toMatchObject({ numbers: { required: { message: 'list of numbers missing' } } });
    const twice = await h.call('PUT', `${h.acct}/phone_numbers/collection`, { data: { numbers: ['+14155550304', '4155550304'] } });
    expect(twice.body.data).toMatchObject({ numbers: { uniqueItems: { message: 'some numbers appear twice' } } });
    const notList = await h.call('PUT', `${h.acct}/phone_numbers/collection`, { data: { numbers: '+14155550304' } });
    expect(notList.body.data).toMatchObject({ numbers: { type: { message: 'numbers must be a list' } } });
    const released = await h.call('DELETE', `${h.acct}/phone_numbers/collection`, { data: { numbers: ['+14155550302', '+14155550303'] } });
    expect(Object.keys((released.body.data as { success: object }).success).sort()).toEqual(['+14155550302', '+14155550303']);
  });

  /** A new account under `parent`, and a token for it (its API key's login). */
  async function account(parent: string, name: string): Promise<{ id: string; token: string }> {
    const created = data(await h.call('PUT', `/v2/accounts/${parent}`, { data: { name } }));
    const key = data(await h.call('GET', `/v2/accounts/${created.id}/api_key`));
    return { id: created.id, token: await h.login(String(key.api_key)) };
  }
  const treeIds = async (id: string) => ((await h.call('GET', `/v2/accounts/${id}/tree`)).body.data as Doc[]).map((a) => a.id);

  it('accounts/{id}/move: `to` required, then the super-duper admin only (cb_accounts:validate_move/4, 403 for a sub-account admin)', async () => {
    const branch = await account(h.sandbox.accountId, 'Move Branch');
    const leaf = await account(branch.id, 'Move Leaf');
    const noTo = await h.call('POST', `/v2/accounts/${leaf.id}/move`, { data: {} });
    expect(noTo.status).toBe(400);
    expect(noTo.body.data).toEqual({ to: { required: { message: "Field 'to' is required" } } });
    const byBranch = await request(h.sandbox, 'POST', `/v2/accounts/${leaf.id}/move`, { data: { to: branch.id } }, branch.token);
    expect(byBranch.status).toBe(403);
    expect(byBranch.body.data).toEqual({ message: 'forbidden' });
    expect(await treeIds(leaf.id)).toEqual([h.sandbox.accountId, branch.id]);
  });

  it('accounts/{id}/move by the master account rewrites the pvt_tree of the account and its descendants, answers the account (crossbar_util:move_account/2)', async () => {
    const from = await account(h.sandbox.accountId, 'Move From');
    const to = await account(h.sandbox.accountId, 'Move To');
    const moving = await account(from.id, 'Moving');
    const below = await account(moving.id, 'Below Moving');
    // Under itself or one of its descendants: crossbar_util:validate_move/2 refuses.
    expect((await h.call('POST', `/v2/accounts/${moving.id}/move`, { data: { to: moving.id } })).status).toBe(403);
    expect((await h.call('POST', `/v2/accounts/${moving.id}/move`, { data: { to: below.id } })).status).toBe(403);

    const moved = await h.call('POST', `/v2/accounts/${moving.id}/move`, { data: { to: to.id } });
    expect(moved.status).toBe(200);
    expect(data(moved)).toMatchObject({ id: moving.id, name: 'Moving', superduper_admin: false, reseller_id: h.sandbox.accountId });
    expect(await treeIds(moving.id)).toEqual([h.sandbox.accountId, to.id]);
    expect(await treeIds(below.id)).toEqual([h.sandbox.accountId, to.id, moving.id]);
    const descendants = (await h.call('GET', `/v2/accounts/${to.id}/descendants`)).body.data as Doc[];
    expect(descendants.map((d) => [d.id, d.tree])).toEqual(
      expect.arrayContaining([
        [moving.id, [h.sandbox.accountId, to.id]],
        [below.id, [h.sandbox.accountId, to.id, moving.id]],
      ]),
    );
    expect((await h.call('GET', `/v2/accounts/${from.id}/descendants`)).body.data).toEqual([]);
    // The old parent no longer reaches the moved accounts; the new one does.
    expect((await request(h.sandbox, 'GET', `/v2/accounts/${below.id}`, {}, from.token)).status).toBe(403);
    expect((await request(h.sandbox, 'GET', `/v2/accounts/${below.id}`, {}, to.token)).status).toBe(200);
  });

  it('accounts/{id}/reseller: the super-duper admin promotes and demotes (kz_services_reseller:promote/1, demote/1); 403 for a sub-account admin and on the master account', async () => {
    const parent = await account(h.sandbox.accountId, 'Reseller To Be');
    const sub = await account(parent.id, 'Reseller Sub');
    expect((await request(h.sandbox, 'PUT', `/v2/accounts/${sub.id}/reseller`, { data: {} }, parent.token)).status).toBe(403);
    expect((await request(h.sandbox, 'DELETE', `/v2/accounts/${sub.id}/reseller`, {}, parent.token)).status).toBe(403);
    expect((await h.call('PUT', `/v2/accounts/${h.sandbox.accountId}/reseller`, { data: {} })).status).toBe(403);
    expect((await h.call('DELETE', `/v2/accounts/${h.sandbox.accountId}/reseller`)).status).toBe(403);

    const promoted = await h.call('PUT', `/v2/accounts/${parent.id}/reseller`, { data: {} });
    expect(promoted.status).toBe(201);
    expect(data(promoted)).toMatchObject({ id: parent.id, is_reseller: true, reseller_id: parent.id });
    expect(data(await h.call('GET', `/v2/accounts/${sub.id}`))).toMatchObject({ is_reseller: false, reseller_id: parent.id });

    // A reseller below blocks both (has_reseller_descendants/1): 500 account_has_descendants.
    expect((await h.call('PUT', `/v2/accounts/${sub.id}/reseller`, { data: {} })).status).toBe(201);
    const blocked = await h.call('DELETE', `/v2/accounts/${parent.id}/reseller`);
    expect(blocked.status).toBe(500);
    expect(blocked.body.message).toBe('account_has_descendants');

    const subDemoted = await h.call('DELETE', `/v2/accounts/${sub.id}/reseller`);
    expect(subDemoted.status).toBe(200);
    expect(data(subDemoted)).toMatchObject({ is_reseller: false, reseller_id: parent.id });
    const demoted = await h.call('DELETE', `/v2/accounts/${parent.id}/reseller`);
    expect(data(demoted)).toMatchObject({ is_reseller: false, reseller_id: h.sandbox.accountId });
    expect(data(await h.call('GET', `/v2/accounts/${sub.id}`)).reseller_id).toBe(h.sandbox.accountId);
  });

  it('the master account shows superduper_admin: true (cb_accounts:leak_pvt_superduper_admin/1); a sub-account false', async () => {
    expect(data(await h.call('GET', h.acct)).superduper_admin).toBe(true);
    const sub = await account(h.sandbox.accountId, 'Plain Sub');
    expect(data(await h.call('GET', `/v2/accounts/${sub.id}`)).superduper_admin).toBe(false);
  });
});

describe('documents as KAZOO shows them', () => {
  it('GET callflows/{id} adds the metadata of the documents its flow names (cb_callflows:get_metadata/2)', async () => {
    const user = data(await h.call('PUT', `${h.acct}/users`, { data: { first_name: 'Meta', last_name: 'Data' } }));
    const box = data(await h.call('PUT', `${h.acct}/vmboxes`, { data: { name: 'Meta box', mailbox: '4321' } }));
    const created = data(
      await h.call('PUT', `${h.acct}/callflows`, {
        data: {
          name: 'Meta flow',
          numbers: ['4321'],
          flow: {
            module: 'user',
            data: { id: user.id },
            children: { _: { module: 'voicemail', data: { id: box.id } } },
          },
        },
      }),
    );
    expect(created).not.toHaveProperty('metadata');
    const fetched = data(await h.call('GET', `${h.acct}/callflows/${created.id}`));
    expect(fetched.metadata).toEqual({
      [user.id]: { name: 'Meta Data', pvt_type: 'user' },
      [box.id]: { name: 'Meta box', pvt_type: 'vmbox' },
    });
    const bare = data(
      await h.call('PUT', `${h.acct}/callflows`, {
        data: { numbers: ['4322'], flow: { module: 'voicemail', data: { id: '0'.repeat(32) } } },
      }),
    );
    expect(data(await h.call('GET', `${h.acct}/callflows/${bare.id}`)).metadata).toEqual({});
  });
});
