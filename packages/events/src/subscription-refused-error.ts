import { AudianError } from '@audian/core';

/**
 * Why blackhole refused a subscription:
 * - `token` — the auth token was missing, malformed or invalid (`bh_token_auth:authenticate/3`),
 *   and asking the auth strategy again gave no other token;
 * - `account` — the token may not see that account (`bh_authz_subscribe:authorize_account/2`:
 *   outside its hierarchy, or `*` without super-duper-admin rights);
 * - `binding` — the server has no module for the binding or its arguments are wrong
 *   (`bh_events:validate/2`, `bh_call:validate/2`, `bh_object:validate/2`, …).
 */
export type SubscriptionRefusal = 'token' | 'account' | 'binding';

/**
 * The server refused a subscription. It ends the iterators (and `on` handlers) that asked for
 * that binding, and only those; the others keep running. The message and `serverErrors` never
 * contain the auth token (KAZOO echoes a refused token back in its error text).
 *
 * @example
 * ```ts
 * import { SubscriptionRefusedError } from '@audian/events';
 *
 * try {
 *   for await (const event of events.subscribe('call.CHANNEL_CREATE.*')) console.log(event.name);
 * } catch (error) {
 *   if (error instanceof SubscriptionRefusedError) console.error(error.reason, error.binding, error.serverErrors);
 * }
 * ```
 */
export class SubscriptionRefusedError extends AudianError {
  static override readonly errorName: string = 'SubscriptionRefusedError';
  /** Why: see {@link SubscriptionRefusal}. */
  readonly reason: SubscriptionRefusal;
  /** The refused binding. */
  readonly binding: string;
  /** The account it was asked for. */
  readonly accountId: string;
  /** The server's `data.errors`, with the token scrubbed. */
  readonly serverErrors: readonly string[];

  constructor(init: { reason: SubscriptionRefusal; binding: string; accountId: string; serverErrors: readonly string[] }) {
    const detail = init.serverErrors.length > 0 ? init.serverErrors.join('; ') : 'no reason given';
    super(
      `blackhole refused ${init.reason === 'token' ? 'the auth token for ' : ''}binding "${init.binding}" on account ${init.accountId}: ${detail}`,
    );
    this.reason = init.reason;
    this.binding = init.binding;
    this.accountId = init.accountId;
    this.serverErrors = Object.freeze([...init.serverErrors]);
  }

  /** A JSON form with what a log needs. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      reason: this.reason,
      binding: this.binding,
      accountId: this.accountId,
      serverErrors: this.serverErrors,
    };
  }
}
