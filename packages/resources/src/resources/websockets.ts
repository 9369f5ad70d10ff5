import type { CallOptions, ListParams, PagePromise } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { listCheck } from '../internal/list-check.js';
import { ResourceBase } from '../internal/resource-base.js';
import type { Websocket, WebsocketBindings } from '../schemas/websockets.js';

const WEBSOCKETS = 'accounts/{account_id}/websockets';
const SOCKETS = listCheck('websocket_session_id');

/**
 * The account's live websocket connections (KAZOO's event service): who is connected, since
 * when, and what each subscribed to. `/v2/accounts/{ACCOUNT_ID}/websockets`
 *
 * @example
 * ```ts
 * for await (const socket of audian.websockets.list()) console.log(socket.websocket_session_id, socket.bindings);
 * const families = await audian.websockets.available(); // { object: ['object.doc_created.user', …], … }
 * ```
 */
export class Websockets extends ResourceBase {
  /** Lists the websockets connected for the account (and the login's account). `GET /v2/accounts/{ACCOUNT_ID}/websockets` */
  list(params?: ListParams, options?: CallOptions): PagePromise<Websocket> {
    return this.pages(WEBSOCKETS, params, { options, schema: SOCKETS });
  }

  /** One websocket and its bindings (`{}` when it is gone). `GET /v2/accounts/{ACCOUNT_ID}/websockets/{SOCKET_ID}` */
  get(socketId: string, options?: CallOptions): APIPromise<Websocket> {
    return this.call('GET', `${WEBSOCKETS}/{id}`, { pathParams: { id: socketId }, options });
  }

  /** The bindings a websocket may subscribe to, by family. `GET /v2/websockets` */
  available(options?: CallOptions): APIPromise<WebsocketBindings> {
    return this.call('GET', 'websockets', { options });
  }
}

export type { Websocket, WebsocketBindings } from '../schemas/websockets.js';
