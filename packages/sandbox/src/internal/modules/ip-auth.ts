import { loginReply } from '../auth-replies';
import type { Reply, SandboxRequest } from '../context';
import { missingCredentials } from '../crossbar-error';
import type { Engine } from '../engine';
import { isObject } from '../json';
import { defineModule, route } from '../sandbox-module';

/**
 * `PUT /v2/ip_auth` (`cb_ip_auth:authenticate_ip/3` over `accounts/listing_by_ip`): the account
 * whose `ips` list holds the client's address — exactly one — gets a token, with that entry's
 * `owner_id` as the user; anything else is 401.
 */
function ipAuth(engine: Engine, req: SandboxRequest): Reply {
  const ip = req.clientIp ?? '';
  if (ip === '') throw missingCredentials();
  const matches: { accountId: string; ownerId: string | undefined }[] = [];
  for (const account of engine.store.allOfType('account')) {
    if (account.deleted || !Array.isArray(account.body.ips)) continue;
    for (const entry of account.body.ips) {
      if (isObject(entry) && entry.ip === ip) {
        matches.push({ accountId: account.id, ownerId: typeof entry.owner_id === 'string' ? entry.owner_id : undefined });
      }
    }
  }
  const [only] = matches;
  const account = only && matches.length === 1 ? engine.account(only.accountId) : undefined;
  if (!only || !account) throw missingCredentials();
  return loginReply(engine, account, only.ownerId, 'cb_ip_auth');
}

/** `cb_ip_auth`: logs in by the client's IP address. */
export const ipAuthModule = defineModule({
  name: 'ip_auth',
  routes: [route('ip_auth', ['PUT'], ({ engine, req }) => ipAuth(engine, req), { public: true })],
});
