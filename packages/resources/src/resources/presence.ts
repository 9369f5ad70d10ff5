import { type CallOptions, InvalidArgumentError } from '@audian/core';
import type { APIPromise } from '../api-promise.js';
import { ResourceBase } from '../internal/resource-base.js';
import type { PresenceCommand, PresenceSearch } from '../schemas/presence.js';

const PRESENCE = 'accounts/{account_id}/presence';

function checkCommand(command: PresenceCommand): void {
  if (command?.action !== 'reset' && command?.action !== 'set') {
    throw new InvalidArgumentError('command.action', 'command.action must be reset or set');
  }
  if (command.action === 'set' && (typeof command.state !== 'string' || command.state === '')) {
    throw new InvalidArgumentError('command.state', 'command.state is required with action set');
  }
}

/**
 * Presence (BLF) state: `/v2/accounts/{ACCOUNT_ID}/presence` — the subscriptions and dialogs of
 * the account's extensions, and resetting or setting an extension's state.
 *
 * @example
 * ```ts
 * const { subscriptions } = await audian.presence.search();
 * await audian.presence.update('*3101', { action: 'reset' });
 * ```
 */
export class Presence extends ResourceBase {
  /** The account's presence subscriptions. `GET /v2/accounts/{ACCOUNT_ID}/presence` */
  search(query?: Readonly<Record<string, string>>, options?: CallOptions): APIPromise<PresenceSearch> {
    return this.call('GET', PRESENCE, { query, options });
  }

  /** One extension's presence. `GET /v2/accounts/{ACCOUNT_ID}/presence/{EXTENSION}` */
  get(extension: string, options?: CallOptions): APIPromise<PresenceSearch> {
    return this.call('GET', `${PRESENCE}/{extension}`, { pathParams: { extension }, options });
  }

  /**
   * Resets an extension's presence, or sets its state. `POST /v2/accounts/{ACCOUNT_ID}/presence/{EXTENSION}`
   *
   * @throws InvalidArgumentError (before any request) for an unknown action, or `set` without `state`
   */
  update(extension: string, command: PresenceCommand, options?: CallOptions): APIPromise<unknown> {
    checkCommand(command);
    return this.call('POST', `${PRESENCE}/{extension}`, { pathParams: { extension }, data: command, options });
  }

  /**
   * A presence command on the account's collection (KAZOO answers it only under a user or device).
   * `POST /v2/accounts/{ACCOUNT_ID}/presence`
   *
   * @throws InvalidArgumentError (before any request) for an unknown action, or `set` without `state`
   */
  command(command: PresenceCommand, options?: CallOptions): APIPromise<unknown> {
    checkCommand(command);
    return this.call('POST', PRESENCE, { data: command, options });
  }

  /** A report a reset collected. `GET /v2/accounts/{ACCOUNT_ID}/presence/report-{REPORT_ID}` */
  report(reportId: string, options?: CallOptions): APIPromise<unknown> {
    return this.call('GET', `${PRESENCE}/report-{report}`, { pathParams: { report: reportId }, options });
  }
}

export type { PresenceCommand, PresenceSearch } from '../schemas/presence.js';
