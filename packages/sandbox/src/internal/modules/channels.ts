import { ACCOUNTS } from '../accounts-def';
import { requireSuperDuperAdmin } from '../billing-rights';
import type { Reply, SandboxRequest } from '../context';
import type { Engine } from '../engine';
import { defineModule, route } from '../sandbox-module';
import { channelsReply } from './calls';
import { DEVICES } from './devices';
import { USERS } from './users';

/**
 * `GET /v2/channels`: the path names no account, so only a super-duper admin passes
 * `cb_simple_authz:account_is_descendant/2` (403 otherwise). `cb_channels:get_account_id/1` then
 * asks for `all` channels, as a cluster with `crossbar.channels` `system_wide_channels_list` on
 * does (KAZOO's docs require it for this path): every live leg of every account.
 */
function systemChannels(engine: Engine, req: SandboxRequest): Reply {
  requireSuperDuperAdmin(engine, req.auth);
  const rows = engine.store.allOfType(ACCOUNTS.type).flatMap((account) => (channelsReply(engine, req, account.id).data as unknown[]) ?? []);
  return { data: rows, envelope: { revision: 'automatic' } };
}

/** `cb_channels`: live calls of the account, a user or a device, and of the whole system. */
export const channelsModule = defineModule({
  name: 'channels',
  routes: [
    route('channels', ['GET'], ({ engine, req }) => systemChannels(engine, req)),
    route('accounts/:account/channels', ['GET'], ({ engine, req, accountId }) => channelsReply(engine, req, accountId)),
    route('accounts/:account/channels/:uuid', ['GET', 'PUT', 'POST'], ({ engine, req, accountId, params }) =>
      channelsReply(engine, req, accountId, { uuid: params.uuid }),
    ),
    route('accounts/:account/users/:id/channels', ['GET'], ({ engine, req, accountId, params }) => {
      engine.docs.load(accountId, USERS, params.id);
      return channelsReply(engine, req, accountId, { ownerId: params.id });
    }),
    route('accounts/:account/devices/:id/channels', ['GET'], ({ engine, req, accountId, params }) => {
      engine.docs.load(accountId, DEVICES, params.id);
      return channelsReply(engine, req, accountId, { deviceId: params.id });
    }),
  ],
});
