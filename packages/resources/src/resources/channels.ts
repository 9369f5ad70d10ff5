import { type CallOptions, InvalidArgumentError, type ListParams, type PagePromise } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { listCheck } from '../internal/list-check.js';
import { ResourceBase } from '../internal/resource-base.js';
import type { Channel, ChannelCommand, ChannelMetaflow } from '../schemas/channels.js';

const CHANNELS = 'accounts/{account_id}/channels';
const ACTIONS: readonly string[] = ['transfer', 'hangup', 'break', 'callflow', 'intercept'];
const channelList = listCheck('uuid');

/**
 * What `Channels.list()` takes: Crossbar's filters, paging and sort order (every option of `ListParams`),
 * named for the resource so editor tooltips and compiler errors show it.
 *
 * @example
 * ```ts
 * import type { ChannelListParams } from '@audian/resources';
 *
 * const params: ChannelListParams = { pageSize: 50, ascending: true };
 * ```
 */
export interface ChannelListParams extends ListParams {}

/**
 * Live calls: `/v2/accounts/{ACCOUNT_ID}/channels`, and actions on one (transfer, hang up,
 * run a metaflow). Actions need Konami (metaflows) enabled on the call.
 *
 * @example
 * ```ts
 * for await (const channel of audian.channels.list()) console.log(channel.uuid, channel.caller_id_number, channel.destination);
 * await audian.channels.transfer(uuid, { target: '2600' });
 * await audian.channels.hangup(uuid);
 * ```
 */
export class Channels extends ResourceBase {
  /** Lists the account's live channels (one page). `GET /v2/accounts/{ACCOUNT_ID}/channels` */
  list(params?: ChannelListParams, options?: CallOptions): PagePromise<Channel> {
    return this.pages(CHANNELS, params, { options, schema: channelList });
  }

  /**
   * Fetches one live channel. `GET /v2/accounts/{ACCOUNT_ID}/channels/{UUID}`
   *
   * @throws NotFoundError when the call is gone or not the account's
   */
  get(uuid: string, options?: CallOptions): APIPromise<Channel> {
    return this.call('GET', `${CHANNELS}/{uuid}`, { pathParams: { uuid }, options });
  }

  /** Lists the live channels of a user's devices. `GET /v2/accounts/{ACCOUNT_ID}/users/{USER_ID}/channels` */
  listByUser(userId: string, params?: ListParams, options?: CallOptions): PagePromise<Channel> {
    return this.pages('accounts/{account_id}/users/{id}/channels', params, { pathParams: { id: userId }, options, schema: channelList });
  }

  /** Lists the live channels of a device. `GET /v2/accounts/{ACCOUNT_ID}/devices/{DEVICE_ID}/channels` */
  listByDevice(deviceId: string, params?: ListParams, options?: CallOptions): PagePromise<Channel> {
    return this.pages('accounts/{account_id}/devices/{id}/channels', params, {
      pathParams: { id: deviceId },
      options,
      schema: channelList,
    });
  }

  /**
   * Lists every live channel of the system (super-admins). `GET /v2/channels`
   *
   * Only clusters whose `crossbar.channels` system config has `system_wide_channels_list` on
   * answer it; with KAZOO's default (off) the query reaches no call manager and Crossbar answers
   * 500 `could not reach ecallmgr channels` (`cb_channels:get_account_id/1`).
   *
   * @throws ServerError (500) on a cluster with the system-wide listing off
   * @throws ForbiddenError for a login that is not a super-admin
   */
  listSystem(params?: ListParams, options?: CallOptions): PagePromise<Channel> {
    return this.pages('channels', params, { options, schema: channelList });
  }

  /**
   * Runs a command on the call: `transfer`, `hangup`, `break`, `callflow` or `intercept`.
   * `POST /v2/accounts/{ACCOUNT_ID}/channels/{UUID}`
   *
   * @throws InvalidArgumentError (before any request) for an unknown action
   */
  execute(uuid: string, command: ChannelCommand, options?: CallOptions): APIPromise<unknown> {
    if (typeof command !== 'object' || command === null || !ACTIONS.includes(command.action)) {
      throw new InvalidArgumentError('command.action', `command.action must be one of ${ACTIONS.join(', ')}`);
    }
    return this.call('POST', `${CHANNELS}/{uuid}`, { pathParams: { uuid }, data: command, options });
  }

  /**
   * Transfers the call to `target` (blind by default). `POST /v2/accounts/{ACCOUNT_ID}/channels/{UUID}`
   * with `{"data":{"action":"transfer","target":…}}`
   *
   * @throws InvalidArgumentError (before any request) when `target` is empty
   */
  transfer(
    uuid: string,
    params: {
      readonly target: string;
      readonly 'transfer-type'?: 'blind' | 'attended';
      readonly moh?: string;
      readonly leg?: 'self' | 'bleg';
    },
    options?: CallOptions,
  ): APIPromise<unknown> {
    if (typeof params?.target !== 'string' || params.target === '')
      throw new InvalidArgumentError('target', 'target must be a non-empty string');
    return this.execute(uuid, { ...params, action: 'transfer' }, options);
  }

  /** Hangs up the call. `POST /v2/accounts/{ACCOUNT_ID}/channels/{UUID}` with `{"data":{"action":"hangup"}}` */
  hangup(uuid: string, options?: CallOptions): APIPromise<unknown> {
    return this.execute(uuid, { action: 'hangup' }, options);
  }

  /**
   * Runs a metaflow (a node with `module`, `data` and `children`) on the call.
   * `PUT /v2/accounts/{ACCOUNT_ID}/channels/{UUID}` with `{"action":"metaflow","data":{…}}`
   *
   * @throws InvalidArgumentError (before any request) when `module` is missing
   */
  metaflow(uuid: string, flow: ChannelMetaflow, options?: CallOptions): APIPromise<unknown> {
    if (typeof flow?.module !== 'string' || flow.module === '')
      throw new InvalidArgumentError('flow.module', 'flow.module must be a non-empty string');
    return this.call('PUT', `${CHANNELS}/{uuid}`, { pathParams: { uuid }, envelope: { action: 'metaflow' }, data: flow, options });
  }
}

export type { Channel, ChannelCommand, ChannelMetaflow } from '../schemas/channels.js';
