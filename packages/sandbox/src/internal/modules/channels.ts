import { requireSuperDuperAdmin } from '../billing-rights';
import type { SandboxRequest } from '../context';
import { CrossbarError } from '../crossbar-error';
import type { Engine } from '../engine';
import { defineModule, route } from '../sandbox-module';
import { channelsReply } from './calls';
import { DEVICES } from './devices';
import { USERS } from './users';

/**
 * `GET /v2/channels`: the path names no account, so only a super-duper admin passes
 * `cb_simple_authz:account_is_descendant/2` (403 otherwise). With no account in the path,
 * `cb_channels:get_account_id/1` asks for `all` channels only when the `crossbar.channels` system
 * config `system_wide_channels_list` is true, and it defaults to false; without it the request
 * carries no `Account-ID`, `kapi_call:publish_query_account_channels_req/1` refuses to build it, and
 * `cb_channels:get_channels/3` answers 500 "could not reach ecallmgr channels" with empty data.
 * The sandbox has no system configs, so it answers as a stock KAZOO does.
 */
function systemChannels(engine: Engine, req: SandboxRequest): never {
  requireSuperDuperAdmin(engine, req.auth);
  throw new CrossbarError(500, 'could not reach ecallmgr channels', {});
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
