import { ForbiddenError, ServerError } from '@audian/core';
import { createAudian } from '@audian/resources';
import { describe, expect, it } from 'vitest';
import { childLogin } from './call-routing-helpers';
import { type Doc, data, request, useHarness } from './helpers';

/**
 * `GET /v2/channels` names no account. A stock KAZOO leaves the `crossbar.channels` system config
 * `system_wide_channels_list` at its default, false (`cb_channels:get_account_id/1`), so the query
 * goes out without an `Account-ID`, `kapi_call:publish_query_account_channels_req/1` refuses to
 * build it, and `cb_channels:get_channels/3` answers 500. The account's own listings are unaffected.
 */

const h = useHarness();

/** A ringing call in `accountId`: one device, one callflow to it, one simulated call. */
async function ringIn(accountId: string, number: string): Promise<string> {
  const device = data(await h.call('PUT', `/v2/accounts/${accountId}/devices`, { data: { name: `Ringer ${number}` } }));
  const flow = { numbers: [number], flow: { module: 'device', data: { id: device.id }, children: {} } };
  expect((await h.call('PUT', `/v2/accounts/${accountId}/callflows`, { data: flow })).status).toBe(201);
  const placed = await h.call('PUT', `/v2/accounts/${accountId}/sandbox/calls`, { data: { to: number, answer: false } });
  return String(data(placed).call_id);
}

describe('GET /v2/channels on a stock KAZOO (cb_channels:get_account_id/1, system_wide_channels_list false)', () => {
  it('answers a super-duper admin 500 "could not reach ecallmgr channels" with empty data (cb_channels:get_channels/3)', async () => {
    const answer = await h.call('GET', '/v2/channels');
    expect(answer.status).toBe(500);
    expect(answer.body).toMatchObject({ status: 'error', error: '500', message: 'could not reach ecallmgr channels', data: {} });
  });

  it('answers 500 even while calls are up, and the account listing still shows them (cb_channels:summary/1)', async () => {
    const callId = await ringIn(h.sandbox.accountId, '3201');
    try {
      expect((await h.call('GET', '/v2/channels')).status).toBe(500);
      const own = (await h.call('GET', `${h.acct}/channels`)).body.data as Doc[];
      expect(own.map((c) => c.uuid)).toContain(callId);
    } finally {
      await h.call('DELETE', `${h.acct}/sandbox/calls/${encodeURIComponent(callId)}`);
    }
  });

  it('answers any other login 403 before the module runs (cb_simple_authz:account_is_descendant/3: no account in the path)', async () => {
    const child = await childLogin(h, 'Channels Tenant');
    const answer = await request(h.sandbox, 'GET', '/v2/channels', {}, child.token);
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ error: '403', message: 'forbidden' });
    const callId = await ringIn(child.accountId, '3202');
    try {
      const theirs = (await request(h.sandbox, 'GET', `/v2/accounts/${child.accountId}/channels`, {}, child.token)).body.data as Doc[];
      expect(theirs.map((c) => c.uuid)).toContain(callId);
      expect((await request(h.sandbox, 'GET', '/v2/channels', {}, child.token)).status).toBe(403);
    } finally {
      await h.call('DELETE', `/v2/accounts/${child.accountId}/sandbox/calls/${encodeURIComponent(callId)}`);
    }
  });

  it("the SDK's channels resource: list() reads the account's calls, listSystem() surfaces the 500 as a ServerError", async () => {
    const audian = createAudian({ apiKey: h.sandbox.apiKey, baseUrl: `${h.sandbox.url}/v2/`, retry: false });
    const callId = await ringIn(h.sandbox.accountId, '3203');
    try {
      const listed = await audian.channels.list().toArray();
      expect(listed.map((c) => c.uuid)).toContain(callId);
      const failure = await audian.channels
        .listSystem()
        .toArray()
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ServerError);
      expect(failure).toMatchObject({ status: 500, apiMessage: 'could not reach ecallmgr channels' });
      expect(failure).not.toBeInstanceOf(ForbiddenError);
    } finally {
      await h.call('DELETE', `${h.acct}/sandbox/calls/${encodeURIComponent(callId)}`);
    }
  });
});
