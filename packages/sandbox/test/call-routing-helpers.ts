import type { Harness } from './helpers';

/** A sub-account of the seeded reseller and a token of its own (not a reseller's). */
export async function childLogin(h: Harness, name: string): Promise<{ accountId: string; token: string }> {
  const created = await h.call('PUT', h.acct, { data: { name } });
  const accountId = String((created.body.data as { id: string }).id);
  const key = await h.call('GET', `/v2/accounts/${accountId}/api_key`);
  const token = await h.login(String((key.body.data as { api_key: string }).api_key));
  return { accountId, token };
}
