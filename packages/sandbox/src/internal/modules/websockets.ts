import { availableBindings, blackholeOf } from '../blackhole';
import { defineModule, route } from '../sandbox-module';

/**
 * `cb_websockets`: the bindings a socket may subscribe to (answered without a token,
 * `authenticate_req/3`), and the live sockets of the sandbox's own websocket service, as
 * `blackhole_tracking` reports them: those authenticated as the URL's account or the token's
 * account, or one by its session id (`{}` when it is gone).
 */
export const websocketsModule = defineModule({
  name: 'websockets',
  routes: [
    route('websockets', ['GET'], () => ({ data: availableBindings() }), { public: true }),
    route('accounts/:account/websockets', ['GET'], ({ engine, req, accountId }) => {
      const accountIds = [accountId, req.auth?.accountId].filter((id): id is string => id !== undefined);
      return { data: blackholeOf(engine)?.sockets({ accountIds }) ?? [] };
    }),
    route('accounts/:account/websockets/:id', ['GET'], ({ engine, params }) => ({
      // `cb_websockets:read_success_resp/2` merges the (zero or one) answers into one object.
      data: blackholeOf(engine)?.sockets({ sessionId: params.id })[0] ?? {},
    })),
  ],
});
