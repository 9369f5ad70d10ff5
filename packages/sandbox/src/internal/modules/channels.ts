import { forbidden } from '../crossbar-error';
import { defineModule, route } from '../sandbox-module';
import { channelsReply } from './calls';
import { DEVICES } from './devices';
import { USERS } from './users';

/** `cb_channels`: live calls of the account, a user or a device. */
export const channelsModule = defineModule({
  name: 'channels',
  routes: [
    // Every channel of the cluster is the super-duper admin's (`cb_channels:authorize/2`), which no sandbox login is.
    route('channels', ['GET'], () => {
      throw forbidden();
    }),
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
