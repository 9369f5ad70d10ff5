import type { Reply } from '../context';
import { badIdentifier } from '../crossbar-error';
import { defineModule, route } from '../sandbox-module';
import { DEVICES } from './devices';
import { USERS } from './users';

/** `GET …/channels` (no live calls in a sandbox) and `…/channels/{UUID}` (never found). */
function channels(uuid?: string): Reply {
  if (uuid !== undefined) throw badIdentifier(uuid);
  return { data: [], envelope: { revision: 'automatic' } };
}

/** `cb_channels`: live calls of the account, a user or a device. */
export const channelsModule = defineModule({
  name: 'channels',
  routes: [
    route('accounts/:account/channels', ['GET'], () => channels()),
    route('accounts/:account/channels/:uuid', ['GET', 'PUT', 'POST'], ({ params }) => channels(params.uuid)),
    route('accounts/:account/users/:id/channels', ['GET'], ({ engine, accountId, params }) => {
      engine.docs.load(accountId, USERS, params.id);
      return channels();
    }),
    route('accounts/:account/devices/:id/channels', ['GET'], ({ engine, accountId, params }) => {
      engine.docs.load(accountId, DEVICES, params.id);
      return channels();
    }),
  ],
});
